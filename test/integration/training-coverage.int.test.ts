import './setup/request-mocks';
import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { hallRegistrations, hallSessions } from '@/db/schema/lectures';
import { committeePositions, people } from '@/db/schema/people';
import { trainees, trainingAttendance, trainingRounds, trainingRuleSets, trainingSessions } from '@/db/schema/training';
import type { SessionUser } from '@/lib/auth/sessions';
import { matchesShow } from '@/lib/training/coverage';
import { coverageCsv, coverageXlsx } from '@/lib/training/coverage-export';
import { coverageReport } from '@/lib/training/coverage-queries';
import { personHourItems } from '@/lib/training/hours';
import { coveragePerson, loadPersonTraining } from '@/lib/training/hours-history';
import { branchIdOf, signedIn } from './auth-fixtures';
import { withDemoDatabase } from './setup/demo-database';

// Training coverage on the seeded demo (tasks/seed/demo-training.ts: every 2026 leader trained
// but one secretary) and on people added here for 2027, so the demo's figures do not move.

const db = withDemoDatabase();
const TODAY = '2026-12-01';
const as = {} as Record<'admin' | 'auditor' | 'secretary' | 'secretary2' | 'editor', SessionUser>;
const added = {} as Record<'leftInMarch' | 'startedNovember' | 'endedBefore' | 'hours', number>;
let branchId: number;

async function addPerson(name: string, position: 'secretary' | 'organization_member', startsOn: string, endsOn: string, endedOn: string | null = null) {
  const [p] = await db.db.insert(people).values({ branchId, name }).returning({ id: people.id });
  await db.db.insert(committeePositions).values({ branchId, personId: p!.id, position, startsOn, endsOn, endedOn });
  return p!.id;
}

beforeAll(async () => {
  for (const name of ['admin', 'auditor', 'secretary', 'secretary2', 'editor'] as const) as[name] = await signedIn(db.db, name);
  branchId = await branchIdOf(db.db, 'U03-B1');
  added.leftInMarch = await addPerson('测试离任书记', 'secretary', '2027-01-10', '2030-01-09', '2027-03-15');
  added.startedNovember = await addPerson('测试新任书记', 'secretary', '2027-11-05', '2030-11-04');
  added.endedBefore = await addPerson('测试往届委员', 'organization_member', '2023-01-10', '2026-01-09', '2026-12-31');
  added.hours = await addPerson('测试学时委员', 'organization_member', '2026-02-01', '2029-01-31');

  // Hours of `added.hours` in 2027: a session in the year (8), one in 2028 (not counted), an
  // online course completed in 2027 (16, by completion), one completed in 2028 (not), a 大讲堂
  // attended (3) and one registered but absent (not).
  const round = async (name: string, kind: 'rotation' | 'online', startsOn: string, endsOn: string, requiredHours: number) =>
    (await db.db.insert(trainingRounds).values({ name, kind, audience: 'committee_members', startsOn, endsOn, requiredHours, organizer: '测试' }).returning({ id: trainingRounds.id }))[0]!.id;
  const rotation = await round('测试跨年轮训班', 'rotation', '2027-12-30', '2028-01-02', 16);
  const sessions = await db.db
    .insert(trainingSessions)
    .values([
      { roundId: rotation, heldOn: '2027-12-30', hours: 8, topic: '年内课程' },
      { roundId: rotation, heldOn: '2028-01-02', hours: 8, topic: '次年课程' },
    ])
    .returning({ id: trainingSessions.id });
  const [trainee] = await db.db.insert(trainees).values({ roundId: rotation, personId: added.hours, branchId, enrolledOn: '2027-12-01' }).returning({ id: trainees.id });
  await db.db.insert(trainingAttendance).values(sessions.map((s) => ({ sessionId: s.id, traineeId: trainee!.id })));
  await db.db.update(trainees).set({ completed: true, completedOn: '2027-12-31', certificateNo: 'TEST-ROT-1' }).where(eq(trainees.id, trainee!.id));
  const online2027 = await round('测试网络课程2027', 'online', '2027-01-01', '2027-12-31', 16);
  const online2028 = await round('测试网络课程2028', 'online', '2028-01-01', '2028-12-31', 10);
  await db.db.insert(trainees).values([
    { roundId: online2027, personId: added.hours, branchId, enrolledOn: '2027-01-01', completed: true, completedOn: '2027-06-01', certificateNo: 'TEST-ONL-1' },
    { roundId: online2028, personId: added.hours, branchId, enrolledOn: '2028-01-01', completed: true, completedOn: '2028-02-01', certificateNo: 'TEST-ONL-2' },
  ]);
  const hall = await db.db
    .insert(hallSessions)
    .values([
      { series: 'monthly', startsAt: new Date('2027-05-10T19:30:00+08:00'), theme: '测试大讲堂出席', speaker: '测试主讲', place: '测试地点', classHours: 3 },
      { series: 'monthly', startsAt: new Date('2027-06-10T19:30:00+08:00'), theme: '测试大讲堂缺席', speaker: '测试主讲', place: '测试地点', classHours: 3 },
    ])
    .returning({ id: hallSessions.id });
  await db.db.insert(hallRegistrations).values([
    { sessionId: hall[0]!.id, personId: added.hours, attended: true },
    { sessionId: hall[1]!.id, personId: added.hours, attended: false },
  ]);
});

describe('the demo year', () => {
  it('shows every 2026 secretary trained but one, named, for the whole work committee', async () => {
    const report = await coverageReport(as.auditor, { year: 2026, unitId: null, today: TODAY });
    expect(report.total.secretaries.required).toBeGreaterThan(20);
    expect(report.total.secretaries.trained).toBe(report.total.secretaries.required - 1);
    const untrained = report.people.filter((p) => p.isSecretary && p.status === 'untrained');
    expect(untrained).toHaveLength(1);
    // The named secretary attended two of five sessions: 16 hours of the rotation, 16 online.
    expect(untrained[0]!.hours).toBeGreaterThanOrEqual(32);
    expect(untrained[0]!.hoursMet).toBe(false);
    expect(report.units.reduce((n, u) => n + u.figures.required, 0)).toBe(report.total.required);
  });

  it('lets every figure drill down to exactly the people it counts, and each person to the items of their hours', async () => {
    const report = await coverageReport(as.admin, { year: 2026, unitId: null, today: TODAY });
    for (const unit of report.units) {
      const own = report.people.filter((p) => p.unitId === unit.id);
      expect(own.filter((p) => matchesShow(p, 'trained', true)).length).toBe(unit.figures.secretaries.trained);
      expect(own.filter((p) => matchesShow(p, 'untrained', false)).length).toBe(unit.figures.untrained);
      expect(own.filter((p) => matchesShow(p, 'below', false)).length).toBe(unit.figures.belowHours);
    }
    const unit = report.units[0]!;
    const byUnit = await coverageReport(as.admin, { year: 2026, unitId: unit.id, today: TODAY });
    expect(byUnit.total).toEqual(unit.figures);
    const someone = report.people[0]!;
    const items = await personHourItems(db.db, someone.personId, 2026);
    expect(items.reduce((n, i) => n + i.hours, 0)).toBeCloseTo(someone.hours, 5);
    expect(items.some((i) => i.source === 'session')).toBe(true);
  });

  it('exports the same rows as CSV and XLSX', async () => {
    const report = await coverageReport(as.auditor, { year: 2026, unitId: null, today: TODAY });
    const csv = coverageCsv(report);
    expect(csv.trim().split('\n')).toHaveLength(report.people.length + 1);
    const name = report.people.find((p) => p.isSecretary && p.status === 'untrained')!.name;
    expect(csv).toContain(`${name},`);
    expect((await coverageXlsx(report)).subarray(0, 2).toString()).toBe('PK');
  });
});

describe('who must be trained in a year', () => {
  it('counts positions held at any day of the year: left in March counts, started in November is due, ended before is out', async () => {
    const report = await coverageReport(as.admin, { year: 2027, unitId: null, today: '2027-12-20' });
    const of = (id: number) => report.people.find((p) => p.personId === id);
    expect(of(added.leftInMarch)?.status).toBe('untrained');
    expect(of(added.startedNovember)).toMatchObject({ status: 'due', newSecretary: { since: '2027-11-05', deadline: '2028-05-05', state: 'due' } });
    expect(of(added.endedBefore)).toBeUndefined();
    const in2026 = await coverageReport(as.admin, { year: 2026, unitId: null, today: TODAY });
    expect(in2026.people.some((p) => p.personId === added.endedBefore)).toBe(true);
  });

  it('adds hours of sessions by date, online courses by completion and 大讲堂 attended', async () => {
    const report = await coverageReport(as.admin, { year: 2027, unitId: null, today: '2027-12-31' });
    const person = report.people.find((p) => p.personId === added.hours)!;
    expect(person.hours).toBe(8 + 16 + 3);
    expect(person).toMatchObject({ status: 'trained', rotationOn: '2027-12-31', minHours: 56, hoursMet: false });
    const drill = await coveragePerson(as.auditor, added.hours, 2027);
    expect(drill!.items.map((i) => [i.onDay, i.source, i.hours])).toEqual([
      ['2027-05-10', 'hall', 3],
      ['2027-06-01', 'completion', 16],
      ['2027-12-30', 'session', 8],
    ]);
    expect(drill!.total.hours).toBe(27);
  });
});

describe('new secretaries across the year boundary', () => {
  it("judges a secretary appointed in October by next year's report: trained in December, or overdue", async () => {
    const trained = await addPerson('测试十月新任甲', 'secretary', '2027-10-01', '2030-09-30');
    const untrained = await addPerson('测试十月新任乙', 'secretary', '2027-10-01', '2030-09-30');
    const [course] = await db.db
      .insert(trainingRounds)
      .values({ name: '测试新任书记网络班', kind: 'online', audience: 'secretaries', startsOn: '2027-10-10', endsOn: '2027-12-31', requiredHours: 8, organizer: '测试' })
      .returning({ id: trainingRounds.id });
    await db.db.insert(trainees).values({ roundId: course!.id, personId: trained, branchId, enrolledOn: '2027-10-10', completed: true, completedOn: '2027-12-15', certificateNo: 'TEST-NEW-1' });
    const report = await coverageReport(as.admin, { year: 2028, unitId: null, today: '2028-06-01' });
    const of = (id: number) => report.people.find((p) => p.personId === id);
    expect(of(trained)?.newSecretary).toEqual({ since: '2027-10-01', deadline: '2028-04-01', state: 'trained' });
    expect(of(untrained)).toMatchObject({ status: 'untrained', newSecretary: { deadline: '2028-04-01', state: 'overdue' } });
    expect(report.people.filter((p) => matchesShow(p, 'new-overdue', true)).map((p) => p.personId)).toContain(untrained);
  });
});

describe('who may read coverage', () => {
  it('gives a secretary their own subtree only, and refuses another unit and editors', async () => {
    const own = await coverageReport(as.secretary, { year: 2026, unitId: null, today: TODAY });
    expect(own.root).toMatchObject({ id: as.secretary.branchId, isTop: false });
    expect(own.people.every((p) => as.secretary.branchScope!.includes(p.branchId))).toBe(true);
    await expect(coverageReport(as.secretary, { year: 2026, unitId: branchId, today: TODAY })).rejects.toMatchObject({ code: 'forbidden' });
    await expect(coveragePerson(as.secretary, added.hours, 2027)).rejects.toMatchObject({ code: 'forbidden' });
    await expect(coverageReport(as.editor, { year: 2026, unitId: null, today: TODAY })).rejects.toMatchObject({ code: 'forbidden' });
  });
});

describe('rule minimums by effective date', () => {
  it('judges each year by the set in force on its last day', async () => {
    await db.db.insert(trainingRuleSets).values({ name: '测试新规则', effectiveFrom: '2027-07-01', source: '测试', rules: { memberMinHours: 40, leaderMinHours: 60, leaderRotationRequired: true, newSecretaryWithinMonths: 3 } });
    try {
      const y2027 = await coverageReport(as.admin, { year: 2027, unitId: null, today: '2027-12-31' });
      expect(y2027.ruleSet?.name).toBe('测试新规则');
      expect(y2027.people.find((p) => p.personId === added.hours)?.minHours).toBe(60);
      // The new secretary took office after 1 July 2027: three months under the new set.
      expect(y2027.people.find((p) => p.personId === added.startedNovember)?.newSecretary?.deadline).toBe('2028-02-05');
      const y2026 = await coverageReport(as.admin, { year: 2026, unitId: null, today: TODAY });
      expect(y2026.people[0]!.minHours).toBe(56);
      const history = await loadPersonTraining(db.db, added.hours, 2027);
      expect(history.years.find((y) => y.year === 2027)).toMatchObject({ hours: 27, leader: true, minHours: 60 });
      expect(history.rounds.map((r) => r.certificateNo)).toContain('TEST-ROT-1');
    } finally {
      await db.db.delete(trainingRuleSets).where(eq(trainingRuleSets.effectiveFrom, '2027-07-01'));
    }
  });
});
