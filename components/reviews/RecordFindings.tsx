import ui from '@/components/admin/admin-ui.module.css';
import { formatDateTime } from '@/lib/format';
import { findingCategoryLabels, findingStepLabels } from '@/lib/reviews/labels';
import type { FindingWithSteps, RecordReview } from '@/lib/reviews/types';
import { AnswerForm } from './AnswerForm';
import { MarkReviewedForm, RaiseFindingForm, RecheckForms } from './AuditorForms';
import { FindingStateBadge, OverdueMark } from './FindingBadges';
import styles from './reviews.module.css';

type RecordFacts = { id: number; status: string; revision: number };

const NOTICES: Record<string, string> = {
  raised: '问题已提出，支部将在工作台看到并答复整改。',
  answered: '整改答复已提交，等待纪检督查复查。',
  reopened: '问题已退回重改，支部将在工作台看到退回意见。',
  closed: '问题已复查通过，整改到位。',
  reviewed: '记录已审核合格并锁定；此后的更正须重新审核。',
};

/** Every step of a finding: who, when, and what they wrote. */
export function FindingSteps({ steps }: { steps: FindingWithSteps['steps'] }) {
  return (
    <ol className={styles.steps} aria-label="处理过程">
      {steps.map((s) => (
        <li key={s.id}>
          <strong>{findingStepLabels[s.kind]}</strong>：{s.actorName ?? '（无账号）'}，<time dateTime={s.createdAt.toISOString()}>{formatDateTime(s.createdAt)}</time>
          {s.kind !== 'raise' && s.note && <>。{s.note}</>}
          {s.correctedRevision !== null && <>（附更正后的记录第 {s.correctedRevision} 版）</>}
          {s.kind === 'reopen' && s.dueOn && <>（新的整改期限 {s.dueOn}）</>}
        </li>
      ))}
    </ol>
  );
}

function Finding({ finding, record, review }: { finding: FindingWithSteps; record: RecordFacts; review: RecordReview }) {
  const answerable = review.canAnswer && (finding.state === 'open' || finding.state === 'reopened');
  const corrected = finding.recordRevision !== null && record.revision > finding.recordRevision ? record.revision : null;
  return (
    <article id={`finding-${finding.id}`} className={`${ui.panel} ${styles.finding}`} aria-labelledby={`finding-${finding.id}-title`}>
      <h3 id={`finding-${finding.id}-title`}>
        {findingCategoryLabels[finding.category]} <FindingStateBadge state={finding.state} /> <OverdueMark overdue={finding.overdue} />
      </h3>
      <p>{finding.comment}</p>
      <p className={styles.meta}>
        <span>整改期限：{finding.dueOn}</span>
        <span>针对第 {finding.recordRevision} 版</span>
        <span>提出：{finding.raisedByName ?? '（无账号）'}，{finding.raisedOn}</span>
      </p>
      <FindingSteps steps={finding.steps} />
      {answerable && <AnswerForm findingId={finding.id} version={finding.version} correctedRevision={corrected} />}
      {review.canMark && finding.state === 'answered' && <RecheckForms findingId={finding.id} version={finding.version} dueOn={finding.dueOn} />}
    </article>
  );
}

/** The review panel of a record: its findings with every step, and what the reader may do next. */
export function RecordFindings({ record, review, notice }: { record: RecordFacts; review: RecordReview; notice?: string }) {
  if (record.status === 'draft') return null;
  const judgeable = review.canMark && record.status === 'submitted';
  const raisable = review.canMark && (record.status === 'submitted' || record.status === 'flagged');
  return (
    <section className={styles.section} aria-labelledby="record-review">
      <h2 id="record-review">审核与整改</h2>
      {notice && NOTICES[notice] && (
        <p className={ui.panel} role="status">
          {NOTICES[notice]}
        </p>
      )}
      {record.status === 'reviewed' && <p>此记录已审核合格，内容锁定；如需更正，更正后须重新审核。</p>}
      {review.findings.length === 0 ? <p className={ui.muted}>此记录没有提出过问题。</p> : review.findings.map((f) => <Finding key={f.id} finding={f} record={record} review={review} />)}
      {(judgeable || raisable) && (
        <div className={styles.forms}>
          {judgeable && (
            <div className={ui.panel}>
              <h3>审核合格</h3>
              <MarkReviewedForm recordId={record.id} revision={record.revision} />
            </div>
          )}
          {raisable && review.defaultDueOn && (
            <div className={ui.panel}>
              <h3>提出问题</h3>
              <RaiseFindingForm recordId={record.id} revision={record.revision} defaultDueOn={review.defaultDueOn} />
            </div>
          )}
        </div>
      )}
    </section>
  );
}
