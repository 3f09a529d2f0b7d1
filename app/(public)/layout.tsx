import { SiteFooter } from '@/components/site/SiteFooter';
import { SiteHeader } from '@/components/site/SiteHeader';
import { listVisibleColumns } from '@/lib/news/queries';

export default async function PublicLayout({ children }: { children: React.ReactNode }) {
  // Every page under this layout renders on request (cached or dynamic), never at build time:
  // the build has no database to read the column navigation from.
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
