import fs from 'node:fs';
import path from 'node:path';
import type { BundleSize } from './bundle-size';
import type { LoadResult } from './http';
import type { OrgCorpus } from './org-corpus';
import type { OrgPageResult } from './org-pages';
import type { SearchLatency } from './search';
import type { SearchLoadResult } from './search-load';

export type TargetKind = 'baseline' | 'cached' | 'dynamic';
export type HttpRow = LoadResult & { kind: TargetKind; ratio: number | null; verdict: string };

const codes = (counts: Record<string, number>) =>
  Object.entries(counts)
    .filter(([code]) => !code.startsWith('2'))
    .map(([code, n]) => `${code}×${n}`)
    .join(' ');

/** Ratio to the baseline and a verdict; non-2xx answers are never hidden behind a PASS. */
export function judge(result: LoadResult, kind: TargetKind, baseline: LoadResult | undefined, minRatio: number, pairedRatio?: number | null): HttpRow {
  // Prefer the median of per-round ratios (each page against the baseline of its own round).
  const ratio = pairedRatio ?? (baseline && baseline.requestsPerSecond > 0 ? result.requestsPerSecond / baseline.requestsPerSecond : null);
  // Zero completed responses (all slower than the run) must not read as a clean row.
  const bad =
    result.requests === 0
      ? 'no response completed within the run'
      : result.non2xx > 0 || result.errors > 0
        ? `non-2xx/errors: ${codes(result.statusCodes) || `${result.errors} errors`}`
        : '';
  let verdict: string;
  if (kind === 'baseline') verdict = bad ? `BASELINE INVALID (${bad})` : 'BASELINE';
  else if (baseline && (baseline.non2xx > 0 || baseline.errors > 0)) verdict = 'n/a (baseline not 2xx)';
  else if (kind === 'dynamic') verdict = bad ? `info (${bad})` : 'info (no target)';
  else if (bad) verdict = `FAIL (${bad})`;
  else verdict = ratio !== null && ratio >= minRatio ? 'PASS' : 'FAIL';
  return { ...result, kind, ratio, verdict };
}

// Terminals draw CJK characters two columns wide; padStart/padEnd would misalign them.
const WIDE = /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/u;
const width = (text: string) => Array.from(text).reduce((sum, c) => sum + (WIDE.test(c) ? 2 : 1), 0);
const pad = (text: string, to: number, left: boolean) => (left ? ' '.repeat(Math.max(0, to - width(text))) + text : text + ' '.repeat(Math.max(0, to - width(text))));

function table(header: string[], rows: string[][]): string {
  const widths = header.map((h, i) => Math.max(width(h), ...rows.map((r) => width(r[i]!))));
  const line = (cells: string[]) => cells.map((c, i) => pad(c, widths[i]!, i > 0 && i < cells.length - 1)).join('  ').trimEnd();
  return [line(header), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)].join('\n');
}

export function httpTable(rows: HttpRow[], minRatio: number): string {
  return table(
    ['target', 'req/s', 'p50 ms', 'p97.5 ms', 'p99 ms', 'non-2xx', 'errors', 'ratio', `verdict (cached pages ≥ ${minRatio}× baseline)`],
    rows.map((r) => [
      `${r.name} ${decodeURIComponent(r.path)}`,
      r.requestsPerSecond.toFixed(0),
      String(r.latencyMs.p50),
      String(r.latencyMs.p97_5),
      String(r.latencyMs.p99),
      String(r.non2xx),
      String(r.errors),
      r.ratio === null ? '-' : `${r.ratio.toFixed(2)}×`,
      r.verdict,
    ]),
  );
}

/** The article page idle and under search load, with the search load's own outcome. */
export function searchLoadTable(r: SearchLoadResult): string {
  const ratio = (value: number | null) => (value === null ? '-' : `${value.toFixed(2)}×`);
  const statuses = Object.entries(r.searches.statusCodes).map(([code, n]) => `${code}×${n}`).join(' ');
  return table(
    ['article page under search load', 'req/s', 'p50 ms', 'p99 ms', 'non-2xx', 'errors', `verdict (loaded p50 ≤ ${r.maxRatio}× idle)`],
    [
      [`idle (${r.readerConnections} connections)`, r.idle.requestsPerSecond.toFixed(0), String(r.idle.p50), String(r.idle.p99), String(r.idle.non2xx), String(r.idle.errors), ''],
      [
        `while ${r.searchConnections} connections search`,
        r.loaded.requestsPerSecond.toFixed(0),
        String(r.loaded.p50),
        String(r.loaded.p99),
        String(r.loaded.non2xx),
        String(r.loaded.errors),
        `p50 ${ratio(r.ratioP50)}, p99 ${ratio(r.ratioP99)}: ${r.verdict}`,
      ],
      [
        `the searches (${r.distinctSearches} distinct)`,
        r.searches.requestsPerSecond.toFixed(0),
        '',
        '',
        statuses,
        String(r.searches.errors + r.searches.timeouts),
        'info (503 = busy, shed on purpose)',
      ],
    ],
  );
}

export function searchLine(search: SearchLatency, onPostgres: boolean, maxP95: number): { line: string; verdict: string } {
  const verdict = !onPostgres ? 'not measured on PostgreSQL (PGlite fallback)' : search.p95 <= maxP95 ? 'PASS' : 'FAIL';
  const line = `search server time (${search.calls} calls): p50 ${search.p50.toFixed(1)} ms, p95 ${search.p95.toFixed(1)} ms, p99 ${search.p99.toFixed(1)} ms  [target p95 ≤ ${maxP95} ms on PostgreSQL: ${verdict}]`;
  const perQuery = search.perQuery.map((q) => `    ${q.query}${q.columnSlug ? ` in ${q.columnSlug}` : ''}: ${q.total} hits, median ${q.medianMs.toFixed(1)} ms`);
  return { line: [line, ...perQuery].join('\n'), verdict };
}

export function bundleLine(bundle: BundleSize, maxKb: number): { line: string; verdict: string } {
  const failedScripts = bundle.scripts.filter((s) => s.status !== 200).length;
  const verdict =
    bundle.status !== 200 ? `INVALID (page answered ${bundle.status})` : failedScripts > 0 ? `INVALID (${failedScripts} scripts not 200)` : bundle.totalGzipKb <= maxKb ? 'PASS' : 'FAIL';
  const line = `first-load JS of ${bundle.path}: ${bundle.scripts.length} scripts, ${bundle.totalGzipKb.toFixed(1)} KB gzipped  [target ≤ ${maxKb} KB: ${verdict}]`;
  return { line, verdict };
}

/** How long the organization corpus took to load, phase by phase, and what it holds. */
export function orgCorpusLines(corpus: OrgCorpus): string {
  const phases = corpus.phases.map((p) => `${p.name} ${p.seconds.toFixed(1)} s`).join(', ');
  const counts = Object.entries(corpus.counts).map(([name, n]) => `${name.replace(/_/g, ' ')} ${n.toLocaleString('en-US')}`);
  return [
    `org corpus ready in ${corpus.seconds.toFixed(1)} s (${phases})`,
    `  ${counts.join(', ')}`,
    `  unit measured: ${corpus.fixtures.unitName} (id ${corpus.fixtures.unitId}); person ${corpus.fixtures.personId}; secretary of ${corpus.fixtures.secretary.branchName} (id ${corpus.fixtures.secretary.branchId})`,
  ].join('\n');
}

/** Server time per admin page: p50 and p95 of sequential requests against the target. */
export function orgPagesTable(rows: OrgPageResult[], maxMs: number): string {
  const ms = (value: number | null) => (value === null ? '-' : value.toFixed(1));
  return table(
    ['admin page (server time, sequential requests)', 'as', 'page', 'n', 'p50 ms', 'p95 ms', 'max ms', 'KB', `verdict (p95 ≤ ${maxMs} ms)`],
    rows.map((r) => [
      `${r.name}: ${r.measuredPath.length > 80 ? `${r.measuredPath.slice(0, 77)}…` : r.measuredPath}`,
      r.as,
      String(r.hops + 1),
      String(r.samples),
      ms(r.p50),
      ms(r.p95),
      ms(r.max),
      (r.bytes / 1024).toFixed(0),
      r.verdict,
    ]),
  );
}

/** bench/results/<ISO timestamp>.json; colons become dashes so the name is portable. */
export function writeResults(results: object, startedAt: Date): string {
  const dir = path.join(process.cwd(), 'bench', 'results');
  fs.mkdirSync(dir, { recursive: true });
  const file = path.join(dir, `${startedAt.toISOString().replace(/:/g, '-')}.json`);
  fs.writeFileSync(file, `${JSON.stringify(results, null, 2)}\n`);
  return file;
}
