// Child process: times searchArticles() against the bench database, without HTTP.
// Run as `node --conditions=react-server --import tsx bench/search-latency.ts` (bench/search.ts
// does): lib/news/search.ts imports 'server-only', which only resolves to an empty module under
// the react-server condition, and it reaches the database through db/client.ts, which opens
// DATABASE_URL (or PGLITE_DIR) itself; main() first opens it as the server's boot does
// (tasks/boot.ts). So the real module runs unchanged, no stubs or loaders.
import { openPreparedDatabase } from '../tasks/boot';
import { searchArticles } from '../lib/news/search';
import { config } from './config';
import { RESULT_MARKER, type SearchLatency } from './search';

const searchQueries: { query: string; columnSlug?: string }[] = [
  { query: '党课' },
  { query: '党建' },
  { query: '廉政' },
  { query: '营商环境' },
  { query: '主题党日' },
  { query: '理论学习' },
  { query: '组织生活会' },
  { query: 'AI 党建' },
  { query: '2025年度' },
  { query: '营商环境', columnSlug: 'work-news' },
];

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;

async function main() {
  const handle = await openPreparedDatabase();
  const timings: number[] = [];
  const byQuery = new Map<number, number[]>();
  const totals = new Map<number, number>();
  for (let i = 0; i < config.searchWarmup; i++) {
    const index = i % searchQueries.length;
    const result = await searchArticles({ ...searchQueries[index]!, page: 1 });
    totals.set(index, result.total);
  }
  for (let i = 0; i < config.searchCalls; i++) {
    const index = i % searchQueries.length;
    const started = performance.now();
    await searchArticles({ ...searchQueries[index]!, page: 1 });
    const ms = performance.now() - started;
    timings.push(ms);
    byQuery.set(index, [...(byQuery.get(index) ?? []), ms]);
  }
  const sorted = [...timings].sort((a, b) => a - b);
  const result: SearchLatency = {
    calls: timings.length,
    p50: percentile(sorted, 50),
    p95: percentile(sorted, 95),
    p99: percentile(sorted, 99),
    max: sorted.at(-1)!,
    perQuery: searchQueries.map((q, index) => ({
      ...q,
      total: totals.get(index) ?? 0,
      medianMs: percentile([...(byQuery.get(index) ?? [0])].sort((a, b) => a - b), 50),
    })),
  };
  await handle.close();
  console.log(RESULT_MARKER + JSON.stringify(result));
}

await main();
