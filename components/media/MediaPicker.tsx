'use client';

import type { MediaItem, PickedMedia } from '@/lib/media/types';
import { LibraryPicker, type LibraryWords } from './LibraryPicker';
import { MediaUploadForm } from './MediaUploadForm';

type Props = { open: boolean; onClose(): void; onSelect(media: PickedMedia): void };

const words: LibraryWords = {
  title: '选择图片',
  sources: '图片来源',
  uploadTab: '上传新图片',
  searchLabel: '搜索文件名、替代文本或说明',
  loadFailed: '媒体库加载失败。',
  offline: '媒体库加载失败，请检查网络后重试。',
  noMatch: '没有符合条件的图片。',
  empty: '媒体库还没有图片，请先上传。',
  chooseHint: '，选用这张图片',
  pagerLabel: '媒体库分页',
};

// Only the picked fields: the editor stores what it is handed in the article's JSON.
const picked = ({ id, url, alt, caption, width, height, srcSet }: PickedMedia | MediaItem): PickedMedia => ({ id, url, alt, caption, width, height, srcSet });

/** The article editor's image chooser: the media library, or an upload with alt text and caption. */
export function MediaPicker({ open, onClose, onSelect }: Props) {
  return (
    <LibraryPicker
      open={open}
      onClose={onClose}
      onSelect={onSelect}
      endpoint="/api/admin/media"
      words={words}
      toChoice={picked}
      upload={(onUploaded, library) =>
        // The form checks the file's size before sending, so it waits for the limit the list answers with.
        library.status === 'ready' ? (
          <MediaUploadForm maxBytes={library.maxBytes} onUploaded={(media) => onUploaded(picked(media))} submitLabel="上传并使用" />
        ) : (
          <p role="status">{library.status === 'error' ? library.message : '正在加载…'}</p>
        )
      }
    />
  );
}
