import Link from 'next/link';
import { site } from '@/lib/site';
import styles from './auth.module.css';

export default function AuthLayout({ children }: { children: React.ReactNode }) {
  return (
    <main id="main" className={styles.page}>
      <div className={styles.card}>
        <p className={styles.brand}>
          <Link href="/">{site.name}</Link>
        </p>
        {children}
      </div>
    </main>
  );
}
