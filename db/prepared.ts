import type { Sql } from 'postgres';

// drizzle's postgres.js driver asks for an unnamed statement on every query (prepare: false), so
// PostgreSQL parses and analyzes each one anew, and postgres.js asks for a description first:
// preparing saved ~45% of the database's CPU per admin list page (docs/scale-out.md; each run
// is still planned for its values, see db/open.ts). Here parameterized statements are
// prepared once per connection instead, and reused: postgres.js keeps them per connection,
// re-prepares one whose cached plan a migration invalidated, and forgets them when it recycles
// the connection. Statements without parameters still go as simple queries (postgres.js sends
// those unprepared, so multi-statement SQL keeps working).
//
// A few queries inline values into their text (a subtree's branch ids, lib/records/list.ts), so
// the set of distinct texts is open-ended. Each prepared statement holds memory in every server
// process that prepared it, so only the first `max` distinct texts of this process are prepared:
// the queries every page runs are among the first seen, and the rest are sent unnamed, as before.

type Callback = (sql: Sql) => unknown;
type UnsafeOptions = { prepare?: boolean } & Record<string, unknown>;

/** `sql` whose parameterized statements, in transactions too, are prepared and reused: at most `max` distinct texts. */
export function preparingStatements<T extends Sql>(sql: T, max: number): T {
  const chosen = new Set<string>();
  const mayPrepare = (query: string) => {
    if (chosen.has(query)) return true;
    if (chosen.size >= max) return false;
    chosen.add(query);
    return true;
  };

  function wrap<S extends Sql>(target: S): S {
    return new Proxy(target, {
      get(object, property, receiver) {
        const value = Reflect.get(object, property, receiver);
        if (typeof value !== 'function') return value;
        if (property === 'unsafe') {
          return (query: string, args?: unknown[] | UnsafeOptions, options?: UnsafeOptions) => {
            // postgres.js also takes unsafe(query, options).
            if (args !== undefined && !Array.isArray(args)) [args, options] = [[], args];
            const prepare = args !== undefined && args.length > 0 && mayPrepare(query);
            return value.call(object, query, args ?? [], prepare ? { ...options, prepare: true } : options);
          };
        }
        if (property === 'begin' || property === 'savepoint') {
          return (...args: unknown[]) => {
            const body = args.pop() as Callback;
            return value.apply(object, [...args, (tx: Sql) => body(wrap(tx))]);
          };
        }
        return value;
      },
    });
  }
  return wrap(sql);
}
