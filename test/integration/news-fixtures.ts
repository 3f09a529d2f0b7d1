import { eq } from 'drizzle-orm';
import type { Database } from '@/db/open';
import { articles, type ArticleStatus, type RichTextNode } from '@/db/schema/articles';
import { columns } from '@/db/schema/columns';
import { renderRichText, richTextToPlain } from '@/lib/news/rich-text';
import { articleSearchColumns } from '@/lib/news/search-index';

// Shared by the public-news integration tests: rows written straight through Drizzle, and the
// ground truth the public queries are checked against, computed in plain TypeScript.

export const HOUR = 3_600_000;
export const DAY = 24 * HOUR;
export const hoursFromNow = (hours: number) => new Date(Date.now() + hours * HOUR);

export function paragraphs(...texts: string[]): RichTextNode {
  return { type: 'doc', content: texts.map((text) => ({ type: 'paragraph', content: [{ type: 'text', text }] })) };
}

export type NewArticle = {
  slug: string;
  columnId: number;
  title: string;
  body?: string[];
  status?: ArticleStatus;
  publishedAt?: Date | null;
  publishAt?: Date | null;
  pinned?: boolean;
  kicker?: string | null;
  subtitle?: string | null;
  summary?: string | null;
};

/** Inserts one article as the editor would leave it: rendered body and a search vector. */
export async function insertArticle(db: Database, article: NewArticle): Promise<ArticleRow> {
  const { body = [`${article.title}的正文。`], status = 'published', publishedAt = null, ...fields } = article;
  const bodyJson = paragraphs(...body);
  const [row] = await db
    .insert(articles)
    .values({
      ...fields,
      status,
      publishedAt,
      publishAt: article.publishAt ?? (status === 'scheduled' ? publishedAt : null),
      bodyJson,
      bodyHtml: renderRichText(bodyJson),
      updatedAt: publishedAt ?? new Date(),
      ...articleSearchColumns({ ...fields, bodyText: richTextToPlain(bodyJson) }),
    })
    .returning();
  return row!;
}

export async function columnIdOf(db: Database, slug: string): Promise<number> {
  const [row] = await db.select({ id: columns.id }).from(columns).where(eq(columns.slug, slug));
  if (!row) throw new Error(`no column ${slug}`);
  return row.id;
}

export type ArticleRow = typeof articles.$inferSelect;

export const allArticles = (db: Database): Promise<ArticleRow[]> => db.select().from(articles);

/** What the public may see, restated independently of lib/news/visibility.ts. */
export function isPublic(row: ArticleRow, now = new Date()): boolean {
  return (row.status === 'published' || row.status === 'scheduled') && row.publishedAt !== null && row.publishedAt <= now;
}

/** Newest first, ties broken by the higher id, as every public list promises. */
export function newestFirst(a: ArticleRow, b: ArticleRow): number {
  return b.publishedAt!.getTime() - a.publishedAt!.getTime() || b.id - a.id;
}

export function bodyText(row: ArticleRow): string {
  return richTextToPlain(row.bodyJson);
}

/** Every text a reader sees on the article page that search promises to cover. */
export function searchableFields(row: ArticleRow): string[] {
  return [row.title, row.kicker, row.subtitle, row.summary, bodyText(row)].filter((t): t is string => !!t);
}

const contains = (text: string, term: string) => text.toLowerCase().includes(term.toLowerCase());

/** Ground truth for a search: visible articles containing every term somewhere. */
export function expectedHits(rows: ArticleRow[], terms: string[], columnId?: number): ArticleRow[] {
  return rows
    .filter((row) => isPublic(row) && (columnId === undefined || row.columnId === columnId))
    .filter((row) => terms.every((term) => searchableFields(row).some((field) => contains(field, term))));
}

export const titleContainsAll = (title: string, terms: string[]) => terms.every((term) => contains(title, term));
