// Recognizing database errors by their SQLSTATE, through whatever wrapping the driver and
// Drizzle put around them (postgres.js and PGlite both expose `code`).

type PgLikeError = { code?: string; constraint?: string; constraint_name?: string; cause?: unknown };

function pgError(error: unknown): PgLikeError | null {
  for (let e = error as PgLikeError | undefined, depth = 0; e && depth < 4; e = e.cause as PgLikeError | undefined, depth++) {
    if (typeof e.code === 'string' && /^[0-9A-Z]{5}$/.test(e.code)) return e;
  }
  return null;
}

/** A unique violation, optionally of one named constraint. */
export function isUniqueViolation(error: unknown, constraint?: string): boolean {
  const e = pgError(error);
  if (e?.code !== '23505') return false;
  return !constraint || (e.constraint ?? e.constraint_name) === constraint;
}
