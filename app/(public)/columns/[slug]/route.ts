import { columnPage } from './column-page';

export const revalidate = 60;
export const generateStaticParams = () => [];

export async function GET(_request: Request, { params }: { params: Promise<{ slug: string }> }) {
  return columnPage((await params).slug, 1);
}
