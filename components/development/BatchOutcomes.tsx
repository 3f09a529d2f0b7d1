import Link from 'next/link';
import ui from '@/components/admin/admin-ui.module.css';
import type { BatchView } from '@/lib/development/batch-queries';
import { stageLabels, type RecordStage } from '@/lib/development/steps';
import styles from './development.module.css';

const stage = (s: string) => stageLabels[s as RecordStage] ?? s;

/** What a batch did: who moved (from → to) and who was refused, each with the rule quoted. */
export function BatchOutcomes({ batch }: { batch: BatchView }) {
  const moved = batch.outcomes.filter((o) => o.ok);
  const refused = batch.outcomes.filter((o) => !o.ok);
  return (
    <>
      <section aria-labelledby="moved-heading">
        <h2 id="moved-heading">已记录（{moved.length} 人）</h2>
        {moved.length ? (
          <div className={ui.tableWrap}>
            <table className={`${ui.table} ${ui.cards}`}>
              <caption className="visually-hidden">已记录该步骤的人员</caption>
              <thead>
                <tr>
                  <th scope="col">姓名</th>
                  <th scope="col">党组织</th>
                  <th scope="col">阶段</th>
                </tr>
              </thead>
              <tbody>
                {moved.map((o) => (
                  <tr key={o.personId}>
                    <td>
                      <Link href={`/admin/development/${o.personId}`}>{o.name}</Link>
                    </td>
                    <td data-label="党组织">{o.branchName}</td>
                    <td data-label="阶段">{o.ok && o.fromStage !== o.toStage ? `${stage(o.fromStage)} → ${stage(o.toStage)}` : stage(o.ok ? o.toStage : '')}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        ) : (
          <p className={ui.panel}>没有人员通过核对，本次未记录任何步骤。</p>
        )}
      </section>
      <section aria-labelledby="refused-heading">
        <h2 id="refused-heading">未通过核对（{refused.length} 人）</h2>
        {refused.length ? (
          <div className={ui.tableWrap}>
            <table className={`${ui.table} ${ui.cards}`}>
              <caption className="visually-hidden">未通过核对的人员及原因</caption>
              <thead>
                <tr>
                  <th scope="col">姓名</th>
                  <th scope="col">党组织</th>
                  <th scope="col">原因</th>
                </tr>
              </thead>
              <tbody>
                {refused.map((o) => (
                  <tr key={o.personId}>
                    <td>{o.branchName ? <Link href={`/admin/development/${o.personId}`}>{o.name}</Link> : o.name}</td>
                    <td data-label="党组织">{o.branchName || '—'}</td>
                    <td data-label="原因" className={styles.reason}>
                      {o.ok ? '' : o.reason}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        ) : (
          <p className={ui.panel}>所选人员全部通过核对。</p>
        )}
      </section>
    </>
  );
}
