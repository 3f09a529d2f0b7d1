import { todayInBeijing } from '@/lib/calendar/days';
import { session } from './setup/request-mocks';
import { beforeAll, describe, expect, it } from 'vitest';
import { and, eq, sql } from 'drizzle-orm';
import { selectRows } from '@/db/rows';
import { auditLog } from '@/db/schema/audit';
import { branches } from '@/db/schema/branches';
import { personTransfers } from '@/db/schema/people';
import type { SessionUser } from '@/lib/auth/sessions';
import { createPersonAction, linkAccountAction, transferPersonAction, unlinkAccountAction, updatePersonAction } from '@/lib/people/actions';
import { getPersonDetail, listPeople } from '@/lib/people/queries';
import { addUser, auditRowsAfter, form, lastAuditId, signedIn, stateOf, submit } from './auth-fixtures';
import { addPerson, addTerm, auditCount, branchRow, orgSnapshot, personRow } from './branches-fixtures';
import { withDemoDatabase } from './setup/demo-database';

// The roster on the seeded demo: scoped reads, masked phones, audited detail reads, transfers
// that keep their history, and account links.

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

const as = (user: SessionUser) => (session.user = user);

const personFields = (p: Awaited<ReturnType<typeof personRow>>) => ({
  id: p.id,
  version: p.version,
  name: p.name,
  gender: p.gender ?? '',
  birthDate: p.birthDate ?? '',
  phone: p.phone ?? '',
  jobTitle: p.jobTitle ?? '',
  status: p.status,
  statusSince: p.statusSince ?? '',
  joinedPartyOn: p.joinedPartyOn ?? '',
});

describe('the roster list', () => {
  it('masks every phone and pages by name without gaps or repeats', async () => {
    const seen: string[] = [];
    let cursor: string | undefined;
    let total = 0;
    for (let i = 0; i < 50; i++) {
      const page = await listPeople(admin, { cursor, pageSize: 40 });
      total = page.total;
      for (const p of page.items) {
        expect(p).not.toHaveProperty('phone');
        if (p.maskedPhone) expect(p.maskedPhone).toMatch(/^1\d{2}\*{4}\d{4}$|^\*+\d{4}$/);
        seen.push(`${p.name}#${p.id}`);
      }
      if (!page.next) break;
      cursor = page.next;
    }
    expect(seen.length).toBe(total);
    expect(new Set(seen).size).toBe(total);
  });

  it('filters by node with its subtree, by status and by name', async () => {
    const b1 = await branchRow(db.db, 'U01-B1');
    const p1 = await branchRow(db.db, 'U01-B1-P1');
    const withGroup = await listPeople(admin, { branchId: b1.id, pageSize: 500 });
    expect(withGroup.items.some((p) => p.branchId === p1.id)).toBe(true);
    expect(withGroup.items.every((p) => p.branchId === b1.id || p.branchId === p1.id)).toBe(true);
    const members = await listPeople(admin, { status: 'probationary', pageSize: 500 });
    expect(members.items.every((p) => p.status === 'probationary')).toBe(true);
    const someone = withGroup.items[0]!;
    const byName = await listPeople(admin, { q: someone.name.slice(0, 2), pageSize: 500 });
    expect(byName.items.map((p) => p.id)).toContain(someone.id);
  });

  it('gives a secretary their subtree only, and refuses a filter outside it', async () => {
    const mine = await listPeople(secretary, { pageSize: 500 });
    const scope = new Set(secretary.branchScope);
    expect(mine.total).toBeGreaterThan(0);
    expect(mine.items.every((p) => scope.has(p.branchId))).toBe(true);
    await expect(listPeople(secretary, { branchId: (await branchRow(db.db, 'U02')).id })).rejects.toMatchObject({ code: 'forbidden' });
  });
});

describe('a person’s detail', () => {
  it('appends a person.read audit row for every read, with the full phone shown', async () => {
    const b1 = await branchRow(db.db, 'U01-B1');
    const person = await addPerson(db.db, b1.id, { phone: '13812345678' });
    for (const reader of [admin, auditor, secretary]) {
      const before = await lastAuditId(db.db);
      const detail = await getPersonDetail(reader, person.id);
      expect(detail).toMatchObject({ id: person.id, phone: '13812345678' });
      expect((await auditRowsAfter(db.db, before)).map((r) => ({ action: r.action, entityType: r.entityType, entityId: r.entityId, actorId: r.actorId, ip: r.ip }))).toEqual([
        { action: 'person.read', entityType: 'person', entityId: String(person.id), actorId: reader.id, ip: '127.0.0.1' },
      ]);
    }
  });

  it("shows a member's meetings by the day held, newest first, with absences and their reasons", async () => {
    // The seeded member of U01-B1 absent most often: the page must show those absences, not only presences.
    const [row] = await selectRows<{ person_id: number }>(
      db.db,
      sql`select a.person_id, count(*) filter (where a.attendance = 'absent')::int as absent
          from activity_attendees a join activity_records r on r.id = a.record_id join branches b on b.id = r.branch_id
          where b.code = 'U01-B1' and r.status <> 'draft' group by 1 order by 2 desc, 1 limit 1`,
    );
    const personId = Number(row!.person_id);
    const detail = (await getPersonDetail(secretary, personId))!;
    const { recent, absent } = detail.attendance;
    expect(recent.length).toBeGreaterThan(0);
    expect(recent.map((m) => m.heldOn)).toEqual([...recent.map((m) => m.heldOn)].sort().reverse());
    expect(absent).toBeGreaterThan(0);
    for (const m of recent) expect(m.absenceReason === null).toBe(m.attendance === 'present');
    const [fresh] = await selectRows<{ n: number }>(
      db.db,
      sql`select count(*)::int as n from activity_attendees a join activity_records r on r.id = a.record_id
          where a.person_id = ${personId} and r.status <> 'draft' and a.attendance = 'absent'
            and r.held_on > ${detail.attendance.since}::date and r.held_on <= ${todayInBeijing()}::date`,
    );
    expect(absent).toBe(Number(fresh?.n));
  });

  it('refuses a secretary a person outside their subtree with 403 and no audit row', async () => {
    const outside = await addPerson(db.db, (await branchRow(db.db, 'U02-B1')).id);
    const audits = await auditCount(db.db);
    await expect(getPersonDetail(secretary, outside.id)).rejects.toMatchObject({ code: 'forbidden', status: 403 });
    expect(await auditCount(db.db)).toBe(audits);
    expect(await getPersonDetail(secretary2, outside.id)).toMatchObject({ id: outside.id });
    expect(await getPersonDetail(admin, 999_999)).toBeNull();
  });
});

describe('registering and editing', () => {
  it('registers a person on a node in scope; refuses a bad phone and a member without 入党时间 beside the fields', async () => {
    as(secretary);
    const b1 = await branchRow(db.db, 'U01-B1');
    const bad = await stateOf(createPersonAction, form({ branchId: b1.id, name: '王新', phone: '12345', status: 'full_member', joinedPartyOn: '' }));
    expect(bad).toMatchObject({ ok: false, status: 400, fieldErrors: { phone: [expect.stringContaining('手机号')], joinedPartyOn: ['预备党员和正式党员须填写入党时间。'] }, values: { name: '王新', phone: '12345' } });
    const outcome = await submit(createPersonAction, form({ branchId: b1.id, name: '王新', phone: '138 0000 1234', status: 'activist', statusSince: '2026-03-01' }));
    expect(outcome).toMatchObject({ kind: 'redirect', url: expect.stringMatching(/^\/admin\/people\/\d+\?created=1$/) });
    const u02 = await branchRow(db.db, 'U02-B1');
    expect(await stateOf(createPersonAction, form({ branchId: u02.id, name: '越界', status: 'applicant' }))).toMatchObject({ ok: false, status: 403 });
  });

  it('needs the new status’s start date when the status changes, and refuses a stale save with the typed values kept', async () => {
    as(admin);
    const person = await addPerson(db.db, (await branchRow(db.db, 'U01-B1')).id, { status: 'probationary', statusSince: '2025-07-01', joinedPartyOn: '2025-07-01' });
    const fields = personFields(person);
    expect(await stateOf(updatePersonAction, form({ ...fields, status: 'full_member' }))).toMatchObject({ ok: false, fieldErrors: { statusSince: ['政治面貌有变化，请填写新状态的起始日期。'] } });
    expect(await stateOf(updatePersonAction, form({ ...fields, status: 'full_member', statusSince: '2026-07-01' }))).toMatchObject({ ok: true });
    const stale = await stateOf(updatePersonAction, form({ ...fields, jobTitle: '副科长' }));
    expect(stale).toMatchObject({ ok: false, status: 409, values: { jobTitle: '副科长' } });
    expect(await personRow(db.db, person.id)).toMatchObject({ status: 'full_member', statusSince: '2026-07-01', version: person.version + 1 });
  });
});

describe('transfers (组织关系转接)', () => {
  it('moves a person within a secretary’s subtree and keeps every step as history; terms at the old node end', async () => {
    const b1 = await branchRow(db.db, 'U01-B1');
    const p1 = await branchRow(db.db, 'U01-B1-P1');
    const person = await addPerson(db.db, b1.id);
    const term = await addTerm(db.db, b1.id, person.id, { startsOn: '2024-04-10', endsOn: '2027-04-09' });
    as(secretary);
    const before = await lastAuditId(db.db);
    const first = await stateOf(transferPersonAction, form({ id: person.id, version: person.version, toBranchId: p1.id, transferredOn: '2026-10-01', reason: '调整党小组' }));
    expect(first).toMatchObject({ ok: true });
    expect((await auditRowsAfter(db.db, before)).map((r) => r.action)).toEqual(['person.transfer']);
    const moved = await personRow(db.db, person.id);
    expect(moved.branchId).toBe(p1.id);

    // Out of the secretary's subtree: refused, nothing written.
    const u02 = await branchRow(db.db, 'U02-B1');
    const snapshot = await orgSnapshot(db.db);
    expect(await stateOf(transferPersonAction, form({ id: person.id, version: moved.version, toBranchId: u02.id, transferredOn: todayInBeijing() }))).toMatchObject({ ok: false, status: 403 });
    expect(await orgSnapshot(db.db)).toEqual(snapshot);

    // The admin transfers anywhere; not to the same node, not before the last transfer.
    as(admin);
    expect(await stateOf(transferPersonAction, form({ id: person.id, version: moved.version, toBranchId: p1.id, transferredOn: todayInBeijing() }))).toMatchObject({ ok: false, fieldErrors: { toBranchId: ['转入组织与当前所在组织相同。'] } });
    expect(await stateOf(transferPersonAction, form({ id: person.id, version: moved.version, toBranchId: u02.id, transferredOn: '2026-09-01' }))).toMatchObject({ ok: false, fieldErrors: { transferredOn: [expect.stringContaining('2026-10-01')] } });
    expect(await stateOf(transferPersonAction, form({ id: person.id, version: moved.version, toBranchId: u02.id, transferredOn: todayInBeijing(), reason: '工作调动' }))).toMatchObject({ ok: true });

    const history = await db.db.select().from(personTransfers).where(eq(personTransfers.personId, person.id));
    expect(history.map((t) => [t.fromBranchId, t.toBranchId])).toEqual([
      [b1.id, p1.id],
      [p1.id, u02.id],
    ]);
    const detail = (await getPersonDetail(admin, person.id))!;
    expect(detail.branch.id).toBe(u02.id);
    expect(detail.transfers.map((t) => t.reason)).toEqual(['工作调动', '调整党小组']);
    expect(detail.positions.find((p) => p.id === term.id)).toMatchObject({ endedOn: '2026-10-01' });
  });

  it('refuses a transfer to a dissolved node', async () => {
    as(admin);
    const closed = await branchRow(db.db, 'U04-B1');
    await db.db.update(branches).set({ dissolvedOn: '2026-01-01' }).where(eq(branches.id, closed.id));
    const person = await addPerson(db.db, (await branchRow(db.db, 'U01-B3')).id);
    expect(await stateOf(transferPersonAction, form({ id: person.id, version: person.version, toBranchId: closed.id, transferredOn: todayInBeijing() }))).toMatchObject({
      ok: false,
      fieldErrors: { toBranchId: [expect.stringContaining('撤销')] },
    });
  });
});

describe('account links', () => {
  it('links one person per account, unlinks, and is for admins only', async () => {
    const b1 = await branchRow(db.db, 'U01-B1');
    const account = await addUser(db.db, { username: 'roster-link', role: 'branch_secretary', branchId: b1.id });
    const one = await addPerson(db.db, b1.id);
    const two = await addPerson(db.db, b1.id);
    as(secretary);
    expect(await stateOf(linkAccountAction, form({ id: one.id, version: one.version, userId: account.id }))).toMatchObject({ ok: false, status: 403 });
    as(admin);
    expect(await stateOf(linkAccountAction, form({ id: one.id, version: one.version, userId: account.id }))).toMatchObject({ ok: true });
    expect(await stateOf(linkAccountAction, form({ id: two.id, version: two.version, userId: account.id }))).toMatchObject({
      ok: false,
      status: 409,
      fieldErrors: { userId: [expect.stringContaining('已关联到')] },
    });
    const linked = await personRow(db.db, one.id);
    expect(linked.userId).toBe(account.id);
    expect((await getPersonDetail(admin, one.id))!.account).toMatchObject({ username: 'roster-link' });
    expect(await stateOf(unlinkAccountAction, form({ id: one.id, version: linked.version }))).toMatchObject({ ok: true });
    expect((await personRow(db.db, one.id)).userId).toBeNull();
    const rows = await db.db.select({ action: auditLog.action }).from(auditLog).where(and(eq(auditLog.entityType, 'person'), eq(auditLog.entityId, String(one.id))));
    expect(rows.map((r) => r.action)).toEqual(expect.arrayContaining(['person.link_account', 'person.unlink_account']));
  });
});
