import Link from 'next/link';
import { site } from '@/lib/site';
import styles from './site.module.css';

export function SiteFooter() {
  return (
    <footer className={styles.footer}>
      <div className="container">
        <p>主办单位：{site.organization}</p>
        <p>
          地址：{site.address}　邮编：{site.postcode}　电话：{site.phone}
        </p>
        <p>
          <Link href="/about">关于本站</Link>　<a href="/feed.xml">RSS 订阅</a>　{site.icp}
        </p>
      </div>
    </footer>
  );
}
