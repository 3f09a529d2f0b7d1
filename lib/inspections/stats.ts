import { daysBetween } from '@/lib/calendar/days';
import { isOverdue } from '@/lib/reviews/overdue';
import type { FindingState } from '@/lib/reviews/types';
import type { FindingMeasure, InspectionStats, UnitFigures } from './types';

// The inspection figures from the findings themselves, each counted by the day it was raised:
// a finding raised in the period counts there wherever it stands today.

export type StatFinding = { unitName: string; state: FindingState; raisedOn: string; dueOn: string; closedOn: string | null };

/** Whether a finding (raised in the period) counts toward `measure` on `today`. */
export function counts(measure: FindingMeasure, f: Pick<StatFinding, 'state' | 'dueOn'>, today: string): boolean {
  if (measure === 'closed') return f.state === 'closed';
  if (measure === 'overdue') return isOverdue(f, today);
  return true;
}

export function median(values: number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

function figures(unitName: string, rows: StatFinding[], today: string): UnitFigures {
  const raised = rows.length;
  const closed = rows.filter((f) => counts('closed', f, today));
  return {
    unitName,
    raised,
    closed: closed.length,
    overdue: rows.filter((f) => counts('overdue', f, today)).length,
    rate: raised ? Math.round((closed.length / raised) * 1000) / 10 : null,
    medianDaysToClose: median(closed.filter((f) => f.closedOn).map((f) => daysBetween(f.raisedOn, f.closedOn!))),
  };
}

/** Per unit (by name) and for the whole committee, units in name order. */
export function inspectionStats(rows: StatFinding[], today: string, totalName = '全部单位'): InspectionStats {
  const byUnit = new Map<string, StatFinding[]>();
  for (const row of rows) byUnit.set(row.unitName, [...(byUnit.get(row.unitName) ?? []), row]);
  const units = [...byUnit.entries()].sort(([a], [b]) => a.localeCompare(b, 'zh-CN')).map(([name, list]) => figures(name, list, today));
  return { units, total: figures(totalName, rows, today) };
}
