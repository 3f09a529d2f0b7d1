import autocannon from 'autocannon';
import { events, kickers, units } from './phrases';

// A cached article page's latency, idle and then while 50 connections search: the search page
// must not take the rest of the site down with it (cache, concurrency cap, per-client limit).

export type Latency = { p50: number; p90: number; p99: number; max: number; requestsPerSecond: number; requests: number; non2xx: number; errors: number };

export type SearchLoadResult = {
  articlePath: string;
  readerConnections: number;
  searchConnections: number;
  distinctSearches: number;
  idle: Latency;
  loaded: Latency;
  /** The search load itself, measured over the same seconds. */
  searches: { requestsPerSecond: number; requests: number; statusCodes: Record<string, number>; errors: number; timeouts: number };
  ratioP50: number | null;
  ratioP99: number | null;
  maxRatio: number;
  verdict: string;
};

/**
 * Search addresses in rotation: half of the requests ask one of a few popular searches (the
 * cache answers them after the first), the other half walk through hundreds of distinct
 * searches and pages, so most of those miss the cache and reach the database.
 */
export function searchPaths(): string[] {
  const popular = ['营商环境', '党课', 'AI 读书', '2025年度', '主题党日活动', '警示教育'];
  const rare: string[] = [];
  for (const event of events) for (const unit of units) rare.push(`${unit} ${event}`);
  for (const kicker of kickers) for (const unit of units) rare.push(`${kicker} ${unit}`);
  const paths: string[] = [];
  rare.forEach((query, i) => {
    const page = 1 + (i % 3);
    paths.push(`/search?q=${encodeURIComponent(query)}${page > 1 ? `&page=${page}` : ''}`);
    paths.push(`/search?q=${encodeURIComponent(popular[i % popular.length]!)}`);
  });
  return paths;
}

const latencyOf = (result: autocannon.Result): Latency => ({
  p50: result.latency.p50,
  p90: result.latency.p90,
  p99: result.latency.p99,
  max: result.latency.max,
  requestsPerSecond: result.requests.average,
  requests: result.requests.total,
  non2xx: result.non2xx,
  errors: result.errors,
});

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export async function measureSearchLoad(
  baseUrl: string,
  articlePath: string,
  options: { durationSeconds: number; readerConnections: number; searchConnections: number; maxRatio: number },
): Promise<SearchLoadResult> {
  const reader = () => autocannon({ url: baseUrl + articlePath, connections: options.readerConnections, duration: options.durationSeconds });
  const idle = latencyOf(await reader());

  const paths = searchPaths();
  let next = 0;
  // The search load starts first and ends after the reader's run, so it covers all of it.
  const searching = autocannon({
    url: baseUrl,
    connections: options.searchConnections,
    duration: options.durationSeconds + 3,
    timeout: 30,
    requests: [{ method: 'GET', setupRequest: (request) => ({ ...request, path: paths[next++ % paths.length]! }) }],
  });
  await sleep(1500);
  const loaded = latencyOf(await reader());
  const searchResult = await searching;

  const ratio = (a: number, b: number) => (b > 0 ? a / b : null);
  const ratioP50 = ratio(loaded.p50, idle.p50);
  const ratioP99 = ratio(loaded.p99, idle.p99);
  const bad = idle.non2xx + idle.errors + loaded.non2xx + loaded.errors > 0 || loaded.requests === 0;
  // Sub-millisecond medians round to 0 or 1 ms: a 1 ms change is no regression, whatever ratio it makes.
  const pass = ratioP50 !== null && (ratioP50 <= options.maxRatio || loaded.p50 - idle.p50 <= 1);
  return {
    articlePath,
    readerConnections: options.readerConnections,
    searchConnections: options.searchConnections,
    distinctSearches: new Set(paths).size,
    idle,
    loaded,
    searches: {
      requestsPerSecond: searchResult.requests.average,
      requests: searchResult.requests.total,
      statusCodes: Object.fromEntries(Object.entries(searchResult.statusCodeStats ?? {}).map(([code, stat]) => [code, stat.count ?? 0])),
      errors: searchResult.errors,
      timeouts: searchResult.timeouts,
    },
    ratioP50,
    ratioP99,
    maxRatio: options.maxRatio,
    verdict: bad ? 'INVALID (article page answered non-2xx or errors)' : pass ? 'PASS' : 'FAIL',
  };
}
