import { describe, expect, it } from 'vitest';
import { roles } from '@/lib/auth/roles';
import { findingStates, type FindingState, type FindingStepKind } from './types';
import { isOverdue } from './overdue';
import { takeStep } from './state-machine';

const steps: FindingStepKind[] = ['raise', 'answer', 'reopen', 'close'];
const states: (FindingState | null)[] = [null, ...findingStates];

// The whole table: each (state, step) pair that is an edge, and who takes it. Everything else refuses.
const EDGES: Record<string, { to: FindingState; role: string }> = {
  'null/raise': { to: 'open', role: 'auditor' },
  'open/answer': { to: 'answered', role: 'branch_secretary' },
  'reopened/answer': { to: 'answered', role: 'branch_secretary' },
  'answered/reopen': { to: 'reopened', role: 'auditor' },
  'answered/close': { to: 'closed', role: 'auditor' },
};

describe('the finding state machine', () => {
  for (const state of states) {
    for (const step of steps) {
      for (const role of roles) {
        const edge = EDGES[`${state}/${step}`];
        const allowedRole = step === 'answer' ? 'branch_secretary' : 'auditor';
        it(`${step} from ${state ?? '(none)'} by ${role}`, () => {
          const outcome = takeStep(state, step, role);
          if (role !== allowedRole) {
            expect(outcome).toMatchObject({ ok: false, code: 'forbidden' });
          } else if (!edge) {
            expect(outcome).toMatchObject({ ok: false, code: 'conflict', message: expect.stringMatching(/[\u4e00-\u9fff]/) });
          } else {
            expect(edge.role).toBe(role);
            expect(outcome).toEqual({ ok: true, state: edge.to });
          }
        });
      }
    }
  }

  it('refuses to re-check a closed finding in words the auditor understands', () => {
    expect(takeStep('closed', 'close', 'auditor')).toEqual({ ok: false, code: 'conflict', message: '该问题已整改到位并关闭，不能再复查。' });
    expect(takeStep('closed', 'reopen', 'auditor')).toMatchObject({ message: '该问题已整改到位并关闭，不能再复查。' });
  });

  it('keeps a secretary from closing their own finding and an admin from any step', () => {
    expect(takeStep('answered', 'close', 'branch_secretary')).toMatchObject({ ok: false, code: 'forbidden' });
    for (const step of steps) expect(takeStep('answered', step, 'admin')).toMatchObject({ ok: false, code: 'forbidden' });
  });
});

describe('overdue', () => {
  it('is not overdue on the due day, overdue the day after, never once closed', () => {
    expect(isOverdue({ state: 'open', dueOn: '2026-12-02' }, '2026-12-02')).toBe(false);
    expect(isOverdue({ state: 'open', dueOn: '2026-12-01' }, '2026-12-02')).toBe(true);
    expect(isOverdue({ state: 'answered', dueOn: '2026-11-01' }, '2026-12-02')).toBe(true);
    expect(isOverdue({ state: 'closed', dueOn: '2026-11-01' }, '2026-12-02')).toBe(false);
  });
});
