import { DateOnly } from './DateOnly';
import type { Headline } from '@/lib/news/queries';

export function Headlines({ items }: { items: Headline[] }) {
  if (items.length === 0) return null;
  const [lead, ...rest] = items as [Headline, ...Headline[]];
  return (
    <section aria-labelledby="headlines-title" className="home-headlines">
      <h2 id="headlines-title" className="visually-hidden">
        头条
      </h2>
      <article className="home-lead">
        {lead.coverUrl && (
          // eslint-disable-next-line @next/next/no-img-element -- media variants are already sized and re-encoded
          <img className="home-lead-cover" src={lead.coverUrl} alt={lead.coverAlt ?? ''} />
        )}
        {lead.kicker && <p className="home-kicker">{lead.kicker}</p>}
        <h3>
          <a href={`/articles/${lead.slug}`}>{lead.title}</a>
        </h3>
        {lead.summary && <p>{lead.summary}</p>}
        <DateOnly value={lead.publishedAt} />
      </article>
      {rest.length > 0 && (
        <ul className="home-sub-headlines">
          {rest.map((item) => (
            <li key={item.id}>
              <a href={`/articles/${item.slug}`}>{item.title}</a>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
