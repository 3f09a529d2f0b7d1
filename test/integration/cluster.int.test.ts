import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import postgres from 'postgres';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Cluster, nginxBinary, type RunningNginx, shippedNginxConf, startCluster, startNginx } from '@/scripts/cluster';
import { attemptSignIn, signIn } from '@/bench/org-pages';
import { testServerUrl } from '../db';

// deploy/nginx.conf, used as is, in front of real processes on loopback:
// 1. its caching and forwarding rules, against a stub upstream that shows what reached it;
// 2. two built instances of the portal on one PostgreSQL database (a fresh one, migrated by the
//    instances themselves as they boot together): the microcache, what bypasses it, the static
//    assets, and one instance killed under a stream of requests, then restarted.
// Needs nginx (Debian: apt-get install nginx); part 2 needs TEST_DATABASE_URL and a current
// build (built first when stale, which takes minutes: the hook's timeout allows for it).

const nginx = nginxBinary();
const SESSION = 'authjs.session-token=not-a-valid-token';

type Answer = { status: number; headers: Headers; body: string };
async function get(url: string, headers: Record<string, string> = {}, init: RequestInit = {}): Promise<Answer> {
  const response = await fetch(url, { headers, redirect: 'manual', signal: AbortSignal.timeout(15_000), ...init });
  return { status: response.status, headers: response.headers, body: await response.text() };
}
const cacheStatus = (answer: Answer) => answer.headers.get('x-cache-status') ?? '';
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

type LogLine = { status: number; upstreams: string[]; cache: string; request: string };
function accessLog(file: string): LogLine[] {
  if (!fs.existsSync(file)) return [];
  return fs
    .readFileSync(file, 'utf8')
    .split('\n')
    .flatMap((line) => {
      const match = /^(\d{3}) (.+) (\S+) "(.*)"$/.exec(line);
      return match ? [{ status: Number(match[1]), upstreams: match[2]!.split(/,\s*/), cache: match[3]!, request: match[4]! }] : [];
    });
}

describe.skipIf(!nginx)('deploy/nginx.conf in front of a stub upstream', () => {
  const hits = new Map<string, number>();
  let stub: http.Server;
  let proxy: RunningNginx;
  const at = (pathname: string) => `${proxy.url}${pathname}`;
  const hitsOf = (pathname: string) => hits.get(pathname) ?? 0;

  beforeAll(async () => {
    stub = http.createServer((request, response) => {
      const pathname = new URL(request.url ?? '/', 'http://stub').pathname;
      hits.set(pathname, hitsOf(pathname) + 1);
      request.resume();
      const html = (headers: Record<string, string> = {}) => {
        response.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8', ...headers });
        response.end(`<p>${pathname} ${hitsOf(pathname)}</p>${'<!-- padding -->'.repeat(200)}`);
      };
      if (pathname === '/echo') {
        response.writeHead(200, { 'Content-Type': 'application/json' });
        return response.end(JSON.stringify(request.headers));
      }
      // What Next.js sends for an ISR page: nginx must hold it 1 s, not 60.
      if (pathname === '/page' || pathname === '/search') return html({ 'Cache-Control': 's-maxage=60, stale-while-revalidate=31535940' });
      // A page whose body depends on a request header it names in Vary, as Next.js's pages do.
      if (pathname === '/varied') {
        response.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 's-maxage=60', Vary: 'rsc, next-router-state-tree, Accept-Encoding' });
        return response.end(`<p>rsc=${request.headers.rsc ?? ''} tree=${request.headers['next-router-state-tree'] ?? ''} ${hitsOf(pathname)}</p>`);
      }
      if (pathname === '/with-cookie') return html({ 'Set-Cookie': 'portal-device=abc; Path=/; HttpOnly' });
      if (pathname === '/private') return html({ 'Cache-Control': 'private, no-store' });
      if (pathname === '/_next/static/chunks/app.js') {
        response.writeHead(200, { 'Content-Type': 'application/javascript', 'Cache-Control': 'public, max-age=0' });
        return response.end('console.log(1);'.repeat(200));
      }
      if (pathname.startsWith('/_next/static/')) {
        response.writeHead(404, { 'Content-Type': 'text/plain' });
        return response.end('missing');
      }
      return html();
    });
    await new Promise<void>((resolve) => stub.listen(3409, '127.0.0.1', resolve));
    proxy = await startNginx({ port: 3489, upstreams: [`127.0.0.1:${(stub.address() as AddressInfo).port}`] });
  });
  afterAll(async () => {
    await proxy?.stop();
    await new Promise((resolve) => stub?.close(resolve));
  });

  it('sets the forwarded headers itself: the client address replaces a claimed one, Host keeps its port', async () => {
    const echoed = JSON.parse((await get(at('/echo'), { 'X-Forwarded-For': '6.6.6.6', 'X-Forwarded-Proto': 'https', Forwarded: 'for=6.6.6.6', 'X-Real-IP': '6.6.6.6' })).body) as Record<string, string>;
    expect(echoed['x-forwarded-for']).toBe('127.0.0.1');
    expect(echoed['x-forwarded-proto']).toBe('http');
    expect(echoed.host).toBe('127.0.0.1:3489');
    expect(echoed['x-forwarded-host']).toBe('127.0.0.1:3489');
    expect(echoed.forwarded).toBeUndefined();
    expect(echoed['x-real-ip']).toBeUndefined();
    // nginx compresses; the app is asked for plain bodies, so the cache holds one copy.
    expect(echoed['accept-encoding']).toBeUndefined();
  });

  it('microcaches an anonymous page for about a second, ignoring the app’s s-maxage', async () => {
    const first = await get(at('/page'));
    const second = await get(at('/page'));
    expect(cacheStatus(first)).toMatch(/MISS|EXPIRED/);
    expect(cacheStatus(second)).toBe('HIT');
    expect(second.body).toBe(first.body);
    expect(hitsOf('/page')).toBe(1);
    // Validity counts whole seconds of nginx's clock: "1 s" lasts until the second after the next.
    await sleep(2100);
    // Then the stale copy is answered while one background request refreshes it.
    expect(cacheStatus(await get(at('/page')))).toMatch(/UPDATING|STALE|EXPIRED/);
    await sleep(200);
    expect(hitsOf('/page')).toBe(2);
    // A cookie that is not the session's (the sign-in device cookie) does not opt out.
    expect(cacheStatus(await get(at('/page'), { Cookie: 'portal-device=a.b.c' }))).toBe('HIT');
  });

  it('keeps one cached copy per value of the headers pages vary on, though it ignores Vary itself', async () => {
    const plain = await get(at('/varied'));
    const rsc = await get(at('/varied'), { RSC: '1' });
    const tree = await get(at('/varied'), { RSC: '1', 'Next-Router-State-Tree': 'x' });
    expect([plain.body, rsc.body, tree.body].map((body) => body.replace(/ \d+<\/p>$/, ''))).toEqual(['<p>rsc= tree=', '<p>rsc=1 tree=', '<p>rsc=1 tree=x']);
    // Each is then a hit of its own, and the browser still learns what the page varies on.
    for (const [headers, body] of [[{}, plain.body], [{ RSC: '1' }, rsc.body], [{ RSC: '1', 'Next-Router-State-Tree': 'x' }, tree.body]] as const) {
      const again = await get(at('/varied'), headers);
      expect([cacheStatus(again), again.body]).toEqual(['HIT', body]);
      expect(again.headers.get('vary')).toContain('rsc');
    }
    expect(hitsOf('/varied')).toBe(3);
  });

  it('never caches for a session cookie, whatever its value, spelling or chunk', async () => {
    await get(at('/page'));
    const before = hitsOf('/page');
    for (const cookie of [SESSION, 'a=1; authjs.session-token=x', '__Secure-authjs.session-token=x', 'authjs.session-token.0=x; authjs.session-token.1=y']) {
      expect(cacheStatus(await get(at('/page'), { Cookie: cookie }))).toBe('BYPASS');
    }
    expect(hitsOf('/page')).toBe(before + 4);
    // A search with a session as well.
    await get(at('/search?q=党建'));
    const searches = hitsOf('/search');
    expect(cacheStatus(await get(at('/search?q=党建'), { Cookie: SESSION }))).toBe('BYPASS');
    expect(hitsOf('/search')).toBe(searches + 1);
  });

  it('never caches admin, sign-in, sign-out, API routes, server actions or POSTs', async () => {
    for (const pathname of ['/admin', '/admin/articles', '/login', '/logout', '/api/health']) {
      const first = await get(at(pathname));
      const second = await get(at(pathname));
      expect([pathname, cacheStatus(first), cacheStatus(second)]).toEqual([pathname, 'BYPASS', 'BYPASS']);
      expect(hitsOf(pathname)).toBe(2);
    }
    const before = hitsOf('/page');
    for (let i = 0; i < 2; i++) {
      // A POST is not even looked up (proxy_cache_methods GET HEAD): no status at all.
      const action = await get(at('/page'), { 'Next-Action': 'abc', 'Content-Type': 'text/plain' }, { method: 'POST', body: 'x' });
      expect(cacheStatus(action)).toMatch(/^(BYPASS|)$/);
    }
    // A GET carrying a Next-Action header is no read to share either.
    expect(cacheStatus(await get(at('/page'), { 'Next-Action': 'abc' }))).toBe('BYPASS');
    expect(hitsOf('/page')).toBe(before + 3);
  });

  it('does not store an answer that sets a cookie, or one the app marks private', async () => {
    for (const pathname of ['/with-cookie', '/private']) {
      const first = await get(at(pathname));
      const second = await get(at(pathname));
      expect(cacheStatus(first)).toBe('MISS');
      expect(cacheStatus(second)).toBe('MISS');
      expect(hitsOf(pathname)).toBe(2);
    }
    expect((await get(at('/with-cookie'))).headers.get('set-cookie')).toContain('portal-device=abc');
  });

  it('gives build assets a year of immutable caching, but not a missing one', async () => {
    const asset = await get(at('/_next/static/chunks/app.js'), { 'Accept-Encoding': 'gzip' });
    expect(asset.status).toBe(200);
    expect(asset.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    expect(asset.headers.get('content-encoding')).toBe('gzip');
    expect(cacheStatus(await get(at('/_next/static/chunks/app.js')))).toBe('HIT');
    expect(hitsOf('/_next/static/chunks/app.js')).toBe(1);
    const missing = await get(at('/_next/static/chunks/old-build.js'));
    expect(missing.status).toBe(404);
    expect(missing.headers.get('cache-control')).toBe('no-store');
  });

  it('refuses a body over the app’s upload limit with a Chinese page', async () => {
    const answer = await new Promise<Answer>((resolve, reject) => {
      const request = http.request(at('/admin/media'), { method: 'POST', headers: { 'Content-Length': String(26 * 1024 * 1024), 'Content-Type': 'application/octet-stream' } }, (response) => {
        let body = '';
        response.setEncoding('utf8');
        response.on('data', (chunk: string) => (body += chunk));
        response.on('end', () => resolve({ status: response.statusCode ?? 0, headers: new Headers(response.headers as Record<string, string>), body }));
      });
      request.on('error', reject);
      request.write(Buffer.alloc(64 * 1024));
    });
    expect(answer.status).toBe(413);
    expect(answer.body).toContain('一次提交的内容不能超过 25 MB');
    expect(hitsOf('/admin/media')).toBe(0);
  });
});

describe.skipIf(!nginx || !testServerUrl)('two portal instances on PostgreSQL behind deploy/nginx.conf', () => {
  let cluster: Cluster;
  let dataDir: string;
  let databaseUrl: string;
  const name = `portal_cluster_${Date.now()}_${randomBytes(3).toString('hex')}`;
  const at = (pathname: string) => `${cluster.url}${pathname}`;

  beforeAll(async () => {
    const admin = postgres(testServerUrl!, { max: 1, onnotice: () => {} });
    await admin.unsafe(`create database "${name}"`);
    await admin.end();
    const url = new URL(testServerUrl!);
    url.pathname = `/${name}`;
    databaseUrl = url.toString();
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'portal-cluster-'));
    cluster = await startCluster({ databaseUrl, instances: 2, basePort: 3401, port: 3480, dataDir });
  }, 900_000);

  afterAll(async () => {
    await cluster?.stop();
    const admin = postgres(testServerUrl!, { max: 1, onnotice: () => {} });
    await admin.unsafe(`drop database if exists "${name}" with (force)`);
    await admin.end();
    if (dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
  }, 60_000);

  it('microcaches the public home page for anonymous readers', async () => {
    // The first request of each instance renders and caches it in the instance.
    let answer = await get(at('/'));
    for (let i = 0; i < 5 && cacheStatus(answer) !== 'HIT'; i++) answer = await get(at('/'));
    expect(answer.status).toBe(200);
    expect(cacheStatus(answer)).toBe('HIT');
    // The app sends a shared page whole (lib/http/whole-body.ts), so the cached copy keeps its
    // length and a hit goes out like a file, not chunked again.
    const plain = await get(at('/'), { 'Accept-Encoding': 'identity' });
    expect(['HIT', 'UPDATING', 'STALE']).toContain(cacheStatus(plain));
    expect(plain.headers.get('transfer-encoding')).toBeNull();
    expect(plain.headers.get('content-length')).toBe(String(Buffer.byteLength(plain.body)));
    expect(plain.body).toContain('</html>');

    // Sequential anonymous reads for 3 s: how many the proxy answered without an instance.
    const counts: Record<string, number> = {};
    const start = Date.now();
    while (Date.now() - start < 3000) {
      const read = await get(at('/'));
      expect(read.status).toBe(200);
      counts[cacheStatus(read)] = (counts[cacheStatus(read)] ?? 0) + 1;
    }
    const total = Object.values(counts).reduce((a, b) => a + b, 0);
    const fromCache = (counts.HIT ?? 0) + (counts.UPDATING ?? 0) + (counts.STALE ?? 0);
    console.log(`microcache: ${total} sequential reads of / in 3 s, ${fromCache} from the cache (${((100 * fromCache) / total).toFixed(1)}%): ${JSON.stringify(counts)}`);
    expect(fromCache / total).toBeGreaterThan(0.9);
  });

  it('keys the microcache on every header the app varies a page on (nginx ignores Vary itself)', async () => {
    // The kinds of public page the microcache holds, each as a page load and as an RSC request.
    const varied = new Set<string>();
    for (const pathname of ['/', '/about', '/lectures', `/search?q=${encodeURIComponent('党建')}`, '/no-such-page']) {
      for (const headers of [{}, { RSC: '1', 'Next-Router-State-Tree': '%5B%22%22%5D' }] as Record<string, string>[]) {
        const direct = await get(`${cluster.instances[0]!.url}${pathname}`, headers);
        for (const name of (direct.headers.get('vary') ?? '').split(',')) if (name.trim()) varied.add(name.trim().toLowerCase());
      }
    }
    expect(varied).toContain('rsc');
    const conf = fs.readFileSync(shippedNginxConf, 'utf8');
    const keys = [...conf.matchAll(/proxy_cache_key "([^"]*\$http_rsc[^"]*)";/g)].map((match) => match[1]!);
    expect(keys.length).toBeGreaterThanOrEqual(2);
    // Accept-Encoding never reaches the app (proxy_set_header Accept-Encoding ""): one body.
    for (const name of [...varied].filter((n) => n !== 'accept-encoding')) {
      for (const key of keys) expect([name, key]).toEqual([name, expect.stringContaining(`$http_${name.replaceAll('-', '_')}`)]);
    }
  });

  it('never caches a signed-in request, /admin or /login', async () => {
    for (const [pathname, headers] of [
      ['/', { Cookie: SESSION }],
      ['/admin', {}],
      ['/admin', { Cookie: SESSION }],
      ['/login', {}],
    ] as const) {
      for (let i = 0; i < 2; i++) {
        const answer = await get(at(pathname), headers);
        expect([pathname, answer.status < 500, cacheStatus(answer)]).toEqual([pathname, true, 'BYPASS']);
      }
    }
    // The signed-out visitor of /admin is sent to the sign-in page (proxy.ts), uncached.
    expect((await get(at('/admin'))).headers.get('location')).toContain('/login');
  });

  it('serves the build’s static assets with long cache headers', async () => {
    const login = await get(at('/login'));
    const asset = /\/_next\/static\/[^"'\s]+\.(?:js|css)/.exec(login.body)?.[0];
    expect(asset).toBeDefined();
    const first = await get(at(asset!));
    expect(first.status).toBe(200);
    expect(first.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    expect(cacheStatus(await get(at(asset!)))).toBe('HIT');
  });

  /** The production bootstrap (npm run admin:create), on the cluster's database. */
  function createAdmin(username: string, password: string) {
    execFileSync(process.execPath, ['--import', 'tsx', 'tasks/cli/admin-create.ts', '--username', username], {
      input: `${password}\n`,
      env: { ...process.env, DATABASE_URL: databaseUrl, NODE_ENV: 'production' },
      stdio: ['pipe', 'pipe', 'pipe'],
    });
  }

  it('shares sessions and login limits between instances, and each shows a scheduled article by the database’s clock', async () => {
    const [a, b] = cluster.instances.map((instance) => instance.url) as [string, string];
    const password = 'cluster-test-password';
    createAdmin('clusteradmin', password);
    createAdmin('clusterlocked', password);
    const opens = async (base: string, cookie: string) => (await get(`${base}/admin`, { Cookie: cookie })).status;

    // A session begun on A opens B; signed out on B, its cookie no longer opens A.
    const session = await signIn(a, 'admin', 'clusteradmin', password);
    expect([await opens(a, session.cookie), await opens(b, session.cookie)]).toEqual([200, 200]);
    // A new deployment has no organizations yet: the desk and the committee-wide reports say so
    // (they answered 500 or 404 before any organization was entered).
    for (const pathname of ['/admin', '/admin/compliance', '/admin/compliance/inactive', '/admin/training/coverage', '/admin/development/figures']) {
      const page = await get(`${b}${pathname}`, { Cookie: session.cookie });
      expect([pathname, page.status, page.body.includes('尚未建立组织架构')]).toEqual([pathname, 200, true]);
    }
    const csrf = await fetch(`${b}/api/auth/csrf`, { headers: { Cookie: session.cookie } });
    const { csrfToken } = (await csrf.json()) as { csrfToken: string };
    const csrfCookie = csrf.headers.getSetCookie().map((line) => line.split(';')[0]).join('; ');
    const out = await fetch(`${b}/api/auth/signout`, {
      method: 'POST',
      redirect: 'manual',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded', Cookie: [session.cookie, csrfCookie].filter(Boolean).join('; ') },
      body: new URLSearchParams({ csrfToken }),
    });
    expect(out.status).toBeLessThan(400);
    expect(await opens(a, session.cookie)).toBe(307);

    // Five wrong passwords spread over both instances lock the account on both: even the right
    // password is refused then, on either.
    for (const base of [a, b, a, b, a]) expect((await attemptSignIn(base, 'clusterlocked', 'wrong-password-123')).location).toContain('code=invalid');
    for (const base of [b, a]) expect((await attemptSignIn(base, 'clusterlocked', password)).location).toContain('code=locked');

    // A scheduled article: hidden on A before its time, shown on B once it has come, with no job
    // on any instance (visibility is a predicate on the database's clock). A, which cached its
    // 404, shows it when that copy ages out (60 s), as a single instance does (e2e/editorial).
    const db = postgres(databaseUrl, { max: 1, onnotice: () => {} });
    try {
      const slug = `cluster-scheduled-${Date.now()}`;
      const [column] = await db<{ id: number }[]>`select id from columns order by id limit 1`;
      const [scheduled] = await db<{ at: Date }[]>`
        insert into articles (slug, column_id, title, body_json, body_html, status, publish_at, published_at)
        values (${slug}, ${column!.id}, '定时发布的集群测试稿件', '{"type":"doc","content":[]}', '<p>正文</p>', 'scheduled', now() + interval '4 seconds', now() + interval '4 seconds')
        returning published_at as at`;
      expect((await get(`${a}/articles/${slug}`)).status).toBe(404);
      await sleep(Math.max(0, scheduled!.at.getTime() - Date.now()) + 500);
      const shown = await get(`${b}/articles/${slug}`);
      expect([shown.status, shown.body.includes('定时发布的集群测试稿件')]).toEqual([200, true]);
    } finally {
      await db.end({ timeout: 1 });
    }
  }, 60_000);

  const isAlive = (pid: number) => {
    try {
      process.kill(pid, 0);
      return true;
    } catch {
      return false;
    }
  };

  it('routes around an instance killed under a stream of requests, and takes it back once restarted', async () => {
    const [first, second] = cluster.instances as [Cluster['instances'][number], Cluster['instances'][number]];
    const logLines = () => accessLog(cluster.nginx.accessLog);
    // The session cookie keeps every request out of the microcache: each reaches an instance.
    const results: { ok: boolean; status: number | string; startedAt: number }[] = [];
    let streaming = true;
    const stream = (async () => {
      while (streaming) {
        const startedAt = Date.now();
        try {
          const answer = await get(at('/'), { Cookie: SESSION });
          results.push({ ok: answer.status === 200, status: answer.status, startedAt });
        } catch (error) {
          results.push({ ok: false, status: error instanceof Error ? error.message : String(error), startedAt });
        }
      }
    })();
    const served = (lines: LogLine[], port: number) => lines.filter((line) => line.status === 200 && line.upstreams.at(-1) === `127.0.0.1:${port}`).length;

    try {
      await sleep(1000);
      expect(served(logLines(), first.port)).toBeGreaterThan(0);
      const killed = first.pid()!;
      const killedAt = Date.now();
      first.kill('SIGKILL');
      // The window starts once the process is gone and nginx has logged what it served before:
      // a request it answered just before the signal landed is not one served "while down".
      for (let i = 0; i < 100 && isAlive(killed); i++) await sleep(20);
      await sleep(100);
      const beforeKill = logLines().length;
      const requestsAtKill = results.length;
      await sleep(3000);
      const whileDown = logLines().slice(beforeKill);
      const requestsWhileDown = results.length - requestsAtKill;

      const restartStart = Date.now();
      await first.start();
      const restartMs = Date.now() - restartStart;
      const afterRestart = logLines().length;
      // nginx tries it again once fail_timeout (5 s) has passed since its last failure.
      const deadline = Date.now() + 20_000;
      while (served(logLines().slice(afterRestart), first.port) === 0 && Date.now() < deadline) await sleep(250);
      const rejoined = logLines().slice(afterRestart);

      const failed = results.filter((result) => !result.ok);
      const retried = whileDown.filter((line) => line.upstreams.length > 1).length;
      console.log(
        `kill one instance: ${results.length} sequential requests in all, ${requestsWhileDown} in the 3 s after SIGKILL ` +
          `(${served(whileDown, second.port)} served by the survivor, ${retried} retried from the dead one), ` +
          `restart took ${(restartMs / 1000).toFixed(1)} s, then ${served(rejoined, first.port)} of ${rejoined.length} served by it; failed: ${failed.length} ${JSON.stringify(failed.slice(0, 3))}`,
      );
      // None lost: a request in flight to the dead instance got no answer, so nginx asked the other.
      // In flight means sent before the kill: the one request (they go one at a time) whose answer
      // was streaming from the killed instance cannot be retried once nginx has passed on its
      // headers, and ends cut short. Every request sent after the kill is answered in full.
      expect(failed.filter((result) => result.startedAt >= killedAt)).toEqual([]);
      expect(failed.length).toBeLessThanOrEqual(1);
      // …and it failed as a cut-short body, never as an error page nginx gave instead of retrying.
      expect(failed.filter((result) => typeof result.status === 'number')).toEqual([]);
      expect(requestsWhileDown).toBeGreaterThan(10);
      expect(served(whileDown, second.port)).toBe(whileDown.length);
      expect(served(rejoined, first.port)).toBeGreaterThan(0);
    } finally {
      streaming = false;
      await stream;
    }
    expect(second.pid()).toBeDefined();
  }, 90_000);
});
