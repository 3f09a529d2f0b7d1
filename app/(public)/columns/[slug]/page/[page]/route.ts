import { parsePage } from '@/lib/pagination/offset';
import { columnPage } from '../../column-page';

// Internal target of `/columns/:slug?page=N` (next.config.ts rewrites), cached per page.
export const revalidate = 60;
export const generateStaticParams = () => [];

export async function GET(_request: Request, { params }: { params: Promise<{ slug: string; page: string }> }) {
  const { slug, page } = await params;
  return columnPage(slug, parsePage(page));
}
