import Link from 'next/link';
import { SiteFooter } from '@/components/site/SiteFooter';
import styles from '@/components/site/site.module.css';
import { site } from '@/lib/site';

// Pages that need no data: prerendered at build time, so this layout reads no database
// (the public layout's column navigation does).
export default function StaticLayout({ children }: { children: React.ReactNode }) {
  return (
    <>
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
          <Link href="/search" className={styles.brand}>
            站内搜索
          </Link>
        </div>
      </header>
      <main id="main" className="container">
        {children}
      </main>
      <SiteFooter />
    </>
  );
}
