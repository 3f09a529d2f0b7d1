import type { AttachmentKind } from '@/db/schema/articles';
import { zipEntryNames } from './zip';

// File types are decided by content, never by the file name or the browser's declared type.

export type ImageType = 'image/jpeg' | 'image/png' | 'image/webp' | 'image/gif';

const startsWith = (data: Uint8Array, bytes: number[], offset = 0) => data.length >= offset + bytes.length && bytes.every((b, i) => data[offset + i] === b);
const ascii = (text: string) => [...text].map((c) => c.charCodeAt(0));

/** The image type by magic bytes, or null. Header-only: sharp then proves the rest decodes. */
export function sniffImage(data: Uint8Array): ImageType | null {
  if (data.length < 16) return null;
  if (startsWith(data, [0xff, 0xd8, 0xff])) return 'image/jpeg';
  if (startsWith(data, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'image/png';
  if (startsWith(data, ascii('GIF87a')) || startsWith(data, ascii('GIF89a'))) return 'image/gif';
  if (startsWith(data, ascii('RIFF')) && startsWith(data, ascii('WEBP'), 8)) return 'image/webp';
  return null;
}

const PDF_TAIL = 1024;

/** PDF by its header and, against truncation, an end-of-file marker near the end; DOCX/XLSX by their ZIP entries. */
export function sniffAttachment(data: Uint8Array): AttachmentKind | null {
  if (startsWith(data, ascii('%PDF-'))) {
    const tail = Buffer.from(data.subarray(Math.max(0, data.length - PDF_TAIL))).toString('latin1');
    return tail.includes('%%EOF') ? 'pdf' : null;
  }
  if (!startsWith(data, [0x50, 0x4b, 0x03, 0x04])) return null;
  const names = zipEntryNames(data);
  if (!names) return null;
  const word = names.includes('word/document.xml');
  const excel = names.includes('xl/workbook.xml');
  if (!names.includes('[Content_Types].xml') || word === excel) return null;
  return word ? 'docx' : 'xlsx';
}

export const attachmentMime: Record<AttachmentKind, string> = {
  pdf: 'application/pdf',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};
