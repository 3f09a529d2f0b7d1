import Link from 'next/link';
import { DateOnly } from './DateOnly';
import styles from './news.module.css';

type Item = { id: number; slug: string; title: string; publishedAt: Date | null };

export function ArticleList({ items, emptyText = '暂无内容' }: { items: Item[]; emptyText?: string }) {
  if (items.length === 0) return <p className={styles.empty}>{emptyText}</p>;
  return (
    <ul className={styles.list}>
      {items.map((item) => (
        <li key={item.id}>
          <Link href={`/articles/${item.slug}`}>{item.title}</Link>
          <DateOnly value={item.publishedAt} />
        </li>
      ))}
    </ul>
  );
}
