import { and, eq, inArray, isNull, sql } from 'drizzle-orm';
import type { Database } from '@/db/open';
import { developmentRecords } from '@/db/schema/development';
import { people as peopleTable } from '@/db/schema/people';
import { trainees, trainingAttendance, trainingRounds, trainingSessions } from '@/db/schema/training';
import type { SeedPerson } from './demo-org';

type Ids = { users: Map<string, number>; people: SeedPerson[] };

// Training of the demo: the 2025 rotation round kept as a legacy round without
// sessions (credited on completion), and for 2026 a rotation round with five 8-hour sessions for
// every secretary and committee member, plus an online course counted by completion only. Every
// 2026 leader attends all sessions and completes, except one secretary who missed three days:
// the coverage page shows "N-1 / N" secretaries trained and names that one.

const ORGANIZER = '市委市级机关工委组织部';

/** The secretary the demo leaves untrained in 2026 (the last seeded secretary). */
export function untrainedDemoSecretary(people: SeedPerson[]): SeedPerson {
  const secretaries = people.filter((p) => p.position === 'secretary');
  return secretaries.at(-1)!;
}

export async function seedTraining(db: Database, { users, people }: Ids) {
  const createdBy = users.get('admin');
  const leaders = people.filter((p) => p.position !== null);
  const missing = untrainedDemoSecretary(people);

  // 2025: a round from before sessions were recorded; its hours count on completion.
  const [legacy] = await db
    .insert(trainingRounds)
    .values({ name: '2025年度全市机关基层党组织书记轮训班', kind: 'rotation', audience: 'secretaries', startsOn: '2025-04-14', endsOn: '2025-04-18', requiredHours: 40, organizer: ORGANIZER, place: '市委党校', createdBy })
    .returning({ id: trainingRounds.id });
  const leaders2025 = leaders.filter((p) => p.position === 'secretary' || p.position === 'deputy_secretary');
  await db.insert(trainees).values(
    leaders2025.map((p, i) => {
      const completed = i % 7 !== 6;
      return { roundId: legacy!.id, personId: p.id, branchId: p.branchId, enrolledOn: '2025-04-01', attendedHours: completed ? 40 : 24, completed, completedOn: completed ? '2025-04-18' : null, certificateNo: completed ? `LX2025-${String(i + 1).padStart(4, '0')}` : null, createdBy };
    }),
  );

  // 2026: the rotation round with its sessions and attendance.
  const [rotation] = await db
    .insert(trainingRounds)
    .values({
      name: '2026年度全市机关基层党组织书记和支委轮训班',
      kind: 'rotation',
      audience: 'committee_members',
      startsOn: '2026-04-13',
      endsOn: '2026-04-17',
      requiredHours: 40,
      organizer: ORGANIZER,
      place: '市委党校',
      description: '学习贯彻党的二十届四中全会精神，提升基层党组织书记和支委抓党建的能力。',
      createdBy,
    })
    .returning({ id: trainingRounds.id });
  const topics = ['党的创新理论专题辅导', '《中国共产党支部工作条例（试行）》解读', '“三会一课”和主题党日规范化', '发展党员工作实务', '机关党建与业务融合案例研讨'];
  const sessions = await db
    .insert(trainingSessions)
    .values(topics.map((topic, i) => ({ roundId: rotation!.id, heldOn: `2026-04-${13 + i}`, hours: 8, topic, teacher: i % 2 === 0 ? '市委党校教研室' : '市委市级机关工委组织部', createdBy })))
    .returning({ id: trainingSessions.id });
  const enrolled = await db
    .insert(trainees)
    .values(leaders.map((p) => ({ roundId: rotation!.id, personId: p.id, branchId: p.branchId, enrolledOn: '2026-04-01', createdBy })))
    .returning({ id: trainees.id, personId: trainees.personId });
  await db.insert(trainingAttendance).values(
    enrolled.flatMap((t) => (t.personId === missing.id ? sessions.slice(0, 2) : sessions).map((s) => ({ sessionId: s.id, traineeId: t.id, createdBy }))),
  );
  // Completion where the hours (kept by the trigger) reach the round's requirement.
  await db.execute(sql`
    update trainees set completed = true, completed_on = '2026-04-17', certificate_no = 'LX2026-' || lpad(id::text, 5, '0')
    where round_id = ${rotation!.id} and attended_hours >= 40`);

  // An online course: no sessions, credited 16 hours on completion (never by clicks or time).
  const [online] = await db
    .insert(trainingRounds)
    .values({ name: '2026年党员干部网络专题班', kind: 'online', audience: 'committee_members', startsOn: '2026-05-01', endsOn: '2026-10-31', requiredHours: 16, organizer: ORGANIZER, createdBy })
    .returning({ id: trainingRounds.id });
  await db.insert(trainees).values(
    leaders.map((p, i) => ({ roundId: online!.id, personId: p.id, branchId: p.branchId, enrolledOn: '2026-05-01', completed: true, completedOn: '2026-10-20', certificateNo: `WL2026-${String(i + 1).padStart(5, '0')}`, createdBy })),
  );
}

/**
 * The 2026 concentrated training (集中培训) of development targets: three 8-hour days, attended in
 * full and completed by the development targets of the demo secretary's branch who have no
 * concentrated training on file yet, so the secretary can cite the record from their files.
 * Runs after seedDevelopment (it picks the people from the development files).
 */
export async function seedConcentratedTraining(db: Database, { users, branchIds }: { users: Map<string, number>; branchIds: number[] }) {
  const createdBy = users.get('admin');
  const targets = await db
    .select({ personId: developmentRecords.personId, branchId: peopleTable.branchId })
    .from(developmentRecords)
    .innerJoin(peopleTable, eq(peopleTable.id, developmentRecords.personId))
    .where(and(eq(developmentRecords.branchId, branchIds[0]!), eq(developmentRecords.stage, 'development_target'), isNull(developmentRecords.concentratedTrainingOn)))
    .orderBy(developmentRecords.personId);
  if (targets.length === 0) return;
  const [round] = await db
    .insert(trainingRounds)
    .values({
      name: '2026年第一期发展对象集中培训班',
      kind: 'concentrated',
      audience: 'development_targets',
      startsOn: '2026-03-16',
      endsOn: '2026-03-18',
      requiredHours: 24,
      organizer: ORGANIZER,
      place: '市委党校',
      description: '发展对象入党前集中培训，学习党章、党的基本理论和党员的权利义务。',
      createdBy,
    })
    .returning({ id: trainingRounds.id });
  const topics = ['学习党章，做合格党员', '党的基本理论和基本路线', '党员的权利和义务、党的纪律'];
  const sessions = await db
    .insert(trainingSessions)
    .values(topics.map((topic, i) => ({ roundId: round!.id, heldOn: `2026-03-${16 + i}`, hours: 8, topic, teacher: '市委党校教研室', createdBy })))
    .returning({ id: trainingSessions.id });
  const enrolled = await db
    .insert(trainees)
    .values(targets.map((p) => ({ roundId: round!.id, personId: p.personId, branchId: p.branchId, enrolledOn: '2026-03-02', createdBy })))
    .returning({ id: trainees.id });
  await db.insert(trainingAttendance).values(enrolled.flatMap((t) => sessions.map((s) => ({ sessionId: s.id, traineeId: t.id, createdBy }))));
  await db
    .update(trainees)
    .set({ completed: true, completedOn: '2026-03-18', certificateNo: sql`'FZ2026-' || lpad(${trainees.id}::text, 5, '0')` })
    .where(inArray(trainees.id, enrolled.map((t) => t.id)));
}
