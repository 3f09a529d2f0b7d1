import type { SheetRow } from './schemas';

// Matching the rows of an attendance sheet with the round's trainees. A row is matched only
// when exactly one trainee fits; everything else is shown with its reason, never guessed.

export type MatchTrainee = { traineeId: number; personId: number; name: string; branchNames: readonly string[] };

export type RowStatus = 'matched' | 'unknown' | 'not_enrolled' | 'ambiguous' | 'duplicate' | 'mismatch';

export type MatchedRow = SheetRow & { status: RowStatus; traineeId: number | null; branchName: string | null; alreadyPresent: boolean; candidates: number };

export type MatchReport = { rows: MatchedRow[]; matched: number; problems: number; alreadyPresent: number };

export const rowStatusLabels: Record<RowStatus, string> = {
  matched: '已匹配',
  unknown: '名册中查无此人',
  not_enrolled: '未报名本班',
  ambiguous: '有重名，无法确定',
  duplicate: '重复出现',
  mismatch: '编号与姓名不符',
};

/** `short` read in order inside `full`: 发改委 fits 发展和改革委员会, 财政局 fits 中共江州市财政局机关委员会. */
function abbreviates(short: string, full: string): boolean {
  let at = 0;
  for (const c of short) {
    at = full.indexOf(c, at);
    if (at < 0) return false;
    at += 1;
  }
  return true;
}

// A unit as people write it on a sheet: the full name, a part of it or the usual abbreviation.
// It only narrows people of the same name; two who still fit make the row ambiguous.
const unitFits = (unit: string, branchNames: readonly string[]) => !unit || branchNames.some((b) => abbreviates(unit, b) || unit.includes(b));

/**
 * Each row against the trainees: by 编号 when the row has one (the name, if given, must agree),
 * else by 姓名 narrowed by 单位 (any node on the trainee's path to the root). `inRoster` says
 * whether someone of that name or number exists on the roster, to tell "not enrolled" from
 * "unknown"; a trainee named by two rows makes both duplicates.
 */
export function matchSheet(
  rows: readonly SheetRow[],
  roster: { trainees: readonly MatchTrainee[]; present: ReadonlySet<number>; inRoster: (row: SheetRow) => boolean },
): MatchReport {
  const byPerson = new Map(roster.trainees.map((t) => [t.personId, t]));
  const byName = new Map<string, MatchTrainee[]>();
  for (const t of roster.trainees) byName.set(t.name, [...(byName.get(t.name) ?? []), t]);

  const judged: MatchedRow[] = rows.map((row) => {
    const result = (status: RowStatus, trainee: MatchTrainee | null = null, candidates = 0): MatchedRow => ({
      ...row,
      status,
      traineeId: trainee?.traineeId ?? null,
      branchName: trainee?.branchNames.at(-1) ?? null,
      alreadyPresent: trainee ? roster.present.has(trainee.traineeId) : false,
      candidates,
    });
    if (row.personId !== null) {
      const t = byPerson.get(row.personId);
      if (!t) return result(roster.inRoster(row) ? 'not_enrolled' : 'unknown');
      if (row.name && row.name !== t.name) return result('mismatch');
      return result('matched', t, 1);
    }
    const named = byName.get(row.name) ?? [];
    const fitting = named.filter((t) => unitFits(row.unit, t.branchNames));
    if (fitting.length === 1) return result('matched', fitting[0]!, 1);
    if (fitting.length > 1) return result('ambiguous', null, fitting.length);
    return result(roster.inRoster(row) ? 'not_enrolled' : 'unknown');
  });

  const seen = new Map<number, number>();
  for (const r of judged) if (r.traineeId !== null) seen.set(r.traineeId, (seen.get(r.traineeId) ?? 0) + 1);
  for (const r of judged) if (r.traineeId !== null && (seen.get(r.traineeId) ?? 0) > 1) r.status = 'duplicate';

  const matched = judged.filter((r) => r.status === 'matched');
  return { rows: judged, matched: matched.length, problems: judged.length - matched.length, alreadyPresent: matched.filter((r) => r.alreadyPresent).length };
}

/** The refusal naming every row that blocks an import (first 10, then how many more). */
export function problemSummary(report: MatchReport): string {
  const bad = report.rows.filter((r) => r.status !== 'matched');
  const listed = bad.slice(0, 10).map((r) => `第 ${r.line} 行 ${r.name || `编号 ${r.personId}`}${r.unit ? `（${r.unit}）` : ''}：${rowStatusLabels[r.status]}`);
  const more = bad.length > 10 ? `；另有 ${bad.length - 10} 行` : '';
  return `签到表有 ${bad.length} 行无法导入，未写入任何出勤：${listed.join('；')}${more}。请修改签到表后重新上传。`;
}
