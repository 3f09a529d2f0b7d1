import { connection } from 'next/server';
import { SiteFooter } from '@/components/site/SiteFooter';
import { SiteHeader } from '@/components/site/SiteHeader';
import { listVisibleColumns } from '@/lib/news/queries';

export default async function PublicLayout({ children }: { children: React.ReactNode }) {
  // Rendered per request: the build has no database to read columns from.
  await connection();
  const columns = await listVisibleColumns();
  return (
    <>
      <SiteHeader columns={columns} />
      <main id="main" className="container">
        {children}
      </main>
      <SiteFooter />
    </>
  );
}
