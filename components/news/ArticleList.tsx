import { DateOnly } from './DateOnly';

type Item = { id: number; slug: string; title: string; publishedAt: Date | null };

export function ArticleList({ items, emptyText = '暂无内容' }: { items: Item[]; emptyText?: string }) {
  if (items.length === 0) return <p className="news-empty">{emptyText}</p>;
  return (
    <ul className="news-list">
      {items.map((item) => (
        <li key={item.id}>
          <a href={`/articles/${item.slug}`}>{item.title}</a>
          <DateOnly value={item.publishedAt} />
        </li>
      ))}
    </ul>
  );
}
