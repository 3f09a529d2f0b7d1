import 'server-only';
import { aliasedTable, and, asc, desc, eq, type SQL, sql } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { users } from '@/db/schema/accounts';
import { type ArticleStatus, articleRevisions, articles } from '@/db/schema/articles';
import { columns } from '@/db/schema/columns';
import { media } from '@/db/schema/media';
import { type Actor, authorize, scopeOf } from '@/lib/auth/permissions';
import { listArticleAttachments } from '@/lib/media/queries';
import type { PublicArticle } from '@/lib/news/article-queries';
import type { ArticleSnapshot } from './editable-fields';
import { readSnapshot } from './snapshot-io';
import { canDoTransition, canEditArticle, effectiveStatus, type Transition } from './workflow';

// Reads for the editorial desk; each checks the caller's permission itself. Editors see only
// the articles they wrote (articles.read scope `own`).

function readScope(actor: Actor): SQL | undefined {
  authorize(actor, 'articles.read');
  return scopeOf(actor.role, 'articles.read') === 'own' ? eq(articles.authorId, actor.id) : undefined;
}

const author = aliasedTable(users, 'author');

export type ColumnOption = { id: number; name: string; visible: boolean };

export async function listColumnOptions(): Promise<ColumnOption[]> {
  const db = await getDb();
  return db.select({ id: columns.id, name: columns.name, visible: columns.visible }).from(columns).orderBy(asc(columns.sortOrder), asc(columns.id));
}

export type EditorArticle = typeof articles.$inferSelect & {
  effectiveStatus: ArticleStatus;
  columnName: string;
  columnSlug: string;
  columnVisible: boolean;
  authorName: string | null;
  cover: { id: number; url: string; alt: string } | null;
  canEdit: boolean;
  allowed: Record<Transition, boolean>;
};

/** One article for the editor or preview; null when missing or not the caller's to see. */
export async function getArticleForEditor(actor: Actor, id: number): Promise<EditorArticle | null> {
  const scope = readScope(actor);
  const db = await getDb();
  const [row] = await db
    .select({ article: articles, columnName: columns.name, columnSlug: columns.slug, columnVisible: columns.visible, authorName: author.displayName, coverKey: media.storageKey, coverAlt: media.altText })
    .from(articles)
    .innerJoin(columns, eq(columns.id, articles.columnId))
    .leftJoin(author, eq(author.id, articles.authorId))
    .leftJoin(media, eq(media.id, articles.coverMediaId))
    .where(and(eq(articles.id, id), scope));
  if (!row) return null;
  const status = effectiveStatus(row.article.status, row.article.publishAt);
  const owned = { status, authorId: row.article.authorId };
  const transitions: Transition[] = ['submit', 'publish', 'return', 'archive', 'unarchive'];
  return {
    ...row.article,
    effectiveStatus: status,
    columnName: row.columnName,
    columnSlug: row.columnSlug,
    columnVisible: row.columnVisible,
    authorName: row.authorName,
    cover: row.coverKey && row.article.coverMediaId ? { id: row.article.coverMediaId, url: `/media/${row.coverKey}`, alt: row.coverAlt ?? '' } : null,
    canEdit: canEditArticle(actor, owned),
    allowed: Object.fromEntries(transitions.map((t) => [t, canDoTransition(actor, owned, t)])) as Record<Transition, boolean>,
  };
}

export type RevisionRow = {
  id: number;
  articleVersion: number;
  status: ArticleStatus;
  event: string;
  note: string | null;
  authorName: string | null;
  createdAt: Date;
};

/** Every revision of an article, newest first (an article has tens, not thousands). */
export async function listRevisions(actor: Actor, articleId: number): Promise<RevisionRow[]> {
  const scope = readScope(actor);
  const db = await getDb();
  return db
    .select({
      id: articleRevisions.id,
      articleVersion: articleRevisions.articleVersion,
      status: articleRevisions.status,
      event: articleRevisions.event,
      note: articleRevisions.note,
      authorName: author.displayName,
      createdAt: articleRevisions.createdAt,
    })
    .from(articleRevisions)
    .innerJoin(articles, eq(articles.id, articleRevisions.articleId))
    .leftJoin(author, eq(author.id, articleRevisions.authorId))
    .where(and(eq(articleRevisions.articleId, articleId), scope))
    .orderBy(desc(articleRevisions.createdAt), desc(articleRevisions.id));
}

/** Two revisions' snapshots for a diff; null when either is missing or not the caller's. */
export async function getRevisionSnapshots(actor: Actor, articleId: number, ids: [number, number]): Promise<[ArticleSnapshot, ArticleSnapshot] | null> {
  const scope = readScope(actor);
  const db = await getDb();
  const [article] = await db.select().from(articles).where(and(eq(articles.id, articleId), scope));
  if (!article) return null;
  const rows = await db
    .select({ id: articleRevisions.id, snapshot: articleRevisions.snapshot })
    .from(articleRevisions)
    .where(and(eq(articleRevisions.articleId, articleId), sql`${articleRevisions.id} in (${ids[0]}, ${ids[1]})`));
  const byId = new Map(rows.map((r) => [r.id, readSnapshot(r.snapshot, article)]));
  const left = byId.get(ids[0]);
  const right = byId.get(ids[1]);
  return left && right ? [left, right] : null;
}

/**
 * The article as the public page will show it, whatever its state: for the staff preview.
 * Null when missing or not the caller's to read.
 */
export async function getArticlePreview(actor: Actor, id: number): Promise<(PublicArticle & { status: ArticleStatus }) | null> {
  const article = await getArticleForEditor(actor, id);
  if (!article) return null;
  const db = await getDb();
  const [cover] = article.coverMediaId
    ? await db.select({ key: media.storageKey, alt: media.altText, width: media.width, height: media.height, caption: media.caption }).from(media).where(eq(media.id, article.coverMediaId))
    : [];
  return {
    id: article.id,
    slug: article.slug,
    kicker: article.kicker,
    title: article.title,
    subtitle: article.subtitle,
    byline: article.byline,
    source: article.source,
    summary: article.summary,
    bodyHtml: article.bodyHtml,
    videoUrl: article.videoUrl,
    // Not yet published: show the planned time, or now, as the public page would.
    publishedAt: article.publishedAt ?? article.publishAt ?? new Date(),
    updatedAt: article.updatedAt,
    column: { id: article.columnId, slug: article.columnSlug, name: article.columnName, visible: article.columnVisible },
    cover: cover ? { url: `/media/${cover.key}`, alt: cover.alt, width: cover.width, height: cover.height, caption: cover.caption } : null,
    attachments: await listArticleAttachments(article.id),
    status: article.effectiveStatus,
  };
}
