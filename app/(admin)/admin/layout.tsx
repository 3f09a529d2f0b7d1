import Link from 'next/link';
import { site } from '@/lib/site';
import styles from './admin.module.css';

export const metadata = { title: { default: '管理后台', template: `%s - 管理后台 - ${site.name}` }, robots: { index: false } };

export default function AdminLayout({ children }: { children: React.ReactNode }) {
  return (
    <div className={styles.shell}>
      <header className={styles.bar}>
        <Link href="/admin" className={styles.brand}>
          {site.name} · 管理后台
        </Link>
        <Link href="/">返回门户</Link>
      </header>
      <main id="main" className={styles.main}>
        {children}
      </main>
    </div>
  );
}
