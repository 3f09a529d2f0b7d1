import Link from 'next/link';
import { SiteBrand } from './SiteBrand';
import styles from './site.module.css';

type Column = { slug: string; name: string };

export function SiteHeader({ columns }: { columns: Column[] }) {
  return (
    <header className={styles.header}>
      <div className={`container ${styles.brandRow}`}>
        <SiteBrand />
        <form action="/search" method="get" role="search" className={`${styles.search} no-print`}>
          <label htmlFor="site-search" className="visually-hidden">
            站内搜索
          </label>
          <input id="site-search" name="q" type="search" placeholder="搜索新闻、通知、党课" maxLength={100} />
          <button type="submit">搜索</button>
        </form>
      </div>
      <nav aria-label="栏目导航" className={`${styles.nav} no-print`}>
        <ul className="container">
          <li>
            <Link href="/">首页</Link>
          </li>
          {columns.map((column) => (
            <li key={column.slug}>
              <Link href={`/columns/${column.slug}`}>{column.name}</Link>
            </li>
          ))}
        </ul>
      </nav>
    </header>
  );
}
