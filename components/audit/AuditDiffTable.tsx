import ui from '@/components/admin/admin-ui.module.css';
import { type DiffChange, type DiffRow, summarizeDiff } from '@/lib/audit/diff';
import { displayValue } from '@/lib/audit/labels';
import styles from './audit.module.css';

// The kind of change is written out, so it does not rest on the row colour alone.
const CHANGE_LABELS: Record<DiffChange, string> = { added: '新增', removed: '删除', changed: '修改', same: '未变' };

function Value({ present, value }: { present: boolean; value: unknown }) {
  if (!present) return <span className={styles.absent}>（无）</span>;
  if (value === null) return <span className={styles.absent}>（空）</span>;
  return <span className={styles.value}>{displayValue(value)}</span>;
}

export function AuditDiffTable({ rows }: { rows: DiffRow[] }) {
  if (rows.length === 0) return <p className={ui.panel}>此记录没有变更前后的数据。</p>;
  const counts = summarizeDiff(rows);
  return (
    <div className={ui.tableWrap}>
      <table className={ui.table}>
        <caption className={ui.caption}>
          字段变更：修改 {counts.changed} 项，新增 {counts.added} 项，删除 {counts.removed} 项，未变 {counts.same} 项
        </caption>
        <thead>
          <tr>
            <th scope="col">字段</th>
            <th scope="col">变更前</th>
            <th scope="col">变更后</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.field} className={row.change === 'same' ? undefined : styles[row.change]}>
              <td>
                <code className={styles.mono}>{row.field || '（整体）'}</code>{' '}
                <span className={row.change === 'removed' ? ui.badgeOff : ui.badge}>{CHANGE_LABELS[row.change]}</span>
              </td>
              <td>
                <Value present={row.change !== 'added'} value={row.before} />
              </td>
              <td>
                <Value present={row.change !== 'removed'} value={row.after} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
