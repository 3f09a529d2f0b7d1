import Link from 'next/link';
import { site } from '@/lib/site';
import styles from './site.module.css';

/** The emblem, site name and organization, linking home: the start of every public header. */
export function SiteBrand() {
  return (
    <>
      <a className="skip-link" href="#main">
        跳到正文
      </a>
      <Link href="/" className={styles.brand}>
        <span className={styles.emblem} aria-hidden="true">
          党
        </span>
        <span>
          <span className={styles.siteName}>{site.name}</span>
          <span className={styles.siteOrg}>{site.organization}</span>
        </span>
      </Link>
    </>
  );
}
