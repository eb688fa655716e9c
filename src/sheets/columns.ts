// Finding the header row and what each column holds: the explicit mapping first, then the
// headers drawdown recognises, then (for items) headers that look safety-relevant by a word.
// Unknown columns are kept aside (reported as warnings), not errors; a safety-looking column is
// never kept aside. A two-row header (merged group labels) and TOTAL rows are read here too.

import { isBlank, readNumber, text } from './cells.ts';
import { isGroupRow, pairedRows, singleRow, type HeaderCell } from './header-rows.ts';
import { looksSafety, normaliseHeader, recogniseHeader, recogniseMapped, type FieldSpec } from './headers.ts';
import { sheetIssue, type SheetIssue } from './issues.ts';
import { readMeasure } from './measure.ts';
import type { Grid, GridRow } from './read.ts';
import { isTotalRow } from './totals.ts';
import type { Unit } from './units.ts';

export interface Column<F extends string> {
  /** 0-based cell index */
  index: number;
  header: string;
  field: F;
  unit?: Unit;
  /** read as a safety column because a word of its header looks like one ("Hazard Remarks") */
  loose?: boolean;
}

export interface Columns<F extends string> {
  /** the (last) header row */
  headerRow: number;
  columns: Column<F>[];
  /** data rows after the header, blank rows and total rows left out */
  rows: GridRow[];
  /** TOTAL rows, left out of the data, to check their sums */
  totals: GridRow[];
  /** headers of columns that hold nothing drawdown reads */
  ignored: string[];
  /** safety-looking columns the mapping file says to ignore */
  ignoredSafety: string[];
  issues: SheetIssue[];
}

/** A mapping keyed by normalised header, so "Gross Wt." in the mapping finds "gross wt" in the sheet. */
export function normaliseMapping(mapping: Record<string, string> = {}): Map<string, string> {
  return new Map(Object.entries(mapping).map(([k, v]) => [normaliseHeader(k), v]));
}

export interface ResolveOptions {
  /** read safety-looking headers as safety columns (the items sheet) */
  safety?: boolean;
}

type Recognition<F extends string> = { field: F; unit?: Unit; loose?: boolean } | { error: string } | undefined;

export function resolveColumns<F extends string>(grid: Grid, specs: FieldSpec<F>[], mapping: Map<string, string>, opts: ResolveOptions = {}): Columns<F> {
  const recognise = (header: string): Recognition<F> => {
    const target = mapping.get(normaliseHeader(header));
    if (target !== undefined) return recogniseMapped(header, target, specs);
    const r = recogniseHeader(header, specs);
    if (r || !opts.safety) return r;
    const kind = looksSafety(header) as F | undefined;
    return kind && specs.some((s) => s.field === kind) ? { field: kind, loose: true } : undefined;
  };
  const read = (cell: HeaderCell): { field: F; explicitUnit: boolean } | undefined => {
    for (const c of cell.candidates) {
      const r = recognise(c.text);
      if (r && 'field' in r && !r.loose) {
        const spec = specs.find((s) => s.field === r.field);
        return { field: r.field, explicitUnit: Boolean(spec?.dimension) && !spec!.headers.includes(normaliseHeader(c.text)) };
      }
    }
    return undefined;
  };
  // Columns a header names: a field that one column gives counts once, so a merged group label
  // read alone ("Dimensions (in)" three times) scores less than the pair of rows under it; then,
  // as a tie-break, the units the header states ("L" under "Dimensions (in)" is in inches).
  const score = (cells: HeaderCell[]) => {
    const reads = cells.map(read).filter((r) => r !== undefined && r.field !== 'ignore') as { field: F; explicitUnit: boolean }[];
    const fields = reads.map((r) => r.field);
    const multi = fields.filter((f) => specs.find((s) => s.field === f)?.multi);
    const named = new Set(fields).size + multi.length - new Set(multi).size;
    return named * 1000 + reads.filter((r) => r.explicitUnit).length;
  };
  const nonBlank = grid.rows.filter((r) => r.cells.some((c) => !isBlank(c)));
  // Title rows above the table are common: the header is the first row naming two known fields.
  const at = nonBlank.slice(0, 10).findIndex((r) => score(singleRow(r)) >= 2000);
  const issues: SheetIssue[] = [];
  const columns: Column<F>[] = [];
  const ignored: string[] = [];
  const ignoredSafety: string[] = [];
  const headerAt = at < 0 ? 0 : at;
  const single = nonBlank[headerAt];
  if (!single) return { headerRow: 1, columns, rows: [], totals: [], ignored, ignoredSafety, issues: [sheetIssue({ file: grid.file }, 'required', 'the sheet is empty')] };
  const { cells: headerCells, last } = headerOf(nonBlank, headerAt, score);

  for (const cell of headerCells) {
    let chosen: { r: NonNullable<Recognition<F>>; shown: string } | undefined;
    for (const c of cell.candidates) {
      const r = recognise(c.text);
      if (r && !('error' in r)) { chosen = { r, shown: c.shown }; break; }
      if (r && !chosen) chosen = { r, shown: c.shown };
    }
    const header = chosen?.shown ?? cell.candidates[cell.candidates.length - 1].shown;
    const r = chosen?.r;
    if (!r) { ignored.push(header); continue; }
    if ('error' in r) { issues.push(sheetIssue({ file: grid.file, row: last.row, column: header }, 'unknown_field', r.error, { value: header })); continue; }
    if (r.field === 'ignore') {
      // mapped to ignore on purpose: no warning, unless the column looks safety-relevant
      if (opts.safety && looksSafety(header)) ignoredSafety.push(header);
      continue;
    }
    const spec = specs.find((s) => s.field === r.field);
    const first = columns.find((c) => c.field === r.field);
    if (first && !spec?.multi) {
      issues.push(sheetIssue({ file: grid.file, row: last.row, column: header }, 'duplicate', `${spec?.label ?? r.field} is already given by column "${first.header}"`, { value: header }));
      continue;
    }
    columns.push({ index: cell.index, header, field: r.field, ...(r.unit ? { unit: r.unit } : {}), ...(r.loose ? { loose: true } : {}) });
  }
  const after = nonBlank.filter((r) => r.row > last.row);
  const dims = columns.filter((c) => c.unit?.dimension === 'length');
  const totalRow = (r: GridRow) => isTotalRow(r.cells, dims.every((c) => isBlank(r.cells[c.index] ?? null)));
  return {
    headerRow: last.row,
    columns,
    rows: after.filter((r) => !totalRow(r)),
    totals: after.filter(totalRow),
    ignored,
    ignoredSafety,
    issues,
  };
}

/** A row of labels, no figures: it can be the second row of a header, never a data row. */
function labelsOnly(row: GridRow): boolean {
  return row.cells.every((c) => isBlank(c) || (typeof c === 'string' && !readNumber(c).ok && !readMeasure(c, 'length').ok && !readMeasure(c, 'mass').ok));
}

/** The header row alone, or with the row above or below when the pair names more columns. */
function headerOf(rows: GridRow[], at: number, score: (cells: HeaderCell[]) => number): { cells: HeaderCell[]; last: GridRow } {
  const row = rows[at];
  let best = { cells: singleRow(row), last: row };
  let bestScore = score(best.cells);
  const above = rows[at - 1];
  const below = rows[at + 1];
  if (above && isGroupRow(above, row)) {
    const cells = pairedRows(above, row);
    if (score(cells) > bestScore) [best, bestScore] = [{ cells, last: row }, score(cells)];
  }
  if (below && below.row === row.row + 1 && labelsOnly(below)) {
    const cells = pairedRows(row, below);
    if (score(cells) > bestScore) best = { cells, last: below };
  }
  return best;
}

export { text };
