import { type Action, type Actor, scopeOf } from '@/lib/auth/permissions';

/** The ids a branch-scoped actor may see for `action`, or null when the actor sees every branch. */
export function scopeIds(actor: Actor, action: Action): readonly number[] | null {
  return scopeOf(actor.role, action) === 'branch' ? (actor.branchScope ?? []) : null;
}
