// `npm run bench`: load and latency report of the public pages, and server time of the admin
// pages of the organization half at city size, on a throwaway database. BENCH_ONLY=public or
// BENCH_ONLY=org runs one part alone (bench/config.ts).
// Exit code 0 whenever the report was produced, even with FAILs; 1 when the bench could not run.
import os from 'node:os';
import { and, asc, desc, eq, notLike } from 'drizzle-orm';
import postgres from 'postgres';
import { articles } from '../db/schema/articles';
import { lectureShowcases, lectures } from '../db/schema/lectures';
import { firstLoadJs } from './bundle-size';
import { cleanup, cleanupOnSignals } from './cleanup';
import { baseUrl, config } from './config';
import { insertCorpus } from './corpus';
import { createBenchDatabase, openKeptDatabase } from './database';
import { type LoadResult, measure, medianResult } from './http';
import { insertOrgCorpus, type OrgCorpus, reuseOrgCorpus } from './org-corpus';
import { loadTargets, measureOrgPages, type OrgPageResult } from './org-pages';
import { orgTargets } from './org-targets';
import { bundleLine, type HttpRow, httpTable, judge, orgCorpusLines, orgPagesTable, searchLine, searchLoadTable, type TargetKind, writeResults } from './report';
import { measureSearchLatency } from './search';
import { measureSearchLoad, type SearchLoadResult } from './search-load';
import { ensureBuild, startServer } from './server';
import { growAdminLists } from './admin-corpus';
import { measureScalePart, scalePartLines } from './scale-part';

const message = (error: unknown) => (error instanceof Error ? error.message : String(error));
const seconds = (since: number) => ((performance.now() - since) / 1000).toFixed(1);

async function main() {
  const startedAt = new Date();
  const problems: string[] = [];
  const parts = { public: ['all', 'public'].includes(config.only), org: ['all', 'org'].includes(config.only), scale: ['all', 'scale'].includes(config.only) };
  const about = [
    parts.public && `${config.articles} articles, ${config.connections} connections, ${config.durationSeconds} s per target`,
    parts.org && `org: ${config.org.units} units, ${config.org.grassRoots} grass-roots nodes, ${config.org.people} people, ~${config.org.records} records over ${config.org.years} years`,
    parts.scale && `scale: two instances behind nginx, ${config.scaleRounds} rounds`,
  ];
  console.log(`bench: ${about.filter(Boolean).join('; ')}; ${os.cpus().length} CPUs`);
  // Read before the long load, so a bad BENCH_ORG_TARGETS file fails at once.
  const pageTargets = parts.org ? loadTargets(orgTargets, config.org.targetsFile) : [];
  const reuse = config.org.reuseDatabase;
  if (reuse && parts.public) throw new Error('BENCH_ORG_DATABASE measures a kept org corpus: run it with BENCH_ONLY=org');

  const build = await ensureBuild();
  console.log(`build: ${build}`);
  if (config.only === 'scale') return scaleOnly(startedAt, build);

  const database = reuse ? await openKeptDatabase(config.adminUrl, reuse) : await createBenchDatabase(config.adminUrl, { keep: config.org.keepDatabase });
  const onPostgres = database.kind === 'postgres';
  console.log(
    onPostgres
      ? `database: PostgreSQL, ${reuse ? 'kept' : config.org.keepDatabase ? 'new (kept afterwards)' : 'throwaway'} database ${database.name}`
      : `database: PGlite in ${database.dir} — no PostgreSQL server at ${config.adminUrl} (${database.reason}); search is not measured on PostgreSQL`,
  );

  let since = performance.now();
  let corpusSeconds = 0;
  let newest: { slug: string } | undefined;
  let showcase: { id: number } | undefined;
  if (parts.public) {
    await insertCorpus(database.handle.db, config.articles, (done) => {
      if (done % 5000 === 0 || done === config.articles) process.stdout.write(`  corpus: ${done}/${config.articles}\r`);
    });
    corpusSeconds = Number(seconds(since));
    console.log(`\ncorpus: ${config.articles} articles inserted and analyzed in ${corpusSeconds} s`);

    // A seeded demo article, the newest: the page a reader is most likely to open.
    [newest] = await database.handle.db
      .select({ slug: articles.slug })
      .from(articles)
      .where(and(eq(articles.status, 'published'), notLike(articles.slug, 'bench-%')))
      .orderBy(desc(articles.publishedAt))
      .limit(1);
    if (!newest) throw new Error('No published demo article found after seeding');
    // A published lecture of a showcase list: the lecture page a reader reaches from the home teaser.
    [showcase] = await database.handle.db
      .select({ id: lectures.id })
      .from(lectures)
      .innerJoin(lectureShowcases, eq(lectureShowcases.lectureId, lectures.id))
      .where(eq(lectures.published, true))
      .orderBy(desc(lectureShowcases.year), asc(lectures.id))
      .limit(1);
    if (!showcase) throw new Error('No published showcase lecture found after seeding');
  }
  // Free the database before other processes open it (PGlite allows one process per directory).
  await database.handle.close();

  let orgCorpus: OrgCorpus | undefined;
  if (parts.org) {
    if (database.kind === 'postgres') {
      if (reuse) {
        orgCorpus = await reuseOrgCorpus(database.url);
        console.log(`org corpus: reusing the one loaded into ${reuse}`);
      } else {
        console.log('org corpus: loading (several minutes at full size)…');
        orgCorpus = await insertOrgCorpus(database.url, config.org, console.log);
        console.log(`org corpus: loaded in ${orgCorpus.seconds.toFixed(1)} s`);
      }
      // The editorial desk's lists at 100,000 articles and 200,000 audit rows (issue 18).
      await growAdminLists(database.url, config.admin, console.log);
    } else {
      // A million records with attendance is a PostgreSQL load; PGlite would take hours.
      problems.push(`org: no PostgreSQL server at ${config.adminUrl}; the organization half is measured on PostgreSQL only`);
    }
  }

  const dbEnv: Record<string, string> = onPostgres ? { DATABASE_URL: database.url } : { DATABASE_URL: '', PGLITE_DIR: database.dir };

  // Before the server starts: a quiet machine, and for PGlite a free directory.
  let search;
  let searchVerdict = 'ERROR';
  if (parts.public) {
    try {
      since = performance.now();
      search = await measureSearchLatency(dbEnv);
      const { line, verdict } = searchLine(search, onPostgres, config.targets.searchP95Ms);
      searchVerdict = verdict;
      console.log(`${line.split('\n')[0]} (took ${seconds(since)} s)`);
    } catch (error) {
      problems.push(`search latency: ${message(error)}`);
      console.error(`search latency could not be measured: ${message(error)}`);
    }
  }
  if (!parts.public && !orgCorpus) throw new Error(problems.join('; ') || 'nothing to measure');

  since = performance.now();
  // Every bench connection comes from 127.0.0.1: the per-client search limit would answer
  // nearly all of them 429, so it is off here; the result cache and the concurrency cap stay on.
  const server = await startServer(config.port, { ...dbEnv, SITE_URL: baseUrl, NEXT_TELEMETRY_DISABLED: '1', SEARCH_PER_MINUTE: '0' });
  console.log(`server: pid ${server.pid} healthy after ${seconds(since)} s`);

  const publicResults = parts.public ? await measurePublic(newest!.slug, showcase!.id, problems) : undefined;

  // The admin pages of the organization half: sequential requests, after the public load has ended.
  let orgPages: OrgPageResult[] | undefined;
  let orgLoadavg: number[] | undefined;
  if (orgCorpus) {
    try {
      console.log('org pages: server time, sequential requests');
      const { samples, rounds, warmup } = config.org;
      orgPages = await measureOrgPages(baseUrl, pageTargets, orgCorpus.fixtures, { samples, rounds, warmup, maxMs: config.targets.orgPageP95Ms }, console.log);
      orgLoadavg = os.loadavg();
    } catch (error) {
      problems.push(`org pages: ${message(error)}`);
      console.log(`org pages: ERROR: ${message(error)}`);
    }
  }
  await server.stop();

  // Last, on a quiet machine: its own throwaway database, instances and nginx.
  const scale = parts.scale ? await measureScale(onPostgres) : undefined;
  if (scale) problems.push(...scale.problems);

  let bundleVerdict = 'ERROR';
  if (publicResults) {
    const { rows, searchLoad, bundle } = publicResults;
    console.log(`\n${httpTable(rows, config.targets.cachedPageRatio)}\n`);
    if (searchLoad) console.log(`${searchLoadTable(searchLoad)}\n`);
    if (search) console.log(searchLine(search, onPostgres, config.targets.searchP95Ms).line);
    if (bundle) {
      const { line, verdict } = bundleLine(bundle, config.targets.firstLoadJsKb);
      bundleVerdict = verdict;
      console.log(line);
    }
  }
  if (orgCorpus) console.log(`\n${orgCorpusLines(orgCorpus)}`);
  if (orgPages) {
    console.log(`\n${orgPagesTable(orgPages, config.targets.orgPageP95Ms)}`);
    console.log(`load average after the org pages: ${orgLoadavg?.map((n) => n.toFixed(2)).join(' ')} (${os.cpus().length} CPUs, shared)`);
  }
  if (scale) console.log(`\n${scalePartLines(scale)}`);
  for (const problem of problems) console.log(`could not measure: ${problem}`);

  const file = writeResults(
    {
      startedAt: startedAt.toISOString(),
      finishedAt: new Date().toISOString(),
      machine: { cpus: os.cpus().length, loadavg: os.loadavg(), node: process.version },
      config,
      build,
      database: onPostgres ? { kind: 'postgres', name: database.name } : { kind: 'pglite', reason: database.reason },
      parts,
      corpus: parts.public ? { articles: config.articles, seconds: corpusSeconds } : null,
      articleSlug: newest?.slug ?? null,
      http: publicResults?.rows ?? null,
      ratiosPerRound: publicResults ? Object.fromEntries(publicResults.ratios) : null,
      articleUnderSearchLoad: publicResults?.searchLoad ?? null,
      search: search ? { ...search, verdict: searchVerdict } : null,
      firstLoadJs: publicResults?.bundle ? { ...publicResults.bundle, verdict: bundleVerdict } : null,
      // The generated passwords stay out of the results file.
      orgCorpus: orgCorpus ? { phases: orgCorpus.phases, seconds: orgCorpus.seconds, counts: orgCorpus.counts, unitId: orgCorpus.fixtures.unitId, personId: orgCorpus.fixtures.personId, secretaryBranchId: orgCorpus.fixtures.secretary.branchId } : null,
      orgPages: orgPages ?? null,
      scale: scale ? { scaleOut: scale.scaleOut, publish: scale.publish } : null,
      problems,
    },
    startedAt,
  );
  console.log(`\nresults: ${file}`);
  return problems.length === 0 ? 0 : 1;
}

function measureScale(onPostgres: boolean) {
  console.log('scale-out: two instances behind the shipped nginx config, on a throwaway database');
  return measureScalePart({
    adminUrl: config.adminUrl,
    onPostgres,
    rounds: config.scaleRounds,
    durationSeconds: Math.min(config.durationSeconds, 8),
    connections: config.connections,
    log: console.log,
  });
}

/** BENCH_ONLY=scale: no corpus, no single server; the part's own database on the PostgreSQL server. */
async function scaleOnly(startedAt: Date, build: string) {
  let onPostgres = false;
  const probe = postgres(config.adminUrl, { max: 1, connect_timeout: 5, onnotice: () => {} });
  try {
    await probe`select 1`;
    onPostgres = true;
  } catch {
    // reported by the part as a problem
  } finally {
    await probe.end({ timeout: 1 });
  }
  const scale = await measureScale(onPostgres);
  console.log(`\n${scalePartLines(scale)}`);
  for (const problem of scale.problems) console.log(`could not measure: ${problem}`);
  const file = writeResults(
    { startedAt: startedAt.toISOString(), finishedAt: new Date().toISOString(), machine: { cpus: os.cpus().length, loadavg: os.loadavg(), node: process.version }, config, build, parts: { scale: true }, scale: { scaleOut: scale.scaleOut, publish: scale.publish }, problems: scale.problems },
    startedAt,
  );
  console.log(`\nresults: ${file}`);
  return scale.problems.length === 0 ? 0 : 1;
}

/** The public pages under load (ratios to a static baseline), the article under search load, first-load JS. */
async function measurePublic(articleSlug: string, lectureId: number, problems: string[]) {
  const targets: { name: string; path: string; kind: TargetKind }[] = [
    { name: 'about', path: '/about', kind: 'baseline' },
    { name: 'home', path: '/', kind: 'cached' },
    { name: 'article', path: `/articles/${articleSlug}`, kind: 'cached' },
    { name: 'column', path: '/columns/work-news', kind: 'cached' },
    { name: 'lectures', path: '/lectures', kind: 'cached' },
    { name: 'lecture', path: `/lectures/${lectureId}`, kind: 'cached' },
    { name: 'search', path: `/search?q=${encodeURIComponent('营商环境')}`, kind: 'dynamic' },
  ];
  // Several rounds of the baseline and the cached pages, so a noisy moment on this shared
  // machine hits them alike; each page's ratio is the median of its per-round ratios to the
  // baseline measured in the same round. The order of the pages rotates between rounds. The
  // dynamic search page runs after all rounds: its slow requests would otherwise still be in
  // flight (and its garbage still being collected) when the next round's baseline starts.
  const rounds = new Map<string, LoadResult[]>();
  const ratios = new Map<string, number[]>();
  const load = async (target: (typeof targets)[number], label: string) => {
    try {
      process.stdout.write(`load (${label}): ${target.name} ${target.path} …`);
      const result = await measure(baseUrl, target, config);
      rounds.set(target.name, [...(rounds.get(target.name) ?? []), result]);
      const warm = Object.entries(result.warmupStatuses).map(([code, n]) => `${code}×${n}`).join(' ');
      console.log(` ${result.requestsPerSecond.toFixed(0)} req/s (warm-up: ${warm})`);
      return result;
    } catch (error) {
      problems.push(`load ${target.path}: ${message(error)}`);
      console.log(` ERROR: ${message(error)}`);
      return null;
    }
  };
  const [baselineTarget, ...others] = targets;
  const cached = others.filter((t) => t.kind === 'cached');
  for (let round = 1; round <= config.rounds; round++) {
    const label = `round ${round}/${config.rounds}`;
    const base = await load(baselineTarget!, label);
    const shift = (round - 1) % cached.length;
    for (const target of [...cached.slice(shift), ...cached.slice(0, shift)]) {
      const result = await load(target, label);
      if (result && base && base.requestsPerSecond > 0) ratios.set(target.name, [...(ratios.get(target.name) ?? []), result.requestsPerSecond / base.requestsPerSecond]);
    }
  }
  for (const target of others.filter((t) => t.kind === 'dynamic')) await load(target, 'after the rounds');

  // Last, like the dynamic page: the search load must not spill into another measurement.
  let searchLoad: SearchLoadResult | undefined;
  try {
    process.stdout.write(`load: article ${targets[2]!.path} idle, then while ${config.searchConnections} connections search …`);
    searchLoad = await measureSearchLoad(baseUrl, targets[2]!.path, {
      durationSeconds: config.durationSeconds,
      readerConnections: config.readerConnections,
      searchConnections: config.searchConnections,
      maxRatio: config.targets.underSearchLoadP50Ratio,
    });
    console.log(` p50 ${searchLoad.idle.p50} → ${searchLoad.loaded.p50} ms`);
  } catch (error) {
    problems.push(`article under search load: ${message(error)}`);
    console.log(` ERROR: ${message(error)}`);
  }
  const median = (values: number[] | undefined) => (values?.length ? [...values].sort((a, b) => a - b)[Math.floor((values.length - 1) / 2)]! : null);
  for (const [name, values] of ratios) console.log(`ratios of ${name} per round: ${values.map((v) => `${v.toFixed(2)}×`).join(' ')}`);
  const baseline = medianResult(rounds.get(baselineTarget!.name) ?? []);
  const rows: HttpRow[] = targets.flatMap((target) => {
    const result = medianResult(rounds.get(target.name) ?? []);
    return result ? [judge(result, target.kind, baseline, config.targets.cachedPageRatio, median(ratios.get(target.name)))] : [];
  });

  let bundle;
  try {
    bundle = await firstLoadJs(baseUrl, targets[2]!.path);
  } catch (error) {
    problems.push(`first-load JS: ${message(error)}`);
  }
  return { rows, ratios, searchLoad, bundle };
}

cleanupOnSignals();
let code = 1;
try {
  code = await main();
} catch (error) {
  console.error(`\nbench could not run: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
} finally {
  await cleanup();
}
process.exit(code);
