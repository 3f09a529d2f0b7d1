import { daysBetween } from '@/lib/calendar/days';

// Late entry (补录): a record first submitted more than `lateEntryDays` days after the day it was
// held, by the rule set in force on that day (branch_rule_sets, by effective date). A rule set
// holds from its effective date until the next one's.

export type RuleSetThreshold = { effectiveFrom: string; lateEntryDays: number | null };

/** A rule set's span of held_on days: [from, until), `until` null for the newest. */
export type LateEntryInterval = { from: string; until: string | null; days: number };

/** The spans of the rule sets that define a threshold, oldest first. */
export function lateEntryIntervals(ruleSets: RuleSetThreshold[]): LateEntryInterval[] {
  const sorted = [...ruleSets].sort((a, b) => a.effectiveFrom.localeCompare(b.effectiveFrom));
  return sorted.flatMap((set, i) => {
    const until = sorted[i + 1]?.effectiveFrom ?? null;
    return set.lateEntryDays === null ? [] : [{ from: set.effectiveFrom, until, days: set.lateEntryDays }];
  });
}

/** The threshold in force on `heldOn`, or null when no rule set covers it. */
export function lateEntryDaysOn(intervals: LateEntryInterval[], heldOn: string): number | null {
  const found = intervals.find((i) => i.from <= heldOn && (i.until === null || heldOn < i.until));
  return found ? found.days : null;
}

/** Days of delay when the record counts as late, else null (not submitted, or within the threshold). */
export function lateDays(heldOn: string, submittedOn: string | null, threshold: number | null): number | null {
  if (!submittedOn || threshold === null) return null;
  const delay = daysBetween(heldOn, submittedOn);
  return delay > threshold ? delay : null;
}

/** Reads `lateEntryDays` out of a rule set's JSON, or null when it holds none. */
export function lateEntryDaysOf(rules: unknown): number | null {
  const value = (rules as { lateEntryDays?: unknown } | null)?.lateEntryDays;
  return typeof value === 'number' && Number.isInteger(value) && value >= 0 ? value : null;
}
