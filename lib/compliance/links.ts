import type { ActivityKind } from '@/db/schema/activities';

// Every figure drills down to the records behind it: the record list (owned by lib/records)
// reads these query parameters; `branch` includes the node's subtree, dates are of held_on.

export type RecordsFilter = { branchId: number; kind?: ActivityKind; from?: string; to?: string; late?: boolean };

export function recordsHref({ branchId, kind, from, to, late }: RecordsFilter): string {
  const params = new URLSearchParams({ branch: String(branchId) });
  if (kind) params.set('kind', kind);
  if (from) params.set('from', from);
  if (to) params.set('to', to);
  if (late) params.set('late', '1');
  return `/admin/records?${params}`;
}

export const personHref = (id: number) => `/admin/people/${id}`;
export const recordHref = (id: number) => `/admin/records/${id}`;
