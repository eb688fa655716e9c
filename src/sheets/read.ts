// Opening a spreadsheet: CSV through csv-parse, XLSX through exceljs, into rows numbered as the
// spreadsheet program shows them. No parsing by hand; unreadable files come back as an issue.

import { readFileSync } from 'node:fs';
import { basename, extname } from 'node:path';
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import type { CellValue } from './cells.ts';
import { sheetIssue, type SheetIssue } from './issues.ts';

const SCENARIO_EXTENSIONS = new Set(['.yaml', '.yml', '.json']);

export interface SheetSource {
  /** a file to read */
  path?: string;
  /** or its bytes */
  buffer?: Uint8Array;
  /** the file name, for messages and to tell CSV from XLSX (items.xlsx); the path's base name when absent */
  name?: string;
}

export interface GridRow {
  /** 1-based, as the spreadsheet program shows it */
  row: number;
  cells: CellValue[];
  /** XLSX: which cells continue a merge begun to their left (they repeat its value) */
  merged?: boolean[];
}

export interface Grid {
  file: string;
  /** the worksheet read, for XLSX */
  sheet?: string;
  rows: GridRow[];
}

export type GridResult = { ok: true; grid: Grid } | { ok: false; issue: SheetIssue };

/**
 * What a sheet may hold, each with its reason (docs/limits.md). They bound the reading before
 * it happens: a 6.6 kB workbook with one row numbered 2,147,483,648 made the row loop walk two
 * billion empty rows (49 s); it is now refused by its row number.
 */
export const SHEET_LIMITS = {
  rows: { value: 200_000, reason: 'twice the 100,000 item lines a scenario may hold, for titles, notes and blank rows' },
  columns: { value: 256, reason: 'an inventory has a few dozen columns; 256 is the old Excel sheet width' },
  cellChars: { value: 32_767, reason: "Excel's own limit for the text of one cell" },
  bytes: { value: 256 * 1024 * 1024, reason: 'a 200,000-row sheet is under 100 MB of XML or CSV; a small file that unpacks to more is a zip bomb' },
} as const;

/** The longest CSV record: every column full. */
const MAX_ROW_CHARS = SHEET_LIMITS.cellChars.value * SHEET_LIMITS.columns.value;

class SheetLimit extends Error {
  constructor(readonly issue: SheetIssue) {
    super(issue.message);
  }
}

const rowsLimit = (file: string, row: number) =>
  sheetIssue({ file, row }, 'limit', `row ${row.toLocaleString('en-US')} is beyond the ${SHEET_LIMITS.rows.value.toLocaleString('en-US')} rows a sheet may have (${SHEET_LIMITS.rows.reason})`);
const columnsLimit = (file: string, row: number, columns: number) =>
  sheetIssue({ file, row }, 'limit', `the row has ${columns.toLocaleString('en-US')} columns, more than the ${SHEET_LIMITS.columns.value} a sheet may have (${SHEET_LIMITS.columns.reason})`);
const bytesLimit = (file: string, what: string, bytes: number) =>
  sheetIssue({ file }, 'limit', `the ${what} is ${Math.round(bytes / 1024 / 1024).toLocaleString('en-US')} MB, more than the ${SHEET_LIMITS.bytes.value / 1024 / 1024} MB a sheet may have (${SHEET_LIMITS.bytes.reason})`);

/** A cell longer than a cell may be: refused where it is, by row and column. */
function checkCell(file: string, row: number, column: number, v: CellValue): void {
  if (typeof v === 'string' && v.length > SHEET_LIMITS.cellChars.value)
    throw new SheetLimit(sheetIssue({ file, row }, 'limit', `the cell in column ${column} has ${v.length.toLocaleString('en-US')} characters, more than the ${SHEET_LIMITS.cellChars.value.toLocaleString('en-US')} a cell may have (${SHEET_LIMITS.cellChars.reason})`));
}

export async function readGrid(source: SheetSource, preferredSheet: string): Promise<GridResult> {
  const file = source.name ?? (source.path ? basename(source.path) : 'sheet');
  let bytes: Uint8Array;
  try {
    bytes = source.buffer ?? readFileSync(source.path ?? '');
  } catch (e) {
    return { ok: false, issue: sheetIssue({ file }, 'unreadable', `cannot read ${source.path} (${(e as NodeJS.ErrnoException).code ?? 'error'})`) };
  }
  const ext = extname(file).toLowerCase();
  if (SCENARIO_EXTENSIONS.has(ext))
    return { ok: false, issue: sheetIssue({ file }, 'wrong_file', `this is a ${ext === '.json' ? 'JSON' : 'YAML'} file, not a spreadsheet (CSV or XLSX)`, { hint: 'a scenario is the --base the sheets fill in; plan it with drawdown plan FILE' }) };
  const zip = bytes[0] === 0x50 && bytes[1] === 0x4b; // "PK": an XLSX is a zip archive
  if (ext === '.ods') return { ok: false, issue: sheetIssue({ file }, 'unreadable', 'OpenDocument (.ods) is not read; save it as .xlsx or .csv') };
  if (ext === '.xls' || (bytes[0] === 0xd0 && bytes[1] === 0xcf))
    return { ok: false, issue: sheetIssue({ file }, 'unreadable', 'old binary Excel (.xls) is not read; save it as .xlsx or .csv') };
  try {
    if (ext === '.xlsx' || ext === '.xlsm' || zip) {
      const unpacked = unpackedSize(bytes);
      if (unpacked > SHEET_LIMITS.bytes.value) return { ok: false, issue: bytesLimit(file, 'workbook unpacked', unpacked) };
      return { ok: true, grid: await readXlsx(bytes, file, preferredSheet) };
    }
    if (bytes.length > SHEET_LIMITS.bytes.value) return { ok: false, issue: bytesLimit(file, 'file', bytes.length) };
    return { ok: true, grid: readCsv(Buffer.from(bytes).toString('utf8'), file, ext === '.tsv' ? '\t' : undefined) };
  } catch (e) {
    if (e instanceof SheetLimit) return { ok: false, issue: e.issue };
    if ((e as { code?: string }).code === 'CSV_MAX_RECORD_SIZE')
      return { ok: false, issue: sheetIssue({ file }, 'limit', `a row is longer than the ${MAX_ROW_CHARS.toLocaleString('en-US')} characters its ${SHEET_LIMITS.columns.value} cells may hold together (${SHEET_LIMITS.cellChars.reason})`) };
    return { ok: false, issue: sheetIssue({ file }, 'syntax', `cannot read the ${zip ? 'workbook' : 'CSV'}: ${(e as Error).message.split('\n')[0]}`) };
  }
}

/** Comma, or semicolon (European Excel) or tab when the first line has more of them. */
function sniffDelimiter(text: string): string {
  const first = text.split(/\r?\n/, 1)[0];
  const count = (c: string) => first.split(c).length - 1;
  const best = [',', ';', '\t'].sort((a, b) => count(b) - count(a))[0];
  return count(best) > 0 ? best : ',';
}

export function readCsv(text: string, file: string, delimiter?: string): Grid {
  // csv-parse builds an Error (with its stack) for every record longer or shorter than the first,
  // relaxed or not: under a one-cell title row that is every line. Without stacks it costs little.
  const limit = Error.stackTraceLimit;
  Error.stackTraceLimit = 0;
  let records: string[][];
  try {
    records = parse(text, {
      bom: true,
      delimiter: delimiter ?? sniffDelimiter(text.replace(/^\uFEFF/, '')),
      relax_column_count: true,
      skip_empty_lines: false,
      // stop one record past the limit, and refuse a row longer than its cells may be together
      to: SHEET_LIMITS.rows.value + 1,
      max_record_size: MAX_ROW_CHARS,
    }) as string[][];
  } finally {
    Error.stackTraceLimit = limit;
  }
  if (records.length > SHEET_LIMITS.rows.value) throw new SheetLimit(rowsLimit(file, records.length));
  records.forEach((cells, i) => {
    if (cells.length > SHEET_LIMITS.columns.value) throw new SheetLimit(columnsLimit(file, i + 1, cells.length));
    cells.forEach((v, c) => checkCell(file, i + 1, c + 1, v));
  });
  // Empty lines stay as records so the record index is the row a spreadsheet program shows.
  return { file, rows: records.map((cells, i) => ({ row: i + 1, cells })) };
}

async function readXlsx(bytes: Uint8Array, file: string, preferredSheet: string): Promise<Grid> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
  const ws = wb.worksheets.find((w) => w.name.trim().toLowerCase() === preferredSheet.toLowerCase()) ?? wb.worksheets[0];
  if (!ws) throw new Error('the workbook has no worksheet');
  // before any row loop: exceljs walks every row number up to the last, empty ones too
  if (ws.rowCount > SHEET_LIMITS.rows.value) throw new SheetLimit(rowsLimit(file, ws.rowCount));
  const rows: GridRow[] = [];
  ws.eachRow({ includeEmpty: false }, (row) => {
    if (row.cellCount > SHEET_LIMITS.columns.value) throw new SheetLimit(columnsLimit(file, row.number, row.cellCount));
    const cells: CellValue[] = [];
    const merged: boolean[] = [];
    for (let c = 1; c <= row.cellCount; c++) {
      const cell = row.getCell(c);
      // A merged cell repeats its master's value; one begun to its left is part of a label spread over columns.
      merged.push(cell.isMerged && cell.master !== cell && cell.master.row === cell.row);
      const v = cellValue(cell.value);
      checkCell(file, row.number, c, v);
      cells.push(v);
    }
    rows.push({ row: row.number, cells, merged });
  });
  return { file, sheet: ws.name, rows };
}

/**
 * What a zip archive says its entries unpack to, from its central directory (APPNOTE 4.3.12);
 * the library checks each entry against it while unpacking. A ZIP64 size (0xFFFFFFFF) counts
 * as too large; an archive whose directory cannot be found counts as its own size (the
 * library then refuses it).
 */
function unpackedSize(b: Uint8Array): number {
  const view = new DataView(b.buffer, b.byteOffset, b.byteLength);
  // the end-of-central-directory record: 22 bytes plus a comment of at most 65,535
  let eocd = -1;
  for (let i = b.length - 22; i >= Math.max(0, b.length - 22 - 65_535); i--) {
    if (view.getUint32(i, true) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) return b.length;
  const entries = view.getUint16(eocd + 10, true);
  let at = view.getUint32(eocd + 16, true);
  let total = 0;
  for (let n = 0; n < entries && at + 46 <= b.length; n++) {
    if (view.getUint32(at, true) !== 0x02014b50) break;
    const size = view.getUint32(at + 24, true);
    total += size === 0xffffffff ? Infinity : size;
    at += 46 + view.getUint16(at + 28, true) + view.getUint16(at + 30, true) + view.getUint16(at + 32, true);
  }
  return total;
}

/** Formulas give their cached result, rich text its plain text, hyperlinks their text. */
function cellValue(v: ExcelJS.CellValue): CellValue {
  if (v === null || v === undefined) return null;
  if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean' || v instanceof Date) return v;
  if (typeof v === 'object') {
    if ('result' in v) return cellValue((v.result ?? null) as ExcelJS.CellValue);
    if ('richText' in v) return v.richText.map((r) => r.text).join('');
    if ('text' in v) return cellValue(v.text as ExcelJS.CellValue);
    if ('error' in v) return String(v.error);
  }
  return null;
}
