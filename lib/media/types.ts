import type { AttachmentKind } from '@/db/schema/articles';

// Shapes shared by the server and the client components of the media library.

/** What the media picker hands to the article editor. `url` is `/media/<storageKey>`. */
export type PickedMedia = {
  id: number;
  url: string;
  alt: string;
  caption: string | null;
  width: number | null;
  height: number | null;
  /** Responsive WebP variants and the main file, for `<img srcset>`. */
  srcSet?: string;
};

/** A library item as lists show it: the picked shape plus what the list needs. */
export type MediaItem = PickedMedia & {
  originalName: string;
  mimeType: string;
  byteSize: number;
  thumbUrl: string;
  version: number;
  createdAt: string;
};

export type StoredVariant = { width: number; storageKey: string; mimeType: string; byteSize: number };

/** An article's attachment, for the editor and the public page. Download at `/attachments/<id>`. */
export type AttachmentItem = {
  id: number;
  name: string;
  kind: AttachmentKind;
  byteSize: number;
  url: string;
};

/** What GET /api/admin/media answers. */
/** One keyset page of the library (lib/pagination/keyset): cursors of the neighbouring pages, a capped count. */
export type MediaListResponse = { items: MediaItem[]; next: string | null; prev: string | null; isFirst: boolean; isLast: boolean; total: number; capped: boolean; maxBytes: number };
