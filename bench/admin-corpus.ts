import { count, like, sql } from 'drizzle-orm';
import { openDatabase } from '../db/open';
import { selectRows } from '../db/rows';
import { articles } from '../db/schema/articles';
import { insertCorpus } from './corpus';

// The editorial desk's lists at the size issue 18 names: the article table grown to 100,000
// (the public corpus's generator, numbered on from where it stopped) with every status tab
// represented, and an audit trail of 200,000 rows or more.

export type AdminCorpusOptions = { articles: number; auditRows: number };

export async function growAdminLists(url: string, options: AdminCorpusOptions, log: (line: string) => void = () => {}) {
  const handle = await openDatabase({ kind: 'postgres', url, poolMax: 1, statementTimeoutMs: 0 });
  const db = handle.db;
  const started = performance.now();
  try {
    const [have] = await db.select({ n: count() }).from(articles);
    const [bench] = await db.select({ n: count() }).from(articles).where(like(articles.slug, 'bench-%'));
    const missing = options.articles - have!.n;
    if (missing > 0) {
      await insertCorpus(db, missing, (done) => {
        if (done % 10_000 === 0 || done === missing) log(`  admin lists: articles ${done}/${missing}`);
      }, { from: bench!.n });
    }
    // Every tab has rows: of each 100 bench articles, 2 drafts, 1 in review, 1 scheduled (in the
    // future) and 1 archived; edits spread over the last two years, independent of publication.
    await db.execute(sql`
      update articles set
        status = case id % 100 when 0 then 'draft' when 1 then 'draft' when 2 then 'in_review' when 3 then 'scheduled' else 'archived' end,
        published_at = case when id % 100 in (0, 1, 2) then null when id % 100 = 3 then now() + (id % 30 + 1) * interval '1 day' else published_at end,
        publish_at = case when id % 100 in (0, 1, 2) then null when id % 100 = 3 then now() + (id % 30 + 1) * interval '1 day' else publish_at end
      where slug like 'bench-%' and id % 100 < 5 and status = 'published'`);
    await db.execute(sql`
      update articles set updated_at = now() - (id * 7919 % 63072000) * interval '1 second'
      where slug like 'bench-%'`);

    // The trail: synthetic rows (the bench never verifies this database's hash chain).
    const [trail] = await selectRows<{ n: number }>(db, sql`select count(*)::int as n from audit_log`);
    const rows = options.auditRows - trail!.n;
    if (rows > 0) {
      await db.execute(sql`
        insert into audit_log (actor_id, actor_name, actor_role, action, entity_type, entity_id, after, ip, at, prev_hash, hash)
        select null, '批量编辑', 'editor', (array['article.update', 'article.create', 'media.upload', 'auth.login'])[g % 4 + 1],
          (array['article', 'article', 'media', 'user'])[g % 4 + 1], (g % 5000)::text, jsonb_build_object('n', g), '127.0.0.1',
          now() - (${rows} - g) * interval '5 minutes', repeat('0', 64), md5(g::text) || md5((g + 1)::text)
        from generate_series(1, ${rows}) g`);
    }
    // The updates above leave a dead version of most articles, and their index entries, behind; a
    // production table is vacuumed (autovacuum), but the bench's server may run without it (off on
    // these machines), and a GIN index then hands the title filter five dead rows for each live one.
    await db.execute(sql`vacuum (analyze) articles`);
    await db.execute(sql`vacuum (analyze) audit_log`);
    log(`  admin lists: ${options.articles} articles, ${Math.max(rows, 0) + trail!.n} audit rows (${((performance.now() - started) / 1000).toFixed(1)} s)`);
  } finally {
    await handle.close();
  }
}
