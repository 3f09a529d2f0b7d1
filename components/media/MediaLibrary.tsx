import { formatDateTime } from '@/lib/format';
import { formatBytes } from '@/lib/media/format';
import type { MediaItem } from '@/lib/media/types';
import styles from './media.module.css';
import { MediaDeleteForm, MediaEditForm } from './MediaItemForms';

/** The library as cards: thumbnail, texts, size, and the edit and delete forms. */
export function MediaLibrary({ items }: { items: MediaItem[] }) {
  return (
    <ul className={styles.library}>
      {items.map((item) => (
        <li key={item.id} className={styles.card}>
          <a href={item.url} target="_blank" rel="noopener">
            {/* eslint-disable-next-line @next/next/no-img-element -- library thumbnails are pre-sized WebP variants */}
            <img className={styles.thumb} src={item.thumbUrl} alt={item.alt} loading="lazy" />
          </a>
          <p>
            <strong>{item.alt}</strong>
          </p>
          {item.caption && <p>{item.caption}</p>}
          <p className={styles.meta}>
            {item.originalName} · {item.width}×{item.height} · {formatBytes(item.byteSize)} · {formatDateTime(item.createdAt)}
          </p>
          <details>
            <summary>编辑文字</summary>
            <MediaEditForm item={item} />
          </details>
          <MediaDeleteForm item={item} />
        </li>
      ))}
    </ul>
  );
}
