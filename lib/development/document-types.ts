import type { developmentDocumentMimes } from '@/db/schema/development';
import { attachmentMime, sniffAttachment, sniffImage } from '@/lib/media/sniff';

// What a development document is, decided by its bytes (never by its name or declared type):
// a PDF, a scan as JPEG or PNG, or a Word/Excel file. Anything else (HTML, programs …) is refused.

export type DocumentMime = (typeof developmentDocumentMimes)[number];
export type DocumentType = { mime: DocumentMime; ext: 'pdf' | 'jpg' | 'png' | 'docx' | 'xlsx' };

export function sniffDocument(data: Uint8Array): DocumentType | null {
  const image = sniffImage(data);
  if (image === 'image/jpeg') return { mime: image, ext: 'jpg' };
  if (image === 'image/png') return { mime: image, ext: 'png' };
  if (image) return null;
  const kind = sniffAttachment(data);
  return kind ? { mime: attachmentMime[kind] as DocumentMime, ext: kind } : null;
}

/** The stored name: the uploaded one, its extension replaced by the one the content has. */
export function documentFileName(cleaned: string, ext: DocumentType['ext']): string {
  const stem = cleaned.replace(/\.[A-Za-z0-9]{1,5}$/, '') || '材料';
  return `${stem}.${ext}`;
}
