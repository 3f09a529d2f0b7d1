import { sql, type SQL } from 'drizzle-orm';

/**
 * `column` restricted to the given nodes, as a literal list the planner can count (a recursive CTE
 * here would be estimated at a hundred rows and push small scopes onto the year-wide index).
 * `null` (the whole tree) needs no restriction.
 */
export function nodeFilter(column: SQL, ids: readonly number[] | null): SQL {
  if (ids === null) return sql`true`;
  if (ids.length === 0) return sql`false`;
  return sql`${column} in (${sql.join(
    ids.map((id) => sql`${id}::int`),
    sql`, `,
  )})`;
}
