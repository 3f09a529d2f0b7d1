import { publicStylesheet } from '@/components/site/stylesheet';

// The public pages' stylesheet. Pages link it as /site.css?v=<content hash>, so a browser may
// keep it for a year: a changed stylesheet has a new address.
export const dynamic = 'force-static';

export function GET() {
  return new Response(publicStylesheet().text, {
    headers: { 'Content-Type': 'text/css; charset=utf-8', 'Cache-Control': 'public, max-age=31536000, immutable' },
  });
}
