import { and, asc, eq } from 'drizzle-orm';
import type { Database } from '@/db/open';
import { activityRecords, reviewMarks } from '@/db/schema/activities';
import { findings, findingSteps } from '@/db/schema/reviews';
import type { SeedIds } from './demo-records';

// Demo findings, so the review pages show the whole loop: one open (and overdue), one
// answered awaiting re-check, one closed. Rows are written whole with their steps (inserts are
// not guarded by the triggers). The demo keeps its one flagged record (the record book's tests
// rely on it), so the open and answered findings share it.

type Step = { kind: 'raise' | 'answer' | 'reopen' | 'close'; at: string; note: string; correctedRevision?: number; by: 'auditor' | 'secretary' | 'clerk' };
type DemoFinding = {
  category: (typeof findings.$inferInsert)['category'];
  comment: string;
  raisedOn: string;
  dueOn: string;
  state: 'open' | 'answered' | 'closed';
  steps: Step[];
};

const AT = (day: string, time = '10:00') => new Date(`${day}T${time}:00+08:00`);

// The flagged general meeting of demo-activities (a branch whose clerk has no demo account):
// its mark becomes an open finding, overdue, and a second finding the branch has answered.
const ON_FLAGGED: DemoFinding[] = [
  {
    category: 'late_entry',
    comment: '会议记录缺少表决结果和到会人数，且补录时间晚于会议日期四十余天，请补充说明。',
    raisedOn: '2026-08-10',
    dueOn: '2026-09-09',
    state: 'open',
    steps: [{ kind: 'raise', at: '2026-08-10', note: '', by: 'auditor' }],
  },
  {
    category: 'missing_evidence',
    comment: '缺少会议签到表和表决票，请补充佐证材料。',
    raisedOn: '2026-08-10',
    dueOn: '2026-09-09',
    state: 'answered',
    steps: [
      { kind: 'raise', at: '2026-08-10', note: '', by: 'auditor' },
      { kind: 'answer', at: '2026-08-28', note: '已找到纸质签到表和表决票并扫描归档，随记录报送。', by: 'clerk' },
    ],
  },
];

// In the demo secretary's branch, a finding already rectified and closed: the record awaits review again.
const CLOSED: DemoFinding = {
  category: 'formalism',
  comment: '会议记录与上次支委会记录大段雷同，未体现本次研究的具体事项。',
  raisedOn: '2026-10-15',
  dueOn: '2026-11-14',
  state: 'closed',
  steps: [
    { kind: 'raise', at: '2026-10-15', note: '', by: 'auditor' },
    { kind: 'answer', at: '2026-10-22', note: '已对照会议录音重新整理记录，写明研究的三项具体工作。', by: 'secretary' },
    { kind: 'close', at: '2026-10-28', note: '记录已如实反映会议内容，整改到位。', by: 'auditor' },
  ],
};

async function writeFinding(db: Database, record: { id: number; branchId: number; revision: number }, f: DemoFinding, users: SeedIds['users']) {
  const who = (by: Step['by']) => (by === 'clerk' ? null : (users.get(by) ?? null));
  const closing = f.steps.find((s) => s.kind === 'close');
  const [row] = await db
    .insert(findings)
    .values({
      source: 'record_review',
      branchId: record.branchId,
      recordId: record.id,
      recordRevision: record.revision,
      category: f.category,
      comment: f.comment,
      dueOn: f.dueOn,
      state: f.state,
      raisedBy: who('auditor'),
      raisedAt: AT(f.raisedOn),
      raisedOn: f.raisedOn,
      lastStepAt: AT(f.steps.at(-1)!.at),
      closedAt: closing ? AT(closing.at) : null,
      closedBy: closing ? who('auditor') : null,
      createdAt: AT(f.raisedOn),
    })
    .returning({ id: findings.id });
  await db.insert(findingSteps).values(
    f.steps.map((s) => ({ findingId: row!.id, kind: s.kind, note: s.kind === 'raise' ? f.comment : s.note, dueOn: s.kind === 'raise' ? f.dueOn : null, actorId: who(s.by), createdAt: AT(s.at) })),
  );
  if (closing) await db.insert(reviewMarks).values({ entityType: 'activity_record', entityId: record.id, verdict: 'resolved', comment: closing.note, reviewerId: who('auditor') });
}

export async function seedReviews(db: Database, { users, branchIds }: SeedIds) {
  const [flagged] = await db.select().from(activityRecords).where(eq(activityRecords.status, 'flagged')).limit(1);
  if (flagged) for (const f of ON_FLAGGED) await writeFinding(db, flagged, f, users);
  const [record] = await db
    .select()
    .from(activityRecords)
    .where(and(eq(activityRecords.branchId, branchIds[0]!), eq(activityRecords.status, 'submitted')))
    .orderBy(asc(activityRecords.heldOn))
    .limit(1);
  if (record) await writeFinding(db, record, CLOSED, users);
}
