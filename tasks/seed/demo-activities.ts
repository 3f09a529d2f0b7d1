import type { Database } from '@/db/open';
import {
  activityAttendees,
  activityRecords,
  activityRecordVersions,
  reviewMarks,
  type ActivityKind,
} from '@/db/schema/activities';
import { seedBranches } from './content/branches';
import type { SeedIds } from './demo-records';
import { addDays, seededRandom } from './random';

// The branch-life record book of the demo: four branches from January 2025 to November 2026.
// What it shows on purpose (the compliance screens must find exactly this):
// - the fourth branch skips its committee meeting and themed party day every fourth month from
//   March 2025, and holds no party lecture after January 2026;
// - about one record in twelve is entered 35–60 days after the meeting (a late entry), and the
//   first branch's general meeting of 23 March 2026 was entered on 28 April (counted in Q1, late);
// - one general meeting of the second branch (June 2026) is flagged by the auditor;
// - older records are reviewed (with the auditor's mark), newer ones submitted, and the first
//   branch has one draft in progress.

const TOPICS: Record<ActivityKind, string[]> = {
  general_meeting: ['审议支部季度工作报告', '讨论发展党员事项', '民主评议党员工作部署', '学习贯彻全会精神专题会议'],
  committee_meeting: ['研究月度支部工作安排', '研究书记项目推进事项', '研究党员教育培训计划', '研究困难党员关爱事项'],
  group_meeting: ['交流岗位履职情况', '学习新修订党内法规', '开展批评与自我批评'],
  party_lecture: ['弘扬伟大建党精神', '新四军历史与铁军精神', '优化营商环境中的党员担当', '持之以恒正风肃纪'],
  themed_party_day: ['走进红色教育基地', '无偿献血公益行', '植树护绿主题活动', '读书分享会'],
  organizational_life_meeting: ['年度组织生活会'],
  democratic_review: ['年度民主评议党员'],
  volunteer_service: ['志愿服务进社区', '“你问我答”政企面对面服务'],
  other: ['青年理论学习小组交流'],
};

const STUDY = '学习传达中央最新重要讲话和会议精神';
const MINUTES =
  '<p>会议按议程进行：首先开展第一议题学习，随后围绕主题逐项讨论，形成会议意见，并明确责任人和完成时限。</p>';

function monthDays(from: string, months: number, day: number) {
  return Array.from({ length: months }, (_, i) => {
    const d = new Date(`${from}T00:00:00Z`);
    d.setUTCMonth(d.getUTCMonth() + i, day);
    return d.toISOString().slice(0, 10);
  });
}

/** Codes of `code` and every node below it, from the seed content. */
function subtreeCodes(code: string): Set<string> {
  const codes = new Set([code]);
  for (const b of seedBranches) if (b.parentCode && codes.has(b.parentCode)) codes.add(b.code);
  return codes;
}

type Plan = { branchId: number; kind: ActivityKind; heldOn: string; lateBy?: number; draft?: boolean };

export async function seedActivities(db: Database, ids: SeedIds & { codes: Map<string, number>; notMembers: Set<number> }) {
  const { users, people, branchIds, codes, notMembers } = ids;
  const rand = seededRandom(2025);
  const codeOf = new Map([...codes].map(([code, id]) => [id, code]));
  const demoBranches = new Set([...subtreeCodes(codeOf.get(branchIds[0]!)!)].map((c) => codes.get(c)!));
  const auditor = users.get('auditor');
  // Attendance grids list the members (probationary and full) of the node and its subtree.
  const membersOf = (branchId: number) => {
    const inside = new Set([...subtreeCodes(codeOf.get(branchId)!)].map((c) => codes.get(c)!));
    return people.filter((p) => inside.has(p.branchId) && !notMembers.has(p.id));
  };

  const plan: Plan[] = [];
  for (const [branchIndex, branchId] of branchIds.slice(0, 4).entries()) {
    const group = [...subtreeCodes(codeOf.get(branchId)!)].map((c) => codes.get(c)!).find((id) => id !== branchId);
    for (const [m, heldOn] of monthDays('2025-01-01', 23, 8).entries()) {
      const skip = branchIndex === 3 && m % 4 === 2;
      if (!skip) plan.push({ branchId, kind: 'committee_meeting', heldOn });
      if (!skip) plan.push({ branchId, kind: 'themed_party_day', heldOn: addDays(heldOn, 12) });
      // 党小组会 sit on the group's own node.
      if (group !== undefined) plan.push({ branchId: group, kind: 'group_meeting', heldOn: addDays(heldOn, 5) });
      if (m % 3 === 2) plan.push({ branchId, kind: 'general_meeting', heldOn: addDays(heldOn, 15), lateBy: branchIndex === 0 && heldOn === '2026-03-08' ? 36 : undefined });
      if (m % 3 === 1 && !(branchIndex === 3 && m > 12)) plan.push({ branchId, kind: 'party_lecture', heldOn: addDays(heldOn, 17) });
      if (m % 6 === 3) plan.push({ branchId, kind: 'volunteer_service', heldOn: addDays(heldOn, 19) });
      if (m % 12 === 0) {
        plan.push({ branchId, kind: 'organizational_life_meeting', heldOn: addDays(heldOn, 10) });
        plan.push({ branchId, kind: 'democratic_review', heldOn: addDays(heldOn, 11) });
      }
    }
  }
  // A record still being written by the first branch's secretary.
  plan.push({ branchId: branchIds[0]!, kind: 'volunteer_service', heldOn: '2026-11-28', draft: true });

  for (const item of plan) {
    const members = membersOf(item.branchId);
    const secretary = members.find((p) => p.branchId === item.branchId && p.position === 'secretary') ?? members[0]!;
    const recorder = members.find((p) => p.branchId === item.branchId && (p.position === 'organization_member' || p.position === 'deputy_secretary')) ?? members[1] ?? secretary;
    // The secretary gives the lecture of the second quarter; committee members the others.
    const speaker = item.kind === 'party_lecture' ? (item.heldOn.slice(5, 7) === '05' ? secretary : recorder) : null;
    // The demo secretary enters their branch's records; other branches' clerks have no account here.
    const secretaryUser = demoBranches.has(item.branchId) ? users.get('secretary') : null;
    const lateBy = item.lateBy ?? (rand.next() < 0.08 ? rand.int(35, 60) : rand.int(0, 4));
    const submittedOn = addDays(item.heldOn, lateBy);
    const reviewed = !item.draft && submittedOn < '2026-06-01' && rand.next() < 0.3;
    const attendance = members.map((p, i) => {
      const absent = i > 2 && rand.next() < 0.1;
      const reason = absent ? rand.pick(['official_duty', 'sick_leave', 'personal_leave', 'other'] as const) : null;
      return { personId: p.id, attendance: absent ? ('absent' as const) : ('present' as const), absenceReason: reason, absenceNote: reason === 'other' ? '参加上级集中培训' : null };
    });
    const fields = {
      branchId: item.branchId,
      kind: item.kind,
      heldOn: item.heldOn,
      startTime: item.kind === 'themed_party_day' ? '09:00' : '15:00',
      endTime: item.kind === 'themed_party_day' ? '11:30' : '16:30',
      place: item.kind === 'themed_party_day' ? rand.pick(['市新四军纪念馆', '江州革命烈士陵园', '滨江社区党群服务中心', '市中心血站']) : '机关三楼党员活动室',
      topic: rand.pick(TOPICS[item.kind]),
      firstAgendaStudied: item.kind !== 'themed_party_day' && item.kind !== 'volunteer_service',
      firstAgendaTopic: item.kind !== 'themed_party_day' && item.kind !== 'volunteer_service' ? STUDY : null,
      hostPersonId: secretary.id,
      recorderPersonId: recorder.id,
      speakerPersonId: speaker?.id ?? null,
      minutes: MINUTES,
    };
    const [record] = await db
      .insert(activityRecords)
      .values({
        ...fields,
        status: item.draft ? 'draft' : reviewed ? 'reviewed' : 'submitted',
        revision: item.draft ? 0 : 1,
        submittedAt: item.draft ? null : new Date(`${submittedOn}T09:30:00+08:00`),
        submittedOn: item.draft ? null : submittedOn,
        submittedBy: item.draft ? null : secretaryUser,
        reviewedAt: reviewed ? new Date(`${addDays(submittedOn, 20)}T10:00:00+08:00`) : null,
        reviewedBy: reviewed ? auditor : null,
        createdBy: secretaryUser,
        createdAt: new Date(`${item.draft ? '2026-11-29' : submittedOn}T09:00:00+08:00`),
      })
      .returning({ id: activityRecords.id });
    // Revision 1 first: the lock triggers accept a submitted record's attendance only after it.
    if (!item.draft) {
      await db.insert(activityRecordVersions).values({ recordId: record!.id, revision: 1, content: { ...fields, attendance, photos: [], attachments: [] }, createdBy: secretaryUser });
    }
    if (attendance.length) await db.insert(activityAttendees).values(attendance.map((a) => ({ ...a, recordId: record!.id })));
    if (reviewed) await db.insert(reviewMarks).values({ entityType: 'activity_record', entityId: record!.id, verdict: 'ok', comment: '', reviewerId: auditor });
  }

  await seedFlaggedRecord(db, ids, membersOf);
}

/** A general meeting whose minutes miss the vote, entered six weeks late: flagged by the auditor. */
async function seedFlaggedRecord(db: Database, { users, branchIds }: SeedIds, membersOf: (branchId: number) => SeedIds['people']) {
  const branchId = branchIds[1]!;
  const members = membersOf(branchId);
  const secretary = members.find((p) => p.branchId === branchId && p.position === 'secretary') ?? members[0]!;
  const recorder = members.find((p) => p.branchId === branchId && p.position === 'organization_member') ?? members[1]!;
  const fields = {
    branchId,
    kind: 'general_meeting' as const,
    heldOn: '2026-06-20',
    startTime: '15:00',
    endTime: '16:00',
    place: '机关三楼党员活动室',
    topic: '讨论接收预备党员',
    firstAgendaStudied: true,
    firstAgendaTopic: STUDY,
    hostPersonId: secretary.id,
    recorderPersonId: recorder.id,
    speakerPersonId: null,
    minutes: '<p>会议记录不完整。</p>',
  };
  const attendance = members.map((p) => ({ personId: p.id, attendance: 'present' as const, absenceReason: null, absenceNote: null }));
  const [record] = await db
    .insert(activityRecords)
    .values({
      ...fields,
      status: 'flagged',
      revision: 1,
      submittedAt: new Date('2026-08-02T09:00:00+08:00'),
      submittedOn: '2026-08-02',
      submittedBy: null,
      reviewedAt: new Date('2026-08-10T10:00:00+08:00'),
      reviewedBy: users.get('auditor'),
      createdBy: null,
      createdAt: new Date('2026-08-02T09:00:00+08:00'),
    })
    .returning({ id: activityRecords.id });
  await db.insert(activityRecordVersions).values({ recordId: record!.id, revision: 1, content: { ...fields, attendance, photos: [], attachments: [] }, createdBy: null });
  await db.insert(activityAttendees).values(attendance.map((a) => ({ ...a, recordId: record!.id })));
  await db.insert(reviewMarks).values({
    entityType: 'activity_record',
    entityId: record!.id,
    verdict: 'flagged',
    comment: '会议记录缺少表决结果和到会人数，且补录时间晚于会议日期四十余天，请补充说明。',
    reviewerId: users.get('auditor'),
  });
}
