import { type ChildProcess, spawn } from 'node:child_process';
import fs from 'node:fs';
import { buildIsCurrent, writeBuildStamp } from '../scripts/build-stamp';
import { bin, run, serverCommand } from '../scripts/run';
import { onCleanup } from './cleanup';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Other processes of this checkout whose command line matches `test`. */
function nextProcesses(test: (args: string[]) => boolean): number[] {
  const found: number[] = [];
  for (const pid of fs.readdirSync('/proc').filter((name) => /^\d+$/.test(name))) {
    try {
      const args = fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0');
      if (Number(pid) !== process.pid && fs.readlinkSync(`/proc/${pid}/cwd`) === process.cwd() && test(args)) found.push(Number(pid));
    } catch {
      // The process ended while we looked, or is not ours to inspect.
    }
  }
  return found;
}

const isNextCli = (args: string[]) => args.some((arg) => arg.endsWith('/next') || arg.endsWith('next/dist/bin/next'));
// Another `next build` writing into .next at the same time would corrupt both builds.
const otherNextBuildRunning = () => nextProcesses((args) => isNextCli(args) && args.includes('build')).length > 0;
// A running server of this checkout (server.ts, or `next start`, which renames its process to
// "next-server (vX)"): rebuilding under it breaks that server.
const nextServersRunning = () =>
  nextProcesses((args) => args[0]!.startsWith('next-server') || args.includes('server.ts') || (isNextCli(args) && args.includes('start')));

// Two callers of ensureBuild at once (test files run in parallel) would both see no build
// running and both start one: the check and the build are taken under this directory, which
// only one process can create. A lock left by a killed process is taken over after 20 minutes.
const BUILD_LOCK = '.next-build.lock';

async function withBuildLock<T>(work: () => Promise<T>): Promise<T> {
  for (let waited = 0; ; waited++) {
    try {
      fs.mkdirSync(BUILD_LOCK);
      break;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const age = Date.now() - (fs.statSync(BUILD_LOCK, { throwIfNoEntry: false })?.mtimeMs ?? Date.now());
      if (age > 20 * 60_000) fs.rmSync(BUILD_LOCK, { recursive: true, force: true });
      if (waited === 0) console.log('Another build of this checkout is under way; waiting for it…');
      await sleep(1000);
    }
  }
  try {
    return await work();
  } finally {
    fs.rmSync(BUILD_LOCK, { recursive: true, force: true });
  }
}

/** Builds the app unless .next matches the sources; returns how the build was obtained. */
export function ensureBuild(): Promise<'current' | 'built'> {
  return withBuildLock(buildUnlessCurrent);
}

async function buildUnlessCurrent(): Promise<'current' | 'built'> {
  for (let waited = 0; otherNextBuildRunning(); waited += 5) {
    if (waited === 0) console.log('Another `next build` is running; waiting for it to finish…');
    if (waited > 900) throw new Error('Another `next build` has been running for 15 minutes; giving up.');
    await sleep(5000);
  }
  if (buildIsCurrent()) return 'current';
  const servers = nextServersRunning();
  if (servers.length > 0) {
    throw new Error(`The build is stale, but a Next.js server of this checkout is running (pid ${servers.join(', ')}) and a rebuild would break it. Stop it, or run the bench later.`);
  }
  console.log('No current production build: running `next build`…');
  const code = await run(bin('next'), ['build'], { ...process.env, NEXT_TELEMETRY_DISABLED: '1' });
  if (code !== 0) throw new Error(`next build failed with exit code ${code}`);
  writeBuildStamp();
  return 'built';
}

export type RunningServer = { pid: number; stop: () => Promise<void>; log: () => string };

async function healthStatus(url: string): Promise<number | undefined> {
  try {
    const response = await fetch(url, { signal: AbortSignal.timeout(5000) });
    await response.arrayBuffer();
    return response.status;
  } catch {
    return undefined;
  }
}

/** Resolves true once `child` has exited, false if it is still running after `ms`. */
export function waitForExit(child: ChildProcess, ms: number): Promise<boolean> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve(true);
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve(false), ms);
    child.once('exit', () => {
      clearTimeout(timer);
      resolve(true);
    });
  });
}

/** Starts the portal's server on `port` with `env` and resolves once /api/health answers 200. */
export async function startServer(port: number, env: Record<string, string>, timeoutMs = 120_000): Promise<RunningServer> {
  const health = `http://localhost:${port}/api/health`;
  // Refuse to measure somebody else's server that already holds the port.
  if ((await healthStatus(health)) !== undefined) throw new Error(`Something already answers on port ${port}; stop it or free the port.`);

  // The binary itself, not npx, so the pid we keep is the server's (STACK.md).
  const child = spawn(serverCommand.command, [...serverCommand.args], { env: { ...process.env, ...env, PORT: String(port) }, stdio: ['ignore', 'pipe', 'pipe'] });
  const lines: string[] = [];
  const keep = (chunk: Buffer) => {
    lines.push(...chunk.toString().split('\n').filter(Boolean));
    lines.splice(0, Math.max(0, lines.length - 200));
  };
  child.stdout!.on('data', keep);
  child.stderr!.on('data', keep);
  const pid = child.pid;
  if (pid === undefined) throw new Error('Could not spawn the server');

  const stop = async () => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    process.kill(pid, 'SIGTERM');
    if (!(await waitForExit(child, 10_000))) {
      process.kill(pid, 'SIGKILL');
      await waitForExit(child, 5_000);
    }
  };
  onCleanup(`stop the server (pid ${pid})`, stop);

  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`the server exited with code ${child.exitCode}:\n${lines.slice(-30).join('\n')}`);
    if ((await healthStatus(health)) === 200) return { pid, stop, log: () => lines.join('\n') };
    await sleep(500);
  }
  throw new Error(`/api/health did not answer 200 within ${timeoutMs / 1000} s:\n${lines.slice(-30).join('\n')}`);
}
