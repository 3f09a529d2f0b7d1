import { routeAccess } from '@/lib/auth/route-guard';
import { isForbidden } from '@/lib/branches/queries';
import { openDevelopmentDocument } from '@/lib/development/document-queries';
import { parseId } from '@/lib/ids';
import { contentDisposition } from '@/lib/media/file-name';

// A development file's document, always downloaded, for whoever may read the file's branch; each
// download is audited. Anyone else gets the same 404 as for an unknown or removed document.
type Props = { params: Promise<{ personId: string; documentId: string }> };

export async function GET(_request: Request, { params }: Props) {
  const raw = await params;
  const personId = parseId(raw.personId);
  const documentId = parseId(raw.documentId);
  if (personId === null || documentId === null) return notFound();
  const access = await routeAccess('development.read');
  if (!access.ok) return notFound();
  const document = await openDevelopmentDocument(access.user, personId, documentId).catch((error: unknown) => (isForbidden(error) ? null : Promise.reject(error)));
  if (!document) return notFound();
  return new Response(document.file.body, {
    headers: {
      'Content-Type': document.mimeType,
      'Content-Length': String(document.file.size),
      'Content-Disposition': contentDisposition(document.name),
      'X-Content-Type-Options': 'nosniff',
      'Cache-Control': 'private, no-store',
    },
  });
}

const notFound = () => new Response('Not found', { status: 404, headers: { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store' } });
