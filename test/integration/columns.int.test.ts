// First: the stand-ins it registers must be in place before the modules below are imported.
import { revalidatePath, session } from './setup/request-mocks';
import { eq, inArray, sql } from 'drizzle-orm';
import { beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { articles } from '@/db/schema/articles';
import { columns } from '@/db/schema/columns';
import type { SessionUser } from '@/lib/auth/sessions';
import { createColumnAction, deleteColumnAction, moveColumnAction, setColumnVisibleAction, updateColumnAction } from '@/lib/columns/actions';
import { listColumnsForAdmin } from '@/lib/columns/queries';
import { AppError } from '@/lib/errors';
import { findVisibleArticle } from '@/lib/news/article-queries';
import { findVisibleColumn, listVisibleColumns } from '@/lib/news/queries';
import { auditRowsAfter, beforeAnyCommits, form, type FormAction, lastAuditId, signedIn, stateOf, submit } from './auth-fixtures';
import { columnOrder, columnRow, insertColumn } from './column-fixtures';
import { insertArticle } from './news-fixtures';
import { withDemoDatabase } from './setup/demo-database';

// Column administration through the real server actions, as the demo admin: validation,
// conflicts, ordering under concurrency, hiding, deleting with the move of its articles, the
// one audit row of every change and the public cache it drops.

const failAudit = vi.hoisted(() => ({ on: false }));
vi.mock('@/lib/audit/append', async (importOriginal) => {
  const original = await importOriginal<typeof import('@/lib/audit/append')>();
  return {
    ...original,
    appendAudit: async (...args: Parameters<typeof original.appendAudit>) => {
      if (failAudit.on) throw new Error('audit store unavailable');
      return original.appendAudit(...args);
    },
  };
});

const db = withDemoDatabase();
let admin: SessionUser;

beforeAll(async () => {
  admin = await signedIn(db.db, 'admin');
});
beforeEach(() => {
  session.user = admin;
  revalidatePath.mockClear();
});

/** Submits as the admin; returns the outcome and the audit rows written meanwhile. */
async function run(action: FormAction, values: Record<string, string | number>) {
  const since = await lastAuditId(db.db);
  const outcome = await submit(action, form(values));
  return { outcome, audits: await auditRowsAfter(db.db, since) };
}

const articlesOf = (columnId: number) => db.db.select().from(articles).where(eq(articles.columnId, columnId)).orderBy(articles.id);

/** Hides every visible column except `slug` for the duration of `fn`. */
async function withOnlyVisible(slug: string, fn: () => Promise<void>) {
  const hidden = await db.db
    .update(columns)
    .set({ visible: false })
    .where(sql`${columns.visible} and ${columns.slug} <> ${slug}`)
    .returning({ id: columns.id });
  try {
    await fn();
  } finally {
    for (const { id } of hidden) await db.db.update(columns).set({ visible: true }).where(eq(columns.id, id));
  }
}

describe('the admin list', () => {
  it('lists every column in navigation order with its articles counted by status, in one query', async () => {
    const rows = await db.db.select({ columnId: articles.columnId, status: articles.status }).from(articles);
    db.queries.length = 0;
    const list = await listColumnsForAdmin(admin);
    expect(db.queries).toHaveLength(1);
    expect(list.map((c) => c.slug)).toEqual(await columnOrder(db.db));
    for (const c of list) {
      const mine = rows.filter((r) => r.columnId === c.id);
      expect(c.counts.total, c.slug).toBe(mine.length);
      for (const status of ['draft', 'in_review', 'scheduled', 'published', 'archived'] as const) {
        expect(c.counts[status], `${c.slug} ${status}`).toBe(mine.filter((r) => r.status === status).length);
      }
    }
    expect(list.some((c) => c.counts.published > 0)).toBe(true);
  });

  it('is refused to a role without columns.manage', async () => {
    await expect(listColumnsForAdmin(await signedIn(db.db, 'editor'))).rejects.toSatisfy((error) => error instanceof AppError && error.code === 'forbidden');
  });
});

describe('creating', () => {
  it('adds the column last and visible, records column.create and drops the whole public cache', async () => {
    const { outcome, audits } = await run(createColumnAction, { name: ' 要闻动态 ', slug: 'Key-News', description: '' });
    const row = await columnRow(db.db, 'key-news');
    expect(outcome).toEqual({ kind: 'redirect', url: `/admin/columns/${row.id}?created=1` });
    expect(row).toMatchObject({ name: '要闻动态', description: null, visible: true, createdBy: admin.id });
    expect((await columnOrder(db.db)).at(-1)).toBe('key-news');
    expect(audits.map((a) => [a.action, a.entityType, a.entityId, a.actorId])).toEqual([['column.create', 'column', String(row.id), admin.id]]);
    expect(revalidatePath).toHaveBeenCalledWith('/', 'layout');
  });

  it('answers a taken slug beside the slug field and keeps what was typed', async () => {
    const { outcome, audits } = await run(createColumnAction, { name: '另一个工作动态', slug: 'work-news', description: '简介' });
    expect(outcome).toMatchObject({
      kind: 'state',
      state: { ok: false, status: 409, fieldErrors: { slug: ['该网址标识已被其他栏目使用，请换一个。'] }, values: { name: '另一个工作动态', slug: 'work-news', description: '简介' } },
    });
    expect(audits).toEqual([]);
  });

  it('explains every invalid field in Chinese at once', async () => {
    const { outcome, audits } = await run(createColumnAction, { name: '名'.repeat(21), slug: 'work_news', description: '述'.repeat(201) });
    expect(outcome.kind).toBe('state');
    const { fieldErrors } = (outcome as { state: { fieldErrors: Record<string, string[]> } }).state;
    expect(fieldErrors.name).toEqual(['栏目名称不能超过 20 个字符。']);
    expect(fieldErrors.slug![0]).toMatch(/^网址标识只能使用小写英文字母、数字和单个连字符/);
    expect(fieldErrors.description).toEqual(['栏目简介不能超过 200 个字符。']);
    expect((await run(createColumnAction, { name: '  ', slug: '-a-', description: '' })).outcome).toMatchObject({
      state: { fieldErrors: { name: ['请填写栏目名称。'], slug: [expect.stringMatching(/^网址标识只能使用/)] } },
    });
    expect(audits).toEqual([]);
  });

  it('lets exactly one of two simultaneous creations of one slug through', async () => {
    const since = await lastAuditId(db.db);
    const outcomes = await beforeAnyCommits(db, 2, () =>
      Promise.all([submit(createColumnAction, form({ name: '同时甲', slug: 'same-time' })), submit(createColumnAction, form({ name: '同时乙', slug: 'same-time' }))]),
    );
    expect(outcomes.filter((o) => o.kind === 'redirect')).toHaveLength(1);
    expect(outcomes.find((o) => o.kind === 'state')).toMatchObject({ state: { fieldErrors: { slug: ['该网址标识已被其他栏目使用，请换一个。'] } } });
    expect((await auditRowsAfter(db.db, since)).map((a) => a.action)).toEqual(['column.create']);
  });
});

describe('editing', () => {
  it('renames, bumps the version and records before and after', async () => {
    const before = await columnRow(db.db, 'notices');
    const { outcome, audits } = await run(updateColumnAction, { id: before.id, version: before.version, name: '通知公示', slug: 'notices', description: '新的简介' });
    expect(outcome).toEqual({ kind: 'state', state: { ok: true, message: '栏目已保存。' } });
    expect(await columnRow(db.db, 'notices')).toMatchObject({ name: '通知公示', description: '新的简介', version: before.version + 1 });
    expect(audits).toHaveLength(1);
    expect(audits[0]).toMatchObject({ action: 'column.update', entityId: String(before.id), before: { name: '通知公告' }, after: { name: '通知公示' } });
    expect(revalidatePath).toHaveBeenCalledWith('/', 'layout');
  });

  it('refuses a save from a stale version and loses nothing', async () => {
    const current = await columnRow(db.db, 'notices');
    const { outcome, audits } = await run(updateColumnAction, { id: current.id, version: current.version - 1, name: '旧页面的名称', slug: 'notices' });
    expect(outcome).toMatchObject({ state: { ok: false, status: 409, message: '该栏目已被他人修改，请刷新页面后再保存。', values: { name: '旧页面的名称' } } });
    expect(await columnRow(db.db, 'notices')).toEqual(current);
    expect(audits).toEqual([]);
  });

  it('keeps the slug of a column whose articles are public', async () => {
    const current = await columnRow(db.db, 'work-news');
    const { outcome, audits } = await run(updateColumnAction, { id: current.id, version: current.version, name: current.name, slug: 'work-news-2' });
    expect(outcome).toMatchObject({ state: { ok: false, fieldErrors: { slug: [expect.stringMatching(/网址标识不能再修改/)] } } });
    expect(await columnRow(db.db, 'work-news')).toEqual(current);
    expect(audits).toEqual([]);
  });

  it('changes the slug of a column with no public article', async () => {
    const fresh = await insertColumn(db.db, { slug: 'drafts-only' });
    await insertArticle(db.db, { slug: 'drafts-only-draft', columnId: fresh.id, title: '只有草稿', status: 'draft' });
    const { outcome, audits } = await run(updateColumnAction, { id: fresh.id, version: fresh.version, name: '只有草稿的栏目', slug: 'drafts-renamed' });
    expect(outcome).toMatchObject({ state: { ok: true } });
    expect(await columnRow(db.db, 'drafts-renamed')).toMatchObject({ id: fresh.id });
    expect(audits.map((a) => [a.action, a.before, a.after])).toEqual([['column.update', expect.objectContaining({ slug: 'drafts-only' }), expect.objectContaining({ slug: 'drafts-renamed' })]]);
  });
});

describe('reordering', () => {
  it('swaps a column with its neighbour and renumbers the order', async () => {
    const order = await columnOrder(db.db);
    const third = await columnRow(db.db, order[2]!);
    const { outcome, audits } = await run(moveColumnAction, { id: third.id, direction: 'up' });
    expect(outcome).toMatchObject({ state: { ok: true, message: `已将“${third.name}”上移一位。` } });
    const expected = [order[0], order[2], order[1], ...order.slice(3)];
    expect(await columnOrder(db.db)).toEqual(expected);
    const sortOrders = (await listColumnsForAdmin(admin)).map((c) => c.sortOrder);
    expect(sortOrders).toEqual(expected.map((_, i) => (i + 1) * 10));
    expect(audits.map((a) => [a.action, a.entityId, a.before, a.after])).toEqual([['column.reorder', String(third.id), { order }, { order: expected }]]);
    expect(revalidatePath).toHaveBeenCalledWith('/', 'layout');
  });

  it('refuses to move the first column up or the last one down', async () => {
    const order = await columnOrder(db.db);
    const first = await columnRow(db.db, order[0]!);
    const last = await columnRow(db.db, order.at(-1)!);
    expect((await run(moveColumnAction, { id: first.id, direction: 'up' })).outcome).toMatchObject({ state: { ok: false, message: '该栏目已排在最前。' } });
    const { outcome, audits } = await run(moveColumnAction, { id: last.id, direction: 'down' });
    expect(outcome).toMatchObject({ state: { ok: false, message: '该栏目已排在最后。' } });
    expect(audits).toEqual([]);
    expect(await columnOrder(db.db)).toEqual(order);
  });

  it('keeps one consistent order when two moves run at once', async () => {
    const order = await columnOrder(db.db);
    const [a, b, c, d, ...rest] = order as [string, string, string, string, ...string[]];
    const cId = (await columnRow(db.db, c)).id;
    const dId = (await columnRow(db.db, d)).id;
    const since = await lastAuditId(db.db);
    const outcomes = await beforeAnyCommits(db, 2, () =>
      Promise.all([stateOf(moveColumnAction, form({ id: cId, direction: 'up' })), stateOf(moveColumnAction, form({ id: dId, direction: 'up' }))]),
    );
    expect(outcomes.map((s) => s.ok)).toEqual([true, true]);
    // Either move may go first; each must see the order the other left.
    expect([
      [a, c, d, b, ...rest],
      [a, b, c, d, ...rest],
    ]).toContainEqual(await columnOrder(db.db));
    const sortOrders = (await listColumnsForAdmin(admin)).map((col) => col.sortOrder);
    expect(new Set(sortOrders).size).toBe(sortOrders.length);
    expect(await auditRowsAfter(db.db, since)).toHaveLength(2);
  });
});

describe('hiding and showing', () => {
  it('takes a hidden column out of the navigation and its page, while its articles stay reachable', async () => {
    const column = await columnRow(db.db, 'integrity');
    const [article] = await db.db.select().from(articles).where(sql`${articles.columnId} = ${column.id} and ${articles.status} = 'published'`).limit(1);
    const { outcome, audits } = await run(setColumnVisibleAction, { id: column.id, visible: 'false' });
    expect(outcome).toMatchObject({ state: { ok: true } });
    expect((await listVisibleColumns()).map((c) => c.slug)).not.toContain('integrity');
    expect(await findVisibleColumn('integrity')).toBeNull();
    expect(await findVisibleArticle(article!.slug)).toMatchObject({ id: article!.id });
    expect(audits.map((a) => [a.action, a.entityId, a.after])).toEqual([['column.hide', String(column.id), expect.objectContaining({ visible: false })]]);
    expect(revalidatePath).toHaveBeenCalledWith('/', 'layout');

    const again = await run(setColumnVisibleAction, { id: column.id, visible: 'false' });
    expect(again.outcome).toMatchObject({ state: { ok: true } });
    expect(again.audits).toEqual([]);

    const shown = await run(setColumnVisibleAction, { id: column.id, visible: 'true' });
    expect(shown.audits.map((a) => a.action)).toEqual(['column.show']);
    expect((await listVisibleColumns()).map((c) => c.slug)).toContain('integrity');
  });

  it('refuses to hide the last visible column', async () => {
    const column = await columnRow(db.db, 'theory-study');
    await withOnlyVisible('theory-study', async () => {
      const { outcome, audits } = await run(setColumnVisibleAction, { id: column.id, visible: 'false' });
      expect(outcome).toMatchObject({ state: { ok: false, status: 409, message: '门户至少需要保留一个显示的栏目，不能隐藏最后一个。' } });
      expect(audits).toEqual([]);
      expect(await columnRow(db.db, 'theory-study')).toMatchObject({ visible: true });
    });
  });
});

describe('deleting', () => {
  it('refuses a column that holds articles unless a target column is chosen', async () => {
    const column = await columnRow(db.db, 'branch-showcase');
    const held = await articlesOf(column.id);
    expect(held.length).toBeGreaterThan(0);
    const { outcome, audits } = await run(deleteColumnAction, { id: column.id, targetColumnId: '', confirm: 'on' });
    expect(outcome).toMatchObject({ state: { ok: false, fieldErrors: { targetColumnId: [`该栏目下还有 ${held.length} 篇文章（含草稿和已归档），请选择要把它们移入的栏目。`] } } });
    expect(await articlesOf(column.id)).toEqual(held);
    expect(audits).toEqual([]);
  });

  it('refuses to move the articles into the column being deleted, and asks for confirmation', async () => {
    const column = await columnRow(db.db, 'branch-showcase');
    expect((await run(deleteColumnAction, { id: column.id, targetColumnId: column.id, confirm: 'on' })).outcome).toMatchObject({
      state: { ok: false, fieldErrors: { targetColumnId: ['不能移入要删除的栏目本身，请选择其他栏目。'] } },
    });
    const { outcome, audits } = await run(deleteColumnAction, { id: column.id, targetColumnId: '' });
    expect(outcome).toMatchObject({ state: { ok: false, fieldErrors: { confirm: ['请勾选确认后再删除。'] } } });
    expect(audits).toEqual([]);
    await columnRow(db.db, 'branch-showcase');
  });

  it('moves nothing when the change cannot be recorded: move and delete are one transaction', async () => {
    const column = await columnRow(db.db, 'branch-showcase');
    const target = await columnRow(db.db, 'work-news');
    const held = await articlesOf(column.id);
    const quiet = vi.spyOn(console, 'error').mockImplementation(() => {});
    failAudit.on = true;
    try {
      const { outcome } = await run(deleteColumnAction, { id: column.id, targetColumnId: target.id, confirm: 'on' });
      expect(outcome).toMatchObject({ state: { ok: false, status: 500 } });
    } finally {
      failAudit.on = false;
      quiet.mockRestore();
    }
    expect(await articlesOf(column.id)).toEqual(held);
    expect(await columnRow(db.db, 'branch-showcase')).toEqual(column);
  });

  it('moves every article to the target column and deletes the column, with one audit row', async () => {
    const column = await columnRow(db.db, 'branch-showcase');
    const target = await columnRow(db.db, 'work-news');
    const held = await articlesOf(column.id);
    const targetBefore = (await articlesOf(target.id)).length;
    const { outcome, audits } = await run(deleteColumnAction, { id: column.id, targetColumnId: target.id, confirm: 'on' });
    expect(outcome).toEqual({ kind: 'redirect', url: '/admin/columns?deleted=moved' });
    expect(await db.db.select().from(columns).where(eq(columns.id, column.id))).toEqual([]);
    const moved = await db.db.select().from(articles).where(inArray(articles.id, held.map((a) => a.id))).orderBy(articles.id);
    expect(moved.map((a) => [a.id, a.columnId, a.version, a.updatedBy])).toEqual(held.map((a) => [a.id, target.id, a.version + 1, admin.id]));
    expect(await articlesOf(target.id)).toHaveLength(targetBefore + held.length);
    expect(audits.map((a) => [a.action, a.entityId, a.before, a.after])).toEqual([
      ['column.delete', String(column.id), expect.objectContaining({ slug: 'branch-showcase' }), { movedTo: 'work-news', movedArticleIds: held.map((a) => a.id) }],
    ]);
    expect(revalidatePath).toHaveBeenCalledWith('/', 'layout');
  });

  it('deletes an empty column without a target', async () => {
    const empty = await insertColumn(db.db, { slug: 'empty-column' });
    const { outcome, audits } = await run(deleteColumnAction, { id: empty.id, targetColumnId: '', confirm: 'on' });
    expect(outcome).toEqual({ kind: 'redirect', url: '/admin/columns?deleted=1' });
    expect(audits.map((a) => [a.action, a.after])).toEqual([['column.delete', null]]);
  });

  it('refuses to delete the last visible column', async () => {
    const empty = await insertColumn(db.db, { slug: 'last-standing' });
    await withOnlyVisible('last-standing', async () => {
      const { outcome, audits } = await run(deleteColumnAction, { id: empty.id, targetColumnId: '', confirm: 'on' });
      expect(outcome).toMatchObject({ state: { ok: false, message: '门户至少需要保留一个显示的栏目，不能删除最后一个。' } });
      expect(audits).toEqual([]);
    });
    await columnRow(db.db, 'last-standing');
  });
});
