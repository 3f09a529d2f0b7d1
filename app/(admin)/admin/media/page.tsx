import type { Metadata } from 'next';
import styles from '@/components/admin/admin-ui.module.css';
import formStyles from '@/components/forms/forms.module.css';
import { MediaLibrary } from '@/components/media/MediaLibrary';
import { MediaUploadForm } from '@/components/media/MediaUploadForm';
import { KeysetPager } from '@/components/ui/KeysetPager';
import { requirePermission } from '@/lib/auth/current-user';
import { mediaLimit } from '@/lib/media/limits';
import { listMedia } from '@/lib/media/queries';
import { mediaSearchSchema } from '@/lib/media/schemas';

export const metadata: Metadata = { title: '媒体库' };

type Props = { searchParams: Promise<Record<string, string | undefined>> };

export default async function MediaPage({ searchParams }: Props) {
  const user = await requirePermission('media.manage', undefined, '/admin/media');
  const { q, cursor } = mediaSearchSchema.parse(await searchParams);
  const list = await listMedia(user, { q, cursor });
  const href = (at?: string) => {
    const params = new URLSearchParams({ ...(q ? { q } : {}), ...(at ? { cursor: at } : {}) }).toString();
    return params ? `/admin/media?${params}` : '/admin/media';
  };
  return (
    <>
      <h1 className={styles.title}>媒体库</h1>
      <section className={styles.panel} aria-labelledby="upload-title">
        <h2 id="upload-title">上传图片</h2>
        <MediaUploadForm maxBytes={mediaLimit.maxBytes} />
      </section>
      <h2>全部图片</h2>
      <form method="get" role="search" className={styles.toolbar}>
        <div className={formStyles.field}>
          <label htmlFor="media-q">搜索文件名、替代文本或说明</label>
          <input id="media-q" name="q" type="search" defaultValue={q} maxLength={50} />
        </div>
        <button type="submit" className="button">
          搜索
        </button>
      </form>
      <p className={styles.muted}>
        共 {list.count.total} 张{list.count.capped ? '以上' : ''}图片
      </p>
      {list.items.length === 0 ? (
        <p className={styles.panel}>{q ? '没有符合条件的图片。' : '媒体库还没有图片。上传的图片可用作文章封面或插入正文。'}</p>
      ) : (
        <MediaLibrary items={list.items} />
      )}
      <KeysetPager page={list} href={href} label="媒体库分页" />
    </>
  );
}
