import Link from 'next/link';
import type { KeysetPage } from '@/lib/pagination/keyset';
import { LAST_CURSOR } from '@/lib/pagination/cursor';
import styles from './keyset-pager.module.css';

type Labels = { first: string; prev: string; next: string; last: string };

const defaultLabels: Labels = { first: '首页', prev: '上一页', next: '下一页', last: '末页' };

/**
 * First, previous, next and last links of a keyset page (lib/pagination/keyset): no page
 * numbers, since a keyset page has none. `href` builds the address of a cursor (none: the first page).
 */
export function KeysetPager({
  page,
  href,
  labels: given,
  label = '分页',
}: {
  page: Pick<KeysetPage<unknown>, 'isFirst' | 'isLast' | 'next' | 'prev'>;
  href: (cursor?: string) => string;
  labels?: Partial<Labels>;
  label?: string;
}) {
  if (page.isFirst && page.isLast) return null;
  const labels = { ...defaultLabels, ...given };
  const off = (text: string) => <span aria-disabled="true">{text}</span>;
  return (
    <nav aria-label={label} className={styles.pager}>
      <ul>
        <li>{page.isFirst ? off(labels.first) : <Link href={href()}>{labels.first}</Link>}</li>
        <li>
          {page.prev ? (
            <Link href={href(page.prev)} rel="prev">
              {labels.prev}
            </Link>
          ) : (
            off(labels.prev)
          )}
        </li>
        <li>
          {page.next ? (
            <Link href={href(page.next)} rel="next">
              {labels.next}
            </Link>
          ) : (
            off(labels.next)
          )}
        </li>
        <li>{page.isLast ? off(labels.last) : <Link href={href(LAST_CURSOR)}>{labels.last}</Link>}</li>
      </ul>
    </nav>
  );
}
