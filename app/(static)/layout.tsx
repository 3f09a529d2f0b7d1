import Link from 'next/link';
import { SiteBrand } from '@/components/site/SiteBrand';
import { SiteFooter } from '@/components/site/SiteFooter';
import styles from '@/components/site/site.module.css';

// Pages that need no data: prerendered at build time, so this layout reads no database
// (the public layout's column navigation does).
export default function StaticLayout({ children }: { children: React.ReactNode }) {
  return (
    <>
      <header className={styles.header}>
        <div className={`container ${styles.brandRow}`}>
          <SiteBrand />
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
