import { eq, or, sql } from 'drizzle-orm';
import type { Database } from '@/db/open';
import { articles } from '@/db/schema/articles';

// An image is in use when an article shows it as its cover or anywhere in its body: image nodes
// carry attrs.mediaId (a number, or a string from some editors), at any depth of the document.

const bodyUses = (mediaId: number) =>
  sql`jsonb_path_exists(${articles.bodyJson}, '$.** ? (@.type == "image" && (@.attrs.mediaId == $id || @.attrs.mediaId == $sid))', jsonb_build_object('id', ${mediaId}::int, 'sid', ${String(mediaId)}::text))`;

export async function articlesUsingMedia(db: Database, mediaId: number) {
  return db
    .select({ id: articles.id, slug: articles.slug, title: articles.title, status: articles.status })
    .from(articles)
    .where(or(eq(articles.coverMediaId, mediaId), bodyUses(mediaId)));
}
