import { PageMessage } from '@/components/site/PageMessage';

export default function AdminNotFound() {
  return <PageMessage title="页面不存在" text="管理后台中没有这个页面。" />;
}
