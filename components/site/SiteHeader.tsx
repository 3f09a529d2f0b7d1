import Link from 'next/link';
import { site } from '@/lib/site';
import styles from './site.module.css';

type Column = { slug: string; name: string };

export function SiteHeader({ columns }: { columns: Column[] }) {
  return (
    <header className={styles.header}>
      <a className="skip-link" href="#main">
        跳到正文
      </a>
      <div className={`container ${styles.brandRow}`}>
        <Link href="/" className={styles.brand}>
          <span className={styles.emblem} aria-hidden="true">
            党
          </span>
          <span>
            <span className={styles.siteName}>{site.name}</span>
            <span className={styles.siteOrg}>{site.organization}</span>
          </span>
        </Link>
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
