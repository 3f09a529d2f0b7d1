import { addDays, daysBetween, subtractMonths } from '@/lib/calendar/days';
import { pickRuleSet } from '@/lib/rules/pick';
import type { DevelopmentRuleSet, DevelopmentRules } from './rules';
import { type DecidingBody, type RecordStage, stageLabels, type StepKind, steps } from './steps';

// The member-development engine: which step a file may take on a day, judged by the rule set in
// force on that day, and which deadlines are near or passed. Pure: the callers load the rows.

export type DevelopmentFile = {
  personId: number;
  stage: RecordStage;
  appliedOn: string;
  talkedOn: string | null;
  activistOn: string | null;
  targetOn: string | null;
  politicalReviewOn: string | null;
  concentratedTrainingOn: string | null;
  preReviewedOn: string | null;
  probationaryOn: string | null;
  approvedOn: string | null;
  oathOn: string | null;
  extendedOn: string | null;
  probationExtendedUntil: string | null;
  fullMemberOn: string | null;
  conversionApprovedOn: string | null;
  assessments: readonly { assessedOn: string }[];
  /** The latest date of any step already recorded: a new step cannot be dated before it. */
  lastStepOn: string | null;
};

export type IntroducerCandidate = { id: number; name: string; status: string };

export type StepInput = {
  step: StepKind;
  decidedOn: string;
  note?: string | null;
  introducers?: readonly (IntroducerCandidate | null)[];
  trainingDays?: number | null;
  trainingHours?: number | null;
  extensionMonths?: number | null;
};

export type Refusal = { ok: false; field: string; message: string };
export type Acceptance = {
  ok: true;
  ruleSet: DevelopmentRuleSet;
  body: DecidingBody;
  toStage: RecordStage | null;
  /** For an extension: the new end of probation. */
  extendedUntil?: string;
};

export const addMonths = (date: string, months: number) => subtractMonths(date, -months);

const quote = (set: DevelopmentRuleSet, text: string) => `按《${set.name}》，${text}`;
const refuse = (field: string, message: string): Refusal => ({ ok: false, field, message });

/** When probation ends: twelve months (per the rule set of the admission day) or the extension's end. */
export function probationEnd(file: Pick<DevelopmentFile, 'probationaryOn' | 'probationExtendedUntil'>, sets: readonly DevelopmentRuleSet[]): string | null {
  if (!file.probationaryOn) return null;
  if (file.probationExtendedUntil) return file.probationExtendedUntil;
  const set = pickRuleSet(sets, file.probationaryOn);
  return set ? addMonths(file.probationaryOn, set.rules.probationMonths) : null;
}

/**
 * The end of a probation extended by `months` (one extension at most): counted from the regular
 * end for that admission day, as the extension step computed it. Recomputed when the admission
 * day is corrected.
 */
export function extendedProbationEnd(probationaryOn: string, months: number, sets: readonly DevelopmentRuleSet[]): string | null {
  const end = probationEnd({ probationaryOn, probationExtendedUntil: null }, sets);
  return end ? addMonths(end, months) : null;
}

/** The part of a step's check that needs no form input: may `step` be taken on `on` at all? */
export function checkStep(file: DevelopmentFile, step: StepKind, on: string, sets: readonly DevelopmentRuleSet[], today: string): Refusal | { ok: true; ruleSet: DevelopmentRuleSet } {
  const spec = steps[step];
  const set = pickRuleSet(sets, on);
  if (on > today) return refuse('decidedOn', `日期不能晚于今天（${today}）。`);
  if (!set) return refuse('decidedOn', `${on} 之前没有生效的发展党员工作规则，无法判断该步骤。`);
  if (!spec.from.includes(file.stage)) {
    return refuse(
      'step',
      quote(set, `发展党员须按“入党申请人→入党积极分子→发展对象→预备党员→正式党员”的顺序进行，不能跳过阶段；当前为「${stageLabels[file.stage]}」，不能进行「${spec.label}」。`),
    );
  }
  if (file.lastStepOn && on < file.lastStepOn) return refuse('decidedOn', `日期不能早于上一步骤的日期（${file.lastStepOn}）。`);
  // A file entered before the engine may lack the date its stage began; no deadline can be judged from it.
  const stageBegan = { activist: file.activistOn, development_target: file.targetOn, probationary: file.probationaryOn, full_member: file.fullMemberOn }[file.stage as string];
  if (stageBegan === null) return refuse('step', `档案缺少「${stageLabels[file.stage]}」阶段的开始日期，请先由管理员补正档案。`);
  const r: DevelopmentRules = set.rules;
  switch (step) {
    case 'talk':
      if (file.talkedOn) return refuse('step', `已于 ${file.talkedOn} 记录谈话。`);
      break;
    case 'to_activist':
      if (!file.talkedOn) return refuse('step', quote(set, `党组织应在收到入党申请后 ${r.applicantTalkWithinDays} 天内派人同申请人谈话；请先记录谈话，再确定为入党积极分子。`));
      break;
    case 'to_target': {
      const earliest = addMonths(file.activistOn!, r.activistMinMonths);
      if (on < earliest) return refuse('decidedOn', quote(set, `入党积极分子培养考察满 ${r.activistMinMonths} 个月后方可列为发展对象（还差 ${daysBetween(on, earliest)} 天，最早 ${earliest}）。`));
      break;
    }
    case 'political_review':
      if (file.politicalReviewOn) return refuse('step', `已于 ${file.politicalReviewOn} 记录政治审查。`);
      break;
    case 'training':
      if (file.concentratedTrainingOn) return refuse('step', `已于 ${file.concentratedTrainingOn} 记录集中培训。`);
      break;
    case 'pre_review': {
      if (file.preReviewedOn) return refuse('step', `已于 ${file.preReviewedOn} 记录上级党委预审。`);
      const missing = [file.politicalReviewOn ? null : '政治审查', file.concentratedTrainingOn ? null : '集中培训'].filter(Boolean);
      if (missing.length) return refuse('step', quote(set, `发展对象须经政治审查和集中培训后方可报上级党委预审；尚未记录：${missing.join('、')}。`));
      break;
    }
    case 'to_probationary':
      if (!file.preReviewedOn) return refuse('step', quote(set, `支部党员大会须在上级党委预审后 ${r.generalMeetingAfterPreReviewWithinDays} 天内讨论接收预备党员；尚未记录预审。`));
      break;
    case 'approval': {
      if (file.approvedOn) return refuse('step', `已于 ${file.approvedOn} 记录上级党委审批。`);
      const latest = addMonths(file.probationaryOn!, r.higherApprovalMaxMonths);
      if (on > latest) {
        return refuse(
          'decidedOn',
          quote(set, `上级党委应在支部大会决议后 ${r.higherApprovalWithinMonths} 个月内审批，最长不超过 ${r.higherApprovalMaxMonths} 个月（最迟 ${latest}，已超过 ${daysBetween(latest, on)} 天）。`),
        );
      }
      break;
    }
    case 'oath':
      if (file.oathOn) return refuse('step', `已于 ${file.oathOn} 记录入党宣誓。`);
      if (!file.approvedOn) return refuse('step', quote(set, `预备党员经上级党委审批后方可入党宣誓；尚未记录审批。`));
      break;
    case 'extend':
      if (file.extendedOn) return refuse('step', quote(set, `预备期只能延长一次（已于 ${file.extendedOn} 延长至 ${file.probationExtendedUntil}）。`));
      if (!file.approvedOn) return refuse('step', quote(set, `预备党员经上级党委审批后方计算预备期；尚未记录审批。`));
      break;
    case 'to_full_member': {
      if (!file.approvedOn) return refuse('step', quote(set, `接收预备党员须经上级党委审批；尚未记录审批。`));
      if (!file.oathOn) return refuse('step', quote(set, `预备党员须进行入党宣誓；尚未记录宣誓。`));
      const end = probationEnd(file, sets)!;
      if (on < end) {
        const months = file.probationExtendedUntil ? '延长后的预备期' : `预备期为 ${r.probationMonths} 个月，自支部大会通过之日起计算，`;
        return refuse('decidedOn', quote(set, `${months}期满后方可讨论转正（${end} 期满，还差 ${daysBetween(on, end)} 天）。`));
      }
      break;
    }
    case 'conversion_approval':
      if (file.conversionApprovedOn) return refuse('step', `已于 ${file.conversionApprovedOn} 记录转正审批。`);
      if (!file.fullMemberOn) return refuse('step', '尚未记录支部大会讨论转正。');
      break;
    default:
      break;
  }
  return { ok: true, ruleSet: set };
}

/** The whole check of a step with its form input: refused with the rule quoted, or accepted with the rule set applied. */
export function validateStep(file: DevelopmentFile, input: StepInput, sets: readonly DevelopmentRuleSet[], today: string): Refusal | Acceptance {
  const checked = checkStep(file, input.step, input.decidedOn, sets, today);
  if (!checked.ok) return checked;
  const set = checked.ruleSet;
  const r = set.rules;
  const spec = steps[input.step];
  if ((input.step === 'drop' || input.step === 'cancel') && !input.note?.trim()) return refuse('note', '请填写理由。');
  if (input.step === 'to_target') {
    const given = input.introducers ?? [];
    for (let i = 0; i < r.introducersRequired; i++) {
      const person = given[i];
      const field = `introducer${i + 1}`;
      if (!person) return refuse(field, quote(set, `列为发展对象须确定 ${r.introducersRequired} 名正式党员作入党介绍人。`));
      if (person.id === file.personId) return refuse(field, '本人不能作自己的入党介绍人。');
      if (person.status !== 'full_member') return refuse(field, quote(set, `入党介绍人须为正式党员；「${person.name}」目前是${stageLabels[person.status as RecordStage] ?? person.status}。`));
      if (given.slice(0, i).some((p) => p?.id === person.id)) return refuse(field, quote(set, `须有 ${r.introducersRequired} 名不同的正式党员作入党介绍人，不能重复填写同一人。`));
    }
    // The form may offer more places than the rule set in force asks for: an extra one is refused, not saved unchecked.
    const extra = given.findIndex((p, i) => i >= r.introducersRequired && p !== null && p !== undefined);
    if (extra >= 0) return refuse(`introducer${extra + 1}`, quote(set, `列为发展对象须确定 ${r.introducersRequired} 名入党介绍人，不能多填。`));
  }
  if (input.step === 'training') {
    const days = input.trainingDays ?? 0;
    const hours = input.trainingHours ?? 0;
    if (days < r.targetTrainingMinDays && hours < r.targetTrainingMinHours) {
      return refuse('trainingDays', quote(set, `发展对象集中培训时间一般不少于 ${r.targetTrainingMinDays} 天或不少于 ${r.targetTrainingMinHours} 个学时（本次 ${days} 天、${hours} 学时）。`));
    }
  }
  let extendedUntil: string | undefined;
  if (input.step === 'extend') {
    const months = input.extensionMonths ?? 0;
    if (months < 1 || months > r.probationExtensionMaxMonths) return refuse('extensionMonths', quote(set, `延长预备期最短 1 个月，最长不超过 ${r.probationExtensionMaxMonths} 个月。`));
    extendedUntil = addMonths(probationEnd(file, sets)!, months);
  }
  return { ok: true, ruleSet: set, body: spec.body, toStage: spec.to, extendedUntil };
}

export type DueState = 'upcoming' | 'warning' | 'overdue';
export type DueItem = { key: 'talk' | 'assessment' | 'general_meeting' | 'approval' | 'oath' | 'conversion' | 'conversion_approval'; label: string; dueOn: string; state: DueState; rule: string };

function due(key: DueItem['key'], label: string, dueOn: string, set: DevelopmentRuleSet, rule: string, today: string): DueItem {
  const state: DueState = today > dueOn ? 'overdue' : today >= addDays(dueOn, -set.rules.dueWarningDays) ? 'warning' : 'upcoming';
  return { key, label, dueOn, state, rule: quote(set, rule) };
}

/** The deadlines open on a file today, each dated by the rule set in force on the event that started it. */
export function dueItems(file: DevelopmentFile, sets: readonly DevelopmentRuleSet[], today: string): DueItem[] {
  const items: DueItem[] = [];
  const at = (day: string) => pickRuleSet(sets, day);
  if (file.stage === 'applicant' && !file.talkedOn) {
    const set = at(file.appliedOn);
    if (set) items.push(due('talk', '与申请人谈话', addDays(file.appliedOn, set.rules.applicantTalkWithinDays), set, `收到入党申请后 ${set.rules.applicantTalkWithinDays} 天内派人谈话。`, today));
  }
  if (file.stage === 'activist' && file.activistOn) {
    const last = [file.activistOn, ...file.assessments.map((a) => a.assessedOn)].sort().at(-1)!;
    const set = at(last);
    if (set) items.push(due('assessment', '半年考察', addMonths(last, set.rules.activistAssessmentEveryMonths), set, `党支部每 ${set.rules.activistAssessmentEveryMonths} 个月对入党积极分子进行一次考察。`, today));
  }
  if (file.stage === 'development_target' && file.preReviewedOn) {
    const set = at(file.preReviewedOn);
    if (set) {
      const n = set.rules.generalMeetingAfterPreReviewWithinDays;
      items.push(due('general_meeting', '支部大会讨论接收', addDays(file.preReviewedOn, n), set, `上级党委预审后 ${n} 天内召开支部党员大会讨论。`, today));
    }
  }
  if (file.stage === 'probationary' && file.probationaryOn) {
    const set = at(file.probationaryOn);
    if (set) {
      const r = set.rules;
      if (!file.approvedOn) {
        items.push(due('approval', '上级党委审批', addMonths(file.probationaryOn, r.higherApprovalWithinMonths), set, `上级党委应在 ${r.higherApprovalWithinMonths} 个月内审批，最长不超过 ${r.higherApprovalMaxMonths} 个月。`, today));
      } else if (!file.oathOn) {
        items.push(due('oath', '入党宣誓', addDays(file.approvedOn, r.oathWithinDays), set, `预备党员经审批后一般在 ${r.oathWithinDays} 天内入党宣誓。`, today));
      }
      const end = probationEnd(file, sets)!;
      items.push(due('conversion', '预备期满讨论转正', end, set, `预备期为 ${r.probationMonths} 个月（可延长一次，最长 ${r.probationExtensionMaxMonths} 个月），期满及时讨论转正。`, today));
    }
  }
  if (file.stage === 'full_member' && file.fullMemberOn && !file.conversionApprovedOn) {
    const set = at(file.fullMemberOn);
    if (set) {
      const n = set.rules.conversionApprovalWithinMonths;
      items.push(due('conversion_approval', '上级党委审批转正', addMonths(file.fullMemberOn, n), set, `支部大会讨论转正后，上级党委应在 ${n} 个月内审批。`, today));
    }
  }
  return items.sort((a, b) => a.dueOn.localeCompare(b.dueOn));
}

/** Steps the file's stage offers, each allowed today or refused with the reason. */
export function offeredSteps(file: DevelopmentFile, sets: readonly DevelopmentRuleSet[], today: string): { step: StepKind; allowed: boolean; reason: string | null }[] {
  return (Object.keys(steps) as StepKind[])
    .filter((step) => steps[step].from.includes(file.stage))
    .map((step) => {
      const checked = checkStep(file, step, today, sets, today);
      return { step, allowed: checked.ok, reason: checked.ok ? null : checked.message };
    });
}
