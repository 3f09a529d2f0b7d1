'use server';

import { revalidatePath } from 'next/cache';
import { defineAction } from '@/lib/actions/define-action';
import { addInspectionFinding, createInspection, draftInspectionNotice, releaseInspection } from './commands';
import { addInspectionFindingSchema, createInspectionSchema, draftInspectionNoticeSchema, releaseInspectionSchema } from './schemas';

// The inspection pages, the review page's counts and the secretaries' desks all show findings.
const revalidateInspections = () => revalidatePath('/admin', 'layout');

export const createInspectionAction = defineAction({
  permission: 'inspections.manage',
  schema: createInspectionSchema,
  run: createInspection,
  revalidate: revalidateInspections,
  redirectTo: (_input, r) => `/admin/inspections/${r.inspectionId}?inspection=created`,
});

export const addInspectionFindingAction = defineAction({
  permission: 'inspections.manage',
  schema: addInspectionFindingSchema,
  run: addInspectionFinding,
  revalidate: revalidateInspections,
  redirectTo: (_input, r) => `/admin/inspections/${r.inspectionId}?finding=raised#finding-${r.findingId}`,
});

export const releaseInspectionAction = defineAction({
  permission: 'inspections.manage',
  schema: releaseInspectionSchema,
  run: releaseInspection,
  revalidate: revalidateInspections,
  redirectTo: (_input, r) => `/admin/inspections/${r.inspectionId}?inspection=released`,
});

export const draftInspectionNoticeAction = defineAction({
  permission: 'inspections.notice',
  schema: draftInspectionNoticeSchema,
  run: draftInspectionNotice,
  revalidate: revalidateInspections,
  redirectTo: (_input, r) => `/admin/inspections/${r.inspectionId}?inspection=notice`,
});
