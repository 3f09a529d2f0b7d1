import { parsePage } from '@/lib/pagination/offset';
import { ColumnPage, columnMetadata } from '../../column-page';

// Internal target of `/columns/:slug?page=N` (next.config.ts rewrites), cached per page.
export const revalidate = 60;
export const generateStaticParams = () => [];

type Props = { params: Promise<{ slug: string; page: string }> };

export async function generateMetadata({ params }: Props) {
  const { slug, page } = await params;
  return columnMetadata(slug, parsePage(page));
}

export default async function Page({ params }: Props) {
  const { slug, page } = await params;
  return <ColumnPage slug={slug} page={parsePage(page)} />;
}
