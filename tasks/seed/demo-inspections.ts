import type { Database } from '@/db/open';
import { inspections } from '@/db/schema/inspections';
import { findings, findingSteps } from '@/db/schema/reviews';

// A demo inspection (四不两直) of the 财政局 unit organization, released, with two findings: one
// rectified and closed, one still open past its due day (overdue). Fixed dates keep the seed
// deterministic; the figures on /admin/inspections for 2026 read 2 raised, 1 closed, 1 overdue.

export const DEMO_INSPECTION_UNIT = 'U02';

const AT = (day: string, time = '10:00') => new Date(`${day}T${time}:00+08:00`);

const INSPECTED_ON = '2026-09-16';

type Step = { kind: 'raise' | 'answer' | 'close'; at: string; note: string; by: 'auditor' | 'secretary2' };

const FINDINGS: { category: 'missing_evidence' | 'formalism'; comment: string; dueOn: string; steps: Step[] }[] = [
  {
    category: 'missing_evidence',
    comment: '党费收缴台账缺少 7 月、8 月的收缴凭证，无法核对实缴金额。',
    dueOn: '2026-10-16',
    steps: [
      { kind: 'raise', at: INSPECTED_ON, note: '', by: 'auditor' },
      { kind: 'answer', at: '2026-09-28', note: '已补齐 7 月、8 月收缴凭证并与银行回单逐笔核对，台账随附。', by: 'secretary2' },
      { kind: 'close', at: '2026-10-09', note: '凭证齐全，金额相符，整改到位。', by: 'auditor' },
    ],
  },
  {
    category: 'formalism',
    comment: '主题党日活动照片与上月重复使用，活动记录未写明实际参加人员。',
    dueOn: '2026-10-31',
    steps: [{ kind: 'raise', at: INSPECTED_ON, note: '', by: 'auditor' }],
  },
];

export async function seedInspections(db: Database, { users, codes }: { users: Map<string, number>; codes: Map<string, number> }) {
  const auditor = users.get('auditor') ?? null;
  const branchId = codes.get(DEMO_INSPECTION_UNIT);
  if (!branchId) return;
  const [inspection] = await db
    .insert(inspections)
    .values({
      branchId,
      inspectedOn: INSPECTED_ON,
      method: 'four_nos',
      scope: '不发通知、不打招呼，直奔机关党委：查看三会一课记录、主题党日开展情况和党费收缴台账，随机询问 3 名党员。',
      status: 'released',
      releasedAt: AT('2026-09-17', '16:00'),
      releasedBy: auditor,
      createdBy: auditor,
      version: 2,
      createdAt: AT(INSPECTED_ON, '18:00'),
    })
    .returning({ id: inspections.id });
  for (const f of FINDINGS) {
    const closing = f.steps.find((s) => s.kind === 'close');
    const [row] = await db
      .insert(findings)
      .values({
        source: 'inspection',
        branchId,
        inspectionId: inspection!.id,
        category: f.category,
        comment: f.comment,
        dueOn: f.dueOn,
        state: closing ? 'closed' : 'open',
        raisedBy: auditor,
        raisedAt: AT(INSPECTED_ON, '18:00'),
        raisedOn: INSPECTED_ON,
        lastStepAt: AT(f.steps.at(-1)!.at),
        closedAt: closing ? AT(closing.at) : null,
        closedBy: closing ? auditor : null,
        version: f.steps.length,
        createdAt: AT(INSPECTED_ON, '18:00'),
      })
      .returning({ id: findings.id });
    await db.insert(findingSteps).values(
      f.steps.map((s) => ({ findingId: row!.id, kind: s.kind, note: s.kind === 'raise' ? f.comment : s.note, dueOn: s.kind === 'raise' ? f.dueOn : null, actorId: users.get(s.by) ?? null, createdAt: AT(s.at, s.kind === 'raise' ? '18:00' : '10:00') })),
    );
  }
}
