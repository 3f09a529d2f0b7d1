import Link from 'next/link';
import { DateOnly } from './DateOnly';
import type { Headline } from '@/lib/news/queries';
import styles from './news.module.css';

export function Headlines({ items }: { items: Headline[] }) {
  if (items.length === 0) return null;
  const [lead, ...rest] = items as [Headline, ...Headline[]];
  return (
    <section aria-labelledby="headlines-title" className={styles.headlines}>
      <h2 id="headlines-title" className="visually-hidden">
        头条
      </h2>
      <article className={styles.lead}>
        {lead.coverUrl && (
          // eslint-disable-next-line @next/next/no-img-element -- media variants are already sized and re-encoded
          <img className={styles.leadCover} src={lead.coverUrl} alt={lead.coverAlt ?? ''} />
        )}
        {lead.kicker && <p className={styles.kicker}>{lead.kicker}</p>}
        <h3>
          <Link href={`/articles/${lead.slug}`}>{lead.title}</Link>
        </h3>
        {lead.summary && <p>{lead.summary}</p>}
        <DateOnly value={lead.publishedAt} />
      </article>
      {rest.length > 0 && (
        <ul className={styles.subHeadlines}>
          {rest.map((item) => (
            <li key={item.id}>
              <Link href={`/articles/${item.slug}`}>{item.title}</Link>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
