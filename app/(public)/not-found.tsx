import { PageMessage } from '@/components/site/PageMessage';

export default function NotFound() {
  return <PageMessage title="页面不存在" text="您访问的页面不存在或已被移除，请检查网址，或从首页重新进入。" />;
}
