// A register as a typed table, written as CSV (csv-stringify) or XLSX (exceljs) with numbers as
// numbers, dates as dates, a frozen bold header row and columns as wide as their contents.

import { stringify } from 'csv-stringify/sync';
import ExcelJS from 'exceljs';
import { toMs } from '../model/index.ts';

export type ColumnType = 'text' | 'int' | 'kg' | 'm' | 'usd' | 'number' | 'date' | 'datetime';
export type TableCell = string | number | null;

export interface TableColumn {
  header: string;
  type: ColumnType;
}

export interface Table {
  /** worksheet name (31 characters at most) */
  sheet: string;
  columns: TableColumn[];
  rows: TableCell[][];
  /** a bold last row: sums for the paperwork */
  total?: TableCell[];
}

const FORMATS: Record<ColumnType, string | undefined> = {
  text: undefined,
  int: '#,##0',
  kg: '#,##0.0##',
  m: '0.000',
  usd: '#,##0.00',
  number: '#,##0.###',
  date: 'yyyy-mm-dd',
  datetime: 'yyyy-mm-dd hh:mm"Z"',
};

/**
 * CSV with a BOM (so Excel reads UTF-8 names) and CRLF line ends (RFC 4180); dates stay ISO text.
 * Text that a spreadsheet program would run as a formula is neutralised (below).
 */
export function tableToCsv(table: Table): string {
  const rows = [table.columns.map((c) => c.header), ...table.rows, ...(table.total ? [table.total] : [])];
  // a lone CR or LF in a cell is quoted too (csv-stringify quotes only the whole CRLF by itself)
  return stringify(rows.map((r) => r.map(neutralise)), { bom: true, record_delimiter: 'windows', quoted_match: /[\r\n]/ });
}

/**
 * OWASP's defence against CSV injection: a text cell starting with `=`, `+`, `-`, `@`, a tab or
 * a carriage return gets a leading single quote, so Excel, LibreOffice and Sheets show it as
 * text instead of running it (`=HYPERLINK(...)` from an item name would otherwise be a live
 * link). Numbers are numbers, not text: -5 stays -5. XLSX cells are typed, so text there is
 * never a formula and is written as it is.
 */
export function neutralise(cell: TableCell): TableCell {
  return typeof cell === 'string' && /^[=+\-@\t\r]/.test(cell) ? `'${cell}` : cell;
}

export async function tableToXlsx(tables: Table[]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'drawdown';
  // Fixed so the same plan gives the same workbook metadata; exceljs otherwise stamps the clock.
  wb.created = wb.modified = new Date(0);
  for (const table of tables) addSheet(wb, table);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

function addSheet(wb: ExcelJS.Workbook, table: Table): void {
  const ws = wb.addWorksheet(table.sheet.slice(0, 31), { views: [{ state: 'frozen', ySplit: 1 }] });
  ws.addRow(table.columns.map((c) => c.header)).font = { bold: true };
  const body = [...table.rows, ...(table.total ? [table.total] : [])];
  for (const cells of body) ws.addRow(cells.map((v, i) => xlsxValue(v, table.columns[i].type)));
  if (table.total) ws.getRow(body.length + 1).font = { bold: true };
  table.columns.forEach((c, i) => {
    const col = ws.getColumn(i + 1);
    const fmt = FORMATS[c.type];
    if (fmt) col.numFmt = fmt;
    const longest = Math.max(c.header.length, ...body.map((r) => shownLength(r[i], c.type)));
    col.width = Math.min(60, Math.max(8, longest + 2));
  });
}

function xlsxValue(v: TableCell, type: ColumnType): ExcelJS.CellValue {
  if (v === null) return null;
  if ((type === 'date' || type === 'datetime') && typeof v === 'string') {
    const ms = toMs(v);
    return Number.isNaN(ms) ? v : new Date(ms);
  }
  return v;
}

function shownLength(v: TableCell, type: ColumnType): number {
  if (v === null) return 0;
  if (type === 'date') return 10;
  if (type === 'datetime') return 17;
  if (typeof v === 'number') return v.toLocaleString('en-US', { maximumFractionDigits: 3 }).length + 1;
  return v.length;
}
