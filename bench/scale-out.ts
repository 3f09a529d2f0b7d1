// `npx tsx bench/scale-out.ts` (also `npm run bench:scale`): the production shape of issue 16,
// measured in one run on this machine. Two portal instances on a throwaway PostgreSQL database
// with the demo data, the shipped deploy/nginx.conf in front of them, and a second nginx serving
// a static copy of the same pages as the baseline. Prints requests/s and ratios:
// - cached public pages through the proxy ≥ 0.8× nginx serving the same bytes from a file;
// - an instance's cached pages ≥ 0.8× the framework's own static page (/about);
// - two instances behind nginx ≥ 1.6× one instance on a dynamic, signed-in page.
// The publish-to-visible latency through the proxy is scripts/cache-broadcast-check.ts.
// Exit 0 when the report was produced (FAILs included), 1 when it could not run.
import { execFileSync, spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import autocannon from 'autocannon';
import postgres from 'postgres';
import { nginxBinary, startCluster } from '../scripts/cluster';
import { cleanup, cleanupOnSignals, onCleanup } from './cleanup';
import { signIn } from './org-pages';
import { writeResults } from './report';

const adminUrl = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const rounds = Number(process.env.BENCH_ROUNDS ?? 3);
const duration = Number(process.env.BENCH_DURATION ?? 8);
const connections = Number(process.env.BENCH_CONNECTIONS ?? 50);
const ports = { base: 3601, proxy: 3680, static: 3681 };
const targets = { cachedVsStatic: 0.8, instanceVsFramework: 0.8, twoVsOne: 1.6 };

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

type Load = { requestsPerSecond: number; p99: number; non2xx: number; errors: number };

async function load(url: string, headers: Record<string, string> = {}): Promise<Load> {
  // Warm: the first requests render and cache the page.
  for (let i = 0; i < 5; i++) await (await fetch(url, { headers })).arrayBuffer();
  const result = await autocannon({ url, connections, duration, headers });
  return { requestsPerSecond: Math.round(result.requests.average), p99: result.latency.p99, non2xx: result.non2xx, errors: result.errors + result.timeouts };
}

/** nginx serving `dir` as static files on `port` (the baseline: the same bytes, no application). */
async function staticNginx(dir: string, port: number) {
  const binary = nginxBinary()!;
  const prefix = fs.mkdtempSync(path.join(os.tmpdir(), 'portal-static-nginx-'));
  const user = process.getuid?.() === 0 ? `user ${os.userInfo().username};\n` : '';
  const conf = path.join(prefix, 'nginx.conf');
  fs.mkdirSync(path.join(prefix, 'logs'));
  fs.writeFileSync(
    conf,
    `${user}daemon off;
worker_processes 1;
pid ${prefix}/nginx.pid;
error_log ${prefix}/logs/error.log warn;
events { worker_connections 1024; }
http {
    access_log off;
    sendfile on;
    tcp_nopush on;
    client_body_temp_path ${prefix}/body;
    proxy_temp_path ${prefix}/proxy;
    fastcgi_temp_path ${prefix}/fastcgi;
    uwsgi_temp_path ${prefix}/uwsgi;
    scgi_temp_path ${prefix}/scgi;
    server {
        listen 127.0.0.1:${port};
        root ${dir};
        default_type text/html;
    }
}
`,
  );
  execFileSync(binary, ['-p', prefix, '-e', `${prefix}/logs/error.log`, '-c', conf, '-t', '-q']);
  const child = spawn(binary, ['-p', prefix, '-e', `${prefix}/logs/error.log`, '-c', conf], { stdio: 'ignore' });
  onCleanup('stop the static nginx', async () => {
    child.kill('SIGQUIT');
    await sleep(500);
    if (child.exitCode === null) child.kill('SIGKILL');
    fs.rmSync(prefix, { recursive: true, force: true });
  });
  for (let i = 0; i < 50; i++) {
    try {
      await fetch(`http://127.0.0.1:${port}/`);
      return `http://127.0.0.1:${port}`;
    } catch {
      await sleep(100);
    }
  }
  throw new Error('the static nginx did not start');
}

async function main() {
  cleanupOnSignals();
  if (!nginxBinary()) throw new Error('nginx is not installed (apt-get install nginx)');
  const dbName = `portal_scale_${process.pid}`;
  const admin = postgres(adminUrl, { max: 1, onnotice: () => {} });
  onCleanup('close the admin connection', () => admin.end({ timeout: 1 }));
  await admin.unsafe(`create database ${dbName}`);
  onCleanup(`drop database ${dbName}`, () => admin.unsafe(`drop database if exists ${dbName} with (force)`).then(() => undefined));
  const databaseUrl = Object.assign(new URL(adminUrl), { pathname: `/${dbName}` }).toString();
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'portal-scale-'));
  onCleanup('remove the data directory', () => fs.rmSync(dataDir, { recursive: true, force: true }));

  const cluster = await startCluster({
    databaseUrl,
    instances: 2,
    basePort: ports.base,
    port: ports.proxy,
    dataDir,
    // The demo data; no per-address search limit (every request comes from 127.0.0.1).
    env: { SEED_DEMO: '1', SEARCH_PER_MINUTE: '0', AUTH_SECRET: 'scale-bench-secret-0123456789abcdef0123456789' },
  });
  onCleanup('stop the cluster', () => cluster.stop());
  const [one] = cluster.instances;
  console.log(`cluster: ${cluster.instances.map((i) => i.url).join(', ')} behind ${cluster.url}`);

  const db = postgres(databaseUrl, { max: 1 });
  onCleanup('close the bench connection', () => db.end({ timeout: 1 }));
  const [article] = await db<{ slug: string }[]>`select slug from articles where status = 'published' and published_at <= now() order by published_at desc, id desc limit 1`;
  if (!article) throw new Error('no published demo article');
  const pages = { home: '/', article: `/articles/${article.slug}` };

  // The baseline files: exactly the bytes the proxy serves for each page.
  const staticDir = path.join(dataDir, 'static');
  fs.mkdirSync(staticDir);
  for (const [name, page] of Object.entries(pages)) fs.writeFileSync(path.join(staticDir, `${name}.html`), await (await fetch(cluster.url + page)).text());
  const staticUrl = await staticNginx(staticDir, ports.static);

  const session = await signIn(one!.url, 'admin', 'admin', 'portal-demo');
  const signedIn = { cookie: session.cookie };
  const dynamicPage = '/admin/articles';

  type Round = Record<string, Load>;
  const results: Round[] = [];
  for (let round = 1; round <= rounds; round++) {
    const r: Round = {};
    for (const [name, page] of Object.entries(pages)) {
      r[`static ${name}`] = await load(`${staticUrl}/${name}.html`);
      r[`proxy ${name}`] = await load(cluster.url + page);
      r[`instance ${name}`] = await load(one!.url + page);
    }
    r['instance /about'] = await load(`${one!.url}/about`);
    r['one instance, signed in'] = await load(one!.url + dynamicPage, signedIn);
    r['two instances via nginx, signed in'] = await load(cluster.url + dynamicPage, signedIn);
    results.push(r);
    console.log(`round ${round}: ${Object.entries(r).map(([k, v]) => `${k} ${v.requestsPerSecond}/s`).join('; ')}`);
  }

  const ratio = (a: string, b: string) => median(results.map((r) => r[a]!.requestsPerSecond / r[b]!.requestsPerSecond));
  const rows = [
    { what: 'home through nginx ÷ nginx static file', ratio: ratio('proxy home', 'static home'), target: targets.cachedVsStatic },
    { what: 'article through nginx ÷ nginx static file', ratio: ratio('proxy article', 'static article'), target: targets.cachedVsStatic },
    { what: 'home on one instance ÷ its /about', ratio: ratio('instance home', 'instance /about'), target: targets.instanceVsFramework },
    { what: 'article on one instance ÷ its /about', ratio: ratio('instance article', 'instance /about'), target: targets.instanceVsFramework },
    { what: `${dynamicPage} signed in: two instances via nginx ÷ one`, ratio: ratio('two instances via nginx, signed in', 'one instance, signed in'), target: targets.twoVsOne },
  ];
  const problems = results.flatMap((r) => Object.entries(r).filter(([, v]) => v.non2xx > 0 || v.errors > 0).map(([k, v]) => `${k}: ${v.non2xx} non-2xx, ${v.errors} errors`));
  console.log(`\nScale-out (${os.cpus().length} CPUs, ${connections} connections, ${duration} s, median of ${rounds} rounds):`);
  console.log('| measure | ratio | target | verdict |');
  console.log('|---|---|---|---|');
  for (const row of rows) console.log(`| ${row.what} | ${row.ratio.toFixed(2)}× | ≥ ${row.target}× | ${row.ratio >= row.target ? 'PASS' : 'FAIL'} |`);
  for (const problem of [...new Set(problems)]) console.log(`warning: ${problem}`);
  const file = writeResults({ kind: 'scale-out', rounds: results, ratios: rows, problems }, new Date());
  console.log(`results: ${file}`);
}

try {
  await main();
} catch (error) {
  console.error(error);
  process.exitCode = 1;
} finally {
  await cleanup();
}
