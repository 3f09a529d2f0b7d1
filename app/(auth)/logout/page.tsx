import type { Metadata } from 'next';
import Link from 'next/link';
import { redirect } from 'next/navigation';
import formStyles from '@/components/forms/forms.module.css';
import { logoutAction } from '@/lib/auth/actions';
import { getCurrentUser } from '@/lib/auth/current-user';

export const metadata: Metadata = { title: '退出登录', robots: { index: false } };
export const dynamic = 'force-dynamic';

// Where Auth.js's own sign-out page (GET /api/auth/signout) leads: signing out stays a POST
// through our action, which ends the server-side session as well as the cookie.
export default async function LogoutPage() {
  const user = await getCurrentUser();
  if (!user) redirect('/login');
  return (
    <>
      <h1>退出登录</h1>
      <p>您当前以 {user.displayName} 的身份登录。确定要退出吗？</p>
      <form action={logoutAction} className={formStyles.form}>
        <div className={formStyles.actions}>
          <button type="submit" className="button">退出登录</button>
          <Link href="/admin">返回管理后台</Link>
        </div>
      </form>
    </>
  );
}
