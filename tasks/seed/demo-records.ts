import { eq } from 'drizzle-orm';
import type { Database } from '@/db/open';
import { lectureBookings, lecturers, lectures } from '@/db/schema/lectures';
import {
  developmentAssessments,
  developmentIntroducers,
  developmentRecords,
  developmentRuleSets,
  type developmentStepKinds,
  developmentTransitions,
  type DevelopmentStage,
} from '@/db/schema/development';
import { people as peopleTable, type MemberStatus } from '@/db/schema/people';
import { trainees, trainingRounds } from '@/db/schema/training';
import { seedLectures } from './content/lectures';
import { seedLecturers } from './content/lecturers';
import type { SeedPerson } from './demo-org';
import { addDays } from './random';

type Person = SeedPerson;
export type SeedIds = { users: Map<string, number>; branchIds: number[]; people: Person[] };
type Ids = SeedIds;

export async function seedLectureCatalog(db: Database, { users, branchIds }: Ids) {
  const createdBy = users.get('admin');
  const lecturerRows = await db
    .insert(lecturers)
    .values(seedLecturers.map((l) => ({ ...l, createdBy })))
    .returning({ id: lecturers.id, name: lecturers.name });
  const lecturerIds = new Map(lecturerRows.map((l) => [l.name, l.id]));
  const lectureRows = await db
    .insert(lectures)
    .values(
      seedLectures.map(({ lecturer, ...l }) => {
        const lecturerId = lecturerIds.get(lecturer);
        if (!lecturerId) throw new Error(`Seed lecture "${l.title}" names unknown lecturer ${lecturer}`);
        return { ...l, lecturerId, createdBy };
      }),
    )
    .returning({ id: lectures.id });
  const bookings = [
    { status: 'delivered', requestedOn: '2025-03-03', scheduledOn: '2025-03-27', deliveredOn: '2025-03-27', attendance: 36, rating: 5, feedback: '内容扎实，案例鲜活，党员反响好。' },
    { status: 'delivered', requestedOn: '2025-05-12', scheduledOn: '2025-06-18', deliveredOn: '2025-06-18', attendance: 28, rating: 4, feedback: '互动环节可再充分一些。' },
    { status: 'delivered', requestedOn: '2025-09-01', scheduledOn: '2025-09-24', deliveredOn: '2025-09-24', attendance: 41, rating: 5, feedback: '情景式讲授形式新颖。' },
    { status: 'scheduled', requestedOn: '2026-10-20', scheduledOn: '2026-12-10' },
    { status: 'requested', requestedOn: '2026-11-18' },
    { status: 'cancelled', requestedOn: '2026-04-02', feedback: '因防汛值班取消，改期另约。' },
  ] as const;
  await db.insert(lectureBookings).values(
    bookings.map((b, i) => ({
      ...b,
      branchId: branchIds[i % branchIds.length]!,
      lectureId: lectureRows[(i * 3) % lectureRows.length]!.id,
      cancelledAt: b.status === 'cancelled' ? new Date('2026-04-05T02:00:00Z') : null,
      createdBy: users.get('secretary'),
    })),
  );
}

export async function seedTraining(db: Database, { users, people }: Ids) {
  const createdBy = users.get('admin');
  const [rotation] = await db
    .insert(trainingRounds)
    .values({
      name: '2025年度全市机关基层党组织书记轮训班',
      kind: 'secretary_rotation',
      startsOn: '2025-04-14',
      endsOn: '2025-04-18',
      requiredHours: 40,
      organizer: '市委市级机关工委组织部',
      place: '市委党校',
      createdBy,
    })
    .returning({ id: trainingRounds.id });
  const leaders = people.filter((p) => p.position === 'secretary' || p.position === 'deputy_secretary');
  await db.insert(trainees).values(
    leaders.map((p, i) => {
      const completed = i % 7 !== 6;
      return {
        roundId: rotation!.id,
        personId: p.id,
        branchId: p.branchId,
        enrolledOn: '2025-04-01',
        attendedHours: completed ? 40 : 24,
        completed,
        completedOn: completed ? '2025-04-18' : null,
        createdBy,
      };
    }),
  );
}

const STAGE_STEPS: { stage: DevelopmentStage; field: 'appliedOn' | 'activistOn' | 'targetOn' | 'probationaryOn' | 'fullMemberOn' }[] = [
  { stage: 'applicant', field: 'appliedOn' },
  { stage: 'activist', field: 'activistOn' },
  { stage: 'development_target', field: 'targetOn' },
  { stage: 'probationary', field: 'probationaryOn' },
  { stage: 'full_member', field: 'fullMemberOn' },
];

type SeedStep = { step: (typeof developmentStepKinds)[number]; on: string; from: DevelopmentStage | null; to: DevelopmentStage; body: 'branch_committee' | 'general_meeting' | 'higher_committee' };

/**
 * Every stage is represented in each of the first branches, with plausible stage dates that keep
 * the 2014 rules (talk within a month, a year as activist, approval within three months …); each
 * candidate's roster status is the stage reached. The first branch's newest applicant has had no
 * talk and its probationary members are past their twelve months, so the board shows an overdue
 * first talk and overdue probationers. Returns the ids of people not yet members.
 */
export async function seedDevelopment(db: Database, { users, people, branchIds }: Ids): Promise<Set<number>> {
  const [ruleSet] = await db.select({ id: developmentRuleSets.id }).from(developmentRuleSets).limit(1);
  const members = people.filter((p) => p.position === null && branchIds.includes(p.branchId));
  // Node 20 has no Map.groupBy.
  const byBranch = new Map<number, Person[]>();
  for (const p of members) byBranch.set(p.branchId, [...(byBranch.get(p.branchId) ?? []), p]);
  const createdBy = users.get('secretary');
  const notMembers = new Set<number>();
  let offset = 0;
  for (const group of [...byBranch.values()].slice(0, 3)) {
    const candidates = group.slice(-STAGE_STEPS.length);
    const introducers = group.slice(0, 2);
    for (const [level, person] of candidates.entries()) {
      // Level 0 applied weeks ago; each further stage started about a year earlier.
      const applied = addDays('2026-10-26', -offset * 9 - level * 400);
      const talked = level === 0 && offset === 0 ? null : addDays(applied, 18);
      const dates: Partial<Record<(typeof STAGE_STEPS)[number]['field'], string>> = { appliedOn: applied };
      if (level >= 1) dates.activistOn = addDays(applied, 60);
      if (level >= 2) dates.targetOn = addDays(applied, 75 + 380);
      if (level >= 3) dates.probationaryOn = addDays(applied, 75 + 380 + 120);
      if (level >= 4) dates.fullMemberOn = addDays(applied, 75 + 380 + 120 + 370);
      const t = dates.targetOn;
      const p = dates.probationaryOn;
      const assessedOn = dates.activistOn ? addDays(dates.activistOn, 180) : null;
      const approvedOn = p ? addDays(p, 40) : null;
      const row = {
        talkedOn: talked,
        politicalReviewOn: t ? addDays(t, 30) : null,
        concentratedTrainingOn: t ? addDays(t, 45) : null,
        preReviewedOn: p ? addDays(p, -15) : null,
        approvedOn,
        oathOn: approvedOn ? addDays(approvedOn, 10) : null,
        conversionApprovedOn: dates.fullMemberOn ? addDays(dates.fullMemberOn, 40) : null,
      };
      const [record] = await db
        .insert(developmentRecords)
        .values({
          personId: person.id,
          branchId: person.branchId,
          stage: STAGE_STEPS[level]!.stage,
          appliedOn: applied,
          activistOn: dates.activistOn,
          targetOn: t,
          concentratedTrainingDays: t ? 3 : null,
          concentratedTrainingHours: t ? 24 : null,
          probationaryOn: p,
          fullMemberOn: dates.fullMemberOn,
          ...row,
          createdBy,
        })
        .returning({ id: developmentRecords.id });
      const at = (level_: number) => STAGE_STEPS[level_]!.stage;
      const events: SeedStep[] = [
        { step: 'apply', on: applied, from: null, to: 'applicant', body: 'branch_committee' },
        ...(talked ? [{ step: 'talk', on: talked, from: at(0), to: at(0), body: 'branch_committee' } as const] : []),
        ...(dates.activistOn ? [{ step: 'to_activist', on: dates.activistOn, from: at(0), to: at(1), body: 'branch_committee' } as const] : []),
        ...(assessedOn && (!t || assessedOn < t) ? [{ step: 'assessment', on: assessedOn, from: at(1), to: at(1), body: 'branch_committee' } as const] : []),
        ...(t ? [{ step: 'to_target', on: t, from: at(1), to: at(2), body: 'branch_committee' } as const] : []),
        ...(row.politicalReviewOn ? [{ step: 'political_review', on: row.politicalReviewOn, from: at(2), to: at(2), body: 'branch_committee' } as const] : []),
        ...(row.concentratedTrainingOn ? [{ step: 'training', on: row.concentratedTrainingOn, from: at(2), to: at(2), body: 'higher_committee' } as const] : []),
        ...(row.preReviewedOn ? [{ step: 'pre_review', on: row.preReviewedOn, from: at(2), to: at(2), body: 'higher_committee' } as const] : []),
        ...(p ? [{ step: 'to_probationary', on: p, from: at(2), to: at(3), body: 'general_meeting' } as const] : []),
        ...(row.approvedOn ? [{ step: 'approval', on: row.approvedOn, from: at(3), to: at(3), body: 'higher_committee' } as const] : []),
        ...(row.oathOn ? [{ step: 'oath', on: row.oathOn, from: at(3), to: at(3), body: 'branch_committee' } as const] : []),
        ...(dates.fullMemberOn ? [{ step: 'to_full_member', on: dates.fullMemberOn, from: at(3), to: at(4), body: 'general_meeting' } as const] : []),
        ...(row.conversionApprovedOn ? [{ step: 'conversion_approval', on: row.conversionApprovedOn, from: at(4), to: at(4), body: 'higher_committee' } as const] : []),
      ];
      const written = await db
        .insert(developmentTransitions)
        .values(events.map((e) => ({ recordId: record!.id, fromStage: e.from, toStage: e.to, step: e.step, decidedOn: e.on, decidingBody: e.body, ruleSetId: ruleSet?.id, createdBy })))
        .returning({ id: developmentTransitions.id, step: developmentTransitions.step });
      const stepId = (kind: SeedStep['step']) => written.find((w) => w.step === kind)?.id;
      if (assessedOn && (!t || assessedOn < t)) {
        await db.insert(developmentAssessments).values({ recordId: record!.id, assessedOn, result: 'qualified', note: '思想汇报按时，参加组织活动积极。', transitionId: stepId('assessment'), createdBy });
      }
      if (t) {
        await db.insert(developmentIntroducers).values(introducers.map((i) => ({ recordId: record!.id, personId: i.id, assignedOn: t, transitionId: stepId('to_target'), createdBy })));
      }
      const stage = STAGE_STEPS[level]!.stage as MemberStatus;
      const joinedPartyOn = dates.probationaryOn ?? null;
      await db
        .update(peopleTable)
        .set({ status: stage, statusSince: dates[STAGE_STEPS[level]!.field]!, joinedPartyOn })
        .where(eq(peopleTable.id, person.id));
      if (level < 3) notMembers.add(person.id);
    }
    offset++;
  }
  return notMembers;
}
