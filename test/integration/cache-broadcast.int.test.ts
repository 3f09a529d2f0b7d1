import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';

// Two real instances on one PostgreSQL database (scripts/cache-broadcast-check.ts): a correction
// and an archive made on one show on the other within 2 s. It builds the app when the build is
// stale and needs a PostgreSQL server and Chromium, so it runs only when asked:
//   CACHE_BROADCAST_CHECK=1 npx vitest run test/integration/cache-broadcast.int.test.ts
describe.skipIf(!process.env.CACHE_BROADCAST_CHECK)('cache broadcast across instances', () => {
  it('a change on instance A reaches instance B within 2 s', () => {
    const run = spawnSync('node', ['--import', 'tsx', 'scripts/cache-broadcast-check.ts'], {
      env: { ...process.env, CACHE_CHECK_ROUNDS: process.env.CACHE_CHECK_ROUNDS ?? '5' },
      encoding: 'utf8',
      timeout: 900_000,
    });
    expect(run.stdout + run.stderr).toContain('OK: every change reached the other instance');
    expect(run.status).toBe(0);
  }, 900_000);
});
