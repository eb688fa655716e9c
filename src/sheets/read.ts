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
    if (ext === '.xlsx' || ext === '.xlsm' || zip) return { ok: true, grid: await readXlsx(bytes, file, preferredSheet) };
    return { ok: true, grid: readCsv(Buffer.from(bytes).toString('utf8'), file, ext === '.tsv' ? '\t' : undefined) };
  } catch (e) {
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
    }) as string[][];
  } finally {
    Error.stackTraceLimit = limit;
  }
  // Empty lines stay as records so the record index is the row a spreadsheet program shows.
  return { file, rows: records.map((cells, i) => ({ row: i + 1, cells })) };
}

async function readXlsx(bytes: Uint8Array, file: string, preferredSheet: string): Promise<Grid> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
  const ws = wb.worksheets.find((w) => w.name.trim().toLowerCase() === preferredSheet.toLowerCase()) ?? wb.worksheets[0];
  if (!ws) throw new Error('the workbook has no worksheet');
  const rows: GridRow[] = [];
  ws.eachRow({ includeEmpty: false }, (row) => {
    const cells: CellValue[] = [];
    const merged: boolean[] = [];
    for (let c = 1; c <= row.cellCount; c++) {
      const cell = row.getCell(c);
      // A merged cell repeats its master's value; one begun to its left is part of a label spread over columns.
      merged.push(cell.isMerged && cell.master !== cell && cell.master.row === cell.row);
      cells.push(cellValue(cell.value));
    }
    rows.push({ row: row.number, cells, merged });
  });
  return { file, sheet: ws.name, rows };
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
