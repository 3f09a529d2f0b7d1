import { SiteBrand } from './SiteBrand';

type Column = { slug: string; name: string };

/**
 * The public header. With `columns` it carries the search form and the column navigation; pages
 * that read no data (about) pass null and get the brand with a link to the search page.
 */
export function SiteHeader({ columns }: { columns: Column[] | null }) {
  if (columns === null) {
    return (
      <header className="site-header">
        <div className="container site-brand-row">
          <SiteBrand />
          <a href="/search" className="site-brand">
            站内搜索
          </a>
        </div>
      </header>
    );
  }
  return (
    <header className="site-header">
      <div className="container site-brand-row">
        <SiteBrand />
        <form action="/search" method="get" role="search" className="site-search no-print">
          <label htmlFor="site-search" className="visually-hidden">
            站内搜索
          </label>
          <input id="site-search" name="q" type="search" placeholder="搜索新闻、通知、党课" maxLength={100} />
          <button type="submit">搜索</button>
        </form>
      </div>
      <nav aria-label="栏目导航" className="site-nav no-print">
        <ul className="container">
          <li>
            <a href="/">首页</a>
          </li>
          {columns.map((column) => (
            <li key={column.slug}>
              <a href={`/columns/${column.slug}`}>{column.name}</a>
            </li>
          ))}
        </ul>
      </nav>
    </header>
  );
}
