import { eq } from 'drizzle-orm';
import type { Database } from '@/db/open';
import { lectureBookings, lecturers, lectures } from '@/db/schema/lectures';
import { developmentRecords, developmentRuleSets, developmentTransitions, type DevelopmentStage } from '@/db/schema/development';
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

const STAGE_STEPS: { stage: DevelopmentStage; field: 'appliedOn' | 'activistOn' | 'targetOn' | 'probationaryOn' | 'fullMemberOn'; body: 'branch_committee' | 'general_meeting' }[] = [
  { stage: 'applicant', field: 'appliedOn', body: 'branch_committee' },
  { stage: 'activist', field: 'activistOn', body: 'branch_committee' },
  { stage: 'development_target', field: 'targetOn', body: 'branch_committee' },
  { stage: 'probationary', field: 'probationaryOn', body: 'general_meeting' },
  { stage: 'full_member', field: 'fullMemberOn', body: 'general_meeting' },
];

/**
 * Every stage is represented in each of the first branches, with plausible stage dates; each
 * candidate's roster status is the stage reached. Returns the ids of people not yet members.
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
    for (const [level, person] of candidates.entries()) {
      // Level 0 applied weeks ago; each further stage started about a year earlier.
      const applied = addDays('2026-10-26', -offset * 9 - level * 400);
      const dates: Partial<Record<(typeof STAGE_STEPS)[number]['field'], string>> = { appliedOn: applied };
      if (level >= 1) dates.activistOn = addDays(applied, 75);
      if (level >= 2) dates.targetOn = addDays(applied, 75 + 380);
      if (level >= 3) dates.probationaryOn = addDays(applied, 75 + 380 + 120);
      if (level >= 4) dates.fullMemberOn = addDays(applied, 75 + 380 + 120 + 370);
      const [record] = await db
        .insert(developmentRecords)
        .values({
          personId: person.id,
          branchId: person.branchId,
          stage: STAGE_STEPS[level]!.stage,
          appliedOn: applied,
          talkedOn: level === 0 && offset === 0 ? null : addDays(applied, 18),
          activistOn: dates.activistOn,
          targetOn: dates.targetOn,
          politicalReviewOn: dates.targetOn ? addDays(dates.targetOn, 30) : null,
          concentratedTrainingOn: dates.targetOn ? addDays(dates.targetOn, 45) : null,
          probationaryOn: dates.probationaryOn,
          oathOn: dates.probationaryOn ? addDays(dates.probationaryOn, 20) : null,
          fullMemberOn: dates.fullMemberOn,
          introducers: level >= 1 ? group.slice(0, 2).map((p) => p.name) : [],
          createdBy,
        })
        .returning({ id: developmentRecords.id });
      await db.insert(developmentTransitions).values(
        STAGE_STEPS.slice(0, level + 1).map((step, i) => ({
          recordId: record!.id,
          fromStage: i === 0 ? null : STAGE_STEPS[i - 1]!.stage,
          toStage: step.stage,
          decidedOn: dates[step.field]!,
          decidingBody: step.body,
          ruleSetId: ruleSet?.id,
          createdBy,
        })),
      );
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
