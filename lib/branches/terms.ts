import type { CommitteePositionKind } from '@/db/schema/people';
import { daysBetween } from '@/lib/calendar/days';

// Committee terms: which are current, which are history, and which deserve a warning. Pure.

export type Term = {
  id: number;
  position: CommitteePositionKind;
  startsOn: string;
  endsOn: string;
  endedOn: string | null;
};

/** The day a term stops: the early end when there is one, else its planned end. */
export const lastDayOf = (term: Term) => term.endedOn ?? term.endsOn;

/** A term in force on `today` (started, and neither ended early nor run out). */
export function isCurrent(term: Term, today: string): boolean {
  return term.startsOn <= today && (term.endedOn === null || term.endedOn > today) && term.endsOn >= today;
}

export type TermWarning =
  | { kind: 'ending'; termId: number; position: CommitteePositionKind; endsOn: string; daysLeft: number }
  | { kind: 'vacant'; termId: number; position: CommitteePositionKind; endedOn: string };

/**
 * Warnings for a node's committee: a current term (not ended early) whose end is within
 * `warningDays`, unless a successor's term in the same position already starts after it; and a
 * position whose latest term has ended with nobody holding or about to hold it.
 */
export function termWarnings(terms: readonly Term[], today: string, warningDays: number): TermWarning[] {
  const warnings: TermWarning[] = [];
  const positions = [...new Set(terms.map((t) => t.position))];
  for (const position of positions) {
    const held = terms.filter((t) => t.position === position);
    const current = held.filter((t) => isCurrent(t, today));
    const upcoming = held.filter((t) => t.startsOn > today && t.endedOn === null);
    for (const term of current) {
      const daysLeft = daysBetween(today, term.endsOn);
      const succeeded = upcoming.some((t) => t.startsOn > term.startsOn);
      if (term.endedOn === null && daysLeft <= warningDays && !succeeded) warnings.push({ kind: 'ending', termId: term.id, position, endsOn: term.endsOn, daysLeft });
    }
    if (current.length === 0 && upcoming.length === 0) {
      const latest = [...held].sort((a, b) => lastDayOf(b).localeCompare(lastDayOf(a)))[0];
      if (latest) warnings.push({ kind: 'vacant', termId: latest.id, position, endedOn: lastDayOf(latest) });
    }
  }
  return warnings;
}
