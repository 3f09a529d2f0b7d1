import { recordArticleView } from '@/lib/news/article-queries';

export async function POST(_request: Request, { params }: { params: Promise<{ slug: string }> }) {
  const counted = await recordArticleView((await params).slug);
  return new Response(null, { status: counted ? 204 : 404, headers: { 'Cache-Control': 'no-store' } });
}
