import type { StoredVariant } from './types';

// Addresses of stored files. Keys are content hashes, so these never change for one file.

export const mediaUrl = (storageKey: string) => `/media/${storageKey}`;

export const attachmentUrl = (id: number) => `/attachments/${id}`;

/** Every variant plus the main file, by width, for `<img srcset>`. */
export function srcSetOf(main: { storageKey: string; width: number | null }, variants: StoredVariant[]): string | undefined {
  if (variants.length === 0 || !main.width) return undefined;
  return [...variants.map((v) => `${mediaUrl(v.storageKey)} ${v.width}w`), `${mediaUrl(main.storageKey)} ${main.width}w`].join(', ');
}

/** The smallest file that still fills a list thumbnail. */
export function thumbnailOf(main: { storageKey: string }, variants: StoredVariant[]): string {
  const smallest = [...variants].sort((a, b) => a.width - b.width)[0];
  return mediaUrl(smallest?.storageKey ?? main.storageKey);
}
