import fs from 'node:fs';
import type { OrgFixtures } from './org-corpus';
import type { OrgRole, OrgTarget } from './org-targets';

// Server time of signed-in admin pages: one sequential request at a time on loopback, from the
// request's start to the last byte of the page, so nothing queues behind another request.

export type OrgPageResult = {
  name: string;
  as: OrgRole;
  /** The path as listed, with its placeholders filled. */
  path: string;
  /** The page measured: `path`, or where its rel="next" links led. */
  measuredPath: string;
  /** rel="next" links followed (fewer than asked when the list ended). */
  hops: number;
  statuses: Record<string, number>;
  samples: number;
  p50: number | null;
  p95: number | null;
  max: number | null;
  bytes: number;
  verdict: string;
  issue11: boolean;
};

/** Cookies as a browser keeps them for one site: the latest value of each name. */
export class CookieJar {
  private readonly cookies = new Map<string, string>();

  take(response: Response) {
    for (const line of response.headers.getSetCookie()) {
      const [pair] = line.split(';');
      const at = pair!.indexOf('=');
      if (at > 0) this.cookies.set(pair!.slice(0, at).trim(), pair!.slice(at + 1).trim());
    }
  }

  has(name: string) {
    return this.cookies.has(name);
  }

  header() {
    return [...this.cookies].map(([name, value]) => `${name}=${value}`).join('; ');
  }
}

export type Session = { as: OrgRole; username: string; cookie: string };

/** One attempt through the credentials endpoint from a fresh browser: where it leads, and its cookies. */
export async function attemptSignIn(baseUrl: string, username: string, password: string): Promise<{ location: string; jar: CookieJar }> {
  const jar = new CookieJar();
  const csrfResponse = await fetch(`${baseUrl}/api/auth/csrf`);
  jar.take(csrfResponse);
  const { csrfToken } = (await csrfResponse.json()) as { csrfToken: string };
  const response = await fetch(`${baseUrl}/api/auth/callback/credentials`, {
    method: 'POST',
    redirect: 'manual',
    headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: jar.header() },
    body: new URLSearchParams({ username, password, csrfToken, callbackUrl: `${baseUrl}/admin` }),
  });
  await response.arrayBuffer();
  jar.take(response);
  return { location: response.headers.get('location') ?? '', jar };
}

/**
 * Signs in once through Auth.js's credentials endpoint, as the login form's server action does,
 * so the login limits (per account, device and address) see one attempt per account and run.
 */
export async function signIn(baseUrl: string, as: OrgRole, username: string, password: string): Promise<Session> {
  const { location, jar } = await attemptSignIn(baseUrl, username, password);
  if (!jar.has('authjs.session-token') || /[?&](error|code)=/.test(location)) {
    throw new Error(`signing in as ${username} failed: → ${location || '(no location)'}`);
  }
  // The session must open the admin area, not bounce to the login page.
  const check = await fetch(`${baseUrl}/admin`, { redirect: 'manual', headers: { cookie: jar.header() } });
  await check.arrayBuffer();
  if (check.status !== 200) throw new Error(`signed in as ${username}, but /admin answered ${check.status} ${check.headers.get('location') ?? ''}`);
  return { as, username, cookie: jar.header() };
}

export function fillPlaceholders(path: string, fixtures: OrgFixtures): string {
  const values: Record<string, number> = {
    unitId: fixtures.unitId,
    personId: fixtures.personId,
    secretaryPersonId: fixtures.secretaryPersonId,
    secretaryBranchId: fixtures.secretary.branchId,
  };
  return path.replace(/\{(\w+)\}/g, (whole, name: string) => {
    if (!(name in values)) throw new Error(`unknown placeholder ${whole} in ${path}`);
    return String(values[name]);
  });
}

/** The href of the first `<a … rel="next" …>` of a page, HTML entities decoded. */
export function nextLink(html: string): string | null {
  for (const match of html.matchAll(/<a\b[^>]*>/g)) {
    const tag = match[0];
    if (!/\srel="([^"]*\s)?next(\s[^"]*)?"/.test(tag)) continue;
    const href = /\shref="([^"]+)"/.exec(tag)?.[1];
    if (href) return href.replace(/&amp;/g, '&').replace(/&#x27;|&#39;/g, "'").replace(/&quot;/g, '"');
  }
  return null;
}

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;

async function timedGet(baseUrl: string, path: string, cookie: string) {
  const started = performance.now();
  const response = await fetch(baseUrl + path, { redirect: 'manual', headers: { cookie }, signal: AbortSignal.timeout(60_000) });
  const body = await response.text();
  return { ms: performance.now() - started, status: response.status, location: response.headers.get('location'), body };
}

type Prepared = { target: OrgTarget; session: Session; path: string; measuredPath: string; hops: number };

/** Fills the placeholders and follows the rel="next" links a target asks for. */
async function prepare(baseUrl: string, target: OrgTarget, session: Session, fixtures: OrgFixtures): Promise<Prepared> {
  const path = fillPlaceholders(target.path, fixtures);
  let measuredPath = path;
  let hops = 0;
  for (let i = 0; i < (target.followNext ?? 0); i++) {
    const page = await timedGet(baseUrl, measuredPath, session.cookie);
    const next = page.status === 200 ? nextLink(page.body) : null;
    if (!next) break;
    measuredPath = next;
    hops += 1;
  }
  return { target, session, path, measuredPath, hops };
}

type Samples = { timings: number[]; statuses: Record<string, number>; bytes: number; redirectedTo: string | null };

async function sample(baseUrl: string, page: Prepared, count: number, into: Samples) {
  for (let i = 0; i < count; i++) {
    const response = await timedGet(baseUrl, page.measuredPath, page.session.cookie);
    into.statuses[response.status] = (into.statuses[response.status] ?? 0) + 1;
    into.timings.push(response.ms);
    into.bytes = Buffer.byteLength(response.body);
    into.redirectedTo ??= response.location;
  }
}

function judgePage(page: Prepared, samples: Samples, maxMs: number): OrgPageResult {
  const { target } = page;
  const sorted = [...samples.timings].sort((a, b) => a - b);
  const p95 = sorted.length > 0 ? percentile(sorted, 95) : null;
  const others = Object.entries(samples.statuses).filter(([code]) => code !== '200');
  let verdict: string;
  if (others.length === 0 && p95 !== null) verdict = p95 <= maxMs ? 'PASS' : 'FAIL';
  else if (samples.statuses['404'] === sorted.length) verdict = target.issue11 ? 'n/a (404: page not built yet)' : 'INVALID (404)';
  else verdict = `INVALID (${others.map(([code, n]) => `${code}×${n}`).join(' ')}${samples.redirectedTo ? ` → ${samples.redirectedTo}` : ''})`;
  // A deep page that is not as deep as asked is said so, whatever the verdict.
  if (page.hops < (target.followNext ?? 0)) verdict += ` (the list ends at page ${page.hops + 1})`;
  return {
    name: target.name,
    as: target.as,
    path: page.path,
    measuredPath: page.measuredPath,
    hops: page.hops,
    statuses: samples.statuses,
    samples: sorted.length,
    p50: sorted.length > 0 ? percentile(sorted, 50) : null,
    p95,
    max: sorted.at(-1) ?? null,
    bytes: samples.bytes,
    verdict,
    issue11: target.issue11 ?? false,
  };
}

/** The listed targets, or those of BENCH_ORG_TARGETS (a JSON array of OrgTarget). */
export function loadTargets(builtIn: OrgTarget[], file: string | undefined): OrgTarget[] {
  if (!file) return builtIn;
  const parsed = JSON.parse(fs.readFileSync(file, 'utf8')) as unknown;
  const valid = (t: unknown): t is OrgTarget =>
    typeof t === 'object' && t !== null && typeof (t as OrgTarget).name === 'string' && typeof (t as OrgTarget).path === 'string' && ['admin', 'secretary'].includes((t as OrgTarget).as);
  if (!Array.isArray(parsed) || !parsed.every(valid)) throw new Error(`${file}: expected a JSON array of { name, as: "admin" | "secretary", path, followNext? }`);
  return parsed;
}

/**
 * Every target, signed in once per role. The samples of a page are taken in rounds, each
 * round visiting every page in turn, so a noisy moment on this shared machine falls on all
 * pages alike rather than on whichever page was being measured.
 */
export async function measureOrgPages(
  baseUrl: string,
  targets: OrgTarget[],
  fixtures: OrgFixtures,
  options: { samples: number; rounds: number; warmup: number; maxMs: number },
  log: (line: string) => void = () => {},
): Promise<OrgPageResult[]> {
  const sessions: Record<OrgRole, Session> = {
    admin: await signIn(baseUrl, 'admin', fixtures.admin.username, fixtures.admin.password),
    secretary: await signIn(baseUrl, 'secretary', fixtures.secretary.username, fixtures.secretary.password),
  };
  const pages: Prepared[] = [];
  for (const target of targets) pages.push(await prepare(baseUrl, target, sessions[target.as], fixtures));
  const samples = pages.map((): Samples => ({ timings: [], statuses: {}, bytes: 0, redirectedTo: null }));
  // Warm-up requests are not counted: the first render of a route loads its code.
  for (const page of pages) await sample(baseUrl, page, options.warmup, { timings: [], statuses: {}, bytes: 0, redirectedTo: null });
  const perRound = Math.ceil(options.samples / options.rounds);
  for (let round = 0; round < options.rounds; round++) {
    for (const [i, page] of pages.entries()) await sample(baseUrl, page, Math.min(perRound, options.samples - samples[i]!.timings.length), samples[i]!);
    log(`  round ${round + 1}/${options.rounds} done`);
  }
  return pages.map((page, i) => {
    const result = judgePage(page, samples[i]!, options.maxMs);
    log(`  ${page.target.as} ${result.measuredPath}: p50 ${result.p50?.toFixed(1) ?? '-'} ms, p95 ${result.p95?.toFixed(1) ?? '-'} ms  ${result.verdict}`);
    return result;
  });
}
