import { z } from 'zod';

// Record ids that arrive as text: URL segments and query values (parseId), form fields (rowRef).

/** Digits of an id in an integer column: 9 always fit (integer tops out at 2,147,483,647). */
const INTEGER_DIGITS = 9;

/**
 * The id in `raw`, or null for anything but a plain positive integer: no sign, no leading zero,
 * no spaces, at most `digits` digits (9 for integer columns, up to 15 for bigint ones, which
 * stays within JavaScript's safe integers). Callers answer null with their 404.
 */
export function parseId(raw: string | null | undefined, { digits = INTEGER_DIGITS }: { digits?: number } = {}): number | null {
  if (typeof raw !== 'string' || raw.length > digits || !/^[1-9]\d*$/.test(raw)) return null;
  return Number(raw);
}

/**
 * A form's reference to a row (an id, a version): a positive integer that fits the database's
 * `integer`, with the same Chinese message for anything else. A larger number would reach
 * PostgreSQL as an out-of-range error, a 500 instead of a field error.
 */
export const rowRef = (message: string) => z.coerce.number({ error: message }).int(message).positive(message).max(2_147_483_647, message);
