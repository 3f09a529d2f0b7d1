// The branch scope rule, kept free of database imports so that `can()` (which client code also
// reads through the menu) can use it. A scope is the actor's branch and every branch below it,
// as `branchSubtree` returns it when the session is loaded; null for roles without one.

export type BranchScope = readonly number[] | null;

/** True when a record of `branchId` lies in `scope`. A record without a branch is in no scope. */
export function inBranchScope(scope: BranchScope, branchId: number | null | undefined): boolean {
  if (branchId === undefined || branchId === null || !scope) return false;
  return scope.includes(branchId);
}
