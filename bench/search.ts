import { spawn } from 'node:child_process';

// Shared with the child (bench/search-latency.ts); this file must not import the child, whose
// 'server-only' import would throw in this process.
export const RESULT_MARKER = 'BENCH_SEARCH_RESULT ';

export type SearchLatency = {
  calls: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
  perQuery: { query: string; columnSlug?: string; total: number; medianMs: number }[];
};

/** Runs bench/search-latency.ts in a child with `dbEnv` (DATABASE_URL or PGLITE_DIR). */
export function measureSearchLatency(dbEnv: Record<string, string>): Promise<SearchLatency> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--conditions=react-server', '--import', 'tsx', 'bench/search-latency.ts'], {
      env: { ...process.env, NEXT_TELEMETRY_DISABLED: '1', ...dbEnv },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    // Our own child: a Ctrl-C during the measurement must not leave it behind.
    const stop = () => child.kill('SIGTERM');
    process.once('SIGINT', stop);
    child.on('error', reject);
    child.on('exit', (code) => {
      process.off('SIGINT', stop);
      const line = stdout.split('\n').find((l) => l.startsWith(RESULT_MARKER));
      if (code === 0 && line) resolve(JSON.parse(line.slice(RESULT_MARKER.length)) as SearchLatency);
      else reject(new Error(`search-latency child exited with code ${code}:\n${(stderr || stdout).slice(-3000)}`));
    });
  });
}
