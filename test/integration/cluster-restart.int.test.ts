import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import postgres from 'postgres';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHANNEL, payloads } from '@/lib/cache/shared-cache-handler.mjs';
import { type Cluster, nginxBinary, startCluster } from '@/scripts/cluster';
import { testServerUrl } from '../db';
import { canRunPrivatePostgres, type PrivatePostgres, startPrivatePostgres } from './private-postgres';

// Two portal instances behind deploy/nginx.conf, and their PostgreSQL server restarted (a fast
// shutdown, 2 s down, started again) while requests stream in: both instances must come back by
// themselves — no restart of theirs, no error page once the server is up — and still hear each
// other's cache invalidations (each re-subscribes to the broadcast channel).
// The server is the test's own (test/integration/private-postgres.ts): restarting the shared one
// would break every other test file running at the same time. Like the cluster test, it runs in
// the PostgreSQL pass only (it needs a build, which takes minutes when stale).

const nginx = nginxBinary();
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const DOWN_MS = 2000;

type Result = { at: number; target: string; status: number | string };

async function status(url: string): Promise<number | string> {
  try {
    const response = await fetch(url, { redirect: 'manual', signal: AbortSignal.timeout(10_000) });
    await response.arrayBuffer();
    return response.status;
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  }
}

describe.skipIf(!nginx || !testServerUrl || !canRunPrivatePostgres())('two instances through a PostgreSQL restart under load', () => {
  let server: PrivatePostgres;
  let cluster: Cluster;
  let dataDir: string;

  beforeAll(async () => {
    server = await startPrivatePostgres(5439);
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'portal-restart-'));
    cluster = await startCluster({ databaseUrl: server.url, instances: 2, basePort: 3421, port: 3492, dataDir, env: { SEED_DEMO: '1' } });
  }, 900_000);

  afterAll(async () => {
    try {
      await cluster?.stop();
    } finally {
      // The server runs detached from this process: it must be stopped even if the cluster was not.
      await server?.stop();
      if (dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
    }
  }, 120_000);

  it('recovers by itself on both instances, and the broadcast reaches both afterwards', async () => {
    const db = postgres(server.url, { max: 1, onnotice: () => {} });
    try {
      const [article] = await db<{ slug: string; title: string }[]>`
        select slug, title from articles where status = 'published' and published_at <= now() order by published_at desc limit 1`;
      expect(article).toBeDefined();
      const articlePath = `/articles/${article!.slug}`;
      const instances = cluster.instances;
      const pids = instances.map((instance) => instance.pid());
      for (const instance of instances) expect(await status(instance.url + articlePath)).toBe(200);

      // The stream: the database check through nginx and on each instance, and the cached
      // article page on each instance (served from the instance's cache while the server is down).
      const results: Result[] = [];
      const targets = [
        ['proxy health', `${cluster.url}/api/health`],
        ...instances.map((instance, i) => [`instance ${i + 1} health`, `${instance.url}/api/health`]),
        ...instances.map((instance, i) => [`instance ${i + 1} article`, instance.url + articlePath]),
      ] as const;
      let streaming = true;
      const workers = targets.map(async ([target, url]) => {
        while (streaming) {
          results.push({ at: Date.now(), target, status: await status(url) });
          await sleep(50);
        }
      });

      let downAt = 0;
      let upAt = 0;
      try {
        await sleep(2000);
        downAt = Date.now();
        await server.restart(DOWN_MS);
        upAt = Date.now();
        await sleep(10_000);
      } finally {
        streaming = false;
        await Promise.all(workers);
      }

      const of = (target: string) => results.filter((r) => r.target === target);
      // When each instance answered its first 200 health check after the server was back up.
      const recoveredAfterMs = instances.map((_, i) => {
        const first = of(`instance ${i + 1} health`).find((r) => r.at >= upAt && r.status === 200);
        return first ? first.at - upAt : Infinity;
      });
      const summary = Object.fromEntries(
        targets.map(([target]) => {
          const counts: Record<string, number> = {};
          for (const r of of(target)) counts[String(r.status)] = (counts[String(r.status)] ?? 0) + 1;
          return [target, counts];
        }),
      );
      console.log(
        `PostgreSQL restart under load: down for ${((upAt - downAt) / 1000).toFixed(1)} s (stop, ${DOWN_MS} ms, start); ` +
          `health 200 again ${recoveredAfterMs.map((ms) => `${ms} ms`).join(' and ')} after it was up; answers: ${JSON.stringify(summary)}`,
      );

      // Nobody restarted an instance: the same processes are serving.
      expect(instances.map((instance) => instance.pid())).toEqual(pids);
      // While the server was down the check said so (503) and cached pages kept serving: nothing
      // crashed, hung up or answered 502.
      const unexpected = results.filter((r) => !(r.status === 200 || (r.status === 503 && r.target.endsWith('health'))));
      // What an instance said about it: the failure alone does not tell a driver error from ours.
      if (unexpected.length) {
        console.log(`timeline (ms after the server went down): ${JSON.stringify(unexpected.slice(0, 3).map((r) => ({ ...r, at: r.at - downAt })))}; up again at ${upAt - downAt}`);
        instances.forEach((instance, i) => console.log(`instance ${i + 1}'s last log lines:\n${instance.log().split('\n').slice(-60).join('\n')}`));
      }
      expect(unexpected).toEqual([]);
      // Each instance was back within 5 s of the server, and served every check of the last 5 s.
      for (const ms of recoveredAfterMs) expect(ms).toBeLessThan(5000);
      expect(results.filter((r) => r.at >= upAt + 5000 && r.status !== 200)).toEqual([]);

      // After the restart, a revalidation broadcast reaches both instances: each one listens again.
      for (const instance of instances) {
        let cached = '';
        for (let i = 0; i < 20 && cached !== 'HIT'; i++) {
          const response = await fetch(instance.url + articlePath);
          await response.arrayBuffer();
          cached = response.headers.get('x-nextjs-cache') ?? '';
        }
        expect(cached).toBe('HIT');
      }
      const title = `${article!.title}（重启后更正）`;
      await db`update articles set title = ${title} where slug = ${article!.slug}`;
      const sentAt = performance.now();
      for (const payload of payloads('restart-test', [`_N_T_${articlePath}`])) await db`select pg_notify(${CHANNEL}, ${payload})`;
      const seenAfterMs = await Promise.all(
        instances.map(async (instance) => {
          while (performance.now() - sentAt < 5000) {
            if ((await (await fetch(instance.url + articlePath)).text()).includes(title)) return Math.round(performance.now() - sentAt);
            await sleep(20);
          }
          return Infinity;
        }),
      );
      console.log(`after the restart, the corrected title was on both instances ${seenAfterMs.map((ms) => `${ms} ms`).join(' and ')} after the broadcast`);
      for (const ms of seenAfterMs) expect(ms).toBeLessThan(2000);
    } finally {
      await db.end({ timeout: 1 });
    }
  }, 120_000);
});
