import net from 'node:net';
import type { Sql } from 'postgres';

// Client-side deadlines for postgres.js. The server's statement_timeout cancels slow statements,
// but a server that is frozen (SIGSTOP, a hung host, a silent network) answers nothing, not even
// that cancellation, and postgres.js would wait forever. So every statement also gets a timer
// here: when it fires, the caller gets a DatabaseTimeoutError and the connections that went
// silent are destroyed, so the pool reconnects once the server answers again.

/** A statement the database did not answer within the client's deadline. */
export class DatabaseTimeoutError extends Error {
  readonly code = 'DATABASE_TIMEOUT';
  constructor(readonly afterMs: number) {
    super(`The database did not answer within ${afterMs} ms`);
    this.name = 'DatabaseTimeoutError';
  }
}

/** The client waits for the server's own timeout plus a margin for its answer to arrive. */
export const clientDeadlineMs = (statementTimeoutMs: number) => statementTimeoutMs + Math.min(statementTimeoutMs, 2000);

type SocketOptions = { host: string[]; port: number[]; path?: string };
type Tracked = { socket: net.Socket; heardAt: number };

/**
 * The sockets of one pool, with the time each last received a byte. Only plain TCP replies are
 * observed: postgres.js removes our listeners before TLS takes the socket over, so behind TLS a
 * socket counts as silent and is dropped with the silent ones.
 */
export function connectionWatch() {
  const tracked = new Set<Tracked>();
  const prune = () => {
    for (const entry of tracked) if (entry.socket.destroyed) tracked.delete(entry);
  };
  return {
    /** postgres.js's `socket` option: connects to the first host of the URL (no multi-host). */
    socket(options: SocketOptions): net.Socket {
      prune();
      const socket = new net.Socket();
      const entry: Tracked = { socket, heardAt: performance.now() };
      tracked.add(entry);
      socket.on('data', () => (entry.heardAt = performance.now()));
      socket.once('close', () => tracked.delete(entry));
      Object.assign(socket, { host: options.host[0], port: options.port[0] });
      if (options.path) socket.connect(options.path);
      else socket.connect(options.port[0]!, options.host[0]!);
      return socket;
    },
    /**
     * Destroys every connection silent for `silentMs`. A statement past its deadline means the
     * server ignored its own statement_timeout: a connection that quiet is stuck or idle, and
     * closing an idle one costs only a reconnect.
     */
    dropSilent(silentMs: number) {
      prune();
      const now = performance.now();
      for (const entry of tracked) if (now - entry.heardAt >= silentMs) entry.socket.destroy();
    },
  };
}

// postgres.js's query object is a promise with internals the deadline needs.
type PendingQuery = Promise<unknown> & { reject: (error: Error) => void };
type Callback = (sql: Sql) => unknown;

/**
 * `sql` with a deadline on every statement (and on BEGIN and COMMIT of transactions); `onStalled`
 * runs when one missed it.
 */
export function withDeadlines<T extends Sql>(sql: T, deadlineMs: number, onStalled: () => void): T {
  const timeout = () => new DatabaseTimeoutError(deadlineMs);

  function timed<Q>(query: Q): Q {
    // sql(...) also builds identifiers and fragments; only queries are promises.
    if (!(query instanceof Promise)) return query;
    const pending = query as unknown as PendingQuery;
    // A query still waiting for a connection stays queued: postgres.js's cancel() would leak a
    // connection that is opening for it. Like any timed-out statement it may still run later.
    const timer = setTimeout(() => {
      pending.reject(timeout());
      onStalled();
    }, deadlineMs);
    // Promise.prototype.then, not the query's own then(): observing must not start the query.
    const clear = () => clearTimeout(timer);
    Promise.prototype.then.call(pending, clear, clear);
    return query;
  }

  /** BEGIN waits for a connection and COMMIT for the server: each gets the deadline; the body does not. */
  function transaction(begin: (...args: unknown[]) => Promise<unknown>, args: unknown[]) {
    const body = args.pop() as Callback;
    let expired = false;
    let timer: NodeJS.Timeout | undefined;
    let fail!: (error: Error) => void;
    const failed = new Promise<never>((_, reject) => (fail = reject));
    const arm = () => {
      timer = setTimeout(() => {
        expired = true;
        onStalled();
        fail(timeout());
      }, deadlineMs);
    };
    const disarm = () => clearTimeout(timer);
    arm();
    const run = begin(...args, async (tx: Sql) => {
      disarm();
      // The caller has already been told it failed: run nothing, roll back.
      if (expired) throw timeout();
      try {
        return await body(wrap(tx));
      } finally {
        if (!expired) arm();
      }
    });
    return Promise.race([run, failed]).finally(disarm);
  }

  function wrap<S extends Sql>(target: S): S {
    return new Proxy(target, {
      apply: (fn, self, args) => timed(Reflect.apply(fn, self, args)),
      get(object, property, receiver) {
        const value = Reflect.get(object, property, receiver);
        if (typeof value !== 'function') return value;
        if (property === 'unsafe') return (...args: unknown[]) => timed(value.apply(object, args));
        if (property === 'begin') return (...args: unknown[]) => transaction(value.bind(object), args);
        if (property === 'savepoint') {
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

/**
 * True for a statement cancelled by the server's statement_timeout (SQLSTATE 57014) or given
 * up by the client's deadline, however drizzle wrapped it.
 */
export function isDatabaseTimeout(error: unknown): boolean {
  for (let cause = error, depth = 0; cause instanceof Error && depth < 5; cause = cause.cause, depth++) {
    if (cause instanceof DatabaseTimeoutError || (cause as { code?: unknown }).code === '57014') return true;
  }
  return false;
}
