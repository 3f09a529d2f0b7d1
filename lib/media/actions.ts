'use server';

import { revalidatePath } from 'next/cache';
import { defineAction } from '@/lib/actions/define-action';
import { revalidatePublicNews } from '@/lib/news/revalidate';
import { addAttachment, moveAttachment, removeAttachment } from './attachment-commands';
import { deleteMedia, removeStoredFiles, updateMedia, uploadMedia } from './commands';
import { mediaUrl, srcSetOf } from './urls';
import { addAttachmentSchema, deleteMediaSchema, moveAttachmentSchema, removeAttachmentSchema, updateMediaSchema, uploadMediaSchema } from './schemas';

const revalidateLibrary = () => revalidatePath('/admin/media');

// The editor page shows the attachments; a published article's public page lists them too.
const revalidateAttachments = (_input: unknown, result: { articleSlug: string }) => {
  revalidatePath('/admin/articles', 'layout');
  revalidatePublicNews({ articleSlugs: [result.articleSlug] });
};

export const uploadMediaAction = defineAction({
  permission: 'media.manage',
  schema: uploadMediaSchema,
  run: uploadMedia,
  revalidate: revalidateLibrary,
  successMessage: '图片已上传。',
  // The picker inserts the new image at once: it needs what PickedMedia holds.
  successData: (m) => ({
    id: String(m.id),
    url: mediaUrl(m.storageKey),
    alt: m.altText,
    caption: m.caption ?? '',
    width: String(m.width ?? ''),
    height: String(m.height ?? ''),
    srcSet: srcSetOf(m, m.variants) ?? '',
  }),
});

export const updateMediaAction = defineAction({
  permission: 'media.manage',
  schema: updateMediaSchema,
  run: updateMedia,
  revalidate: (_input, result) => {
    revalidateLibrary();
    if (result.articleSlugs.length > 0) revalidatePublicNews({ articleSlugs: result.articleSlugs });
  },
  successMessage: '图片信息已保存。',
});

export const deleteMediaAction = defineAction({
  permission: 'media.manage',
  schema: deleteMediaSchema,
  run: deleteMedia,
  afterCommit: (_input, result) => removeStoredFiles(result.storageKeys),
  revalidate: revalidateLibrary,
  successMessage: '图片已删除。',
});

export const addAttachmentAction = defineAction({
  permission: 'articles.write',
  schema: addAttachmentSchema,
  run: addAttachment,
  revalidate: revalidateAttachments,
  successMessage: (r) => `附件“${r.attachment.originalName}”已上传。`,
});

export const removeAttachmentAction = defineAction({
  permission: 'articles.write',
  schema: removeAttachmentSchema,
  run: removeAttachment,
  afterCommit: (_input, result) => removeStoredFiles(result.storageKeys),
  revalidate: revalidateAttachments,
  successMessage: '附件已删除。',
});

export const moveAttachmentAction = defineAction({
  permission: 'articles.write',
  schema: moveAttachmentSchema,
  run: moveAttachment,
  revalidate: revalidateAttachments,
  successMessage: '附件顺序已调整。',
});
