import Link from 'next/link';
import { PageMessage } from '@/components/site/PageMessage';

// Replaces Next's built-in 401 page, which every page would otherwise carry in its payload.
export default function Unauthorized() {
  return (
    <main id="main" className="container">
      <PageMessage
        title="请先登录"
        text="此页面需要登录后访问。"
        action={
          <Link className="button" href="/login">
            登录
          </Link>
        }
      />
    </main>
  );
}
