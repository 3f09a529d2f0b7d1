'use server';

import { revalidatePath } from 'next/cache';
import { defineAction } from '@/lib/actions/define-action';
import { removeStoredFiles } from '@/lib/media/commands';
import { uploadMediaSchema } from '@/lib/media/schemas';
import { mediaUrl, thumbnailOf } from '@/lib/media/urls';
import { correctRecord, deleteDraft, saveDraft, submitRecord, uploadRecordPhoto } from './commands';
import { correctRecordSchema, deleteDraftSchema, saveDraftSchema, submitRecordSchema } from './schemas';

// The record book, the compliance figures and the secretary's desk all read records.
const revalidateRecords = () => revalidatePath('/admin', 'layout');

export const saveRecordDraftAction = defineAction({
  permission: 'records.write',
  schema: saveDraftSchema,
  run: saveDraft,
  afterCommit: (_input, result) => removeStoredFiles(result.removedFiles),
  revalidate: revalidateRecords,
  redirectTo: (_input, saved) => `/admin/records/${saved.id}/edit?saved=${saved.version}`,
});

export const submitRecordAction = defineAction({
  permission: 'records.write',
  schema: submitRecordSchema,
  run: submitRecord,
  afterCommit: (_input, result) => removeStoredFiles(result.removedFiles),
  revalidate: revalidateRecords,
  redirectTo: (_input, saved) => `/admin/records/${saved.id}?submitted=1`,
});

export const correctRecordAction = defineAction({
  permission: 'records.write',
  schema: correctRecordSchema,
  run: correctRecord,
  revalidate: revalidateRecords,
  redirectTo: (_input, saved) => `/admin/records/${saved.id}?corrected=${saved.revision}`,
});

export const deleteRecordDraftAction = defineAction({
  permission: 'records.write',
  schema: deleteDraftSchema,
  run: deleteDraft,
  afterCommit: (_input, result) => removeStoredFiles(result.removedFiles),
  revalidate: revalidateRecords,
  redirectTo: () => '/admin/records?deleted=1',
});

export const uploadRecordPhotoAction = defineAction({
  permission: 'records.write',
  schema: uploadMediaSchema,
  run: uploadRecordPhoto,
  successMessage: '照片已上传。',
  successData: (m) => ({ id: String(m.id), url: mediaUrl(m.storageKey), thumbUrl: thumbnailOf(m, m.variants), alt: m.altText }),
});
