import type { StatusCounts } from '@/lib/branches/types';
import { memberStatusLabels, memberStatusOrder } from '@/lib/people/labels';

/** "正式党员 10 · 预备党员 2": the non-zero statuses, members first. */
export function statusCountsText(counts: StatusCounts): string {
  return memberStatusOrder
    .filter((s) => (counts[s] ?? 0) > 0)
    .map((s) => `${memberStatusLabels[s]} ${counts[s]}`)
    .join(' · ');
}
