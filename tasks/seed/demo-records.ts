import type { Database } from '@/db/open';
import { activityAttendees, activityRecords, reviewMarks, type ActivityKind } from '@/db/schema/activities';
import { lectureBookings, lecturers, lectures } from '@/db/schema/lectures';
import { developmentRecords, developmentRuleSets, developmentTransitions, type DevelopmentStage } from '@/db/schema/development';
import { trainees, trainingRounds } from '@/db/schema/training';
import { seedLectures } from './content/lectures';
import { seedLecturers } from './content/lecturers';
import { addDays, seededRandom } from './random';

type Person = { id: number; branchId: number; name: string; partyPosition: string };
type Ids = { users: Map<string, number>; branchIds: number[]; people: Person[] };

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
  const leaders = people.filter((p) => p.partyPosition !== 'member');
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

/** Every stage is represented in each of the first branches, with plausible stage dates. */
export async function seedDevelopment(db: Database, { users, people }: Ids) {
  const [ruleSet] = await db.select({ id: developmentRuleSets.id }).from(developmentRuleSets).limit(1);
  const members = people.filter((p) => p.partyPosition === 'member');
  // Node 20 has no Map.groupBy.
  const byBranch = new Map<number, Person[]>();
  for (const p of members) byBranch.set(p.branchId, [...(byBranch.get(p.branchId) ?? []), p]);
  const createdBy = users.get('secretary');
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
    }
    offset++;
  }
}

const TOPICS: Record<ActivityKind, string[]> = {
  general_meeting: ['审议支部季度工作报告', '讨论发展党员事项', '民主评议党员工作部署', '学习贯彻全会精神专题会议'],
  committee_meeting: ['研究月度支部工作安排', '研究书记项目推进事项', '研究党员教育培训计划', '研究困难党员关爱事项'],
  group_meeting: ['交流岗位履职情况', '学习新修订党内法规', '开展批评与自我批评'],
  party_lecture: ['弘扬伟大建党精神', '新四军历史与铁军精神', '优化营商环境中的党员担当', '持之以恒正风肃纪'],
  themed_party_day: ['走进红色教育基地', '志愿服务进社区', '无偿献血公益行', '植树护绿主题活动', '读书分享会'],
  organizational_life_meeting: ['年度组织生活会暨民主评议党员'],
  other: ['青年理论学习小组交流'],
};

function monthDays(from: string, months: number, day: number) {
  return Array.from({ length: months }, (_, i) => {
    const d = new Date(`${from}T00:00:00Z`);
    d.setUTCMonth(d.getUTCMonth() + i, day);
    return d.toISOString().slice(0, 10);
  });
}

/** Branch-life records from January 2025 to October 2026; the last branch skips some months. */
export async function seedActivities(db: Database, { users, branchIds, people }: Ids) {
  const rand = seededRandom(2025);
  const createdBy = users.get('secretary');
  for (const [branchIndex, branchId] of branchIds.slice(0, 4).entries()) {
    const members = people.filter((p) => p.branchId === branchId);
    const host = members.find((p) => p.partyPosition === 'secretary')?.name ?? '支部书记';
    const recorder = members.find((p) => p.partyPosition === 'deputy_secretary')?.name ?? '组织委员';
    const plan: { kind: ActivityKind; heldOn: string }[] = [];
    for (const [m, heldOn] of monthDays('2025-01-01', 22, 8).entries()) {
      const skip = branchIndex === 3 && m % 4 === 2;
      if (!skip) plan.push({ kind: 'committee_meeting', heldOn });
      if (!skip) plan.push({ kind: 'themed_party_day', heldOn: addDays(heldOn, 12) });
      if (branchIndex === 0) plan.push({ kind: 'group_meeting', heldOn: addDays(heldOn, 5) });
      if (m % 3 === 2) plan.push({ kind: 'general_meeting', heldOn: addDays(heldOn, 15) });
      if (m % 3 === 1 && !(branchIndex === 3 && m > 12)) plan.push({ kind: 'party_lecture', heldOn: addDays(heldOn, 17) });
      if (m % 12 === 0) plan.push({ kind: 'organizational_life_meeting', heldOn: addDays(heldOn, 10) });
    }
    for (const item of plan) {
      const lateBy = rand.next() < 0.08 ? rand.int(35, 60) : rand.int(0, 4);
      const recent = item.heldOn >= '2026-09-01';
      const [record] = await db
        .insert(activityRecords)
        .values({
          branchId,
          kind: item.kind,
          heldOn: item.heldOn,
          place: item.kind === 'themed_party_day' ? rand.pick(['市新四军纪念馆', '江州革命烈士陵园', '滨江社区党群服务中心', '市中心血站']) : '机关三楼党员活动室',
          topic: rand.pick(TOPICS[item.kind]),
          firstAgendaTopic: item.kind === 'themed_party_day' ? null : '学习传达中央最新重要讲话和会议精神',
          hostName: host,
          recorderName: recorder,
          minutes: '会议按议程进行：首先开展第一议题学习，随后围绕主题逐项讨论，形成会议意见并明确责任人和完成时限。',
          status: recent ? 'submitted' : 'reviewed',
          enteredAt: new Date(`${addDays(item.heldOn, lateBy)}T09:00:00+08:00`),
          submittedAt: new Date(`${addDays(item.heldOn, lateBy)}T09:30:00+08:00`),
          createdBy,
        })
        .returning({ id: activityRecords.id });
      await db.insert(activityAttendees).values(
        members.slice(0, 12).map((p, i) => {
          const absent = i > 2 && rand.next() < 0.1;
          return { activityId: record!.id, personName: p.name, attendance: absent ? ('absent' as const) : ('present' as const), absenceReason: absent ? rand.pick(['因公出差', '病假', '参加上级培训']) : null };
        }),
      );
    }
  }
  const [flagged] = await db
    .insert(activityRecords)
    .values({
      branchId: branchIds[1]!,
      kind: 'general_meeting',
      heldOn: '2026-06-20',
      place: '机关三楼党员活动室',
      topic: '讨论接收预备党员',
      firstAgendaTopic: '学习传达中央最新重要讲话和会议精神',
      hostName: '支部书记',
      recorderName: '组织委员',
      minutes: '会议记录不完整。',
      status: 'flagged',
      enteredAt: new Date('2026-08-02T09:00:00+08:00'),
      submittedAt: new Date('2026-08-02T09:00:00+08:00'),
      createdBy,
    })
    .returning({ id: activityRecords.id });
  await db.insert(reviewMarks).values({
    entityType: 'activity_record',
    entityId: flagged!.id,
    verdict: 'flagged',
    comment: '会议记录缺少表决结果和到会人数，且补录时间晚于会议日期四十余天，请补充说明。',
    reviewerId: users.get('auditor'),
  });
}
