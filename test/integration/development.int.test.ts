import './setup/request-mocks';
import { count, eq, inArray } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { auditLog } from '@/db/schema/audit';
import { developmentAssessments, developmentIntroducers, developmentRecords, developmentRuleSets, developmentTransitions } from '@/db/schema/development';
import { people } from '@/db/schema/people';
import type { SessionUser } from '@/lib/auth/sessions';
import { roles, type Role } from '@/lib/auth/roles';
import { scopeOf } from '@/lib/auth/permissions';
import { createDevelopmentRuleSetAction, openDevelopmentFileAction, recordDevelopmentStepAction } from '@/lib/development/actions';
import { transferPersonAction } from '@/lib/people/actions';
import { getDevelopmentFile, listDevelopmentBoard, loadDevelopmentRuleSets, personWithoutFile } from '@/lib/development/queries';
import { steps, stepKinds } from '@/lib/development/steps';
import { branchIdOf, auditRowsAfter, demoUsername, form, lastAuditId, signedIn, submit } from './auth-fixtures';
import { candidateIn, fullMembersOf, inDays, readyFor, ruleSetForm, SECRETARY_BRANCH, stepForm } from './development-fixtures';
import { session } from './setup/request-mocks';
import { withDemoDatabase } from './setup/demo-database';

const db = withDemoDatabase();
const as = {} as Record<Role, SessionUser>;
let home: number;
let outside: number;

beforeAll(async () => {
  for (const role of roles) as[role] = await signedIn(db.db, demoUsername[role]);
  home = await branchIdOf(db.db, SECRETARY_BRANCH);
  const scope = new Set(as.branch_secretary.branchScope);
  const [other] = await db.db.select({ branchId: people.branchId }).from(people).where(eq(people.status, 'full_member'));
  outside = (await db.db.select({ branchId: people.branchId }).from(people).where(eq(people.status, 'full_member'))).map((r) => r.branchId).find((id) => !scope.has(id)) ?? other!.branchId;
});

async function snapshot(recordId: number) {
  const [record] = await db.db.select().from(developmentRecords).where(eq(developmentRecords.id, recordId));
  const [steps_] = await db.db.select({ n: count() }).from(developmentTransitions).where(eq(developmentTransitions.recordId, recordId));
  const [introducers] = await db.db.select({ n: count() }).from(developmentIntroducers).where(eq(developmentIntroducers.recordId, recordId));
  const [assessments] = await db.db.select({ n: count() }).from(developmentAssessments).where(eq(developmentAssessments.recordId, recordId));
  const [person] = await db.db.select().from(people).where(eq(people.id, record!.personId));
  return { record, steps: steps_!.n, introducers: introducers!.n, assessments: assessments!.n, person };
}

describe('every step × every role', () => {
  for (const step of stepKinds) {
    for (const role of roles) {
      const allowed = scopeOf(role, 'development.write') !== null;
      it(`${step} as ${role} ${allowed ? 'is written with its date, body, rule set and audit row' : 'is refused with 403 and writes nothing'}`, async () => {
        session.user = as[role];
        const file = await candidateIn(db.db, home, readyFor(step));
        const before = await snapshot(file.record.id);
        const lastAudit = await lastAuditId(db.db);
        const outcome = await submit(recordDevelopmentStepAction, await stepForm(db.db, step, file));
        if (!allowed) {
          expect(outcome).toEqual({ kind: 'state', state: { ok: false, status: 403, message: '您没有执行此操作的权限。' } });
          expect(await snapshot(file.record.id)).toEqual(before);
          expect(await auditRowsAfter(db.db, lastAudit)).toEqual([]);
          return;
        }
        expect(outcome).toEqual({ kind: 'redirect', url: `/admin/development/${file.person.id}?saved=1` });
        const after = await snapshot(file.record.id);
        expect(after.steps).toBe(before.steps + 1);
        expect(after.record!.version).toBe(before.record!.version + 1);
        expect(after.record!.stage).toBe(steps[step].to ?? before.record!.stage);
        const [written] = await db.db.select().from(developmentTransitions).where(eq(developmentTransitions.recordId, file.record.id)).orderBy(developmentTransitions.id);
        const rows = await db.db.select().from(developmentTransitions).where(eq(developmentTransitions.recordId, file.record.id)).orderBy(developmentTransitions.id);
        expect(written).toBeDefined();
        expect(rows.at(-1)).toMatchObject({ step, decidedOn: inDays(0), decidingBody: steps[step].body, fromStage: before.record!.stage });
        expect(rows.at(-1)!.ruleSetId).not.toBeNull();
        if (step === 'to_target') expect(after.introducers).toBe(2);
        if (step === 'assessment') expect(after.assessments).toBe(1);
        if (steps[step].to && steps[step].to !== 'dropped' && steps[step].to !== 'cancelled') expect(after.person!.status).toBe(steps[step].to);
        expect((await auditRowsAfter(db.db, lastAudit)).map((r) => [r.action, r.entityType, r.entityId, r.actorId])).toEqual([['development.step', 'development_record', String(file.record.id), as[role].id]]);
      });
    }
  }
});

describe('refusals quote the rule, sit beside the field and write nothing', () => {
  async function refused(file: Awaited<ReturnType<typeof candidateIn>>, formData: FormData, field: string, message: string | RegExp) {
    session.user = as.branch_secretary;
    const before = await snapshot(file.record.id);
    const lastAudit = await lastAuditId(db.db);
    const outcome = await submit(recordDevelopmentStepAction, formData);
    expect(outcome.kind).toBe('state');
    if (outcome.kind !== 'state') return;
    expect(outcome.state).toMatchObject({ ok: false, status: 400 });
    const text = outcome.state.fieldErrors?.[field]?.[0] ?? '';
    if (typeof message === 'string') expect(text).toContain(message);
    else expect(text).toMatch(message);
    expect(await snapshot(file.record.id)).toEqual(before);
    expect(await auditRowsAfter(db.db, lastAudit)).toEqual([]);
  }

  it('too early to become a development target: the days missing', async () => {
    const file = await candidateIn(db.db, home, { ...readyFor('to_target'), activistOn: inDays(-300) });
    await refused(file, await stepForm(db.db, 'to_target', file), 'decidedOn', /^按《中国共产党发展党员工作细则（2014年）》，入党积极分子培养考察满 12 个月后方可列为发展对象（还差 \d+ 天/);
  });

  it('a skipped stage, a future date, a date before the previous step', async () => {
    const applicant = await candidateIn(db.db, home, readyFor('to_activist'));
    await refused(applicant, await stepForm(db.db, 'to_probationary', applicant), 'step', '不能跳过阶段');
    await refused(applicant, await stepForm(db.db, 'to_activist', applicant, { decidedOn: inDays(1) }), 'decidedOn', '日期不能晚于今天');
    await refused(applicant, await stepForm(db.db, 'to_activist', applicant, { decidedOn: inDays(-1000) }), 'decidedOn', '日期不能早于上一步骤的日期');
  });

  it('introducers: not a full member, the same person twice', async () => {
    const file = await candidateIn(db.db, home, readyFor('to_target'));
    const [a] = await fullMembersOf(db.db, home, [file.person.id]);
    const other = await candidateIn(db.db, home, readyFor('talk'));
    await refused(file, await stepForm(db.db, 'to_target', file, { introducer2: String(other.person.id) }), 'introducer2', '入党介绍人须为正式党员');
    await refused(file, await stepForm(db.db, 'to_target', file, { introducer1: String(a!.id), introducer2: String(a!.id) }), 'introducer2', '不能重复填写同一人');
  });

  it("introducers: someone outside the secretary's subtree reads as unknown, their name not shown", async () => {
    const file = await candidateIn(db.db, home, readyFor('to_target'));
    const [stranger] = await fullMembersOf(db.db, outside);
    const [a] = await fullMembersOf(db.db, home, [file.person.id]);
    await refused(file, await stepForm(db.db, 'to_target', file, { introducer1: String(a!.id), introducer2: String(stranger!.id) }), 'introducer2', '须确定 2 名正式党员作入党介绍人');
    const outcome = await submit(recordDevelopmentStepAction, await stepForm(db.db, 'to_target', file, { introducer1: String(a!.id), introducer2: String(stranger!.id) }));
    expect(JSON.stringify(outcome)).not.toContain(stranger!.name);
  });

  it('a transfer takes the development file to the new branch: its secretary keeps it, the old one no longer can', async () => {
    session.user = as.admin;
    const file = await candidateIn(db.db, home, readyFor('talk'));
    const person = (await db.db.select().from(people).where(eq(people.id, file.person.id)))[0]!;
    const moved = await submit(transferPersonAction, form({ id: person.id, version: person.version, toBranchId: outside, transferredOn: inDays(0), reason: '工作调动' }));
    expect(moved).toMatchObject({ kind: 'state', state: { ok: true } });
    const [record] = await db.db.select().from(developmentRecords).where(eq(developmentRecords.personId, person.id));
    expect(record!.branchId).toBe(outside);
    await expect(getDevelopmentFile(as.branch_secretary, person.id)).rejects.toMatchObject({ status: 403 });
  });

  it('a second extension, an approval later than six months, training too short', async () => {
    const extended = await candidateIn(db.db, home, { ...readyFor('extend'), extendedOn: inDays(-10), extensionMonths: 6, probationExtendedUntil: inDays(100) });
    await refused(extended, await stepForm(db.db, 'extend', extended), 'step', '预备期只能延长一次');
    const late = await candidateIn(db.db, home, { ...readyFor('approval'), probationaryOn: inDays(-200) });
    await refused(late, await stepForm(db.db, 'approval', late), 'decidedOn', '最长不超过 6 个月');
    const target = await candidateIn(db.db, home, readyFor('training'));
    await refused(target, await stepForm(db.db, 'training', target, { trainingDays: '2', trainingHours: '20' }), 'trainingDays', '不少于 3 天或不少于 24 个学时');
  });

  it('a secretary outside their subtree: 403, no audit row, nothing written', async () => {
    session.user = as.branch_secretary;
    const file = await candidateIn(db.db, outside, readyFor('talk'));
    const before = await snapshot(file.record.id);
    const lastAudit = await lastAuditId(db.db);
    expect(await submit(recordDevelopmentStepAction, await stepForm(db.db, 'talk', file))).toMatchObject({ kind: 'state', state: { ok: false, status: 403, message: '您没有执行此操作的权限。' } });
    expect(await snapshot(file.record.id)).toEqual(before);
    expect(await auditRowsAfter(db.db, lastAudit)).toEqual([]);
    await expect(getDevelopmentFile(as.branch_secretary, file.person.id)).rejects.toMatchObject({ status: 403 });
    expect(await auditRowsAfter(db.db, lastAudit)).toEqual([]);
  });
});

describe('registering an application', () => {
  const applicant = async (branchId: number, status: 'applicant' | 'full_member' = 'applicant') =>
    (await db.db.insert(people).values({ branchId, name: '新申请人', status }).returning())[0]!;

  it('a person in scope without a file is named for the empty file page; outside the scope 403; unknown null', async () => {
    const mine = await applicant(home);
    const theirs = await applicant(outside);
    expect(await getDevelopmentFile(as.branch_secretary, mine.id)).toBeNull();
    expect(await personWithoutFile(as.branch_secretary, mine.id)).toMatchObject({ id: mine.id, name: '新申请人' });
    await expect(personWithoutFile(as.branch_secretary, theirs.id)).rejects.toMatchObject({ status: 403 });
    expect(await personWithoutFile(as.admin, 99_999_999)).toBeNull();
    await expect(personWithoutFile(as.editor, mine.id)).rejects.toMatchObject({ status: 403 });
  });

  it('opens the file at 入党申请人 with its apply step, rule set and audit row; the talk deadline starts', async () => {
    session.user = as.branch_secretary;
    const person = await applicant(home);
    const lastAudit = await lastAuditId(db.db);
    expect(await submit(openDevelopmentFileAction, form({ personId: person.id, appliedOn: inDays(-40) }))).toEqual({ kind: 'redirect', url: `/admin/development/${person.id}?saved=1` });
    const [record] = await db.db.select().from(developmentRecords).where(eq(developmentRecords.personId, person.id));
    expect(record).toMatchObject({ stage: 'applicant', appliedOn: inDays(-40), branchId: home });
    const rows = await db.db.select().from(developmentTransitions).where(eq(developmentTransitions.recordId, record!.id));
    expect(rows).toMatchObject([{ step: 'apply', toStage: 'applicant', decidedOn: inDays(-40), decidingBody: 'branch_committee' }]);
    expect(rows[0]!.ruleSetId).not.toBeNull();
    expect((await auditRowsAfter(db.db, lastAudit)).map((r) => r.action)).toEqual(['development.open']);
    const view = await getDevelopmentFile(as.branch_secretary, person.id);
    expect(view!.due).toMatchObject([{ key: 'talk', dueOn: inDays(-10), state: 'overdue' }]);
  });

  it('refuses a full member, a second file, a future date, and a secretary outside the subtree', async () => {
    session.user = as.branch_secretary;
    const member = await applicant(home, 'full_member');
    expect(await submit(openDevelopmentFileAction, form({ personId: member.id, appliedOn: inDays(-1) }))).toMatchObject({ kind: 'state', state: { status: 400, fieldErrors: { appliedOn: [expect.stringContaining('入党申请人')] } } });
    const person = await applicant(home);
    expect(await submit(openDevelopmentFileAction, form({ personId: person.id, appliedOn: inDays(1) }))).toMatchObject({ kind: 'state', state: { status: 400, fieldErrors: { appliedOn: [expect.stringContaining('不能晚于今天')] } } });
    expect(await submit(openDevelopmentFileAction, form({ personId: person.id, appliedOn: inDays(0) }))).toMatchObject({ kind: 'redirect' });
    expect(await submit(openDevelopmentFileAction, form({ personId: person.id, appliedOn: inDays(0) }))).toMatchObject({ kind: 'state', state: { status: 409, fieldErrors: { appliedOn: ['该人员已有发展档案。'] } } });
    const stranger = await applicant(outside);
    const lastAudit = await lastAuditId(db.db);
    expect(await submit(openDevelopmentFileAction, form({ personId: stranger.id, appliedOn: inDays(0) }))).toMatchObject({ kind: 'state', state: { status: 403 } });
    expect(await db.db.select().from(developmentRecords).where(eq(developmentRecords.personId, stranger.id))).toEqual([]);
    expect(await auditRowsAfter(db.db, lastAudit)).toEqual([]);
  });
});

describe('the board and the file', () => {
  it('shows the demo overdue first talk and overdue probationers as overdue, within the reader scope', async () => {
    // The demo's own files: applied or admitted before the tests' candidates were added.
    const applicants = await listDevelopmentBoard(as.admin, { stage: 'applicant', overdue: true });
    expect(applicants.items.filter((i) => i.stageSince === '2026-10-26').map((i) => i.due.map((d) => [d.key, d.state]))).toEqual([[['talk', 'overdue']]]);
    const probationers = await listDevelopmentBoard(as.admin, { stage: 'probationary', overdue: true });
    expect(probationers.items.filter((i) => i.stageSince.startsWith('2025-0') && i.due.some((d) => d.key === 'conversion' && d.state === 'overdue')).length).toBe(3);
    expect(probationers.counts.overdue).toBe(probationers.total);
    const secretaryBoard = await listDevelopmentBoard(as.branch_secretary, { overdue: true });
    expect(secretaryBoard.items.length).toBeGreaterThan(0);
    for (const item of secretaryBoard.items) expect(as.branch_secretary.branchScope).toContain(item.branchId);
    expect(secretaryBoard.items.every((i) => i.due.some((d) => d.state === 'overdue'))).toBe(true);
    await expect(listDevelopmentBoard(as.editor, {})).rejects.toMatchObject({ status: 403 });
    await expect(listDevelopmentBoard(as.branch_secretary, { branchId: outside })).rejects.toMatchObject({ status: 403 });
  });

  it('reading a file appends a personal-data audit row; the offered steps say why not', async () => {
    const file = await candidateIn(db.db, home, { ...readyFor('to_target'), activistOn: inDays(-100) });
    const lastAudit = await lastAuditId(db.db);
    const view = await getDevelopmentFile(as.auditor, file.person.id);
    expect(view).toMatchObject({ stage: 'activist', canWrite: false });
    expect(view!.offered.find((o) => o.step === 'to_target')).toMatchObject({ allowed: false, reason: expect.stringContaining('满 12 个月') });
    expect((await auditRowsAfter(db.db, lastAudit)).map((r) => [r.action, r.entityId, r.actorId])).toEqual([['development.read', String(file.record.id), as.auditor.id]]);
  });
});

describe('rule sets', () => {
  it('the seeded 2014 set validates, with the local warning window; an admin adds a future version, others cannot', async () => {
    const sets = await loadDevelopmentRuleSets(db.db);
    expect(sets.map((s) => s.effectiveFrom)).toEqual(['2014-06-10']);
    expect(sets[0]!.rules).toMatchObject({ activistMinMonths: 12, dueWarningDays: 14 });
    session.user = as.auditor;
    expect(await submit(createDevelopmentRuleSetAction, await ruleSetForm(db.db))).toMatchObject({ kind: 'state', state: { status: 403 } });
    session.user = as.admin;
    const bad = await submit(createDevelopmentRuleSetAction, await ruleSetForm(db.db, { effectiveFrom: inDays(0), activistMinMonths: 'x' }));
    expect(bad).toMatchObject({ kind: 'state', state: { ok: false, status: 400, fieldErrors: { activistMinMonths: [expect.stringContaining('须为整数')] } } });
    const lastAudit = await lastAuditId(db.db);
    expect(await submit(createDevelopmentRuleSetAction, await ruleSetForm(db.db, { activistMinMonths: '10' }))).toMatchObject({ kind: 'redirect' });
    expect((await auditRowsAfter(db.db, lastAudit)).map((r) => r.action)).toEqual(['development.rules_create']);
    expect((await loadDevelopmentRuleSets(db.db)).at(-1)).toMatchObject({ effectiveFrom: inDays(200), rules: { activistMinMonths: 10 } });
  });

  it('judges each step by the set in force on its date: refused under 2014, allowed under a later set', async () => {
    // A set already in force (entered earlier; the form only accepts future dates).
    const [later] = await db.db
      .insert(developmentRuleSets)
      .values({ name: '测试用修订规则', effectiveFrom: inDays(-60), source: '测试', rules: { ...(await loadDevelopmentRuleSets(db.db))[0]!.rules, activistMinMonths: 6 } })
      .returning();
    const file = await candidateIn(db.db, home, { ...readyFor('to_target'), appliedOn: inDays(-300), talkedOn: inDays(-290), activistOn: inDays(-250) });
    await db.db.update(people).set({ status: 'activist' }).where(inArray(people.id, [file.person.id]));
    session.user = as.branch_secretary;
    const early = await submit(recordDevelopmentStepAction, await stepForm(db.db, 'to_target', file, { decidedOn: inDays(-61) }));
    expect(early).toMatchObject({ kind: 'state', state: { fieldErrors: { decidedOn: [expect.stringContaining('按《中国共产党发展党员工作细则（2014年）》，入党积极分子培养考察满 12 个月')] } } });
    expect(await submit(recordDevelopmentStepAction, await stepForm(db.db, 'to_target', file, { decidedOn: inDays(-59) }))).toMatchObject({ kind: 'redirect' });
    const [written] = await db.db.select().from(developmentTransitions).where(eq(developmentTransitions.step, 'to_target')).orderBy(developmentTransitions.id);
    const all = await db.db.select().from(developmentTransitions).where(eq(developmentTransitions.recordId, file.record.id));
    expect(written).toBeDefined();
    expect(all.find((t) => t.step === 'to_target')!.ruleSetId).toBe(later!.id);
  });

  it('keeps steps append-only in the database', async () => {
    await expect(db.db.update(developmentTransitions).set({ note: 'x' })).rejects.toThrow();
    await expect(db.db.delete(developmentTransitions)).rejects.toThrow();
    const [n] = await db.db.select({ n: count() }).from(auditLog);
    expect(n!.n).toBeGreaterThan(0);
  });
});
