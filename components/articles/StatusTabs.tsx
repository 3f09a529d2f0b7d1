import Link from 'next/link';
import type { ArticleStatus } from '@/lib/articles/types';
import { statusLabels } from '@/lib/articles/workflow';
import styles from './list.module.css';

const TABS: (ArticleStatus | null)[] = [null, 'draft', 'in_review', 'scheduled', 'published', 'archived'];

/** Status tabs as links (each a real URL), the current one marked for screen readers. */
export function StatusTabs({ current, counts, href }: { current: ArticleStatus | null; counts: Record<ArticleStatus | 'all', number>; href: (status: ArticleStatus | null) => string }) {
  return (
    <nav aria-label="按状态筛选" className={styles.tabs}>
      <ul>
        {TABS.map((status) => (
          <li key={status ?? 'all'}>
            <Link href={href(status)} aria-current={status === current ? 'page' : undefined} className={styles.tab}>
              {status ? statusLabels[status] : '全部'}
              <span className={styles.count}>{counts[status ?? 'all']}</span>
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
