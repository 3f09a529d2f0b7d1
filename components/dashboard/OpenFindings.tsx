import Link from 'next/link';
import ui from '@/components/admin/admin-ui.module.css';
import { FindingStateBadge, OverdueMark } from '@/components/reviews/FindingBadges';
import { findingCategoryLabels } from '@/lib/reviews/labels';
import type { Finding } from '@/lib/reviews/types';
import desk from './dashboard.module.css';

/** The secretary's desk: findings of the branch not yet closed, the earliest due first. */
export function OpenFindings({ findings }: { findings: Finding[] }) {
  const waiting = findings.filter((f) => f.state !== 'answered').length;
  return (
    <section className={ui.panel} aria-labelledby="desk-findings">
      <h2 id="desk-findings" className={desk.heading}>
        待整改的问题
      </h2>
      {findings.length === 0 ? (
        <p>纪检督查没有提出未关闭的问题。</p>
      ) : (
        <>
          <p>
            共 {findings.length} 条未关闭，其中 {waiting} 条需要本组织答复整改。
          </p>
          <ul className={desk.list}>
            {findings.map((f) => (
              <li key={f.id}>
                <FindingStateBadge state={f.state} /> <OverdueMark overdue={f.overdue} />{' '}
                {f.recordId ? (
                  <Link href={`/admin/records/${f.recordId}#finding-${f.id}`}>
                    {findingCategoryLabels[f.category]}：{f.recordTopic ?? `第 ${f.recordId} 号记录`}
                  </Link>
                ) : f.inspectionId ? (
                  <Link href={`/admin/inspections/${f.inspectionId}#finding-${f.id}`}>
                    {findingCategoryLabels[f.category]}（明察暗访）：{f.comment}
                  </Link>
                ) : (
                  findingCategoryLabels[f.category]
                )}
                <span className={ui.muted}>（整改期限 {f.dueOn}，{f.branchName}）</span>
              </li>
            ))}
          </ul>
        </>
      )}
      <p>
        <Link href="/admin/reviews">查看全部审核情况</Link>
      </p>
    </section>
  );
}
