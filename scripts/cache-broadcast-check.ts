import os from 'node:os';
import path from 'node:path';
import fs from 'node:fs';
import { chromium, type Page } from '@playwright/test';
import postgres from 'postgres';
import { onCleanup, runScript } from '../bench/cleanup';
import { ensureBuild, startServer } from '../bench/server';
import { nginxBinary, startNginx } from './cluster';

// Several instances, one truth: two portal servers on one PostgreSQL database. An admin signed
// in on instance A corrects a published article's title through the editor (the real server
// action, which revalidates the public pages); instance B, whose article and home pages are
// cached (x-nextjs-cache: HIT), must show the new title within 2 s. Repeated ROUNDS times, then
// the article is archived on A and must answer 404 on B. Prints the latency distribution.
// With nginx installed, the shipped deploy/nginx.conf also stands in front of both instances, and
// the change is polled through it as a reader gets it (its ~1 s microcache included): p95 ≤ 2 s.
//
//   npx tsx scripts/cache-broadcast-check.ts
// CACHE_CHECK_ADMIN_URL: a PostgreSQL server where a throwaway database may be created (dropped after).

const adminUrl = process.env.CACHE_CHECK_ADMIN_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const rounds = Number(process.env.CACHE_CHECK_ROUNDS ?? 20);
const ports = [Number(process.env.CACHE_CHECK_PORT_A ?? 3301), Number(process.env.CACHE_CHECK_PORT_B ?? 3302)] as const;
const nginxPort = Number(process.env.CACHE_CHECK_NGINX_PORT ?? 3380);
const LIMIT_MS = 2000;
const POLL_MS = 20;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const base = (port: number) => `http://localhost:${port}`;
const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;

async function fetchPage(url: string) {
  const response = await fetch(url, { redirect: 'manual', signal: AbortSignal.timeout(5000) });
  return { status: response.status, cache: response.headers.get('x-nextjs-cache'), text: await response.text() };
}

/** Requests `url` until it is served from the cache (the first request renders it). */
async function warm(url: string) {
  for (let i = 0; i < 20; i++) {
    const page = await fetchPage(url);
    if (page.cache === 'HIT') return page;
    await sleep(50);
  }
  throw new Error(`${url} never answered x-nextjs-cache: HIT`);
}

/** Requests `url` through nginx until its microcache serves it. */
async function warmProxy(url: string) {
  for (let i = 0; i < 40; i++) {
    const response = await fetch(url, { redirect: 'manual', signal: AbortSignal.timeout(5000) });
    await response.arrayBuffer();
    if (response.headers.get('x-cache-status') === 'HIT') return;
    await sleep(50);
  }
  throw new Error(`${url} never answered X-Cache-Status: HIT through nginx`);
}

/** Polls `url` until `seen` holds; resolves with the time it did (performance.now()). */
async function waitFor(url: string, seen: (page: Awaited<ReturnType<typeof fetchPage>>) => boolean, timeoutMs = 70_000) {
  const deadline = performance.now() + timeoutMs;
  while (performance.now() < deadline) {
    if (seen(await fetchPage(url))) return performance.now();
    await sleep(POLL_MS);
  }
  throw new Error(`${url}: the change did not show within ${timeoutMs / 1000} s`);
}

function summary(label: string, values: number[]) {
  const sorted = [...values].sort((a, b) => a - b);
  const f = (v: number) => `${Math.round(v)} ms`;
  console.log(`${label}: n=${sorted.length} min ${f(sorted[0]!)} p50 ${f(percentile(sorted, 50))} p95 ${f(percentile(sorted, 95))} max ${f(sorted.at(-1)!)}`);
  return sorted;
}

async function signIn(page: Page) {
  await page.goto('/login');
  await page.getByLabel('用户名', { exact: true }).fill('admin');
  await page.getByLabel('密码', { exact: true }).fill('portal-demo');
  await page.getByRole('button', { name: '登录' }).click();
  await page.waitForURL(/\/admin$/);
}

/** Saves the editor's form on A; resolves with the time A answered the server action. */
async function saveTitle(page: Page, id: number, title: string) {
  await page.getByLabel('标题', { exact: true }).fill(title);
  const answered = page.waitForResponse(
    (r) => r.request().method() === 'POST' && new URL(r.url()).pathname === `/admin/articles/${id}`,
    { timeout: 15_000 },
  );
  const clicked = performance.now();
  await page.getByRole('button', { name: '保存', exact: true }).click();
  // The action's answer streams; its headers come once the save and its revalidation are done.
  await answered;
  const done = performance.now();
  const status = page.locator('form[aria-describedby="editor-status"]').getByRole('status');
  try {
    await status.filter({ hasText: /^已保存/ }).waitFor({ timeout: 15_000 });
  } catch (error) {
    throw new Error(`A did not confirm the save: «${await status.textContent().catch(() => '?')}»`, { cause: error });
  }
  return { clicked, done };
}

async function main() {
  const build = await ensureBuild();
  console.log(`build: ${build}`);

  const dbName = `cache_check_${process.pid}`;
  const admin = postgres(adminUrl, { max: 1, onnotice: () => {} });
  onCleanup('close the admin connection', () => admin.end({ timeout: 1 }));
  await admin.unsafe(`create database ${dbName}`);
  onCleanup(`drop database ${dbName}`, () => admin.unsafe(`drop database if exists ${dbName} with (force)`).then(() => undefined));
  const url = new URL(adminUrl);
  url.pathname = `/${dbName}`;
  const databaseUrl = url.toString();

  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'cache-check-'));
  onCleanup('remove the data directory', () => fs.rmSync(dataDir, { recursive: true, force: true }));
  const env = {
    DATABASE_URL: databaseUrl,
    DATA_DIR: dataDir,
    SEED_DEMO: '1',
    AUTH_SECRET: 'cache-check-secret-0123456789abcdef0123456789',
    NEXT_TELEMETRY_DISABLED: '1',
  };
  // One after the other: the first migrates and seeds, the second finds it done.
  const servers = [];
  for (const port of ports) {
    const started = performance.now();
    servers.push(await startServer(port, { ...env, PORT: String(port), SITE_URL: base(port) }));
    console.log(`instance on ${port}: pid ${servers.at(-1)!.pid}, healthy after ${Math.round(performance.now() - started)} ms`);
  }
  const [a, b] = ports.map(base) as [string, string];
  const nginx = nginxBinary() && nginxPort > 0 ? await startNginx({ port: nginxPort, upstreams: ports.map((port) => `127.0.0.1:${port}`) }) : null;
  if (nginx) onCleanup('stop nginx', () => nginx.stop());
  console.log(nginx ? `nginx (deploy/nginx.conf) in front of both: ${nginx.url}` : 'nginx: not installed, the proxy is not measured');

  const db = postgres(databaseUrl, { max: 1 });
  onCleanup('close the check connection', () => db.end({ timeout: 1 }));
  const [article] = await db<{ id: number; slug: string; title: string }[]>`
    select id, slug, title from articles where status = 'published' and published_at <= now() order by published_at desc, id desc limit 1`;
  if (!article) throw new Error('The demo data has no published article');
  console.log(`article ${article.id} /articles/${article.slug} «${article.title}»`);

  const browser = await chromium.launch({
    executablePath: ['/usr/bin/chromium', '/usr/bin/chromium-browser'].find((p) => fs.existsSync(p)),
    args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage'],
  });
  onCleanup('close the browser', () => browser.close());
  const page = await (await browser.newContext({ baseURL: a, locale: 'zh-CN' })).newPage();
  await signIn(page);
  await page.goto(`/admin/articles/${article.id}`);
  await page.getByRole('textbox', { name: '正文', exact: true }).waitFor();

  const fromAnswer: number[] = [];
  const fromClick: number[] = [];
  const homeFromAnswer: number[] = [];
  const proxyFromAnswer: number[] = [];
  for (let round = 1; round <= rounds; round++) {
    const token = `更正${round}-${Date.now().toString(36)}`;
    const articleUrl = `${b}/articles/${article.slug}`;
    // Both instances have the pages cached before the change.
    for (const host of [a, b]) {
      await warm(`${host}/articles/${article.slug}`);
      await warm(`${host}/`);
    }
    if (nginx) await warmProxy(`${nginx.url}/articles/${article.slug}`);
    const before = await fetchPage(articleUrl);
    if (before.cache !== 'HIT' || before.text.includes(token)) throw new Error('B was not serving the cached article before the change');

    const saved = saveTitle(page, article.id, `${article.title}（${token}）`);
    const seenArticle = waitFor(articleUrl, (p) => p.status === 200 && p.text.includes(token));
    const seenHome = waitFor(`${b}/`, (p) => p.status === 200 && p.text.includes(token));
    const seenThroughProxy = nginx ? waitFor(`${nginx.url}/articles/${article.slug}`, (p) => p.status === 200 && p.text.includes(token)) : Promise.resolve(0);
    const [{ clicked, done }, articleAt, homeAt, proxyAt] = await Promise.all([saved, seenArticle, seenHome, seenThroughProxy]);
    fromAnswer.push(articleAt - done);
    fromClick.push(articleAt - clicked);
    homeFromAnswer.push(homeAt - done);
    if (nginx) proxyFromAnswer.push(proxyAt - done);
    console.log(`round ${round}: A answered the save after ${Math.round(done - clicked)} ms; B showed it ${Math.round(articleAt - done)} ms after that (home ${Math.round(homeAt - done)} ms)`);
  }

  // Archiving on A: the article disappears from B.
  for (const host of [a, b]) await warm(`${host}/articles/${article.slug}`);
  page.once('dialog', (dialog) => void dialog.accept());
  const workflow = page.getByRole('complementary', { name: '发布流程' });
  await workflow.getByRole('button', { name: '归档', exact: true }).click();
  // The panel may save the form first: the time is taken once A confirms the archive (an upper bound).
  await workflow.getByRole('status').filter({ hasText: '已归档' }).waitFor();
  const archivedDone = performance.now();
  const goneAt = await waitFor(`${b}/articles/${article.slug}`, (p) => p.status === 404);
  const archiveMs = goneAt - archivedDone;
  console.log(`archive: B answered 404 ${Math.round(archiveMs)} ms after A answered`);

  console.log('');
  const sorted = summary('B shows the correction, from A\'s answer', fromAnswer);
  summary('B shows the correction, from the click on A', fromClick);
  const homeSorted = summary('B\'s home page shows it, from A\'s answer', homeFromAnswer);
  const proxySorted = nginx ? summary('a reader through nginx sees it, from A\'s answer', proxyFromAnswer) : null;
  const worst = Math.max(sorted.at(-1)!, homeSorted.at(-1)!, archiveMs, ...fromClick);
  if (worst > LIMIT_MS) {
    console.error(`FAIL: a change took ${Math.round(worst)} ms to reach the other instance (limit ${LIMIT_MS} ms)`);
    process.exitCode = 1;
  } else if (proxySorted && percentile(proxySorted, 95) > LIMIT_MS) {
    console.error(`FAIL: through nginx a change took ${Math.round(percentile(proxySorted, 95))} ms at p95 to show (limit ${LIMIT_MS} ms)`);
    process.exitCode = 1;
  } else {
    console.log(`OK: every change reached the other instance within ${LIMIT_MS} ms (worst ${Math.round(worst)} ms)`);
  }
}

await runScript(main);
