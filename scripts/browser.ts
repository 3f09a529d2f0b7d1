import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

// The e2e suite needs a Chromium. One already on the machine is used as it is; else this gets one:
// Playwright's own download (bounded: the network may be closed), then Debian's package when
// running as root, else it stops naming the command to run.

export const DOWNLOAD_TIMEOUT_MS = 120_000;
export const APT_TIMEOUT_MS = 900_000;

/** What the decision needs to know about the machine; injected so that tests can fake it. */
export type BrowserProbes = {
  /** The Chromium binary already present, if any. */
  find(): string | null;
  /** Playwright's own Chromium download; false when it failed or timed out. */
  download(): Promise<boolean>;
  isRoot(): boolean;
  hasAptGet(): boolean;
  /** `apt-get update && apt-get install -y chromium`; false when it failed. */
  aptInstall(): Promise<boolean>;
  log(message: string): void;
};

export type BrowserOutcome =
  | { via: 'present' | 'download' | 'apt'; path: string }
  | { via: 'none'; command: string };

export async function ensureBrowser(probes: BrowserProbes): Promise<BrowserOutcome> {
  const present = probes.find();
  if (present) {
    probes.log(`e2e: using Chromium at ${present}`);
    return { via: 'present', path: present };
  }

  probes.log(`e2e: no Chromium found; downloading Playwright's Chromium (giving up after ${DOWNLOAD_TIMEOUT_MS / 1000} s)…`);
  const downloaded = (await probes.download()) ? probes.find() : null;
  if (downloaded) {
    probes.log(`e2e: downloaded Playwright's Chromium: ${downloaded}`);
    return { via: 'download', path: downloaded };
  }
  probes.log("e2e: Playwright's Chromium download failed.");

  const root = probes.isRoot();
  const apt = probes.hasAptGet();
  if (root && apt) {
    probes.log("e2e: installing Debian's chromium: apt-get update && apt-get install -y chromium…");
    const installed = (await probes.aptInstall()) ? probes.find() : null;
    if (installed) {
      probes.log(`e2e: installed Debian's chromium: ${installed}`);
      return { via: 'apt', path: installed };
    }
    probes.log("e2e: installing Debian's chromium failed.");
  }

  const command = apt ? `${root ? '' : 'sudo '}apt-get install -y chromium` : 'npx playwright install chromium';
  probes.log(`e2e: no Chromium available. Run \`${command}\` (or set CHROMIUM_PATH to a Chromium binary), then \`npm test\` again.`);
  return { via: 'none', command };
}

/** Where a Chromium may already be: CHROMIUM_PATH, Debian's, then Playwright's own (as playwright.config.ts picks). */
export function chromiumCandidates(chromiumPathSetting: string | undefined, playwrightPath: string): string[] {
  return [chromiumPathSetting, '/usr/bin/chromium', '/usr/bin/chromium-browser', playwrightPath].filter((p): p is string => !!p);
}

/**
 * Runs a command in a process group of its own; on timeout the whole group is killed (the
 * Playwright installer downloads in a child process). Resolves true on exit code 0.
 */
export function runBounded(command: string, args: string[], timeoutMs: number, env: NodeJS.ProcessEnv = process.env): Promise<boolean> {
  return new Promise((resolve) => {
    const child = spawn(command, args, { stdio: 'inherit', env, detached: true });
    const killGroup = (signal: NodeJS.Signals) => {
      try {
        if (child.pid) process.kill(-child.pid, signal);
      } catch {
        // Already gone.
      }
    };
    const timer = setTimeout(() => {
      console.error(`e2e: \`${[command, ...args].join(' ')}\` gave no result within ${timeoutMs / 1000} s; stopped it.`);
      killGroup('SIGKILL');
    }, timeoutMs);
    const forward = (signal: NodeJS.Signals) => killGroup(signal);
    process.on('SIGINT', forward);
    process.on('SIGTERM', forward);
    const done = (ok: boolean) => {
      clearTimeout(timer);
      process.off('SIGINT', forward);
      process.off('SIGTERM', forward);
      resolve(ok);
    };
    child.on('error', () => done(false));
    child.on('exit', (code) => done(code === 0));
  });
}

function onPath(name: string, env: NodeJS.ProcessEnv): boolean {
  return (env.PATH ?? '').split(path.delimiter).some((dir) => dir && fs.existsSync(path.join(dir, name)));
}

/** The probes of this machine. */
export async function machineProbes(env: NodeJS.ProcessEnv = process.env): Promise<BrowserProbes> {
  const { chromium } = await import('@playwright/test');
  if (env.CHROMIUM_PATH && !fs.existsSync(env.CHROMIUM_PATH)) console.warn(`e2e: CHROMIUM_PATH=${env.CHROMIUM_PATH} does not exist; looking elsewhere.`);
  return {
    find: () => chromiumCandidates(env.CHROMIUM_PATH, chromium.executablePath()).find((p) => fs.existsSync(p)) ?? null,
    download: () => runBounded(process.execPath, [path.join(import.meta.dirname, '..', 'node_modules', '@playwright', 'test', 'cli.js'), 'install', 'chromium'], DOWNLOAD_TIMEOUT_MS, env),
    isRoot: () => typeof process.getuid === 'function' && process.getuid() === 0,
    hasAptGet: () => onPath('apt-get', env),
    aptInstall: async () => {
      const aptEnv = { ...env, DEBIAN_FRONTEND: 'noninteractive' };
      return (await runBounded('apt-get', ['update'], APT_TIMEOUT_MS, aptEnv)) && runBounded('apt-get', ['install', '-y', 'chromium'], APT_TIMEOUT_MS, aptEnv);
    },
    log: (message) => console.log(message),
  };
}
