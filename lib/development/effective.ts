import { type AnyColumn, Column, getTableName, is, sql, type SQL } from 'drizzle-orm';

/**
 * The step's id as the subquery must see it: qualified by its table. A select from one table
 * renders its columns unqualified, and a bare "id" inside the subquery would name the
 * correction's own id, not the step's.
 */
const outer = (id: AnyColumn | SQL): SQL => (is(id, Column) ? sql`${sql.identifier(getTableName(id.table))}.${sql.identifier(id.name)}` : sql`${id}`);

/**
 * A step's date as it stands: its latest correction (补正, development_corrections) or else the
 * date it was written with. `id` and `decidedOn` are the step row's columns (or SQL naming them).
 */
export const effectiveOn = (id: AnyColumn | SQL, decidedOn: AnyColumn | SQL): SQL<string> =>
  sql<string>`coalesce((select c.corrected_on from development_corrections c where c.transition_id = ${outer(id)} order by c.id desc limit 1), ${decidedOn})`;
