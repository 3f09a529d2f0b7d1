import { inArray } from 'drizzle-orm';
import type { Database } from '@/db/open';
import { type RichTextNode } from '@/db/schema/articles';
import { media } from '@/db/schema/media';
import { srcSetOf } from '@/lib/media/urls';
import type { ImageFacts } from '@/lib/news/rich-text';

/** Library ids of the images in a body. */
export function bodyMediaIds(doc: RichTextNode): number[] {
  const ids = new Set<number>();
  const visit = (node: RichTextNode) => {
    if (node.type === 'image' && Number.isSafeInteger(node.attrs?.mediaId)) ids.add(node.attrs!.mediaId as number);
    node.content?.forEach(visit);
  };
  visit(doc);
  return [...ids];
}

/** Sizes and responsive files of a body's library images, in one query, for the renderer. */
export async function imageFactsFor(db: Database, doc: RichTextNode): Promise<ImageFacts> {
  const ids = bodyMediaIds(doc);
  if (ids.length === 0) return new Map();
  const rows = await db
    .select({ id: media.id, storageKey: media.storageKey, width: media.width, height: media.height, variants: media.variants })
    .from(media)
    .where(inArray(media.id, ids));
  return new Map(rows.map((r) => [r.id, { width: r.width, height: r.height, srcSet: srcSetOf(r, r.variants) }]));
}
