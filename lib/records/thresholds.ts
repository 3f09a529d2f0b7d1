import 'server-only';
import { and, ne, or, type SQL, sql } from 'drizzle-orm';
import type { Database } from '@/db/open';
import { activityRecords } from '@/db/schema/activities';
import { branchRuleSets } from '@/db/schema/branches';
import { type LateEntryInterval, lateEntryDaysOf, lateEntryIntervals } from './late-entry';

// The late-entry thresholds as the record book reads them: from every rule set at once, so a
// list page decides lateness per row in memory and filters late entries with one condition.

/** The late-entry thresholds of every rule set, by the span of held_on days each governs. */
export async function loadLateEntryIntervals(db: Database): Promise<LateEntryInterval[]> {
  const rows = await db.select({ effectiveFrom: branchRuleSets.effectiveFrom, lateEntryDays: sql<unknown>`${branchRuleSets.rules} -> 'lateEntryDays'` }).from(branchRuleSets);
  return lateEntryIntervals(rows.map((r) => ({ effectiveFrom: r.effectiveFrom, lateEntryDays: lateEntryDaysOf({ lateEntryDays: r.lateEntryDays }) })));
}

/** Submitted more than the threshold in force on held_on after it: one comparison per rule set, no per-row lookup. */
export function lateCondition(intervals: LateEntryInterval[]): SQL {
  if (intervals.length === 0) return sql`false`;
  const spans = intervals.map(
    (i) =>
      sql`(${activityRecords.heldOn} >= ${i.from} and ${i.until ? sql`${activityRecords.heldOn} < ${i.until}` : sql`true`} and ${activityRecords.submittedOn} - ${activityRecords.heldOn} > ${i.days})`,
  );
  return and(ne(activityRecords.status, 'draft'), or(...spans))!;
}
