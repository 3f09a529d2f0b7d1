import type { Metadata } from 'next';
import { headers } from 'next/headers';
import { after } from 'next/server';
import { SearchView } from '@/components/news/SearchView';
import { parsePage } from '@/lib/pagination/offset';
import { listVisibleColumns } from '@/lib/news/queries';
import { searchArticlesGuarded } from '@/lib/news/search';
import { endLease, SEARCH_LEASE_HEADER } from '@/lib/search/guard';

// Results depend on the query string: always rendered per request.
export const dynamic = 'force-dynamic';

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

const first = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value) ?? '';

export async function generateMetadata({ searchParams }: Props): Promise<Metadata> {
  const q = first((await searchParams).q).trim().slice(0, 100);
  return { title: q ? `搜索：${q}` : '站内搜索', robots: { index: false, follow: true } };
}

export default async function SearchPage({ searchParams }: Props) {
  // The proxy admitted this search (or refused it with 429/503) and leased it a slot, held
  // until the response is sent: rendering the page costs the process as much as searching.
  const lease = (await headers()).get(SEARCH_LEASE_HEADER);
  if (lease) after(() => endLease(lease));
  const params = await searchParams;
  const q = first(params.q).trim().slice(0, 100);
  const columns = await listVisibleColumns();
  // An unknown column filter is ignored rather than answered with an empty page.
  const column = columns.find((c) => c.slug === first(params.column))?.slug;
  const results = q ? await searchArticlesGuarded({ query: q, columnSlug: column, page: parsePage(params.page), lease }) : null;
  return <SearchView q={q} column={column} columns={columns} results={results} />;
}
