import { ColumnPage, columnMetadata } from './column-page';

export const revalidate = 60;
export const generateStaticParams = () => [];

type Props = { params: Promise<{ slug: string }> };

export async function generateMetadata({ params }: Props) {
  return columnMetadata((await params).slug, 1);
}

export default async function Page({ params }: Props) {
  return <ColumnPage slug={(await params).slug} page={1} />;
}
