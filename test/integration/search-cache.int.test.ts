// First: the stand-ins it registers must be in place before the modules below are imported.
import { session } from './setup/request-mocks';
import { beforeAll, describe, expect, it } from 'vitest';
import { archiveArticleAction, publishArticleAction } from '@/lib/articles/actions';
import { searchArticlesGuarded } from '@/lib/news/search';
import { articleIn } from './article-fixtures';
import { form, signedIn, stateOf } from './auth-fixtures';
import { columnIdOf, insertArticle } from './news-fixtures';
import { withDemoDatabase } from './setup/demo-database';

// The public search's result cache (lib/search/guard.ts) through the real editorial actions:
// results are served from the cache until an article changes visibility, then searched again.

const db = withDemoDatabase();
let published: { id: number; version: number };

beforeAll(async () => {
  session.user = await signedIn(db.db, 'admin');
});

const QUERY = '数字乡村振兴';
const search = () => searchArticlesGuarded({ query: QUERY, page: 1 });
const titles = async () => (await search()).items.map((hit) => hit.title).sort();

describe('cached search results', () => {
  it('are served until a publish drops them, then the published article is found', async () => {
    const admin = session.user!;
    const pending = await articleIn(db.db, { status: 'in_review', authorId: admin.id, title: '市直机关数字乡村振兴调研启动' });
    expect(await titles()).toEqual([]);

    // Written behind the editorial desk's back: nothing drops the cache, so it is not seen yet.
    await insertArticle(db.db, {
      slug: 'cache-probe',
      columnId: await columnIdOf(db.db, 'work-news'),
      title: '数字乡村振兴的机关经验',
      status: 'published',
      publishedAt: new Date(Date.now() - 60_000),
    });
    expect(await titles()).toEqual([]);

    const state = await stateOf(publishArticleAction, form({ id: pending.id, version: pending.version }));
    expect(state).toMatchObject({ ok: true, data: { status: 'published' } });
    published = { id: pending.id, version: Number(state.data!.version) };
    expect(await titles()).toEqual(['市直机关数字乡村振兴调研启动', '数字乡村振兴的机关经验']);
  });

  it('are dropped when an article is archived, which then disappears', async () => {
    expect(await titles()).toEqual(['市直机关数字乡村振兴调研启动', '数字乡村振兴的机关经验']);
    const state = await stateOf(archiveArticleAction, form({ id: published.id, version: published.version }));
    expect(state).toMatchObject({ ok: true, data: { status: 'archived' } });
    expect(await titles()).toEqual(['数字乡村振兴的机关经验']);
  });
});
