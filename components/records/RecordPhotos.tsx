'use client';

import { useState } from 'react';
import formStyles from '@/components/forms/forms.module.css';
import type { RecordPhoto } from '@/lib/records/types';
import { Errors } from './FieldErrors';
import { PhotoPicker } from './PhotoPicker';
import styles from './record-form.module.css';

/** The record's photos, chosen from the media library (the form sends their ids). */
export function RecordPhotos({ photos, onChange, errors }: { photos: RecordPhoto[]; onChange: (photos: RecordPhoto[]) => void; errors?: string[] }) {
  const [picking, setPicking] = useState(false);
  return (
    <div className={formStyles.field} role="group" aria-labelledby="photos-label">
      <span id="photos-label" className={styles.label}>
        活动照片
      </span>
      {photos.length === 0 ? (
        <p className={styles.muted}>未选择照片。</p>
      ) : (
        <ul className={styles.photos}>
          {photos.map((p) => (
            <li key={p.mediaId}>
              {/* eslint-disable-next-line @next/next/no-img-element -- a library thumbnail */}
              <img src={p.thumbUrl} alt={p.alt} />
              <button type="button" className="button secondary" onClick={() => onChange(photos.filter((x) => x.mediaId !== p.mediaId))}>
                移除<span className="visually-hidden">照片：{p.alt}</span>
              </button>
            </li>
          ))}
        </ul>
      )}
      <p>
        <button type="button" className="button secondary" onClick={() => setPicking(true)}>
          选择照片
        </button>
      </p>
      <Errors name="photoIds" errors={errors} />
      <PhotoPicker open={picking} onClose={() => setPicking(false)} onSelect={(p) => onChange(photos.some((x) => x.mediaId === p.mediaId) ? photos : [...photos, p])} />
    </div>
  );
}
