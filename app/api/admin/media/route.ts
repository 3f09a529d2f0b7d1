import { type NextRequest, NextResponse } from 'next/server';
import { guardRoute } from '@/lib/auth/route-guard';
import { mediaLimit } from '@/lib/media/limits';
import { listMedia } from '@/lib/media/queries';
import { mediaSearchSchema } from '@/lib/media/schemas';
import type { MediaListResponse } from '@/lib/media/types';

// The media picker's list. A route handler is its own guard (lib/auth/route-guard.ts).
export async function GET(request: NextRequest) {
  const { user, refusal } = await guardRoute('media.manage', { format: 'json' });
  if (refusal) return refusal;
  const { q, cursor } = mediaSearchSchema.parse(Object.fromEntries(request.nextUrl.searchParams));
  const list = await listMedia(user, { q, cursor, pageSize: 12 });
  const body: MediaListResponse = {
    items: list.items,
    next: list.next,
    prev: list.prev,
    isFirst: list.isFirst,
    isLast: list.isLast,
    ...list.count,
    maxBytes: mediaLimit.maxBytes,
  };
  return NextResponse.json(body, { headers: noStore });
}

const noStore = { 'Cache-Control': 'private, no-store' };
