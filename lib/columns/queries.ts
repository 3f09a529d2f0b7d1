import 'server-only';
import { asc, count, eq, sql, type SQL } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { articles, articleStatuses, type ArticleStatus } from '@/db/schema/articles';
import { columns } from '@/db/schema/columns';
import { type Actor, authorize } from '@/lib/auth/permissions';

// Reads for column administration; each checks the caller's permission itself.

export type ArticleCounts = Record<ArticleStatus, number> & { total: number };

export type AdminColumn = {
  id: number;
  slug: string;
  name: string;
  description: string | null;
  sortOrder: number;
  visible: boolean;
  version: number;
  counts: ArticleCounts;
};

const countByStatus = Object.fromEntries(
  articleStatuses.map((status) => [status, sql<number>`count(${articles.id}) filter (where ${articles.status} = ${status})`.mapWith(Number)]),
) as Record<ArticleStatus, SQL<number>>;

/** Every column in navigation order, with its articles counted by status: one query. */
export async function listColumnsForAdmin(actor: Actor): Promise<AdminColumn[]> {
  authorize(actor, 'columns.manage');
  const db = await getDb();
  const rows = await db
    .select({
      id: columns.id,
      slug: columns.slug,
      name: columns.name,
      description: columns.description,
      sortOrder: columns.sortOrder,
      visible: columns.visible,
      version: columns.version,
      total: count(articles.id),
      ...countByStatus,
    })
    .from(columns)
    .leftJoin(articles, eq(articles.columnId, columns.id))
    .groupBy(columns.id)
    .orderBy(asc(columns.sortOrder), asc(columns.id));
  return rows.map(({ id, slug, name, description, sortOrder, visible, version, total, ...byStatus }) => ({
    id,
    slug,
    name,
    description,
    sortOrder,
    visible,
    version,
    counts: { total, ...(byStatus as Record<ArticleStatus, number>) },
  }));
}
