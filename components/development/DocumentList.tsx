import ui from '@/components/admin/admin-ui.module.css';
import { documentKindLabels, documentTypeLabels } from '@/lib/development/document-labels';
import type { DevelopmentDocumentItem } from '@/lib/development/types';
import { formatDate, formatDateTime } from '@/lib/format';
import { formatBytes } from '@/lib/media/format';
import { DocumentRemoveForm } from './DocumentRemoveForm';

type Props = { personId: number; name: string; documents: DevelopmentDocumentItem[]; canWrite: boolean };

/** A file's documents (材料): the current ones with download links, then those removed, with why. */
export function DocumentList({ personId, name, documents, canWrite }: Props) {
  const current = documents.filter((d) => !d.removedAt);
  const removed = documents.filter((d) => d.removedAt);
  return (
    <>
      {current.length === 0 ? (
        <p className={ui.panel}>尚未上传材料。</p>
      ) : (
        <div className={ui.tableWrap}>
          <table className={`${ui.table} ${ui.cards}`}>
            <caption className="visually-hidden">{name}的发展材料，按上传时间排列</caption>
            <thead>
              <tr>
                <th scope="col">标题</th>
                <th scope="col">类别</th>
                <th scope="col">上传日期</th>
                <th scope="col">上传人</th>
                <th scope="col">文件</th>
                {canWrite ? <th scope="col">操作</th> : null}
              </tr>
            </thead>
            <tbody>
              {current.map((d) => (
                <tr key={d.id}>
                  <td>{d.title}</td>
                  <td data-label="类别">{documentKindLabels[d.kind]}</td>
                  <td data-label="上传日期">{formatDate(d.uploadedAt)}</td>
                  <td data-label="上传人">{d.uploadedByName ?? '—'}</td>
                  <td data-label="文件">
                    <a href={d.url!} download>
                      下载<span className="visually-hidden">“{d.title}”</span>
                    </a>
                    （{documentTypeLabels[d.mimeType]}，{formatBytes(d.byteSize)}）
                  </td>
                  {canWrite ? (
                    <td data-label="操作">
                      <DocumentRemoveForm personId={personId} id={d.id} title={d.title} />
                    </td>
                  ) : null}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {removed.length > 0 ? (
        <details>
          <summary>已移除的材料（{removed.length}）</summary>
          <ul>
            {removed.map((d) => (
              <li key={d.id}>
                {documentKindLabels[d.kind]}“{d.title}”：{d.removedByName ?? '—'}于 {formatDateTime(d.removedAt)} 移除，理由：{d.removalReason}
              </li>
            ))}
          </ul>
        </details>
      ) : null}
    </>
  );
}
