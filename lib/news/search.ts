import 'server-only';
import { and, desc, eq, ilike, or, sql } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { articles, columns } from '@/db/schema/news';
import { excerpt, htmlToText } from '@/lib/search/highlight';
import { parseSearchQuery } from '@/lib/search/tokenize';
import { pageCountOf, type Page } from './pagination';
import { publiclyVisible } from './visibility';

export type SearchHit = {
  slug: string;
  title: string;
  publishedAt: Date;
  columnName: string;
  columnSlug: string;
  snippet: string;
};

export type SearchResults = Page<SearchHit> & { terms: string[] };

/** `%text%` with LIKE's wildcards in the text taken literally. */
const likePattern = (text: string) => `%${text.replace(/[\\%_]/g, '\\$&')}%`;

const empty = (page: number, pageSize: number): SearchResults => ({ items: [], total: 0, page, pageCount: 1, pageSize, terms: [] });

/**
 * Full-text search over published articles: CJK-bigram phrase match, title matches first, then
 * by rank and date. A single Chinese character falls back to a substring match.
 */
export async function searchArticles({
  query,
  columnSlug,
  page = 1,
  pageSize = 20,
}: {
  query: string;
  columnSlug?: string;
  page?: number;
  pageSize?: number;
}): Promise<SearchResults> {
  const parsed = parseSearchQuery(query);
  if (parsed.kind === 'empty') return empty(page, pageSize);
  const db = await getDb();

  const { tsquery, substrings, terms } = parsed;
  const fulltext = tsquery ? sql`${articles.searchVector} @@ ${tsquery}::tsquery` : undefined;
  // Substring terms must appear in one of the fields the index covers.
  const containing = substrings.map((text) =>
    or(...[articles.title, articles.kicker, articles.subtitle, articles.summary, articles.bodyHtml].map((c) => ilike(c, likePattern(text)))),
  );
  const match = and(fulltext, ...containing);
  const titleFirst = tsquery
    ? sql`(ts_filter(${articles.searchVector}, '{a}') @@ ${tsquery}::tsquery)`
    : sql`(${articles.title} ilike ${likePattern(substrings[0]!)})`;
  const rank = tsquery ? [desc(sql`ts_rank_cd(${articles.searchVector}, ${tsquery}::tsquery)`)] : [];

  const where = and(publiclyVisible, match, columnSlug ? eq(columns.slug, columnSlug) : undefined);
  const rows = await db
    .select({
      slug: articles.slug,
      title: articles.title,
      summary: articles.summary,
      bodyHtml: articles.bodyHtml,
      publishedAt: articles.publishedAt,
      columnName: columns.name,
      columnSlug: columns.slug,
      total: sql<number>`count(*) over ()`.mapWith(Number),
    })
    .from(articles)
    .innerJoin(columns, eq(columns.id, articles.columnId))
    .where(where)
    .orderBy(desc(titleFirst), ...rank, desc(articles.publishedAt), desc(articles.id))
    .limit(pageSize)
    .offset((page - 1) * pageSize);

  // A page past the end still needs the total to offer a way back.
  const total = rows[0]?.total ?? (page > 1 ? await countMatches(where) : 0);
  return {
    items: rows.map((row) => {
      const text = htmlToText(row.bodyHtml);
      const hitsSummary = row.summary && terms.some((t) => row.summary!.toLowerCase().includes(t.toLowerCase()));
      return {
        slug: row.slug,
        title: row.title,
        publishedAt: row.publishedAt!,
        columnName: row.columnName,
        columnSlug: row.columnSlug,
        snippet: excerpt(hitsSummary || !text ? (row.summary ?? text) : text, terms),
      };
    }),
    total,
    page,
    pageCount: pageCountOf(total, pageSize),
    pageSize,
    terms,
  };
}

async function countMatches(where: ReturnType<typeof and>) {
  const db = await getDb();
  const [row] = await db
    .select({ n: sql<number>`count(*)`.mapWith(Number) })
    .from(articles)
    .innerJoin(columns, eq(columns.id, articles.columnId))
    .where(where);
  return row?.n ?? 0;
}
