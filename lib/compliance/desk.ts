import 'server-only';
import { sql } from 'drizzle-orm';
import { getDb } from '@/db/client';
import type { Database } from '@/db/open';
import { selectRows } from '@/db/rows';
import type { ActivityKind } from '@/db/schema/activities';
import { type Actor, authorize } from '@/lib/auth/permissions';
import { addDays, daysBetween, subtractMonths, todayInBeijing } from '@/lib/calendar/days';
import { AppError } from '@/lib/errors';
import { pickRuleSet, type RuleSetVersion } from '@/lib/rules/pick';
import type { BranchRules } from '@/lib/rules/schemas';
import { compute, dateText, lateThreshold, refOf, resolveRoot, scopeIds } from './compute';
import { nodeFilter } from './node-filter';
import type { NodeCompliance } from './evaluate';
import { periodContaining } from './periods';
import type { DueItem, LateEntry, SecretaryDashboard, TermEnding } from './types';

// The secretary's 工作台: what is due now, what last month missed, late entries and terms
// ending, for their own subtree.

async function lateEntriesOf(db: Database, ids: number[] | null, from: string, to: string, sets: RuleSetVersion<BranchRules>[], limit: number): Promise<LateEntry[]> {
  const rows = await selectRows<{ id: number; kind: ActivityKind; held_on: string; submitted_on: string; branch_id: number; branch_name: string }>(
    db,
    sql`select r.id, r.kind, r.held_on::text as held_on, r.submitted_on::text as submitted_on, r.branch_id, b.name as branch_name
        from activity_records r join branches b on b.id = r.branch_id
        where r.held_on >= ${from}::date and r.held_on <= ${to}::date and r.status <> 'draft'
          and ${nodeFilter(sql`r.branch_id`, ids)}
          and r.submitted_on - r.held_on > ${lateThreshold(sets, from, to)}
        order by r.held_on desc, r.id desc limit ${limit}`,
  );
  return rows.map((r) => ({
    id: Number(r.id),
    kind: r.kind,
    heldOn: dateText(r.held_on)!,
    submittedOn: dateText(r.submitted_on)!,
    daysLate: daysBetween(dateText(r.held_on)!, dateText(r.submitted_on)!),
    branchId: Number(r.branch_id),
    branchName: r.branch_name,
  }));
}

async function termsEndingOf(db: Database, ids: number[] | null, today: string, warningDays: number): Promise<TermEnding[]> {
  const rows = await selectRows<{ id: number; position: TermEnding['position']; person_id: number; person_name: string; branch_id: number; branch_name: string; ends_on: string }>(
    db,
    sql`select c.id, c.position, c.person_id, p.name as person_name, c.branch_id, b.name as branch_name, c.ends_on::text as ends_on
        from committee_positions c join people p on p.id = c.person_id join branches b on b.id = c.branch_id
        where ${nodeFilter(sql`c.branch_id`, ids)}
          and c.ended_on is null and c.ends_on <= ${addDays(today, warningDays)}::date
          and not exists (select 1 from committee_positions later
                          where later.branch_id = c.branch_id and later.position = c.position and later.starts_on > c.starts_on)
        order by c.ends_on, c.id`,
  );
  return rows.map((r) => ({
    id: Number(r.id),
    position: r.position,
    personId: Number(r.person_id),
    personName: r.person_name,
    branchId: Number(r.branch_id),
    branchName: r.branch_name,
    endsOn: dateText(r.ends_on)!,
    daysLeft: daysBetween(today, dateText(r.ends_on)!),
  }));
}

const checksWhere = (evaluated: NodeCompliance[], keep: (check: DueItem['check']) => boolean): DueItem[] =>
  evaluated.flatMap((e) => e.rules.flatMap((r) => r.periods.filter(keep).map((check) => ({ node: refOf(e.node), key: r.key, check }))));

/** The secretary's desk: what is due now, what last month missed, late entries and terms ending. */
export async function secretaryDashboard(actor: Actor & { branchId: number | null }, today = todayInBeijing()): Promise<SecretaryDashboard> {
  authorize(actor, 'compliance.read');
  if (actor.branchId === null) throw new AppError('not_found', '您的账号未关联支部。');
  const db = await getDb();
  const rootId = await resolveRoot(db, actor, actor.branchId);
  const year = Number(today.slice(0, 4));
  const lastMonth = periodContaining(subtractMonths(`${today.slice(0, 7)}-01`, 1), 'month');
  const current = await compute(db, rootId, year, today);
  const previous = lastMonth.year === year ? current : await compute(db, rootId, lastMonth.year, today);
  const set = pickRuleSet(current.sets, today);
  const termWarningDays = set?.rules.termWarningDays ?? 90;
  const [lateEntries, termsEnding] = await Promise.all([
    lateEntriesOf(db, scopeIds(current.nodes), `${year - 1}-01-01`, today, current.sets, 20),
    termsEndingOf(db, scopeIds(current.nodes), today, termWarningDays),
  ]);
  return {
    branch: refOf(current.nodes[0]!),
    today,
    dueNow: checksWhere(current.evaluated, (c) => c.state === 'open'),
    missedLastMonth: checksWhere(previous.evaluated, (c) => c.state === 'missed' && c.period.to === lastMonth.to),
    lastMonth,
    lateEntries,
    termsEnding,
    termWarningDays,
  };
}
