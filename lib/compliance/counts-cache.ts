import 'server-only';
import { sql } from 'drizzle-orm';
import type { Database } from '@/db/open';
import { selectRows } from '@/db/rows';
import type { ActivityKind } from '@/db/schema/activities';
import { nodeFilter } from './node-filter';
import { type CountIndex, type CountRow, indexCounts } from './evaluate';

// A year of the whole committee's kept monthly counts is ~35k rows: reading and indexing them
// took ~40 ms of every compliance page at city size. A server keeps each year's index in memory
// under the token of activity_month_counts_version, which the database changes in the same
// transaction as any count (migration 0016), and re-reads a year only when the token moved. One
// indexed row read per request keeps every instance exactly as current as the database. The
// index of the whole year serves every subtree: evaluation looks up only the nodes it is given.

type Entry = { token: string; index: CountIndex };

const cache = new Map<number, Entry>();
// The years people look at: the current one and a few before it.
const MAX_YEARS = 6;

/**
 * Per node, kind and month of held_on in the year: how many non-draft records were held and how
 * many were entered late. Read from activity_month_counts, which triggers keep current with every
 * record write (migration 0010): a year of the whole committee is ~35k small rows, not ~200k
 * records to group. One row per node and kind with its months as arrays: fewer rows to send.
 */
async function loadCounts(db: Database, year: number, ids: readonly number[] | null): Promise<CountRow[]> {
  const rows = await selectRows<{ branch_id: number; kind: ActivityKind; months: number[]; held: number[]; late: number[] }>(
    db,
    sql`select c.branch_id, c.kind, array_agg(c.month) as months, array_agg(c.held) as held, array_agg(c.late) as late
        from activity_month_counts c
        where c.year = ${year} and c.held > 0 and ${nodeFilter(sql`c.branch_id`, ids)}
        group by 1, 2`,
  );
  return rows.flatMap((r) =>
    r.months.map((month, i) => ({ branchId: Number(r.branch_id), kind: r.kind, month: Number(month), held: Number(r.held[i]), late: Number(r.late[i]) })),
  );
}

async function countsToken(db: Database): Promise<string | null> {
  const [row] = await selectRows<{ token: string }>(db, sql`select token from activity_month_counts_version`);
  return row?.token ?? null;
}

/**
 * The year's counts by node and kind: from memory while the database's counts have not changed.
 * Only the whole committee's year is worth keeping; on a miss, a subtree (`ids`) reads its own
 * rows, a few hundred at most, rather than the city's ~35k.
 */
export async function yearCounts(db: Database, year: number, ids: readonly number[] | null): Promise<CountIndex> {
  const token = await countsToken(db);
  const kept = cache.get(year);
  if (token !== null && kept?.token === token) return kept.index;
  if (ids !== null) return indexCounts(await loadCounts(db, year, ids));
  const index = indexCounts(await loadCounts(db, year, null));
  if (token === null) return index;
  cache.delete(year);
  cache.set(year, { token, index });
  // Maps iterate in insertion order: the first key is the year least recently loaded.
  if (cache.size > MAX_YEARS) cache.delete(cache.keys().next().value!);
  return index;
}
