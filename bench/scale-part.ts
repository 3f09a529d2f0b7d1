import { spawn } from 'node:child_process';
import path from 'node:path';
import { nginxBinary } from '../scripts/cluster';
import { measureScaleOut, type ScaleOutReport } from './scale-out';

// Part "scale" of `npm run bench` (issue 16): the scale-out ratios (bench/scale-out.ts) and the
// publish-to-visible latency across two instances behind nginx, printed from
// scripts/cache-broadcast-check.ts, which it runs as a child process (it drives a browser).

export type PublishLatency = { line: string; p95Ms: number; ok: boolean };
export type ScalePart = { scaleOut: ScaleOutReport | null; publish: PublishLatency | null; problems: string[]; skipped?: string };

const root = path.resolve(import.meta.dirname, '..');
const LIMIT_MS = 2000;
const CHECK_TIMEOUT_MS = 10 * 60_000;

/** The proxy line of the check's summary: `…through nginx sees it…: n=20 min … p50 … p95 1234 ms max …`. */
export function parsePublishLatency(output: string): PublishLatency | null {
  const line = output.split('\n').find((l) => /through nginx sees it/.test(l) && /p95 \d+ ms/.test(l));
  if (!line) return null;
  const p95Ms = Number(/p95 (\d+) ms/.exec(line)![1]);
  return { line: line.trim(), p95Ms, ok: p95Ms <= LIMIT_MS };
}

/** The check's whole output and exit code; killed after CHECK_TIMEOUT_MS (a stuck browser). */
function runCheck(adminUrl: string, log: (line: string) => void): Promise<{ output: string; code: number | null }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', path.join(root, 'scripts', 'cache-broadcast-check.ts')], {
      cwd: root,
      env: { ...process.env, CACHE_CHECK_ADMIN_URL: adminUrl },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    const take = (chunk: Buffer) => {
      output += chunk.toString();
      for (const line of chunk.toString().split('\n')) if (/^(round 1:|OK|FAIL|a reader)/.test(line)) log(`  publish check: ${line}`);
    };
    child.stdout.on('data', take);
    child.stderr.on('data', take);
    const timer = setTimeout(() => child.kill('SIGTERM'), CHECK_TIMEOUT_MS);
    child.once('error', reject);
    child.once('exit', (code) => {
      clearTimeout(timer);
      resolve({ output, code });
    });
  });
}

export async function measureScalePart(options: { adminUrl: string; onPostgres: boolean; rounds: number; durationSeconds: number; connections: number; log: (line: string) => void }): Promise<ScalePart> {
  const problems: string[] = [];
  // Not a failure of the bench: the part needs what a city's deployment has, and says so.
  if (!options.onPostgres) return { scaleOut: null, publish: null, problems, skipped: `several instances need PostgreSQL (none at ${options.adminUrl})` };
  if (!nginxBinary()) return { scaleOut: null, publish: null, problems, skipped: 'nginx is not installed (apt-get install nginx)' };
  let scaleOut: ScaleOutReport | null = null;
  try {
    scaleOut = await measureScaleOut({ ...options, log: options.log });
    problems.push(...scaleOut.problems.map((problem) => `scale-out: ${problem}`));
  } catch (error) {
    problems.push(`scale-out: ${error instanceof Error ? error.message : String(error)}`);
  }
  let publish: PublishLatency | null = null;
  try {
    options.log('publish-to-visible: scripts/cache-broadcast-check.ts (two instances, nginx, a browser saving on one)…');
    const { output, code } = await runCheck(options.adminUrl, options.log);
    publish = parsePublishLatency(output);
    if (!publish) problems.push(`publish-to-visible: the check printed no latency through nginx:\n${output.split('\n').slice(-15).join('\n')}`);
    // Its own verdict covers more than the proxy's p95 (directly between instances, the archive).
    else if (code !== 0) publish = { ...publish, ok: false, line: `${publish.line} — the check itself failed (exit ${code}): ${output.split('\n').filter((l) => /^FAIL/.test(l)).join(' ') || 'see its output'}` };
  } catch (error) {
    problems.push(`publish-to-visible: ${error instanceof Error ? error.message : String(error)}`);
  }
  return { scaleOut, publish, problems };
}

export function scalePartLines(part: ScalePart): string {
  return [
    part.skipped && `Scale-out: skipped, ${part.skipped}.`,
    part.scaleOut?.table,
    part.publish && `Publish-to-visible across instances through nginx: ${part.publish.line.replace(/^.*?: /, '')} (target p95 ≤ ${LIMIT_MS} ms: ${part.publish.ok ? 'PASS' : 'FAIL'})`,
  ]
    .filter(Boolean)
    .join('\n');
}
