import { sql } from 'drizzle-orm';
import postgres from 'postgres';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { selectRows } from '@/db/rows';
import type { AuditFilters } from '@/lib/audit/filters';
import { AUDIT_COUNT_CAP, listAuditEntries, listAuditFacets } from '@/lib/audit/queries';
import type { Actor } from '@/lib/auth/permissions';
import { createTestDatabase, type TestDatabase, testServerUrl } from '../db';

// The trail's page at more rows than the count cap: filters resolved through the distinct values
// find exactly the rows a pattern would, and on PostgreSQL no statement the page runs (list,
// capped count, dropdown options, value lookups) reads audit_log sequentially.

const auditor: Actor = { id: 1, role: 'auditor', branchScope: null };
const ROWS = AUDIT_COUNT_CAP * 3;
let db: TestDatabase;

beforeAll(async () => {
  db = await createTestDatabase();
  // Synthetic rows (the chain is not verified here): 40 actors, actions of the vocabulary and
  // two it does not list (as older rows may hold), one minute apart with ties every third row.
  await db.db.execute(sql`
    insert into audit_log (actor_id, actor_name, actor_role, action, entity_type, entity_id, at, prev_hash, hash)
    select g % 40, case when g % 97 = 0 then null else 'Member_' || (g % 40) end, 'secretary',
      (array['article.update', 'auth.login', 'person.read', 'record.create', 'user.login', 'seed.run'])[g % 6 + 1],
      (array['article', 'user', 'person', 'activity_record', 'user', 'database'])[g % 6 + 1],
      (g % 50)::text, timestamptz '2026-01-01' + (g / 3) * interval '1 minute', 'x', 'x'
    from generate_series(1, ${ROWS}) g`);
  await db.db.execute(sql`analyze audit_log`);
});
afterAll(() => db.close());

async function walk(filters: AuditFilters) {
  const ids: number[] = [];
  let cursor: string | undefined;
  for (let pages = 0; pages < 100; pages++) {
    const page = await listAuditEntries(auditor, { ...filters, cursor, pageSize: 200 });
    ids.push(...page.items.map((i) => i.id));
    if (!page.next) return ids;
    cursor = page.next;
  }
  throw new Error('the walk did not end');
}

const expectedIds = async (where: ReturnType<typeof sql>) =>
  (await selectRows<{ id: number }>(db.db, sql`select id from audit_log where ${where} order by at desc, id desc`)).map((r) => Number(r.id));

describe('the audit trail at more rows than the count cap', () => {
  it('finds exactly the rows the actor substring and action prefix name, newest first', async () => {
    expect(await walk({ actor: 'member_3' })).toEqual(await expectedIds(sql`actor_name ilike '%member\\_3%'`));
    expect(await walk({ action: 'user' })).toEqual(await expectedIds(sql`action like 'user%'`));
    expect(await walk({ action: 'article.', actor: 'ber_1', from: '2026-01-02' })).toEqual(
      await expectedIds(sql`action like 'article.%' and actor_name ilike '%ber\\_1%' and at >= '2026-01-01T16:00:00Z'`),
    );
    expect(await walk({ actor: 'nobody' })).toEqual([]);
  });

  it('counts up to the cap', async () => {
    expect((await listAuditEntries(auditor, {})).count).toEqual({ total: AUDIT_COUNT_CAP, capped: true });
    const [logins] = await selectRows<{ n: number }>(db.db, sql`select count(*)::int as n from audit_log where action = 'auth.login' and actor_name = 'Member_7'`);
    expect((await listAuditEntries(auditor, { action: 'auth.login', actor: 'member_7' })).count).toEqual({ total: logins!.n, capped: false });
  });

  it.skipIf(!testServerUrl)('on PostgreSQL, no statement of the page reads audit_log sequentially', async () => {
    const url = new URL(testServerUrl!);
    url.pathname = `/${db.name}`;
    const client = postgres(url.toString(), { max: 1, onnotice: () => {} });
    type PlanNode = { 'Node Type': string; 'Relation Name'?: string; 'Actual Rows'?: number; 'Actual Loops'?: number; Plans?: PlanNode[] };
    const planNodes = (node: PlanNode): PlanNode[] => [node, ...(node.Plans ?? []).flatMap(planNodes)];
    const explain = (query: string, params: unknown[], { sorts = true, analyze = false } = {}) =>
      client.begin(async (tx) => {
        // With sequential scans (or sorts) priced out, a plan that still has one has no index to use.
        await tx.unsafe('set local enable_seqscan = off');
        if (!sorts) await tx.unsafe('set local enable_sort = off');
        const [row] = await tx.unsafe(`explain (format json${analyze ? ', analyze' : ''}) ${query}`, params as never[]);
        return planNodes((row as unknown as { 'QUERY PLAN': { Plan: PlanNode }[] })['QUERY PLAN'][0]!.Plan);
      });
    try {
      const second = (await listAuditEntries(auditor, {})).next!;
      // Filters of one value: an index must give the page in order (the planner may still sort
      // the few rows of a rare value, which is cheap).
      const ordered: AuditFilters[] = [{}, { entityType: 'person' }, { action: 'auth.login' }, { actor: 'Member_12' }, { from: '2026-01-02', to: '2026-01-02' }];
      const cases: { name: string; run: () => Promise<unknown>; inOrder?: boolean }[] = [
        { name: 'facets', run: () => listAuditFacets(auditor) },
        ...ordered.flatMap((f) => [
          { name: JSON.stringify(f), run: () => listAuditEntries(auditor, f), inOrder: true },
          { name: `${JSON.stringify(f)} last`, run: () => listAuditEntries(auditor, { ...f, cursor: 'last' }), inOrder: true },
        ]),
        { name: 'second page', run: () => listAuditEntries(auditor, { cursor: second }), inOrder: true },
        { name: 'entity', run: () => listAuditEntries(auditor, { entityType: 'user', entityId: '7' }) },
        { name: 'action group', run: () => listAuditEntries(auditor, { action: 'user' }) },
        { name: 'actor substring', run: () => listAuditEntries(auditor, { actor: 'member_1' }) },
        { name: 'combined', run: () => listAuditEntries(auditor, { action: 'article.', actor: 'ber_2', entityType: 'article', from: '2026-01-02' }) },
      ];
      for (const { name, run, inOrder } of cases) {
        db.statements.length = 0;
        await run();
        const reads = db.statements.filter((s) => /audit_log/.test(s.query));
        expect(reads.length, name).toBeGreaterThan(0);
        for (const { query, params } of reads) {
          const nodes = await explain(query, params);
          const where = `${name}: ${query}`;
          expect(nodes.filter((n) => n['Node Type'] === 'Seq Scan' && n['Relation Name'] === 'audit_log'), where).toEqual([]);
          if (name === 'facets') {
            // One index entry per distinct value (11 here), not a walk over every row's entry.
            const read = (await explain(query, params, { analyze: true }))
              .filter((n) => n['Relation Name'] === 'audit_log')
              .reduce((sum, n) => sum + n['Actual Rows']! * n['Actual Loops']!, 0);
            expect(read, where).toBeLessThanOrEqual(12);
          }
          if (inOrder && /order by "audit_log"."at"/.test(query)) {
            const unsorted = await explain(query, params, { sorts: false });
            expect(unsorted.filter((n) => /Sort/.test(n['Node Type'])), where).toEqual([]);
          }
        }
      }
    } finally {
      await client.end();
    }
  });
});
