import { z } from 'zod';
import { attachmentLimit, mediaLimit } from './limits';

// One schema per form; field names are the forms' input names.

const id = z.coerce.number().int().positive();

// Duck-typed rather than instanceof: the File a server action receives may come from another realm.
const isFile = (v: unknown): v is File =>
  typeof v === 'object' && v !== null && typeof (v as File).arrayBuffer === 'function' && typeof (v as File).name === 'string' && typeof (v as File).size === 'number';

/** A non-empty uploaded file within `limit`; `missing` when none was chosen. */
export const upload = (limit: { maxBytes: number; message: string }, missing: string) =>
  z
    .custom<File>(isFile, { error: missing })
    .refine((f) => f.size > 0, missing)
    .refine((f) => f.size <= limit.maxBytes, limit.message);

export const ALT_MAX = 200;
export const CAPTION_MAX = 300;

const mediaText = z.object({
  altText: z.string({ error: '请填写替代文本。' }).trim().min(1, '请填写替代文本：用一句话说明图片内容，供读屏软件朗读。').max(ALT_MAX, `替代文本不能超过 ${ALT_MAX} 个字符。`),
  caption: z
    .string()
    .trim()
    .max(CAPTION_MAX, `图片说明不能超过 ${CAPTION_MAX} 个字符。`)
    .optional()
    .transform((v) => v || null),
});

export const uploadMediaSchema = mediaText.extend({ file: upload(mediaLimit, '请选择要上传的图片。') });

export const updateMediaSchema = mediaText.extend({ id, version: id });

export const deleteMediaSchema = z.object({ id });

export const addAttachmentSchema = z.object({ articleId: id, file: upload(attachmentLimit, '请选择要上传的附件。') });

export const removeAttachmentSchema = z.object({ id });

export const moveAttachmentSchema = z.object({ id, direction: z.enum(['up', 'down']) });

export const mediaSearchSchema = z.object({
  q: z.string().trim().max(50).catch(''),
  // A keyset cursor (lib/pagination/cursor.ts); anything else reads as the first page.
  cursor: z.string().max(200).optional().catch(undefined),
});
