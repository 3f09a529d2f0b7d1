// Knobs of `npm run bench`; the bench is not part of the app, so it reads process.env directly.
function positiveInt(name: string, fallback: number): number {
  const raw = process.env[name];
  if (!raw) return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value <= 0) throw new Error(`${name} must be a positive integer, got "${raw}"`);
  return value;
}

export const config = {
  articles: positiveInt('BENCH_ARTICLES', 20_000),
  durationSeconds: positiveInt('BENCH_DURATION', 10),
  rounds: positiveInt('BENCH_ROUNDS', 5),
  connections: 50,
  warmupRequests: 20,
  adminUrl: process.env.BENCH_DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/test',
  port: 3200,
  // Search server time: measured calls and warm-up calls.
  searchCalls: 200,
  searchWarmup: 20,
  // The article page under search load: readers' connections, searchers' connections.
  readerConnections: 4,
  searchConnections: 50,
  targets: {
    // A cached article's median latency while 50 connections search, relative to idle.
    underSearchLoadP50Ratio: 2,
    cachedPageRatio: 0.8,
    searchP95Ms: 50,
    firstLoadJsKb: 120,
  },
};

export const baseUrl = `http://localhost:${config.port}`;
