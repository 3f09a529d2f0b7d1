import { todayInBeijing } from '@/lib/calendar/days';
import { session } from './setup/request-mocks';
import { beforeAll, describe, expect, it } from 'vitest';
import { count, eq } from 'drizzle-orm';
import { branches } from '@/db/schema/branches';
import { people } from '@/db/schema/people';
import type { SessionUser } from '@/lib/auth/sessions';
import { appointPositionAction, createBranchAction, dissolveBranchAction, endTermAction, moveBranchAction, updateBranchAction } from '@/lib/branches/actions';
import { termEnd } from '@/lib/branches/dates';
import { branchSubtree, getBranchDetail, listBranchTree, listMoveTargets } from '@/lib/branches/queries';
import type { TreeNode } from '@/lib/branches/types';
import { listPeople } from '@/lib/people/queries';
import { auditRowsAfter, form, lastAuditId, signedIn, stateOf, submit } from './auth-fixtures';
import { addBranch, addPerson, addTerm, auditCount, branchRow, orgSnapshot, recordCount } from './branches-fixtures';
import { withDemoDatabase } from './setup/demo-database';

// The organization tree on the seeded demo: reads per role, and the admin's tree commands with
// their refusals (cycles, wrong parent kinds, dissolved parents, stale saves).

const db = withDemoDatabase();
let admin: SessionUser;
let secretary: SessionUser;
let secretary2: SessionUser;
let auditor: SessionUser;

beforeAll(async () => {
  admin = await signedIn(db.db, 'admin');
  secretary = await signedIn(db.db, 'secretary');
  secretary2 = await signedIn(db.db, 'secretary2');
  auditor = await signedIn(db.db, 'auditor');
});

const codesOf = (nodes: TreeNode[]): string[] => nodes.flatMap((n) => [n.code, ...codesOf(n.children)]);
const as = (user: SessionUser) => (session.user = user);

describe('the tree', () => {
  it('shows the admin and the auditor the whole tree with member counts rolled up from the roster', async () => {
    const onNode = async (code: string) => (await db.db.select({ n: count() }).from(people).where(eq(people.branchId, (await branchRow(db.db, code)).id)))[0]!.n;
    const [everyone] = await db.db.select({ n: count() }).from(people);
    for (const reader of [admin, auditor]) {
      const tree = await listBranchTree(reader);
      expect(tree.roots.map((r) => r.code)).toEqual(['WC']);
      expect(tree.roots[0]!.total).toBe(everyone!.n);
      const b1 = tree.roots[0]!.children.find((c) => c.code === 'U01')!.children.find((c) => c.code === 'U01-B1')!;
      expect(b1.total).toBe((await onNode('U01-B1')) + (await onNode('U01-B1-P1')));
      expect(b1.children[0]!.total).toBe(await onNode('U01-B1-P1'));
      expect(b1.subtree.full_member).toBeGreaterThan(0);
    }
  });

  it('reads the whole tree in two queries, the nodes and one grouped count, however large it is', async () => {
    db.queries.length = 0;
    await listBranchTree(admin);
    expect(db.queries).toHaveLength(2);
  });

  it('shows a secretary only their own subtree, with the top of it as the root', async () => {
    const mine = await listBranchTree(secretary);
    expect(mine.roots.map((r) => r.code)).toEqual(['U01-B1']);
    expect(codesOf(mine.roots).sort()).toEqual(['U01-B1', 'U01-B1-P1']);
    const theirs = await listBranchTree(secretary2);
    expect(theirs.roots.map((r) => r.code)).toEqual(['U02']);
    expect(codesOf(theirs.roots).every((c) => c.startsWith('U02'))).toBe(true);
  });

  it('finds nodes by name or code and keeps their ancestors', async () => {
    const found = await listBranchTree(admin, { q: 'u01-b1' });
    expect(found.hits).toBe(2);
    expect(found.roots[0]!.matches).toBe(true);
  });

  it('refuses a secretary a node outside their subtree, and answers null for an unknown one', async () => {
    await expect(getBranchDetail(secretary, (await branchRow(db.db, 'U02')).id)).rejects.toMatchObject({ code: 'forbidden' });
    expect(await getBranchDetail(admin, 999_999)).toBeNull();
    expect((await getBranchDetail(secretary, (await branchRow(db.db, 'U01-B1')).id))!.code).toBe('U01-B1');
  });

  it('warns of a term ending within the rule set’s 90 days, and of one that ended without a successor', async () => {
    const ending = (await getBranchDetail(admin, (await branchRow(db.db, 'U01-B2')).id))!;
    expect(ending.termRules).toMatchObject({ termWarningDays: 90, termYears: 3 });
    const today = todayInBeijing();
    if (today >= '2026-10-21' && today <= '2027-01-19') expect(ending.warnings).toContainEqual(expect.objectContaining({ kind: 'ending', position: 'secretary', endsOn: '2027-01-19' }));
    const vacant = (await getBranchDetail(admin, (await branchRow(db.db, 'U02-B3')).id))!;
    expect(vacant.warnings).toContainEqual(expect.objectContaining({ kind: 'vacant', position: 'secretary', endedOn: '2026-09-29' }));
    expect(vacant.terms.filter((t) => t.current)).toEqual([]);
  });
});

describe('creating nodes', () => {
  it('creates a branch under a unit organization, audited', async () => {
    as(admin);
    const u01 = await branchRow(db.db, 'U01');
    const before = await lastAuditId(db.db);
    const outcome = await submit(createBranchAction, form({ parentId: u01.id, kind: 'branch', name: '中共江州市发展和改革委员会机关第九党支部', code: 'u01-b9', establishedOn: '2026-11-01' }));
    expect(outcome).toMatchObject({ kind: 'redirect', url: expect.stringMatching(/^\/admin\/branches\/\d+\?created=1$/) });
    const created = await branchRow(db.db, 'U01-B9');
    expect(created).toMatchObject({ parentId: u01.id, kind: 'branch', unitName: u01.unitName });
    expect((await auditRowsAfter(db.db, before)).map((r) => r.action)).toEqual(['branch.create']);
  });

  it('refuses a kind the parent may not hold, a taken code and a dissolved parent, each beside its field', async () => {
    as(admin);
    const u01 = await branchRow(db.db, 'U01');
    const before = await orgSnapshot(db.db);
    expect(await stateOf(createBranchAction, form({ parentId: u01.id, kind: 'party_group', name: '直属党小组', code: 'U01-X1' }))).toMatchObject({
      ok: false,
      fieldErrors: { kind: ['单位党组织下不能设党小组。'] },
      values: { name: '直属党小组' },
    });
    expect(await stateOf(createBranchAction, form({ parentId: u01.id, kind: 'branch', name: '重复编码支部', code: 'U01-B1' }))).toMatchObject({ ok: false, fieldErrors: { code: ['该编码已被其他组织使用。'] } });
    expect(await stateOf(createBranchAction, form({ parentId: u01.id, kind: 'branch', name: '', code: '' }))).toMatchObject({ ok: false, fieldErrors: { name: [expect.any(String)], code: [expect.any(String)] } });
    expect(await orgSnapshot(db.db)).toEqual(before);
  });

  it('is the admin’s alone: a secretary is refused with 403', async () => {
    as(secretary);
    const outcome = await stateOf(createBranchAction, form({ parentId: (await branchRow(db.db, 'U01-B1')).id, kind: 'party_group', name: '第二党小组', code: 'U01-B1-P2' }));
    expect(outcome).toMatchObject({ ok: false, status: 403 });
  });
});

describe('moving nodes', () => {
  it('refuses a move under the node itself or below it (a cycle), with nothing changed', async () => {
    as(admin);
    const b1 = await branchRow(db.db, 'U01-B1');
    const p1 = await branchRow(db.db, 'U01-B1-P1');
    const before = await orgSnapshot(db.db);
    for (const parentId of [b1.id, p1.id]) {
      const state = await stateOf(moveBranchAction, form({ id: b1.id, version: b1.version, parentId }));
      expect(state).toMatchObject({ ok: false, fieldErrors: { parentId: ['不能移到自身或其下级组织之下：这会使组织树形成循环。'] } });
    }
    const u01 = await branchRow(db.db, 'U01');
    expect(await stateOf(moveBranchAction, form({ id: u01.id, version: u01.version, parentId: (await branchRow(db.db, 'U03-G1')).id }))).toMatchObject({
      ok: false,
      fieldErrors: { parentId: ['党总支下不能设单位党组织。'] },
    });
    expect(await orgSnapshot(db.db)).toEqual(before);
    expect((await listMoveTargets(admin, b1.id)).map((t) => t.id)).not.toContain(p1.id);
  });

  it('refuses a parent kind that may not hold the node', async () => {
    as(admin);
    const b2 = await branchRow(db.db, 'U01-B2');
    const state = await stateOf(moveBranchAction, form({ id: b2.id, version: b2.version, parentId: (await branchRow(db.db, 'WC')).id }));
    expect(state).toMatchObject({ ok: false, fieldErrors: { parentId: ['工委下不能设党支部。'] } });
  });

  it('moves a branch with its records and people: subtree queries of the new parent include them', async () => {
    as(admin);
    const b2 = await branchRow(db.db, 'U01-B2');
    const u03 = await branchRow(db.db, 'U03');
    const b2Records = await recordCount(db.db, await branchSubtree(db.db, b2.id));
    expect(b2Records).toBeGreaterThan(0);
    const u03Before = (await getBranchDetail(admin, u03.id))!;
    const u01Before = (await getBranchDetail(admin, (await branchRow(db.db, 'U01')).id))!;
    const before = await lastAuditId(db.db);

    const outcome = await submit(moveBranchAction, form({ id: b2.id, version: b2.version, parentId: u03.id }));
    expect(outcome).toEqual({ kind: 'redirect', url: `/admin/branches/${b2.id}?moved=1` });
    expect((await auditRowsAfter(db.db, before)).map((r) => [r.action, r.entityId])).toEqual([['branch.move', String(b2.id)]]);

    const u03After = (await getBranchDetail(admin, u03.id))!;
    expect(u03After.recordCount).toBe(u03Before.recordCount + b2Records);
    expect(u03After.children.map((c) => c.code)).toContain('U01-B2');
    const u01After = (await getBranchDetail(admin, (await branchRow(db.db, 'U01')).id))!;
    expect(u01After.recordCount).toBe(u01Before.recordCount - b2Records);
    const moved = (await getBranchDetail(admin, b2.id))!;
    expect(moved.path.map((p) => p.id)).toEqual([(await branchRow(db.db, 'WC')).id, u03.id]);
    const roster = await listPeople(admin, { branchId: u03.id, pageSize: 200 });
    expect(roster.items.some((p) => p.branchId === b2.id)).toBe(true);
  });

  it('refuses a stale version, keeping what was chosen', async () => {
    as(admin);
    const b2 = await branchRow(db.db, 'U01-B2');
    const state = await stateOf(moveBranchAction, form({ id: b2.id, version: b2.version - 1, parentId: (await branchRow(db.db, 'U01')).id }));
    expect(state).toMatchObject({ ok: false, status: 409, message: '该组织已被他人修改，请刷新页面后再保存。', values: { parentId: String((await branchRow(db.db, 'U01')).id) } });
  });
});

describe('editing and dissolving', () => {
  it('saves an edit, and refuses a stale one with the typed name kept', async () => {
    as(admin);
    const b3 = await branchRow(db.db, 'U01-B3');
    const fields = { id: b3.id, name: `${b3.name}（更名）`, code: b3.code, unitName: b3.unitName, establishedOn: b3.establishedOn ?? '', contactPhone: '' };
    expect(await stateOf(updateBranchAction, form({ ...fields, version: b3.version }))).toMatchObject({ ok: true });
    expect(await stateOf(updateBranchAction, form({ ...fields, name: '另一个名字', version: b3.version }))).toMatchObject({ ok: false, status: 409, values: { name: '另一个名字' } });
    expect((await branchRow(db.db, 'U01-B3')).name).toBe(fields.name);
  });

  it('refuses to dissolve a node with active children; dissolving keeps records and people', async () => {
    as(admin);
    const b1 = await branchRow(db.db, 'U01-B1');
    expect(await stateOf(dissolveBranchAction, form({ id: b1.id, version: b1.version, dissolvedOn: todayInBeijing() }))).toMatchObject({ ok: false, status: 409, message: expect.stringContaining('未撤销的下级组织') });

    const p1 = await branchRow(db.db, 'U01-B1-P1');
    const recordsBefore = await recordCount(db.db, [p1.id]);
    const peopleBefore = (await db.db.select({ id: people.id }).from(people).where(eq(people.branchId, p1.id))).length;
    expect(recordsBefore + peopleBefore).toBeGreaterThan(0);
    const today = todayInBeijing();
    expect(await stateOf(dissolveBranchAction, form({ id: p1.id, version: p1.version, dissolvedOn: '2099-01-01' }))).toMatchObject({ ok: false, fieldErrors: { dissolvedOn: ['撤销日期不能晚于今天。'] } });
    expect(await stateOf(dissolveBranchAction, form({ id: p1.id, version: p1.version, dissolvedOn: today }))).toMatchObject({ ok: true });
    expect((await branchRow(db.db, 'U01-B1-P1')).dissolvedOn).toBe(today);
    expect(await recordCount(db.db, [p1.id])).toBe(recordsBefore);
    expect((await db.db.select({ id: people.id }).from(people).where(eq(people.branchId, p1.id))).length).toBe(peopleBefore);
    const tree = await listBranchTree(admin, { q: 'U01-B1-P1' });
    expect(JSON.stringify(tree.roots)).toContain(`"dissolvedOn":"${today}"`);
  });

  it('takes nothing new under a dissolved node', async () => {
    as(admin);
    const p1 = await branchRow(db.db, 'U01-B1-P1');
    expect(await stateOf(createBranchAction, form({ parentId: p1.id, kind: 'party_group', name: '不可设', code: 'X-NEVER' }))).toMatchObject({
      ok: false,
      fieldErrors: { kind: [expect.stringContaining('撤销')] },
    });
    const closed = await addBranch(db.db, 'U01', 'branch');
    await db.db.update(branches).set({ dissolvedOn: '2025-01-01' }).where(eq(branches.id, closed.id));
    const group = await addBranch(db.db, 'U01-B3', 'party_group');
    const before = await orgSnapshot(db.db);
    expect(await stateOf(moveBranchAction, form({ id: group.id, version: group.version, parentId: closed.id }))).toMatchObject({
      ok: false,
      fieldErrors: { parentId: [expect.stringContaining('已于 2025-01-01 撤销')] },
    });
    expect(await orgSnapshot(db.db)).toEqual(before);
  });
});

describe('committee positions', () => {
  it('appoints a member of the node’s roster, the term running the rule set’s years by default', async () => {
    as(secretary);
    const b1 = await branchRow(db.db, 'U01-B1');
    const person = await addPerson(db.db, b1.id);
    const before = await lastAuditId(db.db);
    const state = await stateOf(appointPositionAction, form({ branchId: b1.id, personId: person.id, position: 'discipline_member', startsOn: '2026-06-01' }));
    expect(state).toMatchObject({ ok: true, message: `已任命，任期 2026-06-01 至 ${termEnd('2026-06-01', 3)}。` });
    expect((await auditRowsAfter(db.db, before)).map((r) => [r.action, r.actorId])).toEqual([['committee.appoint', secretary.id]]);
  });

  it('refuses someone from another node’s roster, and a second 书记 over the same days', async () => {
    as(admin);
    const b1 = await branchRow(db.db, 'U01-B1');
    const elsewhere = await addPerson(db.db, (await branchRow(db.db, 'U01-B3')).id);
    expect(await stateOf(appointPositionAction, form({ branchId: b1.id, personId: elsewhere.id, position: 'committee_member', startsOn: '2026-06-01' }))).toMatchObject({
      ok: false,
      fieldErrors: { personId: ['任职人员须是本组织名册中的人员。'] },
    });
    const local = await addPerson(db.db, b1.id);
    expect(await stateOf(appointPositionAction, form({ branchId: b1.id, personId: local.id, position: 'secretary', startsOn: '2026-06-01' }))).toMatchObject({
      ok: false,
      fieldErrors: { startsOn: [expect.stringContaining('此期间已有书记')] },
    });
  });

  it('lets a secretary manage only positions of their own subtree', async () => {
    as(secretary2);
    const b1 = await branchRow(db.db, 'U01-B1');
    const person = await addPerson(db.db, b1.id);
    const audits = await auditCount(db.db);
    expect(await stateOf(appointPositionAction, form({ branchId: b1.id, personId: person.id, position: 'committee_member', startsOn: '2026-06-01' }))).toMatchObject({ ok: false, status: 403 });
    const term = await addTerm(db.db, b1.id, person.id);
    expect(await stateOf(endTermAction, form({ id: term.id, version: term.version, endedOn: todayInBeijing() }))).toMatchObject({ ok: false, status: 403 });
    expect(await auditCount(db.db)).toBe(audits);
  });

  it('ends a term early and keeps it as history', async () => {
    as(secretary);
    const b1 = await branchRow(db.db, 'U01-B1');
    const person = await addPerson(db.db, b1.id);
    const term = await addTerm(db.db, b1.id, person.id, { position: 'propaganda_member' });
    expect(await stateOf(endTermAction, form({ id: term.id, version: term.version, endedOn: '2024-01-01' }))).toMatchObject({ ok: false, fieldErrors: { endedOn: [expect.stringContaining('不能早于任期开始日期')] } });
    expect(await stateOf(endTermAction, form({ id: term.id, version: term.version, endedOn: '2026-05-31' }))).toMatchObject({ ok: true });
    const detail = (await getBranchDetail(secretary, b1.id))!;
    expect(detail.terms.find((t) => t.id === term.id)).toMatchObject({ endedOn: '2026-05-31', current: false });
  });
});
