import { execFile, execFileSync } from 'node:child_process';
import { promisify } from 'node:util';

// wrk (Debian's package) as the load generator where a measurement compares whole machines'
// worth of work: it is written in C and spends a small fraction of the CPU autocannon spends per
// request in this very process, CPU the servers under test would otherwise share (two cores here).

export type WrkResult = { requestsPerSecond: number; p99Ms: number; requests: number; non2xx: number; errors: number };

export function wrkBinary(): string | undefined {
  for (const candidate of [process.env.WRK_BIN, 'wrk'].filter(Boolean) as string[]) {
    try {
      execFileSync(candidate, ['--version'], { stdio: 'ignore' });
      return candidate;
    } catch (error) {
      // wrk --version prints its banner and exits 1: it exists.
      if ((error as { status?: number }).status === 1) return candidate;
    }
  }
  return undefined;
}

const MS_PER_UNIT: Record<string, number> = { us: 0.001, ms: 1, s: 1000, m: 60_000 };

/** Reads wrk's text report (`--latency`). */
export function parseWrk(output: string): WrkResult {
  const number = (pattern: RegExp) => {
    const match = pattern.exec(output);
    return match ? Number(match[1]) : undefined;
  };
  const requestsPerSecond = number(/^Requests\/sec:\s+([\d.]+)/m);
  const requests = number(/^\s*(\d+) requests in /m);
  if (requestsPerSecond === undefined || requests === undefined) throw new Error(`wrk printed no result:\n${output}`);
  const p99 = /^\s*99%\s+([\d.]+)(us|ms|s|m)\s*$/m.exec(output);
  const socket = /Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)/.exec(output);
  return {
    requestsPerSecond: Math.round(requestsPerSecond),
    p99Ms: p99 ? Number(p99[1]) * MS_PER_UNIT[p99[2]!]! : Number.NaN,
    requests,
    // wrk counts 3xx as success too; the pages measured answer 200.
    non2xx: number(/Non-2xx or 3xx responses: (\d+)/) ?? 0,
    errors: socket ? socket.slice(1).reduce((sum, n) => sum + Number(n), 0) : 0,
  };
}

export async function runWrk(binary: string, url: string, options: { connections: number; durationSeconds: number; headers?: Record<string, string> }): Promise<WrkResult> {
  const headerArgs = Object.entries(options.headers ?? {}).flatMap(([name, value]) => ['-H', `${name}: ${value}`]);
  const args = ['-t', '1', '-c', String(options.connections), '-d', `${options.durationSeconds}s`, '--timeout', '10s', '--latency', ...headerArgs, url];
  const { stdout } = await promisify(execFile)(binary, args, { encoding: 'utf8', timeout: (options.durationSeconds + 30) * 1000 });
  return parseWrk(stdout);
}
