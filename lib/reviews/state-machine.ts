import type { Role } from '@/lib/auth/roles';
import type { FindingState, FindingStepKind } from './types';

// The finding's loop as a pure function: who may take which step from which state. The commands
// ask it before writing; the SQL trigger of the record_reviews migration holds the same edges.

export type StepOutcome = { ok: true; state: FindingState } | { ok: false; code: 'forbidden' | 'conflict'; message: string };

/** The role that takes each step: the auditor raises and re-checks; the branch answers. */
export const stepRole: Record<FindingStepKind, Role> = {
  raise: 'auditor',
  answer: 'branch_secretary',
  reopen: 'auditor',
  close: 'auditor',
};

const EDGES: Record<FindingStepKind, { from: (FindingState | null)[]; to: FindingState }> = {
  raise: { from: [null], to: 'open' },
  answer: { from: ['open', 'reopened'], to: 'answered' },
  reopen: { from: ['answered'], to: 'reopened' },
  close: { from: ['answered'], to: 'closed' },
};

const WRONG_STATE: Record<FindingStepKind, Partial<Record<FindingState, string>>> = {
  raise: {},
  answer: { answered: '该问题已答复，正在等待复查，不能重复答复。', closed: '该问题已整改到位并关闭，不能再答复。' },
  reopen: { open: '支部尚未答复该问题，暂不能复查。', reopened: '该问题已退回重改，请等待支部再次答复。', closed: '该问题已整改到位并关闭，不能再复查。' },
  close: { open: '支部尚未答复该问题，暂不能复查关闭。', reopened: '该问题已退回重改，请等待支部再次答复。', closed: '该问题已整改到位并关闭，不能再复查。' },
};

/** The state after `step` by `role` from `state` (null: no finding yet), or why not. */
export function takeStep(state: FindingState | null, step: FindingStepKind, role: Role): StepOutcome {
  if (role !== stepRole[step]) {
    return { ok: false, code: 'forbidden', message: stepRole[step] === 'auditor' ? '只有纪检督查人员可以提出、复查和关闭问题。' : '只有被督查的党组织可以答复整改。' };
  }
  const edge = EDGES[step];
  if (!edge.from.includes(state)) {
    return { ok: false, code: 'conflict', message: (state && WRONG_STATE[step][state]) ?? '该问题的状态已变化，请刷新页面后再试。' };
  }
  return { ok: true, state: edge.to };
}
