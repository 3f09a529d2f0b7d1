import { PageMessage } from '@/components/site/PageMessage';

// Unmatched URLs outside the route groups.
export default function NotFound() {
  return (
    <main id="main" className="container">
      <PageMessage title="页面不存在" text="您访问的页面不存在或已被移除，请检查网址，或从首页重新进入。" />
    </main>
  );
}
