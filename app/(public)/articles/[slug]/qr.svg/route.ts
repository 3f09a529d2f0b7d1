import { env } from '@/lib/env';
import { qrCodeSvg } from '@/lib/news/qr';
import { isSlug } from '@/lib/news/slug';

// The article page's QR code as its own image: inline, its SVG travelled twice in every cached
// page (HTML and payload). It encodes only this site's address for the slug, so it needs no
// database and may be cached by browsers.
type Props = { params: Promise<{ slug: string }> };

export async function GET(_request: Request, { params }: Props) {
  const { slug } = await params;
  if (!isSlug(slug)) return new Response('Not found', { status: 404, headers: { 'Content-Type': 'text/plain; charset=utf-8' } });
  const svg = await qrCodeSvg(new URL(`/articles/${slug}`, env.SITE_URL).toString());
  return new Response(svg, {
    headers: { 'Content-Type': 'image/svg+xml; charset=utf-8', 'Cache-Control': 'public, max-age=86400', 'X-Content-Type-Options': 'nosniff' },
  });
}
