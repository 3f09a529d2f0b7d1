import type { NextRequest } from 'next/server';
import { parseCatalogFilters } from '@/lib/lectures/filters';
import { parsePage } from '@/lib/pagination/offset';
import { catalogPage } from '../catalog-page';

// Target of /lectures with a filter or page in its query string (next.config.ts rewrites):
// depends on the query, so rendered per request. The catalog is small; no search guard needed.
export const dynamic = 'force-dynamic';

export function GET(request: NextRequest) {
  const params = request.nextUrl.searchParams;
  return catalogPage(parseCatalogFilters(params), parsePage(params.get('page') ?? undefined));
}
