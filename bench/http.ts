import autocannon from 'autocannon';

export type LoadResult = {
  name: string;
  path: string;
  /** Status codes seen while warming up, e.g. { "200": 20 } or { "404": 20 }. */
  warmupStatuses: Record<string, number>;
  requestsPerSecond: number;
  latencyMs: { p50: number; p90: number; p97_5: number; p99: number; max: number };
  requests: number;
  non2xx: number;
  statusCodes: Record<string, number>;
  errors: number;
  timeouts: number;
};

/** Sequential GETs, so caches and JIT are warm before the load starts. */
async function warmUp(url: string, count: number): Promise<Record<string, number>> {
  const statuses: Record<string, number> = {};
  for (let i = 0; i < count; i++) {
    try {
      const response = await fetch(url, { signal: AbortSignal.timeout(30_000) });
      await response.arrayBuffer();
      statuses[response.status] = (statuses[response.status] ?? 0) + 1;
    } catch {
      statuses.error = (statuses.error ?? 0) + 1;
    }
  }
  return statuses;
}

export async function measure(
  baseUrl: string,
  target: { name: string; path: string },
  options: { connections: number; durationSeconds: number; warmupRequests: number },
): Promise<LoadResult> {
  const url = baseUrl + target.path;
  const warmupStatuses = await warmUp(url, options.warmupRequests);
  const result = await autocannon({ url, connections: options.connections, duration: options.durationSeconds });
  const statusCodes = Object.fromEntries(Object.entries(result.statusCodeStats ?? {}).map(([code, stat]) => [code, stat.count ?? 0]));
  return {
    ...target,
    warmupStatuses,
    requestsPerSecond: result.requests.average,
    latencyMs: {
      p50: result.latency.p50,
      p90: result.latency.p90,
      p97_5: result.latency.p97_5,
      p99: result.latency.p99,
      max: result.latency.max,
    },
    requests: result.requests.total,
    non2xx: result.non2xx,
    statusCodes,
    errors: result.errors,
    timeouts: result.timeouts,
  };
}

/** The round with the median requests/s (the lower middle for an even count). */
export function medianResult(results: LoadResult[]): LoadResult | undefined {
  const sorted = [...results].sort((a, b) => a.requestsPerSecond - b.requestsPerSecond);
  return sorted[Math.floor((sorted.length - 1) / 2)];
}
