// First: the stand-ins it registers must be in place before the modules below are imported.
import { session } from './setup/request-mocks';
import ExcelJS from 'exceljs';
import { inArray } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { activityRecords } from '@/db/schema/activities';
import { GET as exportCsv } from '@/app/(admin)/admin/records/export.csv/route';
import { GET as exportXlsx } from '@/app/(admin)/admin/records/export.xlsx/route';
import type { SessionUser } from '@/lib/auth/sessions';
import { AppError } from '@/lib/errors';
import { parseRecordFilters } from '@/lib/records/filters';
import { exportRecords, listRecords } from '@/lib/records/list';
import { getRecord, listRecordNodes } from '@/lib/records/queries';
import { branchSubtree } from '@/lib/branches/queries';
import { branchIdOf, signedIn } from './auth-fixtures';
import { withDemoDatabase } from './setup/demo-database';

// The record book's reads on the seeded demo: scope, filters (late entry by the rule set in
// force on held_on), keyset pages, and exports holding exactly what is filtered.

const db = withDemoDatabase();
const users = {} as Record<'admin' | 'secretary' | 'secretary2' | 'auditor' | 'editor', SessionUser>;

beforeAll(async () => {
  for (const name of ['admin', 'secretary', 'secretary2', 'auditor', 'editor'] as const) users[name] = await signedIn(db.db, name);
});

/** Every record of a list, following the keyset pages to the end. */
async function allPages(user: SessionUser, query: Record<string, string>) {
  const ids: number[] = [];
  let cursor: string | undefined;
  for (let i = 0; i < 100; i++) {
    const page = await listRecords(user, { ...parseRecordFilters(query), cursor, pageSize: 40 });
    ids.push(...page.items.map((r) => r.id));
    if (!page.next) return { ids, count: page.count };
    cursor = page.next;
  }
  throw new Error('too many pages');
}

describe('the list', () => {
  it('keeps a secretary inside their own subtree, and shows everything to the auditor', async () => {
    const own = await branchSubtree(db.db, await branchIdOf(db.db, 'U01-B1'));
    const mine = await allPages(users.secretary, {});
    expect(mine.ids.length).toBeGreaterThan(50);
    const rows = await db.db.select({ id: activityRecords.id, branchId: activityRecords.branchId }).from(activityRecords).where(inArray(activityRecords.id, mine.ids));
    expect(rows.every((r) => own.includes(r.branchId))).toBe(true);
    const everything = await listRecords(users.auditor, { pageSize: 5 });
    expect(everything.count.total).toBeGreaterThan(mine.ids.length);
    // Asking for another unit's node gives a secretary nothing, not that unit's records.
    expect((await listRecords(users.secretary, { node: await branchIdOf(db.db, 'U02') })).items).toEqual([]);
  });

  it('pages newest meeting first without gaps or repeats', async () => {
    const { ids } = await allPages(users.auditor, { year: '2026' });
    expect(new Set(ids).size).toBe(ids.length);
    const rows = await db.db.select({ id: activityRecords.id, heldOn: activityRecords.heldOn }).from(activityRecords).where(inArray(activityRecords.id, ids));
    const heldOn = new Map(rows.map((r) => [r.id, r.heldOn]));
    const ordered = ids.map((id) => heldOn.get(id)!);
    expect([...ordered].sort().reverse()).toEqual(ordered);
    expect(ordered.every((d) => d.startsWith('2026-'))).toBe(true);
  });

  it('filters by node with its subtree, kind, status and quarter', async () => {
    const branch = await branchIdOf(db.db, 'U01-B1');
    const group = await branchIdOf(db.db, 'U01-B1-P1');
    const withGroup = await listRecords(users.admin, { node: branch, kind: 'group_meeting', year: 2026, quarter: 1 });
    expect(withGroup.items.length).toBeGreaterThan(0);
    expect(withGroup.items.every((r) => r.branchId === group && r.kind === 'group_meeting' && r.heldOn >= '2026-01-01' && r.heldOn <= '2026-03-31')).toBe(true);
    const flagged = await listRecords(users.auditor, { status: 'flagged' });
    expect(flagged.items.map((r) => [r.kind, r.heldOn])).toEqual([['general_meeting', '2026-06-20']]);
  });

  it('shows late entries only, by the threshold in force on held_on: the Q1 general meeting entered in April is among them', async () => {
    const late = await allPages(users.secretary, { late: '1' });
    const page = await listRecords(users.secretary, { late: true, pageSize: 200 });
    expect(page.items.length).toBe(late.ids.length);
    expect(page.items.every((r) => r.lateDays !== null && r.lateDays > 30)).toBe(true);
    expect(page.items).toContainEqual(expect.objectContaining({ kind: 'general_meeting', heldOn: '2026-03-23', submittedOn: '2026-04-28', lateDays: 36 }));
    const all = await listRecords(users.secretary, { year: 2026, pageSize: 200 });
    expect(all.items.filter((r) => r.lateDays !== null).map((r) => r.id).sort()).toEqual(page.items.filter((r) => r.heldOn.startsWith('2026')).map((r) => r.id).sort());
  });

  it('shows the attendance of each row', async () => {
    const page = await listRecords(users.secretary, { kind: 'committee_meeting', pageSize: 3 });
    for (const r of page.items) expect(r.expected).toBeGreaterThan(0);
  });

  it('offers a secretary the nodes of their subtree to write for, and refuses the editor', async () => {
    const nodes = await listRecordNodes(users.secretary, { purpose: 'write' });
    expect(nodes.map((n) => n.id).sort()).toEqual((await branchSubtree(db.db, await branchIdOf(db.db, 'U01-B1'))).sort());
    expect(nodes[0]!.label.startsWith('　')).toBe(false);
    await expect(listRecordNodes(users.editor, { purpose: 'read' })).rejects.toThrow(AppError);
    await expect(listRecords(users.editor, {})).rejects.toMatchObject({ status: 403 });
  });
});

describe('one record', () => {
  it('is readable by the auditor and by its own secretary, and a 403 for another unit’s secretary', async () => {
    const [theirs] = await listRecords(users.secretary2, { pageSize: 1 }).then((p) => p.items);
    expect(theirs).toBeDefined();
    expect(await getRecord(users.auditor, theirs!.id)).toMatchObject({ id: theirs!.id });
    expect(await getRecord(users.secretary2, theirs!.id)).toMatchObject({ id: theirs!.id });
    await expect(getRecord(users.secretary, theirs!.id)).rejects.toMatchObject({ status: 403 });
    expect(await getRecord(users.auditor, 2_000_000_000)).toBeNull();
  });
});

describe('exports', () => {
  const query = 'kind=general_meeting&year=2026';

  it('CSV holds exactly the filtered records, with Chinese headers', async () => {
    session.user = users.secretary;
    const response = await exportCsv(new Request(`http://localhost/admin/records/export.csv?${query}`));
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    const text = Buffer.from(await response.arrayBuffer()).toString('utf8');
    expect(text.startsWith('\uFEFF活动日期,组织,活动类型,主题')).toBe(true);
    const lines = text.trim().split('\r\n').slice(1);
    const listed = await allPages(users.secretary, Object.fromEntries(new URLSearchParams(query)));
    expect(lines.length).toBe(listed.ids.length);
    expect(lines.every((l) => l.startsWith('2026-') && l.includes(',支部党员大会,'))).toBe(true);
    expect(lines.map((l) => Number(l.split(',').at(-1)))).toEqual(listed.ids);
  });

  it('XLSX holds the same rows', async () => {
    session.user = users.secretary;
    const response = await exportXlsx(new Request(`http://localhost/admin/records/export.xlsx?${query}`));
    expect(response.status).toBe(200);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(Buffer.from(await response.arrayBuffer()) as unknown as ArrayBuffer);
    const sheet = workbook.getWorksheet('组织生活记录')!;
    expect(sheet.getRow(1).values).toEqual([undefined, '活动日期', '组织', '活动类型', '主题', '地点', '开始时间', '结束时间', '第一议题', '主持人', '记录人', '授课人', '应到', '实到', '出勤率', '状态', '版本', '提交日期', '补录（会后天数）', '记录编号']);
    const ids: number[] = [];
    sheet.eachRow((row, n) => {
      if (n > 1) ids.push(Number(row.getCell(19).value));
    });
    const listed = await allPages(users.secretary, Object.fromEntries(new URLSearchParams(query)));
    expect(ids).toEqual(listed.ids);
  });

  it('refuses the editor and a signed-out visitor', async () => {
    session.user = users.editor;
    expect((await exportCsv(new Request('http://localhost/admin/records/export.csv'))).status).toBe(403);
    session.user = null;
    expect((await exportXlsx(new Request('http://localhost/admin/records/export.xlsx'))).status).toBe(401);
  });

  it('stops at the limit', async () => {
    const batches: number[] = [];
    for await (const batch of exportRecords(users.auditor, {}, { limit: 25, batchSize: 10 })) batches.push(batch.length);
    expect(batches).toEqual([10, 10, 5]);
  });
});
