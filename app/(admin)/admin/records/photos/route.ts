import { type NextRequest, NextResponse } from 'next/server';
import { guardRoute } from '@/lib/auth/route-guard';
import { mediaLimit } from '@/lib/media/limits';
import { mediaSearchSchema } from '@/lib/media/schemas';
import type { MediaListResponse } from '@/lib/media/types';
import { listPhotoChoices } from '@/lib/records/queries';

// The record form's photo picker: library images for whoever may write records.
export async function GET(request: NextRequest) {
  const { user, refusal } = await guardRoute('records.write', { format: 'json' });
  if (refusal) return refusal;
  const { q, cursor } = mediaSearchSchema.parse(Object.fromEntries(request.nextUrl.searchParams));
  const list = await listPhotoChoices(user, { q, cursor });
  const body: MediaListResponse = { items: list.items, next: list.next, prev: list.prev, isFirst: list.isFirst, isLast: list.isLast, ...list.count, maxBytes: mediaLimit.maxBytes };
  return NextResponse.json(body, { headers: { 'Cache-Control': 'private, no-store' } });
}
