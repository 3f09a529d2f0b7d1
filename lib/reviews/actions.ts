'use server';

import { revalidatePath } from 'next/cache';
import { defineAction } from '@/lib/actions/define-action';
import { answerFinding, closeFinding, markRecordReviewed, raiseFinding, reopenFinding } from './commands';
import { answerFindingSchema, closeFindingSchema, markReviewedSchema, raiseFindingSchema, reopenFindingSchema } from './schemas';

// The review queue, the record pages, the record book and the secretary's desk all show review state.
const revalidateReviews = () => revalidatePath('/admin', 'layout');
const backToRecord = (_input: unknown, r: { recordId: number | null; inspectionId: number | null }) =>
  r.recordId ? `/admin/records/${r.recordId}` : r.inspectionId ? `/admin/inspections/${r.inspectionId}` : '/admin/reviews';

export const markRecordReviewedAction = defineAction({
  permission: 'reviews.mark',
  schema: markReviewedSchema,
  run: markRecordReviewed,
  revalidate: revalidateReviews,
  redirectTo: (_input, r) => `/admin/records/${r.recordId}?reviewed=1`,
});

export const raiseFindingAction = defineAction({
  permission: 'reviews.mark',
  schema: raiseFindingSchema,
  run: raiseFinding,
  revalidate: revalidateReviews,
  redirectTo: (_input, r) => `/admin/records/${r.recordId}?finding=raised#finding-${r.findingId}`,
});

export const answerFindingAction = defineAction({
  permission: 'reviews.answer',
  schema: answerFindingSchema,
  run: answerFinding,
  revalidate: revalidateReviews,
  redirectTo: (input, r) => `${backToRecord(input, r)}?finding=answered#finding-${r.findingId}`,
});

export const reopenFindingAction = defineAction({
  permission: 'reviews.mark',
  schema: reopenFindingSchema,
  run: reopenFinding,
  revalidate: revalidateReviews,
  redirectTo: (input, r) => `${backToRecord(input, r)}?finding=reopened#finding-${r.findingId}`,
});

export const closeFindingAction = defineAction({
  permission: 'reviews.mark',
  schema: closeFindingSchema,
  run: closeFinding,
  revalidate: revalidateReviews,
  redirectTo: (input, r) => `${backToRecord(input, r)}?finding=closed#finding-${r.findingId}`,
});
