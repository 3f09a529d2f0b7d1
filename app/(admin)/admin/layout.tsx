import Link from 'next/link';
import { logoutAction } from '@/lib/auth/actions';
import { requireUser } from '@/lib/auth/current-user';
import { menuFor } from '@/lib/auth/menu';
import { roleLabels } from '@/lib/auth/roles';
import { site } from '@/lib/site';
import styles from './admin.module.css';

export const metadata = { title: { default: '管理后台', template: `%s - 管理后台 - ${site.name}` }, robots: { index: false } };

// Redirects when signed out; it is not the guard: every page, query and action checks itself.
// There is deliberately no route-level loading.tsx here: it would start streaming every page
// with status 200 before the page's own permission check, so a refusal could not answer 403.
// Slow parts of a page sit in their own Suspense boundary after the check (audit/verify).
export default async function AdminLayout({ children }: { children: React.ReactNode }) {
  const user = await requireUser();
  return (
    <div className={styles.shell}>
      <a className="skip-link" href="#main">
        跳到正文
      </a>
      <header className={styles.bar}>
        <Link href="/admin" className={styles.brand}>
          {site.name} · 管理后台
        </Link>
        <div className={styles.who}>
          <span>
            {user.displayName}（{roleLabels[user.role]}）
          </span>
          <form action={logoutAction}>
            <button type="submit" className={styles.logout}>
              退出登录
            </button>
          </form>
        </div>
      </header>
      <div className={styles.body}>
        <nav aria-label="后台菜单" className={styles.menu}>
          <ul>
            {menuFor(user).map((item) => (
              <li key={item.href}>
                <Link href={item.href}>{item.label}</Link>
              </li>
            ))}
            <li>
              <Link href="/">返回门户</Link>
            </li>
          </ul>
        </nav>
        <main id="main" className={styles.main}>
          {children}
        </main>
      </div>
    </div>
  );
}
