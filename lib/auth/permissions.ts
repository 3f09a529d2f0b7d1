import { inBranchScope } from '@/lib/branches/scope';
import { AppError } from '@/lib/errors';
import type { Role } from './roles';

/**
 * Who may do what. `any`: every record; `branch`: records of the user's branch and the
 * branches below it; `own`: records the user created. A role missing from an action's row may
 * not do it. Every server action and every non-public query asks `authorize()`.
 */
export type Scope = 'any' | 'branch' | 'own';

export const permissionMatrix = {
  'account.changePassword': { admin: 'own', editor: 'own', branch_secretary: 'own', auditor: 'own' },
  'users.read': { admin: 'any', auditor: 'any' },
  'users.manage': { admin: 'any' },
  'audit.read': { admin: 'any', auditor: 'any' },
  'articles.read': { admin: 'any', editor: 'own', auditor: 'any' },
  'articles.write': { admin: 'any', editor: 'own' },
  'articles.submit': { admin: 'any', editor: 'own' },
  'articles.publish': { admin: 'any' },
  'columns.manage': { admin: 'any' },
  'media.manage': { admin: 'any', editor: 'any' },
  'branches.read': { admin: 'any', branch_secretary: 'branch', auditor: 'any' },
  'branches.manage': { admin: 'any' },
  'people.read': { admin: 'any', branch_secretary: 'branch', auditor: 'any' },
  'people.manage': { admin: 'any', branch_secretary: 'branch' },
  'records.read': { admin: 'any', branch_secretary: 'branch', auditor: 'any' },
  'records.write': { admin: 'any', branch_secretary: 'branch' },
  'compliance.read': { admin: 'any', branch_secretary: 'branch', auditor: 'any' },
  'rules.read': { admin: 'any', auditor: 'any' },
  'rules.manage': { admin: 'any' },
  // Findings on records: auditors mark 合格, raise, reopen and close; admins read; the branch
  // answers for its own subtree. Nobody deletes a finding.
  'reviews.read': { admin: 'any', branch_secretary: 'branch', auditor: 'any' },
  'reviews.mark': { auditor: 'any' },
  'reviews.answer': { branch_secretary: 'branch' },
  // Inspections of a unit or node (明察暗访): auditors create, add findings and release; admins
  // read all and start a 通报 draft from a closed one; a secretary reads released inspections of
  // their subtree and answers the findings through reviews.answer.
  'inspections.read': { admin: 'any', branch_secretary: 'branch', auditor: 'any' },
  'inspections.manage': { auditor: 'any' },
  'inspections.notice': { admin: 'any' },
  // Member development: the branch keeps its own candidates' files; auditors read.
  'development.read': { admin: 'any', branch_secretary: 'branch', auditor: 'any' },
  'development.write': { admin: 'any', branch_secretary: 'branch' },
  // One step for many people at once (集中宣誓, 集中培训): the work committee's office, across units.
  'development.batch': { admin: 'any' },
  // Correcting a written step's date (补正): the work committee's office only, with a reason.
  'development.correct': { admin: 'any' },
  'lectures.manage': { admin: 'any' },
  // The 大讲堂: admins keep the sessions and confirm attendance; units register their members.
  'hall.read': { admin: 'any', branch_secretary: 'branch', auditor: 'any' },
  'hall.manage': { admin: 'any' },
  'hall.register': { admin: 'any', branch_secretary: 'branch' },
  // 四季送课: a branch books, cancels, confirms delivery and rates for its subtree (admins for any);
  // only admins schedule or decline; auditors read.
  'bookings.read': { admin: 'any', branch_secretary: 'branch', auditor: 'any' },
  'bookings.request': { admin: 'any', branch_secretary: 'branch' },
  'bookings.schedule': { admin: 'any' },
  // Training (培训): admins run rounds, sessions, attendance, imports and completion and enrol
  // anyone; a secretary reads the rounds their subtree's people are in (and rounds still open)
  // and enrols people of their own subtree; attendance stays with the organizer (admin).
  'training.read': { admin: 'any', branch_secretary: 'branch', auditor: 'any' },
  'training.manage': { admin: 'any' },
  'training.enrol': { admin: 'any', branch_secretary: 'branch' },
  // The versioned training minimums (class hours, rotation, the new secretary's months) are set by admins.
  'training.rules': { admin: 'any' },
} as const satisfies Record<string, Partial<Record<Role, Scope>>>;

export type Action = keyof typeof permissionMatrix;

export type Actor = { id: number; role: Role; branchScope: readonly number[] | null };

/** What a record offers for scoping: the branch it belongs to and who created it. */
export type Target = { branchId?: number | null; ownerId?: number | null };

export function scopeOf(role: Role, action: Action): Scope | null {
  return (permissionMatrix[action] as Partial<Record<Role, Scope>>)[role] ?? null;
}

/** True when `actor` may perform `action`, on `target` when the scope needs one. */
export function can(actor: Actor, action: Action, target?: Target): boolean {
  const scope = scopeOf(actor.role, action);
  if (!scope) return false;
  if (scope === 'any' || !target) return true;
  if (scope === 'own') return target.ownerId === undefined || target.ownerId === actor.id;
  return inBranchScope(actor.branchScope, target.branchId);
}

/** Throws `AppError('forbidden')` (status 403) unless `can()` allows it. */
export function authorize(actor: Actor, action: Action, target?: Target): void {
  if (!can(actor, action, target)) throw new AppError('forbidden', '您没有执行此操作的权限。');
}
