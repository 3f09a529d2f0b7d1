import { checkStep, type DevelopmentFile, extendedProbationEnd, type Refusal } from './engine';
import type { DevelopmentRuleSet } from './rules';
import { dateColumnOf, type RecordStage, type StepKind, stepLabel } from './steps';

// Whether a written step's date may be corrected (补正): the steps keep their order, the date is
// not in the future, and the corrected step and every step after it still pass the engine under
// the rule set in force on their dates — judged on the file as it stood before each of them.
// A later step that already failed before the correction (an imported file) does not block it.

export type WrittenStep = { id: number; step: StepKind | 'apply' | null; fromStage: RecordStage | null; toStage: RecordStage; on: string };

/** Steps whose date may be corrected: every step that dates a column of the file, but assessments. */
export const correctable = (step: WrittenStep['step']): step is StepKind | 'apply' => step !== null && step !== 'assessment' && dateColumnOf[step] !== undefined;

const fileColumns = ['appliedOn', 'talkedOn', 'activistOn', 'targetOn', 'politicalReviewOn', 'concentratedTrainingOn', 'preReviewedOn', 'probationaryOn', 'approvedOn', 'oathOn', 'extendedOn', 'fullMemberOn', 'conversionApprovedOn'] as const;
type FileColumn = (typeof fileColumns)[number];
const isFileColumn = (c: string | undefined): c is FileColumn => c !== undefined && (fileColumns as readonly string[]).includes(c);

/** The file as it stood just before `list[k]`: the dates of the steps from k on unset, the dates before it as written in `list`. */
function fileBefore(file: DevelopmentFile, list: readonly WrittenStep[], k: number): DevelopmentFile {
  const before: DevelopmentFile = { ...file, stage: list[k]!.fromStage ?? file.stage, lastStepOn: list[k - 1]?.on ?? null, assessments: file.assessments.filter((a) => a.assessedOn <= (list[k - 1]?.on ?? '')) };
  list.forEach((s, j) => {
    const column = s.step ? dateColumnOf[s.step] : undefined;
    if (!isFileColumn(column)) return;
    if (j < k) (before[column] as string | null) = s.on;
    else if (column !== 'appliedOn') {
      (before[column] as string | null) = null;
      if (s.step === 'extend') before.probationExtendedUntil = null;
    }
  });
  return before;
}

/** For each step from `from` on, the engine's refusal on the file before it, or null. */
function judge(file: DevelopmentFile, list: readonly WrittenStep[], from: number, sets: readonly DevelopmentRuleSet[], today: string): Map<number, string | null> {
  const out = new Map<number, string | null>();
  for (let k = from; k < list.length; k++) {
    const s = list[k]!;
    if (s.step === null || s.step === 'apply') continue;
    const verdict = checkStep(fileBefore(file, list, k), s.step, s.on, sets, today);
    out.set(s.id, verdict.ok ? null : verdict.message);
  }
  return out;
}

/**
 * The file's extended end of probation after its admission day (`to_probationary`) moves to
 * `probationaryOn`: the extension's months counted again from the new regular end. Null when
 * nothing changes (no extension, or no rule set for that day).
 */
export function correctedExtensionEnd(file: Pick<DevelopmentFile, 'probationExtendedUntil'>, extensionMonths: number | null, probationaryOn: string, sets: readonly DevelopmentRuleSet[]): string | null {
  if (!file.probationExtendedUntil || extensionMonths === null) return null;
  const end = extendedProbationEnd(probationaryOn, extensionMonths, sets);
  return end === file.probationExtendedUntil ? null : end;
}

/**
 * `written`: the file's steps in order (effective date, then id). Returns null when the step
 * `transitionId` may be dated `correctedOn`, else the refusal with the rule quoted.
 * `extensionMonths`: the file's extension, whose end follows a corrected admission day.
 */
export function checkCorrection(
  file: DevelopmentFile,
  written: readonly WrittenStep[],
  transitionId: number,
  correctedOn: string,
  sets: readonly DevelopmentRuleSet[],
  today: string,
  extensionMonths: number | null = null,
): Refusal | null {
  const index = written.findIndex((s) => s.id === transitionId);
  const target = written[index];
  if (!target) return { ok: false, field: 'transitionId', message: '请选择该档案中的步骤。' };
  if (!correctable(target.step)) return { ok: false, field: 'transitionId', message: '该步骤的日期不能补正（考察记录请另行登记）。' };
  if (correctedOn > today) return { ok: false, field: 'correctedOn', message: `日期不能晚于今天（${today}）。` };
  if (correctedOn === target.on) return { ok: false, field: 'correctedOn', message: `该步骤的日期已是 ${target.on}。` };
  const previous = written[index - 1];
  const next = written[index + 1];
  if (previous && correctedOn < previous.on) {
    return { ok: false, field: 'correctedOn', message: `补正后的日期不能早于前一步骤「${stepLabel(previous.step, previous.toStage)}」的日期（${previous.on}），各步骤的先后顺序不能改变。` };
  }
  if (next && correctedOn > next.on) {
    return { ok: false, field: 'correctedOn', message: `补正后的日期不能晚于后一步骤「${stepLabel(next.step, next.toStage)}」的日期（${next.on}），各步骤的先后顺序不能改变。` };
  }
  const corrected = written.map((s) => (s.id === transitionId ? { ...s, on: correctedOn } : s));
  // A moved admission day moves the extended end of probation: the later steps are judged against the new one.
  const extendedUntil = target.step === 'to_probationary' ? correctedExtensionEnd(file, extensionMonths, correctedOn, sets) : null;
  const was = judge(file, written, index, sets, today);
  const now = judge(extendedUntil ? { ...file, probationExtendedUntil: extendedUntil } : file, corrected, index, sets, today);
  for (const s of corrected.slice(index)) {
    const message = now.get(s.id);
    if (message && !was.get(s.id)) {
      const which = s.id === transitionId ? '' : `后续步骤「${stepLabel(s.step, s.toStage)}」（${s.on}）将不符合规定：`;
      return { ok: false, field: 'correctedOn', message: `${which}${message}` };
    }
  }
  return null;
}
