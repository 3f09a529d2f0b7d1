import type { AttachmentKind } from '@/db/schema/articles';

// Uploaded names are shown and offered as download names, never used as paths.

const NAME_MAX = 120;

/** The last path segment, without control characters, trimmed to a readable length. */
export function cleanFileName(raw: string, fallback: string): string {
  const base = (raw.split(/[\\/]/).pop() ?? '').replace(/[\u0000-\u001f\u007f]/g, '').trim();
  return [...(base || fallback)].slice(0, NAME_MAX).join('');
}

/** The name with the extension the checked content has (a PDF named .docx is offered as .pdf). */
export function attachmentFileName(raw: string, kind: AttachmentKind): string {
  const name = cleanFileName(raw, '附件');
  const stem = name.replace(/\.[A-Za-z0-9]{1,5}$/, '') || '附件';
  return `${stem}.${kind}`;
}

/**
 * `attachment; filename="<ascii>"; filename*=UTF-8''<encoded>` (RFC 6266): old clients read the
 * ASCII fallback, every current browser the UTF-8 name.
 */
export function contentDisposition(name: string): string {
  const ascii = name.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
  const encoded = encodeURIComponent(name).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encoded}`;
}
