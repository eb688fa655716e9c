// Finding the header row and what each column holds: the explicit mapping first, then the
// headers drawdown recognises. Unknown columns are kept aside (reported as warnings), not errors.

import { isBlank, text } from './cells.ts';
import { normaliseHeader, recogniseHeader, recogniseMapped, type FieldSpec } from './headers.ts';
import { sheetIssue, type SheetIssue } from './issues.ts';
import type { Grid, GridRow } from './read.ts';
import type { Unit } from './units.ts';

export interface Column<F extends string> {
  /** 0-based cell index */
  index: number;
  header: string;
  field: F;
  unit?: Unit;
}

export interface Columns<F extends string> {
  headerRow: number;
  columns: Column<F>[];
  /** data rows after the header, blank rows left out */
  rows: GridRow[];
  /** headers of columns that hold nothing drawdown reads */
  ignored: string[];
  issues: SheetIssue[];
}

/** A mapping keyed by normalised header, so "Gross Wt." in the mapping finds "gross wt" in the sheet. */
export function normaliseMapping(mapping: Record<string, string> = {}): Map<string, string> {
  return new Map(Object.entries(mapping).map(([k, v]) => [normaliseHeader(k), v]));
}

export function resolveColumns<F extends string>(grid: Grid, specs: FieldSpec<F>[], mapping: Map<string, string>): Columns<F> {
  const recognise = (header: string) => {
    const target = mapping.get(normaliseHeader(header));
    return target !== undefined ? recogniseMapped(header, target, specs) : recogniseHeader(header, specs);
  };
  const nonBlank = grid.rows.filter((r) => r.cells.some((c) => !isBlank(c)));
  // Title rows above the table are common: the header is the first row naming two known fields.
  const headerRow =
    nonBlank.slice(0, 10).find((r) => r.cells.filter((c) => !isBlank(c) && recognise(text(c))).length >= 2) ?? nonBlank[0];
  const issues: SheetIssue[] = [];
  const columns: Column<F>[] = [];
  const ignored: string[] = [];
  if (!headerRow) return { headerRow: 1, columns, rows: [], ignored, issues: [sheetIssue({ file: grid.file }, 'required', 'the sheet is empty')] };
  headerRow.cells.forEach((cell, index) => {
    if (isBlank(cell)) return;
    const header = text(cell);
    const r = recognise(header);
    if (!r) return void ignored.push(header);
    if ('field' in r && r.field === 'ignore') return; // mapped to ignore on purpose: no warning
    if ('error' in r) return void issues.push(sheetIssue({ file: grid.file, row: headerRow.row, column: header }, 'unknown_field', r.error));
    const first = columns.find((c) => c.field === r.field);
    if (first) {
      const label = specs.find((s) => s.field === r.field)?.label ?? r.field;
      issues.push(sheetIssue({ file: grid.file, row: headerRow.row, column: header }, 'duplicate', `${label} is already given by column "${first.header}"`));
      return;
    }
    columns.push({ index, header, field: r.field, ...(r.unit ? { unit: r.unit } : {}) });
  });
  const rows = nonBlank.filter((r) => r.row > headerRow.row);
  return { headerRow: headerRow.row, columns, rows, ignored, issues };
}
