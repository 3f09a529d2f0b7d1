import Link from 'next/link';
import type { ArticleListTab, ArticleStatus } from '@/lib/articles/types';
import type { CappedCount } from '@/lib/pagination/offset';
import { statusLabels } from '@/lib/articles/workflow';
import styles from './list.module.css';

const TABS: (ArticleStatus | null)[] = [null, 'draft', 'in_review', 'scheduled', 'published', 'archived'];

/** Status tabs as links (each a real URL), the current one marked for screen readers; counts stop at a cap ("1000+"). */
export function StatusTabs({ current, counts, href }: { current: ArticleStatus | null; counts: Record<ArticleListTab, CappedCount>; href: (status: ArticleStatus | null) => string }) {
  return (
    <nav aria-label="按状态筛选" className={styles.tabs}>
      <ul>
        {TABS.map((status) => (
          <li key={status ?? 'all'}>
            <Link href={href(status)} aria-current={status === current ? 'page' : undefined} className={styles.tab}>
              {status ? statusLabels[status] : '全部'}
              <span className={styles.count}>{countText(counts[status ?? 'all'])}</span>
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}

const countText = ({ total, capped }: CappedCount) => (capped ? `${total}+` : String(total));
