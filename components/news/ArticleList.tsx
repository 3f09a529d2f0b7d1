import Link from 'next/link';
import { formatDate } from '@/lib/format';
import styles from './news.module.css';

type Item = { slug: string; title: string; publishedAt: Date | null };

export function ArticleList({ items, emptyText = '暂无内容' }: { items: Item[]; emptyText?: string }) {
  if (items.length === 0) return <p className={styles.empty}>{emptyText}</p>;
  return (
    <ul className={styles.list}>
      {items.map((item) => (
        <li key={item.slug}>
          <Link href={`/articles/${item.slug}`}>{item.title}</Link>
          <time dateTime={item.publishedAt?.toISOString()}>{formatDate(item.publishedAt)}</time>
        </li>
      ))}
    </ul>
  );
}
