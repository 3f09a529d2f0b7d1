import { describe, expect, it } from 'vitest';
import { matchSheet, problemSummary } from './import-match';
import { parseCsv, sheetRows } from './import-sheet';

const trainees = [
  { traineeId: 1, personId: 11, name: '张伟', branchNames: ['中共江州市委市级机关工作委员会', '中共江州市发展和改革委员会机关委员会', '中共江州市发展和改革委员会机关第一党支部'] },
  { traineeId: 2, personId: 12, name: '张伟', branchNames: ['中共江州市委市级机关工作委员会', '中共江州市财政局机关委员会', '中共江州市财政局预算管理党支部'] },
  { traineeId: 3, personId: 13, name: '李娜', branchNames: ['中共江州市委市级机关工作委员会', '中共江州市财政局机关委员会'] },
];
const roster = (names: string[] = []) => ({ trainees, present: new Set<number>([3]), inRoster: (r: { name: string }) => names.includes(r.name) });
const row = (line: number, name: string, unit = '', personId: number | null = null) => ({ line, name, unit, personId });

describe('matching a sheet', () => {
  it('narrows a shared name by the unit, abbreviations included, and never guesses', () => {
    const report = matchSheet([row(2, '张伟', '发改委'), row(3, '张伟'), row(4, '张伟', '教育局'), row(5, '王五'), row(6, '赵六')], roster(['赵六']));
    expect(report.rows.map((r) => [r.status, r.traineeId])).toEqual([
      ['matched', 1],
      ['ambiguous', null],
      ['unknown', null],
      ['unknown', null],
      ['not_enrolled', null],
    ]);
    expect(report).toMatchObject({ matched: 1, problems: 4 });
    expect(problemSummary(report)).toContain('第 3 行 张伟：有重名，无法确定');
  });

  it('marks every row naming the same trainee a duplicate, and notes who is already present', () => {
    const report = matchSheet([row(2, '李娜'), row(3, '', '', 13), row(4, '张伟', '财政局')], roster());
    expect(report.rows.map((r) => r.status)).toEqual(['duplicate', 'duplicate', 'matched']);
    expect(matchSheet([row(2, '李娜')], roster())).toMatchObject({ matched: 1, alreadyPresent: 1 });
  });

  it('checks a number against the name beside it', () => {
    expect(matchSheet([row(2, '李娜', '', 12)], roster()).rows[0]!.status).toBe('mismatch');
    expect(matchSheet([row(2, '', '', 99)], roster()).rows[0]!.status).toBe('unknown');
  });
});

describe('reading a sheet', () => {
  it("reads quoted CSV cells, a BOM and blank lines, with the file's line numbers", () => {
    const result = sheetRows(parseCsv('\uFEFF序号,姓名,单位\r\n1,"张 伟","发改委, 第一支部"\r\n\r\n2,李娜,财政局\r\n'));
    expect(result).toEqual({ ok: true, rows: [row(2, '张伟', '发改委,第一支部'), row(4, '李娜', '财政局')] });
  });

  it('needs a 姓名 or 编号 column and valid numbers', () => {
    expect(sheetRows([['名单'], ['张三']])).toMatchObject({ ok: false });
    expect(sheetRows([['编号'], ['abc']])).toMatchObject({ ok: false, message: expect.stringContaining('第 2 行') });
    expect(sheetRows([['姓名']])).toMatchObject({ ok: false, message: '签到表中没有人员。' });
  });
});
