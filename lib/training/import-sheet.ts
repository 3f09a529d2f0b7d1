import ExcelJS from 'exceljs';
import { IMPORT_MAX_ROWS, type SheetRow } from './schemas';

// Reading an attendance sheet (签到表): XLSX (first worksheet) or CSV (UTF-8, with or without a
// BOM), a header row naming the columns, then one person a row. Columns: 姓名 and 单位, or 编号
// (the person's number in the portal's roster; the roster keeps no ID-card numbers).

const NAME_HEADERS = ['姓名', '名字'];
const UNIT_HEADERS = ['单位', '所在单位', '工作单位', '党组织', '所在党组织', '支部', '所在支部'];
const ID_HEADERS = ['编号', '人员编号', 'id', 'ID'];

export type SheetResult = { ok: true; rows: SheetRow[] } | { ok: false; message: string };

const clean = (value: string) => value.replace(/[\s\u3000]+/g, '').trim();

/** Splits CSV text into rows of cells: quoted cells may hold commas, quotes ("") and line breaks. */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  const input = text.replace(/^\uFEFF/, '');
  for (let i = 0; i < input.length; i++) {
    const c = input[i]!;
    if (quoted) {
      if (c === '"' && input[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"' && cell === '') quoted = true;
    else if (c === ',' || c === '\t') {
      row.push(cell);
      cell = '';
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && input[i + 1] === '\n') i++;
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
    } else cell += c;
  }
  if (cell !== '' || row.length) {
    row.push(cell);
    rows.push(row);
  }
  return rows;
}

function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'object') {
    if ('richText' in value) return value.richText.map((r) => r.text).join('');
    if ('text' in value && typeof value.text === 'string') return value.text;
    if ('result' in value) return String(value.result ?? '');
    if (value instanceof Date) return value.toISOString().slice(0, 10);
  }
  return String(value);
}

async function readXlsx(data: ArrayBuffer): Promise<string[][] | null> {
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(data);
  } catch {
    return null;
  }
  const sheet = workbook.worksheets[0];
  if (!sheet) return [];
  const rows: string[][] = [];
  sheet.eachRow({ includeEmpty: true }, (row) => {
    const cells: string[] = [];
    for (let c = 1; c <= Math.min(row.cellCount, 30); c++) cells.push(cellText(row.getCell(c).value));
    rows.push(cells);
  });
  return rows;
}

/** The sheet's people rows, or why it cannot be read. Blank lines are skipped; line numbers are the file's. */
export function sheetRows(table: string[][]): SheetResult {
  const headerIndex = table.findIndex((cells) => cells.some((c) => clean(c) !== ''));
  if (headerIndex < 0) return { ok: false, message: '签到表是空的。' };
  const header = table[headerIndex]!.map(clean);
  const col = (names: string[]) => header.findIndex((h) => names.includes(h));
  const nameCol = col(NAME_HEADERS);
  const unitCol = col(UNIT_HEADERS);
  const idCol = col(ID_HEADERS);
  if (nameCol < 0 && idCol < 0) return { ok: false, message: '签到表第一行须为表头，含“姓名”列（可另有“单位”列），或含“编号”列。' };
  const rows: SheetRow[] = [];
  for (let i = headerIndex + 1; i < table.length; i++) {
    const cells = table[i]!;
    const name = nameCol >= 0 ? clean(cells[nameCol] ?? '') : '';
    const unit = unitCol >= 0 ? clean(cells[unitCol] ?? '') : '';
    const rawId = idCol >= 0 ? clean(cells[idCol] ?? '') : '';
    if (!name && !rawId) continue;
    if (name.length > 50 || unit.length > 100) return { ok: false, message: `第 ${i + 1} 行的内容过长，请检查是否选错了列。` };
    if (rawId && !/^[1-9]\d{0,8}$/.test(rawId)) return { ok: false, message: `第 ${i + 1} 行的编号“${rawId.slice(0, 20)}”不是有效的人员编号。` };
    rows.push({ line: i + 1, name, unit, personId: rawId ? Number(rawId) : null });
    if (rows.length > IMPORT_MAX_ROWS) return { ok: false, message: `一次最多导入 ${IMPORT_MAX_ROWS} 行，请分批导入。` };
  }
  if (rows.length === 0) return { ok: false, message: '签到表中没有人员。' };
  return { ok: true, rows };
}

/** Reads an uploaded sheet by its extension. */
export async function readSheet(file: { name: string; arrayBuffer: () => Promise<ArrayBuffer> }): Promise<SheetResult> {
  const data = await file.arrayBuffer();
  if (/\.csv$/i.test(file.name)) {
    let text: string;
    try {
      text = new TextDecoder('utf-8', { fatal: true }).decode(data);
    } catch {
      return { ok: false, message: 'CSV 文件须为 UTF-8 编码（在 Excel 中另存为“CSV UTF-8”）。' };
    }
    return sheetRows(parseCsv(text));
  }
  const table = await readXlsx(data);
  if (!table) return { ok: false, message: '无法读取该 XLSX 文件，请确认文件未损坏。' };
  return sheetRows(table);
}
