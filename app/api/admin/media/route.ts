import { type NextRequest, NextResponse } from 'next/server';
import { getCurrentUser } from '@/lib/auth/current-user';
import { can } from '@/lib/auth/permissions';
import { mediaLimit } from '@/lib/media/limits';
import { listMedia } from '@/lib/media/queries';
import { mediaSearchSchema } from '@/lib/media/schemas';
import type { MediaListResponse } from '@/lib/media/types';

// The media picker's list. A route handler is its own guard: session and permission here.
export async function GET(request: NextRequest) {
  const user = await getCurrentUser();
  if (!user) return NextResponse.json({ error: '登录已失效，请重新登录后再试。' }, { status: 401, headers: noStore });
  if (!can(user, 'media.manage') || user.mustChangePassword) return NextResponse.json({ error: '您没有执行此操作的权限。' }, { status: 403, headers: noStore });
  const { q, page } = mediaSearchSchema.parse(Object.fromEntries(request.nextUrl.searchParams));
  const list = await listMedia(user, { q, page, pageSize: 12 });
  const body: MediaListResponse = { items: list.items, page: list.page, pageCount: list.pageCount, total: list.total, maxBytes: mediaLimit.maxBytes };
  return NextResponse.json(body, { headers: noStore });
}

const noStore = { 'Cache-Control': 'private, no-store' };
