import { PageMessage } from '@/components/site/PageMessage';

// Without this, every page carries Next's built-in 403 page in its payload (authInterrupts is on
// for the admin area); public pages never call forbidden(), so a short message is enough.
export default function Forbidden() {
  return (
    <main id="main" className="container">
      <PageMessage title="没有访问权限" text="您没有访问此页面的权限。" />
    </main>
  );
}
