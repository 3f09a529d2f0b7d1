import ui from '@/components/admin/admin-ui.module.css';
import { AnswerForm } from '@/components/reviews/AnswerForm';
import { RecheckForms } from '@/components/reviews/AuditorForms';
import { FindingStateBadge, OverdueMark } from '@/components/reviews/FindingBadges';
import { FindingSteps } from '@/components/reviews/RecordFindings';
import styles from '@/components/reviews/reviews.module.css';
import type { InspectionDetail } from '@/lib/inspections/types';
import { findingCategoryLabels } from '@/lib/reviews/labels';

/** The inspection's findings with every step, and the answer or re-check forms the reader may use. */
export function InspectionFindings({ inspection }: { inspection: InspectionDetail }) {
  if (inspection.findingList.length === 0) return <p className={ui.muted}>尚未登记问题。</p>;
  return inspection.findingList.map((f) => (
    <article key={f.id} id={`finding-${f.id}`} className={`${ui.panel} ${styles.finding}`} aria-labelledby={`finding-${f.id}-title`}>
      <h3 id={`finding-${f.id}-title`}>
        {findingCategoryLabels[f.category]} <FindingStateBadge state={f.state} /> <OverdueMark overdue={f.overdue} />
      </h3>
      <p>{f.comment}</p>
      <p className={styles.meta}>
        <span>整改期限：{f.dueOn}</span>
        <span>
          提出：{f.raisedByName ?? '（无账号）'}，{f.raisedOn}
        </span>
      </p>
      <FindingSteps steps={f.steps} />
      {inspection.canAnswer && (f.state === 'open' || f.state === 'reopened') && <AnswerForm findingId={f.id} version={f.version} correctedRevision={null} />}
      {inspection.canManage && f.state === 'answered' && <RecheckForms findingId={f.id} version={f.version} dueOn={f.dueOn} />}
    </article>
  ));
}
