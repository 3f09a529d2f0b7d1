import { PageMessage } from '@/components/site/PageMessage';

export default function Forbidden() {
  return <PageMessage title="没有访问权限" text="您的账号没有访问此页面或执行此操作的权限。如需开通，请联系工委管理员。" />;
}
