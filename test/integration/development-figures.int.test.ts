import './setup/request-mocks';
import { and, count, eq, gte, inArray, lte } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { branches } from '@/db/schema/branches';
import { developmentTransitions } from '@/db/schema/development';
import { personTransfers } from '@/db/schema/people';
import { roles, type Role } from '@/lib/auth/roles';
import type { SessionUser } from '@/lib/auth/sessions';
import { figureKeys, figureSteps } from '@/lib/development/figure-keys';
import { developmentFigures, developmentFigureSteps } from '@/lib/development/figures';
import { figuresCsv, figuresXlsx } from '@/lib/development/figures-export';
import { branchIdOf, demoUsername, signedIn } from './auth-fixtures';
import { candidateIn, SECRETARY_BRANCH } from './development-fixtures';
import { withDemoDatabase } from './setup/demo-database';

const db = withDemoDatabase();
const as = {} as Record<Role, SessionUser>;
let home: number;
let unit: number;

beforeAll(async () => {
  for (const role of roles) as[role] = await signedIn(db.db, demoUsername[role]);
  home = await branchIdOf(db.db, SECRETARY_BRANCH);
  let id: number | null = home;
  while (id !== null) {
    const [row] = await db.db.select().from(branches).where(eq(branches.id, id));
    if (row!.kind === 'unit_organization') {
      unit = row!.id;
      break;
    }
    id = row!.parentId;
  }
});

/** The steps of each figure dated in the year, counted straight from the step rows. */
async function countedByDate(year: number) {
  const out: Record<string, number> = {};
  for (const key of figureKeys) {
    const [row] = await db.db
      .select({ n: count() })
      .from(developmentTransitions)
      .where(and(inArray(developmentTransitions.step, [...figureSteps[key]]), gte(developmentTransitions.decidedOn, `${year}-01-01`), lte(developmentTransitions.decidedOn, `${year}-12-31`)));
    out[key] = row!.n;
  }
  return out;
}

describe('yearly development figures', () => {
  it('equal the steps counted by the day they happened; a step entered late counts in its own year', async () => {
    const before2025 = await developmentFigures(as.admin, 2025);
    const before2026 = await developmentFigures(as.admin, 2026);
    // Admitted on 2025-12-30 and entered today (in 2026 or later); converted in 2026.
    const file = await candidateIn(db.db, home, { stage: 'full_member', appliedOn: '2023-03-01', activistOn: '2023-05-01', targetOn: '2024-06-01', probationaryOn: '2025-12-30', fullMemberOn: '2026-01-05' });
    await db.db.insert(developmentTransitions).values([
      { recordId: file.record.id, fromStage: 'development_target', toStage: 'probationary', step: 'to_probationary', decidedOn: '2025-12-30', decidingBody: 'general_meeting' },
      { recordId: file.record.id, fromStage: 'probationary', toStage: 'full_member', step: 'to_full_member', decidedOn: '2026-01-05', decidingBody: 'general_meeting' },
    ]);
    const after2025 = await developmentFigures(as.admin, 2025);
    const after2026 = await developmentFigures(as.admin, 2026);
    expect(after2025.total.counts.admissions).toBe(before2025.total.counts.admissions + 1);
    expect(after2025.total.counts.conversions).toBe(before2025.total.counts.conversions);
    expect(after2026.total.counts.conversions).toBe(before2026.total.counts.conversions + 1);
    expect(after2026.total.counts.admissions).toBe(before2026.total.counts.admissions);
    const unitRow = (f: typeof after2025) => f.units.find((u) => u.id === unit)!;
    expect(unitRow(after2025).counts.admissions).toBe(unitRow(before2025).counts.admissions + 1);

    for (const year of [2025, 2026]) {
      const figures = await developmentFigures(as.admin, year);
      expect(figures.total.counts).toEqual(await countedByDate(year));
      for (const key of figureKeys) expect(figures.units.reduce((sum, u) => sum + u.counts[key], 0), key).toBe(figures.total.counts[key]);
    }

    const drill = await developmentFigureSteps(as.admin, { year: 2025, unitId: unit, figure: 'admissions', page: 1 });
    expect(drill.total).toBe(unitRow(after2025).counts.admissions);
    expect(drill.items.find((s) => s.personId === file.person.id)).toMatchObject({ decidedOn: '2025-12-30', step: 'to_probationary' });
    expect(drill.items.find((s) => s.personId === file.person.id)!.enteredOn > '2025-12-31').toBe(true);
    const all = await developmentFigureSteps(as.admin, { year: 2025, unitId: after2025.root.id, figure: 'admissions', page: 1 });
    expect(all.total).toBe(after2025.total.counts.admissions);
  });

  it("counts a transferred person's earlier steps under the unit they were in on the day", async () => {
    // Admitted in 2025 in the secretary's unit, transferred to another unit in 2026; the file moved with them.
    const elsewhere = await branchIdOf(db.db, 'U02-B1');
    const before = await developmentFigures(as.admin, 2025);
    const file = await candidateIn(db.db, elsewhere, { stage: 'probationary', appliedOn: '2023-03-01', activistOn: '2023-05-01', targetOn: '2024-06-01', probationaryOn: '2025-06-30' });
    await db.db.insert(developmentTransitions).values({ recordId: file.record.id, fromStage: 'development_target', toStage: 'probationary', step: 'to_probationary', decidedOn: '2025-06-30', decidingBody: 'general_meeting' });
    await db.db.insert(personTransfers).values({ personId: file.person.id, fromBranchId: home, toBranchId: elsewhere, transferredOn: '2026-03-01', reason: '工作调动' });
    const after = await developmentFigures(as.admin, 2025);
    const admissions = (f: typeof after, id: number) => f.units.find((u) => u.id === id)?.counts.admissions ?? 0;
    const otherUnit = after.units.find((u) => u.id !== unit && admissions(after, u.id) !== admissions(before, u.id));
    expect(otherUnit, 'no other unit gains the admission').toBeUndefined();
    expect(admissions(after, unit)).toBe(admissions(before, unit) + 1);
    const drill = await developmentFigureSteps(as.admin, { year: 2025, unitId: unit, figure: 'admissions', page: 1 });
    expect(drill.items.find((i) => i.personId === file.person.id)?.branchName).toBe((await db.db.select().from(branches).where(eq(branches.id, home)))[0]!.name);
    // The secretary of the old branch counts it in their figures too.
    const mine = await developmentFigures(as.branch_secretary, 2025);
    expect(mine.total.counts.admissions).toBeGreaterThanOrEqual(1);
  });

  it('a secretary sees their own subtree only; an auditor all; an editor nothing', async () => {
    const mine = await developmentFigures(as.branch_secretary, 2026);
    expect(mine.root.id).toBe(as.branch_secretary.branchId);
    const all = await developmentFigures(as.auditor, 2026);
    expect(all.total.counts.applications).toBeGreaterThanOrEqual(mine.total.counts.applications);
    const other = all.units.find((u) => !as.branch_secretary.branchScope!.includes(u.id))!;
    await expect(developmentFigureSteps(as.branch_secretary, { year: 2026, unitId: other.id, figure: 'applications', page: 1 })).rejects.toMatchObject({ code: 'not_found' });
    await expect(developmentFigures(as.editor, 2026)).rejects.toMatchObject({ status: 403 });
  });

  it('exports the same numbers as CSV and XLSX', async () => {
    const figures = await developmentFigures(as.admin, 2025);
    const csv = figuresCsv(figures);
    expect(csv.startsWith('\uFEFF单位党组织,递交入党申请,')).toBe(true);
    expect(csv).toContain(`合计：${figures.root.name},${figureKeys.map((k) => figures.total.counts[k]).join(',')}\r\n`);
    const xlsx = await figuresXlsx(figures);
    expect(xlsx.subarray(0, 2).toString()).toBe('PK');
  });
});
