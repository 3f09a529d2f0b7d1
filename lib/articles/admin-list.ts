import 'server-only';
import { aliasedTable, and, eq, gt, ilike, isNull, or, type SQL, sql } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { users } from '@/db/schema/accounts';
import { type ArticleStatus, articles, articleStatuses } from '@/db/schema/articles';
import { columns } from '@/db/schema/columns';
import { type Actor, authorize, scopeOf } from '@/lib/auth/permissions';
import { publiclyVisible } from '@/lib/news/visibility';
import { cursorFields, keyset, type KeysetPage, keysetPage, nullableTimestampKey, timestampKey } from '@/lib/pagination/keyset';
import { type CappedCount, cappedCountOf } from '@/lib/pagination/offset';
import { parseSearchQuery } from '@/lib/search/tokenize';

// The editorial desk's article list, built to stay an index range at any size (measured at
// 100,000 articles in `npm run bench`):
// - each order it offers has an index (db/schema/articles.ts), overall, per status and per author;
// - pages are keyset pages (first / previous / next / last, no offsets);
// - each status tab is a predicate an index can use: a scheduled article whose time has come is
//   published, by the same rule the public site applies (lib/news/visibility.ts);
// - tab counts are capped at COUNT_CAP ("1000+"): counting stops at the cap, so a count costs
//   at most a thousand index entries however large the table grows;
// - the title filter goes through the title's CJK bigram vector (GIN), not `ILIKE '%…%'`.

export const ADMIN_PAGE_SIZE = 20;
export const COUNT_CAP = 1000;

export type ArticleListTab = ArticleStatus | 'all';
export const articleListTabs: readonly ArticleListTab[] = ['all', ...articleStatuses];

export type ArticleListFilters = {
  status: ArticleStatus | null;
  columnId: number | null;
  q: string;
  sort: 'updated' | 'published';
  cursor?: string | string[];
};

export type AdminArticleRow = {
  id: number;
  title: string;
  slug: string;
  status: ArticleStatus;
  columnName: string;
  authorName: string | null;
  updatedByName: string | null;
  updatedAt: Date;
  publishedAt: Date | null;
  publishAt: Date | null;
  pinned: boolean;
  reviewComment: string | null;
};

export type AdminArticleList = KeysetPage<AdminArticleRow> & { counts: Record<ArticleListTab, CappedCount> };

/** The status a reader-facing list should show: a scheduled article whose time has come is published. */
const effectiveStatusSql = sql<ArticleStatus>`case when ${articles.status} = 'scheduled' and ${articles.publishedAt} <= now() then 'published' else ${articles.status} end`;

/** Each tab as a predicate on the stored columns (never on the CASE above, which no index serves). */
function tabPredicate(status: ArticleStatus): SQL {
  if (status === 'published') return publiclyVisible!;
  if (status === 'scheduled') return and(eq(articles.status, 'scheduled'), or(isNull(articles.publishedAt), gt(articles.publishedAt, sql`now()`)))!;
  return eq(articles.status, status);
}

export const articleOrders = {
  updated: keyset({ sort: timestampKey(articles.updatedAt), id: articles.id, direction: 'desc' }),
  // Not yet published (null) last, as before.
  published: keyset({ sort: nullableTimestampKey(articles.publishedAt), id: articles.id, direction: 'desc' }),
};

/** `%text%` with LIKE's wildcards in the text taken literally. */
const likePattern = (text: string) => `%${text.replace(/[\\%_]/g, '\\$&')}%`;

/** Titles holding what was typed: phrases through the title vector; a lone character as a substring. */
function titleFilter(q: string): SQL | undefined {
  const parsed = parseSearchQuery(q);
  if (parsed.kind === 'empty') return undefined;
  return and(
    parsed.tsquery ? sql`${articles.titleVector} @@ ${parsed.tsquery}::tsquery` : undefined,
    ...parsed.substrings.map((text) => ilike(articles.title, likePattern(text))),
  );
}

const author = aliasedTable(users, 'author');
const editor = aliasedTable(users, 'last_editor');

export async function listAdminArticles(actor: Actor, filters: ArticleListFilters): Promise<AdminArticleList> {
  authorize(actor, 'articles.read');
  const db = await getDb();
  // Editors see the articles they wrote (articles.read scope `own`).
  const scope = scopeOf(actor.role, 'articles.read') === 'own' ? eq(articles.authorId, actor.id) : undefined;
  // Tabs count within the other filters, so a tab's number matches what a click on it shows.
  const common = and(scope, filters.columnId ? eq(articles.columnId, filters.columnId) : undefined, filters.q ? titleFilter(filters.q) : undefined);
  const order = articleOrders[filters.sort];

  // The six tab counts travel as one statement of six scalar subqueries, each the same capped
  // index scan as before: one round trip instead of six on every visit to the desk.
  const tabCount = (where: SQL | undefined) =>
    sql<number>`(select count(*) from (${db.select({ one: sql`1` }).from(articles).where(where).limit(COUNT_CAP + 1)}) as matching)`.mapWith(Number);
  const tabCountFields = Object.fromEntries(articleListTabs.map((tab) => [tab, tabCount(and(common, tab === 'all' ? undefined : tabPredicate(tab)))]));
  const [page, [counted]] = await Promise.all([
    keysetPage({
      keyset: order,
      cursor: filters.cursor,
      pageSize: ADMIN_PAGE_SIZE,
      rows: (q) =>
        db
          .select({
            id: articles.id,
            title: articles.title,
            slug: articles.slug,
            status: effectiveStatusSql,
            columnName: columns.name,
            authorName: author.displayName,
            updatedByName: editor.displayName,
            updatedAt: articles.updatedAt,
            publishedAt: articles.publishedAt,
            publishAt: articles.publishAt,
            pinned: articles.pinned,
            reviewComment: articles.reviewComment,
            ...cursorFields(order),
          })
          .from(articles)
          .innerJoin(columns, eq(columns.id, articles.columnId))
          .leftJoin(author, eq(author.id, articles.authorId))
          .leftJoin(editor, eq(editor.id, articles.updatedBy))
          .where(and(common, filters.status ? tabPredicate(filters.status) : undefined, q.where))
          .orderBy(...q.orderBy)
          .limit(q.limit),
    }),
    db.select(tabCountFields).from(sql`(values (1)) as tab_counts(one)`),
  ]);
  const counts = Object.fromEntries(articleListTabs.map((tab) => [tab, cappedCountOf(counted![tab] ?? 0, COUNT_CAP)])) as Record<ArticleListTab, CappedCount>;
  return { ...page, counts };
}
