import './setup/request-mocks';
import { sql } from 'drizzle-orm';
import postgres from 'postgres';
import { beforeAll, describe, expect, it } from 'vitest';
import { articleOrders, type ArticleListFilters, COUNT_CAP, listAdminArticles } from '@/lib/articles/admin-list';
import type { SessionUser } from '@/lib/auth/sessions';
import { selectRows } from '@/db/rows';
import { testServerUrl } from '../db';
import { signedIn } from './auth-fixtures';
import { columnIdOf, insertArticle } from './news-fixtures';
import { withDemoDatabase } from './setup/demo-database';

// The desk's list past the count cap: keyset pages walk every article exactly once in each
// order, tab counts stop at the cap, the title filter uses the title vector, and on PostgreSQL
// no list query reads `articles` sequentially or sorts it.

const db = withDemoDatabase();
let admin: SessionUser;
const BULK = COUNT_CAP + 150;

beforeAll(async () => {
  admin = await signedIn(db.db, 'admin');
  const columnId = await columnIdOf(db.db, 'work-news');
  // Many rows share an updated_at (every fifth) so ties are broken by id; a tenth are drafts
  // (no publication date), the rest published.
  await db.db.execute(sql`
    insert into articles (slug, column_id, title, body_json, body_html, status, published_at, updated_at)
    select 'bulk-' || g, ${columnId}, '批量文章' || g, '{"type":"doc","content":[]}'::jsonb, '',
      case when g % 10 = 0 then 'draft' else 'published' end,
      case when g % 10 = 0 then null else timestamptz '2024-01-01' + g * interval '1 hour' end,
      timestamptz '2025-01-01' + (g / 5) * interval '1 minute'
    from generate_series(1, ${BULK}) g`);
  await insertArticle(db.db, { slug: 'title-filter-a', columnId, title: '组织开展党课学习', publishedAt: new Date('2026-01-05T00:00:00Z') });
  await insertArticle(db.db, { slug: 'title-filter-b', columnId, title: '机关志愿服务活动', body: ['正文里提到党课。'], publishedAt: new Date('2026-01-06T00:00:00Z') });
  await db.db.execute(sql`analyze articles`);
});

const base: ArticleListFilters = { status: null, columnId: null, q: '', sort: 'updated' };

type PlanNode = { 'Node Type': string; 'Relation Name'?: string; Plans?: PlanNode[] };

/** Every node of an EXPLAIN (FORMAT JSON) plan, with the table it reads if any. */
function planNodes(node: PlanNode): { type: string; relation?: string }[] {
  return [{ type: node['Node Type'], relation: node['Relation Name'] }, ...(node.Plans ?? []).flatMap(planNodes)];
}

async function walk(filters: ArticleListFilters) {
  const ids: number[] = [];
  let cursor: string | undefined;
  for (let pages = 0; pages < 200; pages++) {
    const page = await listAdminArticles(admin, { ...filters, cursor });
    ids.push(...page.items.map((a) => a.id));
    if (!page.next) return ids;
    cursor = page.next;
  }
  throw new Error('the walk did not end');
}

describe('the desk list at more articles than the count cap', () => {
  it('walks every article exactly once, in order, in both sorts', async () => {
    const expected = {
      updated: await selectRows<{ id: number }>(db.db, sql`select id from articles order by updated_at desc, id desc`),
      published: await selectRows<{ id: number }>(db.db, sql`select id from articles order by published_at desc nulls last, id desc`),
    };
    for (const sort of ['updated', 'published'] as const) {
      expect(await walk({ ...base, sort }), sort).toEqual(expected[sort].map((r) => Number(r.id)));
    }
  });

  it('caps tab counts at the cap and counts small tabs exactly', async () => {
    const list = await listAdminArticles(admin, base);
    expect(list.counts.all).toEqual({ total: COUNT_CAP, capped: true });
    expect(list.counts.published).toEqual({ total: COUNT_CAP, capped: true });
    const [drafts] = await selectRows<{ n: number }>(db.db, sql`select count(*)::int as n from articles where status = 'draft'`);
    expect(drafts!.n).toBeLessThan(COUNT_CAP);
    expect(list.counts.draft).toEqual({ total: drafts!.n, capped: false });
  });

  it('the last page holds the oldest articles and offers no next page', async () => {
    const last = await listAdminArticles(admin, { ...base, cursor: 'last' });
    const [oldest] = await selectRows<{ id: number }>(db.db, sql`select id from articles order by updated_at asc, id asc limit 1`);
    expect(last.items.at(-1)!.id).toBe(Number(oldest!.id));
    expect(last.isLast).toBe(true);
    expect(last.next).toBeNull();
    expect(last.prev).not.toBeNull();
  });

  it('filters titles through the title vector: a body mention does not match', async () => {
    const found = await listAdminArticles(admin, { ...base, q: '党课' });
    const titles = found.items.map((a) => a.title);
    expect(titles).toContain('组织开展党课学习');
    expect(titles).not.toContain('机关志愿服务活动');
    expect(found.counts.all.capped).toBe(false);
  });

  it.skipIf(!testServerUrl)('on PostgreSQL, no list query scans articles sequentially or sorts them', async () => {
    const url = new URL(testServerUrl!);
    url.pathname = `/${db.name}`;
    const client = postgres(url.toString(), { max: 1, onnotice: () => {} });
    try {
      const cases: ArticleListFilters[] = [];
      for (const sort of Object.keys(articleOrders) as ArticleListFilters['sort'][]) {
        for (const status of [null, 'draft', 'in_review', 'scheduled', 'published', 'archived'] as const) cases.push({ ...base, sort, status });
        cases.push({ ...base, sort, cursor: 'last' });
      }
      for (const filters of cases) {
        db.statements.length = 0;
        await listAdminArticles(admin, filters);
        const reads = db.statements.filter((s) => /from "articles"/.test(s.query));
        expect(reads.length).toBeGreaterThan(0);
        for (const { query, params } of reads) {
          const nodes = await client.begin(async (tx) => {
            // With sequential scans priced out, a plan that still has one has no index to use.
            await tx.unsafe('set local enable_seqscan = off');
            const [row] = await tx.unsafe(`explain (format json) ${query}`, params as never[]);
            return planNodes((row as unknown as { 'QUERY PLAN': { Plan: PlanNode }[] })['QUERY PLAN'][0]!.Plan);
          });
          const where = `${JSON.stringify(filters)}: ${query}`;
          expect(nodes.filter((n) => n.type === 'Seq Scan' && n.relation === 'articles'), where).toEqual([]);
          // An ordered page is read in index order: nothing sorts the rows.
          if (/order by/.test(query)) expect(nodes.filter((n) => /Sort/.test(n.type)), where).toEqual([]);
        }
      }
    } finally {
      await client.end();
    }
  });
});
