import { z } from 'zod';
import type { StepKind } from './steps';

// The figures of a development year: which kinds of step each one counts, and their labels.
// Pure data shared by the query, the page and the exports.

export const figureKeys = ['applications', 'activists', 'targets', 'admissions', 'conversions', 'extensions', 'drops', 'cancellations'] as const;
export type FigureKey = (typeof figureKeys)[number];

export const figureSteps: Record<FigureKey, readonly (StepKind | 'apply')[]> = {
  applications: ['apply'],
  activists: ['to_activist'],
  targets: ['to_target'],
  admissions: ['to_probationary'],
  conversions: ['to_full_member'],
  extensions: ['extend'],
  drops: ['drop'],
  cancellations: ['cancel'],
};

export const figureLabels: Record<FigureKey, string> = {
  applications: '递交入党申请',
  activists: '确定入党积极分子',
  targets: '列为发展对象',
  admissions: '接收预备党员',
  conversions: '预备党员转正',
  extensions: '延长预备期',
  drops: '不再列为培养对象',
  cancellations: '取消预备党员资格',
};

export const FIRST_FIGURE_YEAR = 2000;

/** The figures' query string; a value that does not parse falls back (the current year, page 1). */
export function parseFigureQuery(input: { year?: string; unit?: string; figure?: string; page?: string }, today: string) {
  const current = Number(today.slice(0, 4));
  const year = z.coerce.number().int().min(FIRST_FIGURE_YEAR).max(current).catch(current).parse(input.year ?? current);
  const unitId = z.coerce.number().int().positive().max(2_147_483_647).nullable().catch(null).parse(input.unit ?? null);
  const figure = z.enum(figureKeys).nullable().catch(null).parse(input.figure ?? null);
  const page = z.coerce.number().int().positive().max(10_000).catch(1).parse(input.page ?? 1);
  return { year, unitId, figure, page };
}
