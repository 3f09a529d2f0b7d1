import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { buildIsCurrent, writeBuildStamp } from './build-stamp';
import { bin, run } from './run';

// Playwright e2e against the built app on a throwaway embedded database.
const env = { ...process.env, NEXT_TELEMETRY_DISABLED: '1' };

// No download fallback: nothing here may fetch a browser at run time (the README names the package).
async function findBrowser(): Promise<boolean> {
  for (const candidate of [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser']) {
    if (candidate && fs.existsSync(candidate)) return true;
  }
  const { chromium } = await import('@playwright/test');
  if (fs.existsSync(chromium.executablePath())) return true;
  console.error('e2e: no Chromium available. Install one (Debian: `apt-get install -y chromium`) or set CHROMIUM_PATH to a Chromium binary.');
  return false;
}

if (!(await findBrowser())) process.exit(1);

if (!buildIsCurrent()) {
  const code = await run(bin('next'), ['build'], env);
  if (code !== 0) process.exit(code);
  writeBuildStamp();
}

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'dangjian-portal-e2e-'));
try {
  const code = await run(bin('playwright'), ['test', ...process.argv.slice(2)], { ...env, E2E_DATA_DIR: dataDir });
  process.exitCode = code;
} finally {
  fs.rmSync(dataDir, { recursive: true, force: true });
  fs.rmSync(`${path.join(dataDir, 'pglite')}.lock`, { force: true });
}
