// Knobs of `npm run bench`; the bench is not part of the app, so it reads process.env directly.
function positiveInt(name: string, fallback: number): number {
  const raw = process.env[name];
  if (!raw) return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value <= 0) throw new Error(`${name} must be a positive integer, got "${raw}"`);
  return value;
}

function oneOf<T extends string>(name: string, allowed: readonly T[], fallback: T): T {
  const raw = process.env[name];
  if (!raw) return fallback;
  if (!(allowed as readonly string[]).includes(raw)) throw new Error(`${name} must be one of ${allowed.join(', ')}, got "${raw}"`);
  return raw as T;
}

export const config = {
  // Which parts run: the public pages and search ("public"), the organization half of issue 11
  // ("org": the city-size tree, people and records, and the admin pages' server time), the
  // production shape of issue 16 ("scale": two instances behind nginx), or all three.
  only: oneOf('BENCH_ONLY', ['all', 'public', 'org', 'scale'] as const, 'all'),
  articles: positiveInt('BENCH_ARTICLES', 20_000),
  durationSeconds: positiveInt('BENCH_DURATION', 10),
  rounds: positiveInt('BENCH_ROUNDS', 5),
  connections: 50,
  warmupRequests: 20,
  // The scale-out part: rounds of its loads (each of BENCH_DURATION seconds, at most 8).
  scaleRounds: positiveInt('BENCH_SCALE_ROUNDS', 3),
  adminUrl: process.env.BENCH_DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/test',
  port: positiveInt('BENCH_PORT', 3200),
  // Search server time: measured calls and warm-up calls.
  searchCalls: 200,
  searchWarmup: 20,
  // The article page under search load: readers' connections, searchers' connections.
  readerConnections: 4,
  searchConnections: 50,
  org: {
    units: 73,
    grassRoots: 693,
    people: positiveInt('BENCH_ORG_PEOPLE', 20_000),
    records: positiveInt('BENCH_ORG_RECORDS', 1_000_000),
    years: 5,
    // Sequential requests per page (after the warm-up ones), for p50 and p95.
    samples: positiveInt('BENCH_ORG_SAMPLES', 20),
    // The samples are taken in this many rounds over all pages (bench/org-pages.ts).
    rounds: 4,
    warmup: 3,
    // A JSON file of targets replacing bench/org-targets.ts (same shape).
    targetsFile: process.env.BENCH_ORG_TARGETS || undefined,
    // BENCH_KEEP_DATABASE=1 keeps the loaded database; BENCH_ORG_DATABASE=<its name> measures
    // it again (with BENCH_ONLY=org) without the ~10 minutes of loading.
    keepDatabase: process.env.BENCH_KEEP_DATABASE === '1',
    reuseDatabase: process.env.BENCH_ORG_DATABASE || undefined,
  },
  // The admin lists (measured with the org pages, on PostgreSQL): the article table and the
  // audit trail are grown to these sizes first.
  admin: {
    articles: positiveInt('BENCH_ADMIN_ARTICLES', 100_000),
    auditRows: positiveInt('BENCH_ADMIN_AUDIT_ROWS', 200_000),
  },
  targets: {
    // A cached article's median latency while 50 connections search, relative to idle.
    underSearchLoadP50Ratio: 2,
    cachedPageRatio: 0.8,
    searchP95Ms: 50,
    firstLoadJsKb: 120,
    // Server time of the compliance, record and person pages at city size (issue 11).
    orgPageP95Ms: 150,
  },
};

export const baseUrl = `http://localhost:${config.port}`;
