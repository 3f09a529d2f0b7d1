import { parseId } from '@/lib/ids';
import { parsePage } from '@/lib/pagination/offset';
import { activityKinds } from '@/db/schema/activities';
import type { ComplianceFilters, Granularity, NodeCompliance, RuleKey } from './types';

// The compliance page's filters, from the query string (page and exports alike). Lenient: a value
// that does not parse falls back to its default, so a hand-edited URL never errors.

type QueryInput = URLSearchParams | Record<string, string | string[] | undefined>;

export const FIRST_YEAR = 2018;
export const granularities: Granularity[] = ['year', 'quarter', 'month'];
export const granularityLabels: Record<Granularity, string> = { year: '按年', quarter: '按季度', month: '按月' };

function first(input: QueryInput, key: string): string | undefined {
  if (input instanceof URLSearchParams) return input.get(key) ?? undefined;
  const value = input[key];
  return Array.isArray(value) ? value[0] : value;
}

const ruleKeys: readonly RuleKey[] = [...activityKinds, 'secretary_lecture'];

export function parseComplianceFilters(input: QueryInput, today: string): ComplianceFilters {
  const currentYear = Number(today.slice(0, 4));
  const yearText = first(input, 'year');
  const year = yearText && /^\d{4}$/.test(yearText) && Number(yearText) >= FIRST_YEAR && Number(yearText) <= currentYear ? Number(yearText) : currentYear;
  const view = first(input, 'view');
  // `gaps=1`: nodes with any gap; `gaps=<rule>`: nodes that missed that rule.
  const gaps = first(input, 'gaps');
  const rule = ruleKeys.includes(gaps as RuleKey) ? (gaps as RuleKey) : null;
  return {
    branchId: parseId(first(input, 'branch')),
    year,
    granularity: granularities.includes(view as Granularity) ? (view as Granularity) : 'year',
    gapsOnly: gaps === '1' || rule !== null,
    rule,
    page: parsePage(first(input, 'page')),
  };
}

/** The query string of a filter set (defaults left out), with a leading `?` when not empty. */
export function complianceQuery(f: Partial<ComplianceFilters>, extra: Record<string, string> = {}): string {
  const params = new URLSearchParams();
  if (f.branchId) params.set('branch', String(f.branchId));
  if (f.year) params.set('year', String(f.year));
  if (f.granularity && f.granularity !== 'year') params.set('view', f.granularity);
  if (f.gapsOnly) params.set('gaps', f.rule ?? '1');
  if (f.page && f.page > 1) params.set('page', String(f.page));
  for (const [k, v] of Object.entries(extra)) params.set(k, v);
  const text = params.toString();
  return text ? `?${text}` : '';
}

export function yearOptions(today: string): number[] {
  const current = Number(today.slice(0, 4));
  return Array.from({ length: current - FIRST_YEAR + 1 }, (_, i) => current - i);
}

/** The nodes a filter set lists: all, those with any gap, or those that missed one rule. */
export function listedNodes(nodes: NodeCompliance[], { gapsOnly, rule }: Pick<ComplianceFilters, 'gapsOnly' | 'rule'>): NodeCompliance[] {
  if (!gapsOnly) return nodes;
  if (rule) return nodes.filter((n) => n.rules.some((r) => r.key === rule && r.state === 'missed'));
  return nodes.filter((n) => !n.compliant);
}
