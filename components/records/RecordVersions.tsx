import ui from '@/components/admin/admin-ui.module.css';
import { Fragment } from 'react';
import type { DiffSegment } from '@/lib/articles/diff';
import { formatDateTime } from '@/lib/format';
import type { RecordVersion } from '@/lib/records/types';
import styles from './records.module.css';

const KIND_LABELS = { same: '未改动', changed: '修改', removed: '删除', added: '新增' } as const;

function Marked({ text, segments, mark }: { text: string | null; segments?: DiffSegment[]; mark: 'del' | 'ins' }) {
  if (text === null) return <span className={styles.absent}>（无）</span>;
  const Mark = mark;
  const parts = segments ?? [{ text, changed: true }];
  return <>{parts.map((s, k) => (s.changed ? <Mark key={k} className={styles[mark]}>{s.text}</Mark> : s.text))}</>;
}

/** Every version of a submitted record, newest first, each with what it changed and why. */
export function RecordVersions({ versions }: { versions: RecordVersion[] }) {
  if (versions.length === 0) return null;
  return (
    <section className={styles.section} aria-labelledby="versions-title">
      <h2 id="versions-title">版本记录</h2>
      {[...versions].reverse().map((v) => {
        const before = `第 ${v.revision - 1} 版`;
        const after = `第 ${v.revision} 版`;
        return (
          <article key={v.revision} className={styles.version} aria-labelledby={`version-${v.revision}`}>
            <h3 id={`version-${v.revision}`}>
              {after}
              {v.revision === 1 ? '（提交）' : '（更正）'}
            </h3>
            <p>
              {formatDateTime(v.createdAt)}
              {v.createdByName ? `，${v.createdByName}` : ''}
            </p>
            {v.reason && <p>更正原因：{v.reason}</p>}
            {v.diff &&
              (v.diff.changedCount === 0 ? (
                <p>与{before}内容相同。</p>
              ) : (
                <table className={styles.diff}>
                  <caption className={ui.caption}>
                    {before}与{after}的对比，共 {v.diff.changedCount} 处改动
                  </caption>
                  <thead>
                    <tr>
                      <th scope="col">内容</th>
                      <th scope="col">{before}</th>
                      <th scope="col">{after}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {v.diff.groups.map((g) => (
                      <Fragment key={g.title}>
                        <tr className={styles.group}>
                          <th colSpan={3} scope="rowgroup">
                            {g.title}
                          </th>
                        </tr>
                        {g.rows.map((r, i) => (
                          <tr key={i}>
                            <th scope="row">
                              {r.label}（{KIND_LABELS[r.kind]}）
                            </th>
                            <td data-side={before}>
                              <Marked text={r.left} segments={r.leftSegments} mark="del" />
                            </td>
                            <td data-side={after}>
                              <Marked text={r.right} segments={r.rightSegments} mark="ins" />
                            </td>
                          </tr>
                        ))}
                      </Fragment>
                    ))}
                  </tbody>
                </table>
              ))}
          </article>
        );
      })}
    </section>
  );
}
