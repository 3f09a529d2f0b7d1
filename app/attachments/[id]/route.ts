import { routeAccess } from '@/lib/auth/route-guard';
import { parseId } from '@/lib/ids';
import { contentDisposition } from '@/lib/media/file-name';
import { findAttachmentForDownload } from '@/lib/media/queries';
import { attachmentMime } from '@/lib/media/sniff';
import { getStorage } from '@/lib/media/storage';

// An article's attachment, always downloaded (never shown inline). Anyone may fetch it while the
// article is public; otherwise only staff who may read that article. Everyone else gets the
// same 404 as for an unknown id, so drafts do not reveal that they have attachments; a user who
// must first change the password counts as everyone else.
type Props = { params: Promise<{ id: string }> };

export async function GET(_request: Request, { params }: Props) {
  const id = parseId((await params).id);
  if (id === null) return notFound();
  const attachment = await findAttachmentForDownload(id);
  if (!attachment) return notFound();
  if (!attachment.visible) {
    const access = await routeAccess('articles.read', { ownerId: attachment.authorId });
    if (!access.ok) return notFound();
  }
  const file = await getStorage().get(attachment.storageKey);
  if (!file) return notFound();
  return new Response(file.body, {
    headers: {
      'Content-Type': attachmentMime[attachment.kind],
      'Content-Length': String(file.size),
      'Content-Disposition': contentDisposition(attachment.name),
      'X-Content-Type-Options': 'nosniff',
      // Public files may be cached briefly (an article can be withdrawn); unpublished ones never.
      'Cache-Control': attachment.visible ? 'public, max-age=300' : 'private, no-store',
    },
  });
}

const notFound = () => new Response('Not found', { status: 404, headers: { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store' } });
