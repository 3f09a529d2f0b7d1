import { z } from 'zod';
import { developmentDocumentKinds } from '@/db/schema/development';
import { rowRef } from '@/lib/ids';
import { attachmentLimit } from '@/lib/media/limits';
import { upload } from '@/lib/media/schemas';

// The forms of a development file's documents (材料): upload and remove, shared by form and action.

export const DOCUMENT_TITLE_MAX = 100;

export const documentLimit = { maxBytes: attachmentLimit.maxBytes, maxMb: attachmentLimit.maxMb, message: `材料文件不能超过 ${attachmentLimit.maxMb} MB。` };

export const uploadDocumentSchema = z.object({
  personId: rowRef('缺少党员。'),
  kind: z.enum(developmentDocumentKinds, { error: '请选择材料类别。' }),
  title: z.string({ error: '请填写材料标题。' }).trim().min(1, '请填写材料标题。').max(DOCUMENT_TITLE_MAX, `标题不能超过 ${DOCUMENT_TITLE_MAX} 个字符。`),
  file: upload(documentLimit, '请选择要上传的文件。'),
});

export const removeDocumentSchema = z.object({
  personId: rowRef('缺少党员。'),
  id: rowRef('缺少要移除的材料。'),
  reason: z.string({ error: '请填写移除理由。' }).trim().min(2, '请填写移除理由（如上传错了文件）。').max(500, '理由不能超过 500 个字符。'),
});

export type UploadDocumentInput = z.infer<typeof uploadDocumentSchema>;
export type RemoveDocumentInput = z.infer<typeof removeDocumentSchema>;
