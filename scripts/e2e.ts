import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ensureBrowser, machineProbes } from './browser';
import { buildIsCurrent, writeBuildStamp } from './build-stamp';
import { bin, run } from './run';

// Playwright e2e against the built app on a throwaway embedded database.
const env = { ...process.env, NEXT_TELEMETRY_DISABLED: '1' };

// A Chromium already here is used; else scripts/browser.ts gets one (download, then apt) or names the command.
if ((await ensureBrowser(await machineProbes(env))).via === 'none') process.exit(1);

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
