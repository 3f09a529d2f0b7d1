// First: the stand-ins it registers must be in place before the modules below are imported.
import { session } from './setup/request-mocks';
import { eq, sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { articles } from '@/db/schema/articles';
import { branches } from '@/db/schema/branches';
import { columns } from '@/db/schema/columns';
import { inspections } from '@/db/schema/inspections';
import { findings } from '@/db/schema/reviews';
import { GET as exportFindings } from '@/app/(admin)/admin/inspections/export/route';
import type { SessionUser } from '@/lib/auth/sessions';
import { addInspectionFindingAction, createInspectionAction, draftInspectionNoticeAction, releaseInspectionAction } from '@/lib/inspections/actions';
import { getInspection, getInspectionStats, listInspectionFindings, listInspections } from '@/lib/inspections/queries';
import { answerFindingAction, closeFindingAction } from '@/lib/reviews/actions';
import { openFindings } from '@/lib/reviews/queries';
import { auditRowsAfter, branchIdOf, type FormAction, form, lastAuditId, signedIn, stateOf, submit } from './auth-fixtures';
import { inspectionFindingIn, inspectionIn } from './inspections-fixtures';
import { inDays, today } from './reviews-fixtures';
import { withDemoDatabase } from './setup/demo-database';

// Inspections (明察暗访) through the real actions and queries on the seeded demo: create → add
// findings → release → the branch answers → the auditor closes; who may do what (403 without an
// audit row); what a secretary sees before and after release; the figures by the day raised;
// the 通报 draft; bad input beside its field; the SQL guard.

const db = withDemoDatabase();
const users = {} as Record<'admin' | 'editor' | 'secretary' | 'secretary2' | 'auditor', SessionUser>;
const names = ['admin', 'editor', 'secretary', 'secretary2', 'auditor'] as const;
beforeAll(async () => {
  for (const name of names) users[name] = await signedIn(db.db, name);
});
const as = (user: SessionUser) => (session.user = user);
const inspectionRow = async (id: number) => (await db.db.select().from(inspections).where(eq(inspections.id, id)))[0]!;
const findingRow = async (id: number) => (await db.db.select().from(findings).where(eq(findings.id, id)))[0]!;

async function expectRefused(action: FormAction, data: FormData, status: number, message?: string | RegExp) {
  const since = await lastAuditId(db.db);
  const state = await stateOf(action, data);
  expect(state).toMatchObject({ ok: false, status });
  if (message) expect(state.message).toMatch(message);
  expect(await auditRowsAfter(db.db, since)).toEqual([]);
  return state;
}

describe('an inspection from creation to rectification', () => {
  it('create, add two findings, release; the branch sees and answers only after release; the auditor closes', async () => {
    const branchId = await branchIdOf(db.db, 'U01-B1');
    as(users.auditor);
    let since = await lastAuditId(db.db);
    const created = await submit(createInspectionAction, form({ branchId, inspectedOn: today(), method: 'unannounced', scope: '查看主题党日和三会一课记录' }));
    expect(created).toMatchObject({ kind: 'redirect', url: expect.stringMatching(/^\/admin\/inspections\/\d+\?inspection=created$/) });
    const id = Number((created as { url: string }).url.match(/inspections\/(\d+)/)![1]);
    expect(await inspectionRow(id)).toMatchObject({ branchId, method: 'unannounced', status: 'draft', createdBy: users.auditor.id });
    for (const comment of ['签到表与照片人数不符', '主题党日未结合本单位实际']) {
      expect(await submit(addInspectionFindingAction, form({ inspectionId: id, category: 'formalism', comment, dueOn: inDays(20) }))).toMatchObject({ kind: 'redirect' });
    }
    const list = await db.db.select().from(findings).where(eq(findings.inspectionId, id)).orderBy(findings.id);
    expect(list.map((f) => [f.source, f.branchId, f.state, f.raisedOn])).toEqual([
      ['inspection', branchId, 'open', today()],
      ['inspection', branchId, 'open', today()],
    ]);
    expect((await auditRowsAfter(db.db, since)).map((r) => [r.action, r.actorId])).toEqual([
      ['inspection.create', users.auditor.id],
      ['inspection.add_finding', users.auditor.id],
      ['inspection.add_finding', users.auditor.id],
    ]);

    // Before release the branch sees nothing of it, and cannot answer.
    expect(await getInspection(users.secretary, id)).toBeNull();
    expect((await listInspections(users.secretary, { from: today(), to: today() })).items.map((i) => i.id)).not.toContain(id);
    expect((await openFindings(users.secretary)).map((f) => f.id)).not.toContain(list[0]!.id);
    as(users.secretary);
    await expectRefused(answerFindingAction, form({ findingId: list[0]!.id, version: 1, note: '已整改' }), 404);

    as(users.auditor);
    since = await lastAuditId(db.db);
    const row = await inspectionRow(id);
    expect(await submit(releaseInspectionAction, form({ inspectionId: id, version: row.version }))).toEqual({ kind: 'redirect', url: `/admin/inspections/${id}?inspection=released` });
    expect(await inspectionRow(id)).toMatchObject({ status: 'released', releasedBy: users.auditor.id });
    expect((await auditRowsAfter(db.db, since)).map((r) => r.action)).toEqual(['inspection.release']);
    await expectRefused(releaseInspectionAction, form({ inspectionId: id, version: row.version + 1 }), 409, '该次督查已发布。');

    // Released: the branch sees it on its desk and the inspection page, and answers there.
    const seen = await getInspection(users.secretary, id);
    expect(seen).toMatchObject({ status: 'released', canAnswer: true, canManage: false, canDraftNotice: false });
    expect(seen!.findingList.map((f) => f.id)).toEqual(list.map((f) => f.id));
    expect((await openFindings(users.secretary)).filter((f) => f.inspectionId === id)).toHaveLength(2);
    expect(await getInspection(users.secretary2, id)).toBeNull();
    expect((await openFindings(users.secretary2)).filter((f) => f.inspectionId === id)).toEqual([]);
    as(users.secretary);
    expect(await submit(answerFindingAction, form({ findingId: list[0]!.id, version: 1, note: '已按实际人数更正签到表' }))).toEqual({
      kind: 'redirect',
      url: `/admin/inspections/${id}?finding=answered#finding-${list[0]!.id}`,
    });
    as(users.auditor);
    expect(await submit(closeFindingAction, form({ findingId: list[0]!.id, version: 2, note: '' }))).toMatchObject({ kind: 'redirect' });
    expect(await findingRow(list[0]!.id)).toMatchObject({ state: 'closed', closedBy: users.auditor.id });
    // A finding may still be added after release.
    expect(await submit(addInspectionFindingAction, form({ inspectionId: id, category: 'other', comment: '补充：党费台账未签字', dueOn: inDays(10) }))).toMatchObject({ kind: 'redirect' });
    expect(await getInspection(users.admin, id)).toMatchObject({ findings: 3, closed: 1, canManage: false, canAnswer: false, canDraftNotice: false });
  });
});

describe('every action × every role', () => {
  const allowed = { create: 'auditor', add: 'auditor', release: 'auditor', notice: 'admin' } as const;
  for (const name of names) {
    it(`as ${name}: only the allowed actions succeed; the others answer 403 and write no audit row`, async () => {
      const draft = await inspectionIn(db.db, 'U01-B1');
      const released = await inspectionIn(db.db, 'U01-B1', { status: 'released' });
      await inspectionFindingIn(db.db, released, { state: 'closed' });
      const cases = {
        create: [createInspectionAction, form({ branchId: await branchIdOf(db.db, 'U01-B1'), inspectedOn: today(), method: 'four_nos', scope: '查看台账' })],
        add: [addInspectionFindingAction, form({ inspectionId: draft.id, category: 'other', comment: '问题', dueOn: inDays(5) })],
        release: [releaseInspectionAction, form({ inspectionId: draft.id, version: draft.version })],
        notice: [draftInspectionNoticeAction, form({ inspectionId: released.id })],
      } as const;
      as(users[name]);
      for (const [key, [action, data]] of Object.entries(cases)) {
        if (users[name].role === allowed[key as keyof typeof allowed]) {
          const since = await lastAuditId(db.db);
          expect(await submit(action, data), key).toMatchObject({ kind: 'redirect' });
          expect(await auditRowsAfter(db.db, since), key).toHaveLength(1);
        } else {
          await expectRefused(action, data, 403, '您没有执行此操作的权限。');
        }
      }
    });
  }

  it('keeps editors out of every read, and secretaries out of drafts and other subtrees', async () => {
    const filters = { from: '2026-01-01', to: '2026-12-31' };
    await expect(listInspections(users.editor, filters)).rejects.toMatchObject({ code: 'forbidden' });
    await expect(getInspectionStats(users.editor, filters)).rejects.toMatchObject({ code: 'forbidden' });
    await expect(listInspectionFindings(users.editor, filters)).rejects.toMatchObject({ code: 'forbidden' });
    const draft = await inspectionIn(db.db, 'U01-B1');
    await inspectionFindingIn(db.db, draft);
    expect(await getInspection(users.secretary, draft.id)).toBeNull();
    expect(await getInspection(users.admin, draft.id)).toMatchObject({ status: 'draft' });
    // The seeded inspection of the 财政局 unit: secretary2's subtree, not secretary's.
    const seededFor = async (user: SessionUser) => (await listInspections(user, { from: '2026-09-16', to: '2026-09-16' })).items.map((i) => i.branchName);
    expect(await seededFor(users.secretary2)).toEqual(['中共江州市财政局机关委员会']);
    expect(await seededFor(users.secretary)).toEqual([]);
  });
});

describe('figures by the day raised', () => {
  it('count raised, closed, overdue at the due-day boundary, the rate and the median days to close', async () => {
    const a = await inspectionIn(db.db, 'U04-B1', { status: 'released', inspectedOn: '2020-03-01' });
    const b = await inspectionIn(db.db, 'U05-B1', { status: 'released', inspectedOn: '2020-03-01' });
    const closedOn = (day: string) => new Date(`${day}T23:30:00+08:00`); // late evening in Beijing: still that day
    await inspectionFindingIn(db.db, a, { raisedOn: '2020-03-01', state: 'closed', closedAt: closedOn('2020-03-05') }); // 4 days
    await inspectionFindingIn(db.db, a, { raisedOn: '2020-03-01', state: 'closed', closedAt: closedOn('2020-03-11') }); // 10 days
    await inspectionFindingIn(db.db, a, { raisedOn: '2020-03-02', state: 'answered', dueOn: inDays(-1) }); // overdue
    await inspectionFindingIn(db.db, a, { raisedOn: '2020-03-02', state: 'open', dueOn: today() }); // due today: not overdue
    await inspectionFindingIn(db.db, b, { raisedOn: '2020-12-31', state: 'closed', closedAt: closedOn('2021-01-02') }); // 2 days
    await inspectionFindingIn(db.db, b, { raisedOn: '2021-01-01', state: 'open', dueOn: inDays(-5) }); // raised next year: not counted
    const period = { from: '2020-01-01', to: '2020-12-31' };
    const stats = await getInspectionStats(users.admin, period);
    const unitOf = async (code: string) => (await db.db.select({ unitName: branches.unitName }).from(branches).where(eq(branches.code, code)))[0]!.unitName;
    expect(stats.units).toEqual(
      expect.arrayContaining([
        { unitName: await unitOf('U04-B1'), raised: 4, closed: 2, overdue: 1, rate: 50, medianDaysToClose: 7 },
        { unitName: await unitOf('U05-B1'), raised: 1, closed: 1, overdue: 0, rate: 100, medianDaysToClose: 2 },
      ]),
    );
    expect(stats.total).toEqual({ unitName: '合计', raised: 5, closed: 3, overdue: 1, rate: 60, medianDaysToClose: 4 });
    // The drill-down lists exactly the findings behind each figure.
    expect(await listInspectionFindings(users.admin, { ...period, measure: 'raised' })).toHaveLength(5);
    expect((await listInspectionFindings(users.admin, { ...period, measure: 'closed' })).map((f) => f.state)).toEqual(['closed', 'closed', 'closed']);
    const overdue = await listInspectionFindings(users.admin, { ...period, measure: 'overdue', unit: await unitOf('U04-B1') });
    expect(overdue.map((f) => [f.state, f.dueOn, f.overdue])).toEqual([['answered', inDays(-1), true]]);
    // A secretary of neither unit counts nothing there.
    expect((await getInspectionStats(users.secretary, period)).total.raised).toBe(0);
  });

  it('shows the seeded inspection as one closed and one overdue', async () => {
    const stats = await getInspectionStats(users.admin, { from: '2026-09-16', to: '2026-09-16' });
    expect(stats.units).toEqual([{ unitName: '江州市财政局', raised: 2, closed: 1, overdue: 1, rate: 50, medianDaysToClose: 23 }]);
  });
});

describe('the export', () => {
  const url = (format: string) => `http://localhost/admin/inspections/export?from=2026-09-16&to=2026-09-16&measure=overdue&format=${format}`;

  it('gives the findings behind a figure as CSV and XLSX, and nothing to an editor', async () => {
    as(users.editor);
    expect((await exportFindings(new Request(url('csv')))).status).toBe(403);
    as(users.admin);
    const csv = await exportFindings(new Request(url('csv')));
    expect(csv.headers.get('content-disposition')).toBe('attachment; filename="inspection-findings-20260916-20260916-overdue.csv"');
    const lines = (await csv.text()).trim().split('\n');
    expect(lines).toHaveLength(2);
    expect(lines[1]).toContain('主题党日活动照片与上月重复使用');
    const xlsx = await exportFindings(new Request(url('xlsx')));
    expect(xlsx.headers.get('content-type')).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    expect(Buffer.from(await xlsx.arrayBuffer()).subarray(0, 2).toString()).toBe('PK');
  });
});

describe('the 通报 draft', () => {
  it('is an article draft in 通知公告 with the facts, never published, once, with one audit row', async () => {
    const i = await inspectionIn(db.db, 'U02-B1', { status: 'released', inspectedOn: '2026-11-03' });
    const open = await inspectionFindingIn(db.db, i, { state: 'answered' });
    as(users.admin);
    await expectRefused(draftInspectionNoticeAction, form({ inspectionId: i.id }), 409, /全部关闭后才能生成通报草稿/);
    as(users.auditor);
    expect(await submit(closeFindingAction, form({ findingId: open.id, version: open.version, note: '整改到位' }))).toMatchObject({ kind: 'redirect' });
    as(users.admin);
    const since = await lastAuditId(db.db);
    expect(await submit(draftInspectionNoticeAction, form({ inspectionId: i.id }))).toEqual({ kind: 'redirect', url: `/admin/inspections/${i.id}?inspection=notice` });
    const { noticeArticleId } = await inspectionRow(i.id);
    const [article] = await db.db.select().from(articles).where(eq(articles.id, noticeArticleId!));
    const [notices] = await db.db.select().from(columns).where(eq(columns.slug, 'notices'));
    expect(article).toMatchObject({ status: 'draft', publishedAt: null, publishAt: null, columnId: notices!.id, authorId: users.admin.id, title: '关于对江州市财政局暗访督查情况的通报' });
    expect(article!.bodyHtml).toContain('2026年11月3日');
    expect(article!.bodyHtml).toContain('活动照片重复使用');
    const rows = await auditRowsAfter(db.db, since);
    expect(rows.map((r) => [r.action, r.entityType, r.entityId])).toEqual([['inspection.notice_draft', 'article', String(article!.id)]]);
    expect(rows[0]!.after).toMatchObject({ inspectionId: i.id, status: 'draft' });
    await expectRefused(draftInspectionNoticeAction, form({ inspectionId: i.id }), 409, /已为该次督查生成过通报草稿/);
    const draft = await inspectionIn(db.db, 'U02-B1');
    await expectRefused(draftInspectionNoticeAction, form({ inspectionId: draft.id }), 409, /尚未发布/);
  });
});

describe('bad input', () => {
  it('refuses an inspection without node, scope or a real past day, beside each field', async () => {
    as(users.auditor);
    const state = await expectRefused(createInspectionAction, form({ branchId: '', inspectedOn: inDays(1), method: '', scope: '  ' }), 400);
    expect(state.fieldErrors).toEqual({ branchId: ['请选择被督查的单位或组织。'], inspectedOn: ['督查日期不能晚于今天。'], method: ['请选择督查方式。'], scope: ['请填写督查内容。'] });
    const missing = await expectRefused(createInspectionAction, form({ branchId: 999999, inspectedOn: today(), method: 'announced', scope: '查看' }), 400);
    expect(missing.fieldErrors).toEqual({ branchId: ['所选单位或组织不存在，请重新选择。'] });
  });

  it('refuses a finding without comment or due day, or due in the past, keeping what was typed', async () => {
    const i = await inspectionIn(db.db, 'U01-B1');
    as(users.auditor);
    const state = await expectRefused(addInspectionFindingAction, form({ inspectionId: i.id, category: 'formalism', comment: ' ', dueOn: '' }), 400);
    expect(state.fieldErrors).toEqual({ comment: ['请填写问题说明。'], dueOn: ['请填写整改期限。'] });
    expect(state.values).toMatchObject({ category: 'formalism' });
    const past = await expectRefused(addInspectionFindingAction, form({ inspectionId: i.id, category: 'formalism', comment: '照搬模板', dueOn: inDays(-1) }), 400);
    expect(past.fieldErrors).toEqual({ dueOn: ['整改期限不能早于今天。'] });
    await expectRefused(addInspectionFindingAction, form({ inspectionId: 999999, category: 'other', comment: 'x', dueOn: inDays(3) }), 404);
    expect(await db.db.select().from(findings).where(eq(findings.inspectionId, i.id))).toEqual([]);
  });
});

describe('the SQL guard', () => {
  it('keeps inspections and their findings: no delete, no un-release, no finding without its inspection', async () => {
    const i = await inspectionIn(db.db, 'U01-B1', { status: 'released' });
    const f = await inspectionFindingIn(db.db, i);
    await expect(db.db.execute(sql`delete from inspections where id = ${i.id}`)).rejects.toThrow();
    await expect(db.db.execute(sql`update inspections set status = 'draft', released_at = null where id = ${i.id}`)).rejects.toThrow();
    await expect(db.db.execute(sql`update inspections set scope = '改写' where id = ${i.id}`)).rejects.toThrow();
    await expect(db.db.execute(sql`update findings set inspection_id = null where id = ${f.id}`)).rejects.toThrow();
    const branchId = i.branchId;
    await expect(
      db.db.execute(sql`insert into findings (source, branch_id, category, comment, due_on, raised_on) values ('inspection', ${branchId}, 'other', 'x', ${today()}, ${today()})`),
    ).rejects.toThrow();
    expect(await inspectionRow(i.id)).toEqual(i);
  });
});
