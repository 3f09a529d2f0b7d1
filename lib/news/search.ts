import 'server-only';
import { and, count, desc, eq, ilike, not, or, sql, type SQL } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { articles } from '@/db/schema/articles';
import { columns } from '@/db/schema/columns';
import { guardedSearch } from '@/lib/search/guard';
import { excerpt, htmlToText } from '@/lib/search/highlight';
import { parseSearchQuery } from '@/lib/search/tokenize';
import { pageCountOf, type Page } from '@/lib/pagination/offset';
import { publiclyVisible } from './visibility';

export type SearchHit = {
  slug: string;
  title: string;
  publishedAt: Date;
  columnName: string;
  columnSlug: string;
  snippet: string;
};

export type SearchResults = Page<SearchHit> & {
  terms: string[];
  /** True when there were more matches than are counted; `total` is then a lower bound. */
  totalCapped: boolean;
};

/** Matches beyond the title are counted up to this many: an exact count of thousands costs much and tells little. */
export const COUNT_CAP = 1000;

/** `%text%` with LIKE's wildcards in the text taken literally. */
const likePattern = (text: string) => `%${text.replace(/[\\%_]/g, '\\$&')}%`;

const hitFields = {
  slug: articles.slug,
  title: articles.title,
  summary: articles.summary,
  bodyHtml: articles.bodyHtml,
  publishedAt: articles.publishedAt,
  columnName: columns.name,
  columnSlug: columns.slug,
};

/**
 * Full-text search over visible articles. Title matches come first (ranked), then the other
 * matches, newest first. Two cheap queries instead of one ranked sort over every match: the
 * title vector is small, and the rest can be read in date order and stopped after one page.
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
  if (parsed.kind === 'empty') return { items: [], total: 0, totalCapped: false, page, pageCount: 1, pageSize, terms: [] };
  const db = await getDb();
  const { tsquery, substrings, terms } = parsed;

  // Substring terms (lone Chinese characters) must appear in a field the index covers.
  const containing = substrings.map((text) =>
    or(...[articles.title, articles.kicker, articles.subtitle, articles.summary, articles.bodyHtml].map((c) => ilike(c, likePattern(text)))),
  );
  const base = and(publiclyVisible, columnSlug ? eq(columns.slug, columnSlug) : undefined, ...containing);
  const inTitle = tsquery ? sql`${articles.titleVector} @@ ${tsquery}::tsquery` : and(...substrings.map((t) => ilike(articles.title, likePattern(t))))!;
  const anywhere = tsquery ? sql`${articles.searchVector} @@ ${tsquery}::tsquery` : undefined;
  const titleRank = tsquery ? [desc(sql`ts_rank_cd(${articles.titleVector}, ${tsquery}::tsquery)`)] : [];

  const countWhere = (where: SQL | undefined, cap?: number) => {
    const matching = db.select({ one: sql`1` }).from(articles).innerJoin(columns, eq(columns.id, articles.columnId)).where(where);
    const limited = (cap ? matching.limit(cap + 1) : matching).as('matching');
    return db.select({ n: count() }).from(limited).then((r) => r[0]?.n ?? 0);
  };
  const titleWhere = and(base, inTitle);
  const restWhere = and(base, anywhere, not(inTitle));
  const [titleTotal, restCounted] = await Promise.all([countWhere(titleWhere), countWhere(restWhere, COUNT_CAP)]);
  const totalCapped = restCounted > COUNT_CAP;
  const total = titleTotal + Math.min(restCounted, COUNT_CAP);

  const offset = (page - 1) * pageSize;
  const fromTitles =
    offset < titleTotal
      ? await db
          .select(hitFields)
          .from(articles)
          .innerJoin(columns, eq(columns.id, articles.columnId))
          .where(titleWhere).orderBy(...titleRank, desc(articles.publishedAt), desc(articles.id)).limit(pageSize).offset(offset)
      : [];
  const wanted = pageSize - fromTitles.length;
  const restPage = (tx: typeof db) =>
    tx
      .select(hitFields)
      .from(articles)
      .innerJoin(columns, eq(columns.id, articles.columnId))
      .where(restWhere)
      .orderBy(desc(articles.publishedAt), desc(articles.id))
      .limit(wanted)
      .offset(Math.max(0, offset - titleTotal));
  // A word in thousands of articles: reading newest-first and stopping after one page beats
  // collecting and sorting every match, but the planner underestimates such words and sorts.
  const fromRest =
    wanted <= 0 || offset + fromTitles.length >= total
      ? []
      : totalCapped
        ? await db.transaction(async (tx) => {
            await tx.execute(sql`set local enable_bitmapscan = off`);
            return restPage(tx);
          })
        : await restPage(db);

  return {
    items: [...fromTitles, ...fromRest].map((row) => {
      const text = htmlToText(row.bodyHtml);
      const summaryHits = row.summary && terms.some((t) => row.summary!.toLowerCase().includes(t.toLowerCase()));
      return {
        slug: row.slug,
        title: row.title,
        publishedAt: row.publishedAt!,
        columnName: row.columnName,
        columnSlug: row.columnSlug,
        snippet: excerpt(summaryHits || !text ? (row.summary ?? text) : text, terms),
      };
    }),
    total,
    totalCapped,
    page,
    pageCount: pageCountOf(total, pageSize),
    pageSize,
    terms,
  };
}

/**
 * The public search page's search: answered from the short-lived result cache when possible,
 * otherwise run in the slot the proxy leased to the request (lib/search/guard.ts).
 */
export function searchArticlesGuarded(request: { query: string; columnSlug?: string; page: number; lease?: string | null }): Promise<SearchResults> {
  return guardedSearch(request, () => searchArticles(request));
}
