import fs from 'node:fs';
import { bin, run } from './run';

// `npm test`: type check + lint, Vitest unit and integration tests, then Playwright e2e.
// Integration tests use PostgreSQL when TEST_DATABASE_URL is set, in-memory PGlite otherwise.
// `--no-e2e` stops after Vitest. The last line sums up every test that ran.
const skipE2e = process.argv.includes('--no-e2e');
const env = { ...process.env, NEXT_TELEMETRY_DISABLED: '1' };
const counts = { passed: 0, failed: 0, skipped: 0 };

function readJson(file: string): Record<string, unknown> | null {
  try {
    return JSON.parse(fs.readFileSync(file, 'utf8')) as Record<string, unknown>;
  } catch {
    return null;
  }
}

async function step(name: string, command: string, args: string[]) {
  console.log(`\n=== ${name} ===`);
  const code = await run(command, args, env);
  if (code !== 0) {
    console.error(`\n${name} failed (exit ${code}).`);
    summarize();
    process.exit(code);
  }
}

function summarize() {
  console.log(`\nnpm test: ${counts.passed} passed, ${counts.failed} failed, ${counts.skipped} skipped`);
}

fs.mkdirSync('test-results', { recursive: true });
await step('Route types', bin('next'), ['typegen']);
await step('Type check', bin('tsc'), ['--noEmit']);
await step('Lint', bin('eslint'), ['.', '--max-warnings=0']);

const vitestJson = 'test-results/vitest.json';
fs.rmSync(vitestJson, { force: true });
const vitestCode = await run(bin('vitest'), ['run', '--reporter=default', '--reporter=json', `--outputFile.json=${vitestJson}`], env);
const vitest = readJson(vitestJson);
counts.passed += Number(vitest?.numPassedTests ?? 0);
counts.failed += Number(vitest?.numFailedTests ?? 0);
counts.skipped += Number(vitest?.numPendingTests ?? 0) + Number(vitest?.numTodoTests ?? 0);
if (vitestCode !== 0 || !vitest) {
  // A run that failed outside any test (a config or import error) still counts as a failure.
  if (!vitest?.numFailedTests) counts.failed++;
  summarize();
  process.exit(vitestCode || 1);
}

if (!skipE2e) {
  const e2eJson = 'test-results/e2e-results.json';
  fs.rmSync(e2eJson, { force: true });
  const e2eCode = await run('node', ['--import', 'tsx', 'scripts/e2e.ts'], env);
  const stats = (readJson(e2eJson)?.stats ?? {}) as Record<string, number>;
  counts.passed += (stats.expected ?? 0) + (stats.flaky ?? 0);
  counts.failed += stats.unexpected ?? 0;
  counts.skipped += stats.skipped ?? 0;
  if (e2eCode !== 0) {
    if (!stats.unexpected) counts.failed++;
    summarize();
    process.exit(e2eCode);
  }
}

summarize();
