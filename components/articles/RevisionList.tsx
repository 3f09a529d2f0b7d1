import adminStyles from '@/components/admin/admin-ui.module.css';
import { RestoreRevisionButton } from './RestoreRevisionButton';
import styles from './revision-list.module.css';

export type RevisionListItem = { id: number; label: string; note: string | null };

type Props = {
  articleId: number;
  /** The article version the restore buttons send (a stale one is refused). */
  articleVersion: number;
  revisions: RevisionListItem[];
  fromId: number | null;
  toId: number | null;
  canRestore: boolean;
};

const COMPARE_FORM = 'revision-compare';

/**
 * The revisions with two radio groups for the comparison and, for admins, a restore button each.
 * Each restore button is a form of its own, so the radios join the comparison form through the
 * `form` attribute: nested forms are dropped by the HTML parser and break hydration.
 */
export function RevisionList({ articleId, articleVersion, revisions, fromId, toId, canRestore }: Props) {
  return (
    <section className={adminStyles.panel} aria-labelledby="compare-title">
      <h2 id="compare-title">选择两个版本对比</h2>
      <div className={adminStyles.tableWrap}>
        <table className={`${adminStyles.table} ${styles.table}`}>
          <caption className="visually-hidden">版本列表，共 {revisions.length} 个</caption>
          <thead>
            <tr>
              <th scope="col">旧版本</th>
              <th scope="col">新版本</th>
              <th scope="col">时间与操作</th>
              <th scope="col">说明</th>
              {canRestore && <th scope="col">恢复</th>}
            </tr>
          </thead>
          <tbody>
            {revisions.map((r) => (
              <tr key={r.id}>
                <td className={styles.from}>
                  <CompareChoice side="from" revision={r} checked={r.id === fromId} />
                </td>
                <td className={styles.to}>
                  <CompareChoice side="to" revision={r} checked={r.id === toId} />
                </td>
                <td className={styles.what}>{r.label}</td>
                <td className={r.note ? styles.note : `${styles.note} ${styles.noNote}`}>{r.note ?? '—'}</td>
                {canRestore && (
                  <td className={styles.restore}>
                    <RestoreRevisionButton articleId={articleId} version={articleVersion} revisionId={r.id} label={r.label} />
                  </td>
                )}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <form id={COMPARE_FORM} method="get" className={styles.compare}>
        <button type="submit" className="button">
          对比所选版本
        </button>
      </form>
    </section>
  );
}

const sideLabel = { from: '旧版本', to: '新版本' } as const;

/** One radio of the compare form (joined by its `form` attribute, so no form is nested). */
function CompareChoice({ side, revision, checked }: { side: 'from' | 'to'; revision: { id: number; label: string }; checked: boolean }) {
  return (
    <label className={styles.choice}>
      <input type="radio" form={COMPARE_FORM} name={side} value={revision.id} defaultChecked={checked} aria-label={`作为${sideLabel[side]}：${revision.label}`} />
      <span className={styles.choiceText}>{sideLabel[side]}</span>
    </label>
  );
}
