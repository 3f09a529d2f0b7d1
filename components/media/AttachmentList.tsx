import { attachmentKindLabels, formatBytes } from '@/lib/media/format';
import type { AttachmentItem } from '@/lib/media/types';
import './attachment-list.css';

/** The public article's attachments: name, type, size, each a download link. */
export function AttachmentList({ items = [] }: { items?: AttachmentItem[] }) {
  if (items.length === 0) return null;
  return (
    <section aria-labelledby="attachments-title" className="attachment-list">
      <h2 id="attachments-title">附件</h2>
      <ol>
        {items.map((a) => (
          <li key={a.id}>
            <a href={a.url} download>
              {a.name}
            </a>
            <span className="attachment-list-meta">
              {attachmentKindLabels[a.kind]} · {formatBytes(a.byteSize)}
            </span>
          </li>
        ))}
      </ol>
    </section>
  );
}
