import { mediaMime } from '@/lib/media/mime';
import { getStorage, isSafeKey } from '@/lib/media/storage';

// Library images, straight from storage with no database read: keys are content hashes, so a
// file never changes and may be cached forever. Only image keys: attachments have their own
// route, which checks the article's visibility.
type Props = { params: Promise<{ key: string[] }> };

export async function GET(_request: Request, { params }: Props) {
  const key = (await params).key.join('/');
  const type = mediaMime(key);
  if (!key.startsWith('images/') || !type || !isSafeKey(key)) return notFound();
  const file = await getStorage().get(key);
  if (!file) return notFound();
  return new Response(file.body, {
    headers: {
      'Content-Type': type,
      'Content-Length': String(file.size),
      'Cache-Control': 'public, max-age=31536000, immutable',
      'X-Content-Type-Options': 'nosniff',
    },
  });
}

const notFound = () => new Response('Not found', { status: 404, headers: { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store' } });
