import { type AnyColumn, sql, type SQL } from 'drizzle-orm';

/**
 * A step's date as it stands: its latest correction (补正, development_corrections) or else the
 * date it was written with. `id` and `decidedOn` are the step row's columns (or SQL naming them).
 */
export const effectiveOn = (id: AnyColumn | SQL, decidedOn: AnyColumn | SQL): SQL<string> =>
  sql<string>`coalesce((select c.corrected_on from development_corrections c where c.transition_id = ${id} order by c.id desc limit 1), ${decidedOn})`;
