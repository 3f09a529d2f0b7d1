import { type NextRequest, after } from 'next/server';
import { SearchView } from '@/components/news/SearchView';
import { parsePage } from '@/lib/pagination/offset';
import { listVisibleColumns } from '@/lib/news/queries';
import { searchArticlesGuarded } from '@/lib/news/search';
import { endLease, SEARCH_LEASE_HEADER } from '@/lib/search/guard';
import { orErrorPage, publicPage } from '../respond';

// Results depend on the query string: always rendered per request.
export const dynamic = 'force-dynamic';

export async function GET(request: NextRequest) {
  // The proxy admitted this search (or refused it with 429/503) and leased it a slot, held
  // until the response is sent: rendering the page costs the process as much as searching.
  const lease = request.headers.get(SEARCH_LEASE_HEADER);
  if (lease) after(() => endLease(lease));
  const params = request.nextUrl.searchParams;
  const q = (params.get('q') ?? '').trim().slice(0, 100);
  return orErrorPage('/search', async () => {
    const columns = await listVisibleColumns();
    // An unknown column filter is ignored rather than answered with an empty page.
    const column = columns.find((c) => c.slug === params.get('column'))?.slug;
    const results = q ? await searchArticlesGuarded({ query: q, columnSlug: column, page: parsePage(params.get('page') ?? undefined), lease }) : null;
    return publicPage({ title: q ? `搜索：${q}` : '站内搜索', robots: 'noindex, follow' }, <SearchView q={q} column={column} columns={columns} results={results} />, {
      columns,
    });
  });
}
