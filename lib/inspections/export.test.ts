import { describe, expect, it } from 'vitest';
import { findingsCsv, findingsExportFilename, statsCells } from './export';
import type { InspectionFindingRow } from './types';

const row: InspectionFindingRow = {
  id: 7,
  inspectionId: 3,
  inspectedOn: '2026-10-09',
  method: 'four_nos',
  branchName: '市财政局机关第一党支部',
  unitName: '市财政局',
  category: 'formalism',
  comment: '台账"留痕"过多，内容空泛',
  raisedOn: '2026-10-09',
  dueOn: '2026-11-08',
  state: 'open',
  closedOn: null,
  overdue: true,
};

describe('the inspection findings export', () => {
  it('writes a BOM, Chinese headers and quoted cells', () => {
    const csv = findingsCsv([row]);
    expect(csv.startsWith('\uFEFF提出日期,单位,')).toBe(true);
    expect(csv).toContain('四不两直,形式主义,"台账""留痕""过多，内容空泛",2026-11-08,待整改,是,,3,7');
  });

  it('lists unit figures then the total, blank where there is no rate or median', () => {
    const total = { unitName: '合计', raised: 0, closed: 0, overdue: 0, rate: null, medianDaysToClose: null };
    expect(statsCells({ units: [], total })).toEqual([['合计', 0, 0, 0, '', '']]);
    expect(findingsExportFilename({ from: '2026-01-01', to: '2026-12-31', measure: 'overdue' }, 'xlsx')).toBe('inspection-findings-20260101-20261231-overdue.xlsx');
  });
});
