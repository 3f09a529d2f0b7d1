import { routeAccess } from '@/lib/auth/route-guard';
import { AppError } from '@/lib/errors';
import { parseId } from '@/lib/ids';
import { contentDisposition } from '@/lib/media/file-name';
import { attachmentMime } from '@/lib/media/sniff';
import { getStorage } from '@/lib/media/storage';
import { findRecordAttachment } from '@/lib/records/queries';

// A record's attachment, always downloaded, for whoever may read the record's branch. Anyone
// else gets the same 404 as for an unknown id: another branch's files are not revealed.
type Props = { params: Promise<{ id: string; attachmentId: string }> };

export async function GET(_request: Request, { params }: Props) {
  const raw = await params;
  const recordId = parseId(raw.id);
  const attachmentId = parseId(raw.attachmentId);
  if (recordId === null || attachmentId === null) return notFound();
  const access = await routeAccess('records.read');
  if (!access.ok) return notFound();
  const attachment = await findRecordAttachment(access.user, recordId, attachmentId).catch((error: unknown) => {
    if (error instanceof AppError && error.status === 403) return null;
    throw error;
  });
  if (!attachment) return notFound();
  const file = await getStorage().get(attachment.storageKey);
  if (!file) return notFound();
  return new Response(file.body, {
    headers: {
      'Content-Type': attachmentMime[attachment.kind],
      'Content-Length': String(file.size),
      'Content-Disposition': contentDisposition(attachment.name),
      'X-Content-Type-Options': 'nosniff',
      'Cache-Control': 'private, no-store',
    },
  });
}

const notFound = () => new Response('Not found', { status: 404, headers: { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store' } });
