import type { AttachmentKind } from '@/db/schema/articles';

/** 1.2 MB, 340 KB: sizes as readers expect them next to a download link. */
export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${Math.round(bytes / 1024)} KB`;
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}

export const attachmentKindLabels: Record<AttachmentKind, string> = { pdf: 'PDF', docx: 'Word', xlsx: 'Excel' };

/** The file-size check the forms do before sending, with the same wording as the server. */
export const tooLarge = (file: File | null | undefined, maxBytes: number) => !!file && file.size > maxBytes;

export const limitMessage = (what: '图片' | '附件', maxBytes: number) => `${what}不能超过 ${Math.round((maxBytes / (1024 * 1024)) * 10) / 10} MB。`;
