import { describe, expect, it } from 'vitest';
import { AUDIT_CSV_HEADER, auditCsvFilename, csvCell, toAuditCsv } from './csv';

const entry = {
  id: 7,
  at: new Date('2026-01-01T16:05:09Z'),
  actorName: 'admin',
  actorRole: 'admin',
  action: 'user.update',
  entityType: 'user',
  entityId: '5',
  ip: '10.0.0.8',
  before: { role: 'editor', displayName: '李, "小明"' },
  after: { role: 'admin', displayName: '李, "小明"' },
  hash: 'a'.repeat(64),
};

/** A minimal RFC 4180 reader, to prove the output parses back to the same cells. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted && c === '"' && text[i + 1] === '"') {
      cell += '"';
      i++;
    } else if (c === '"') {
      quoted = !quoted;
    } else if (!quoted && c === ',') {
      row.push(cell);
      cell = '';
    } else if (!quoted && c === '\r' && text[i + 1] === '\n') {
      rows.push([...row, cell]);
      row = [];
      cell = '';
      i++;
    } else {
      cell += c;
    }
  }
  return rows;
}

describe('csvCell', () => {
  it('quotes commas, quotes and line breaks, and leaves plain text alone', () => {
    expect(csvCell('党支部')).toBe('党支部');
    expect(csvCell('a,b')).toBe('"a,b"');
    expect(csvCell('他说"好"')).toBe('"他说""好"""');
    expect(csvCell('一行\n两行')).toBe('"一行\n两行"');
    expect(csvCell(null)).toBe('');
  });

  it('neutralizes cells a spreadsheet would run as a formula', () => {
    expect(csvCell('=HYPERLINK("http://evil","点我")')).toBe(`"'=HYPERLINK(""http://evil"",""点我"")"`);
    expect(csvCell('+1')).toBe("'+1");
    expect(csvCell('-2+3')).toBe("'-2+3");
    expect(csvCell('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(csvCell('\t=1')).toBe("'\t=1");
    expect(csvCell('a=b')).toBe('a=b');
  });
});

describe('toAuditCsv', () => {
  it('starts with a byte order mark and the Chinese header, one CRLF line per entry', () => {
    const csv = toAuditCsv([entry, { ...entry, id: 8, actorName: '=cmd|calc', actorRole: 'system', before: null, after: null, entityId: null, ip: null }]);
    expect(csv.charCodeAt(0)).toBe(0xfeff);
    const rows = parseCsv(csv.slice(1));
    expect(rows[0]).toEqual(AUDIT_CSV_HEADER);
    expect(rows[0]).toEqual(['时间', '操作人', '角色', '操作', '对象类型', '对象ID', 'IP', '变更前', '变更后', '哈希']);
    expect(rows).toHaveLength(3);
    // 16:05 UTC on 1 January is five past midnight on 2 January in Beijing.
    expect(rows[1]).toEqual([
      '2026-01-02 00:05:09',
      'admin',
      '工委管理员',
      'user.update',
      'user',
      '5',
      '10.0.0.8',
      '{"displayName":"李, \\"小明\\"","role":"editor"}',
      '{"displayName":"李, \\"小明\\"","role":"admin"}',
      'a'.repeat(64),
    ]);
    expect(rows[2]!.slice(1, 8)).toEqual(["'=cmd|calc", 'system', 'user.update', 'user', '', '', '']);
  });

  it('is only the header for no entries', () => {
    expect(toAuditCsv([])).toBe('\uFEFF时间,操作人,角色,操作,对象类型,对象ID,IP,变更前,变更后,哈希\r\n');
  });
});

describe('auditCsvFilename', () => {
  it('is dated by the Beijing day', () => {
    expect(auditCsvFilename(new Date('2026-03-14T17:00:00Z'))).toBe('audit-20260315.csv');
    expect(auditCsvFilename(new Date('2026-03-14T15:59:59Z'))).toBe('audit-20260314.csv');
  });
});
