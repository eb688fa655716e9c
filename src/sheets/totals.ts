// TOTAL rows: a clerk's sheet often ends with one ("TOTAL", "Grand Total", "Subtotal"). It is
// not an item: it is left out, and its figures are checked against the lines they sum, so a line
// lost between the sheet and the plan is noticed. A disagreement is a warning naming the cell.

import { isBlank, readNumber, text, type CellValue } from './cells.ts';
import { sheetIssue, type SheetIssue } from './issues.ts';
import { readMeasure } from './measure.ts';
import type { Unit } from './units.ts';

const STRICT = /^(grand\s+|sub-?\s*)?totals?\s*[:.]?$|^sum\s*[:.]?$/i;
const LOOSE = /^(grand\s+|sub-?\s*)?totals?\b/i;

/**
 * Whether a row is a total row: a cell reading "TOTAL" (or "Grand Total", "Subtotal", "Sum"), or
 * starting with it ("Total lines: 12") on a row that gives no dimensions, as no item line does.
 */
export function isTotalRow(cells: readonly CellValue[], dimensionsBlank: boolean): boolean {
  return cells.some((c) => typeof c === 'string' && (STRICT.test(c.trim()) || (dimensionsBlank && LOOSE.test(c.trim()))));
}

export function isSubtotal(cells: readonly CellValue[]): boolean {
  return cells.some((c) => typeof c === 'string' && /^sub-?\s*totals?\b/i.test(c.trim()));
}

/** One line's figures in SI, to sum. */
export interface LineFigures {
  row: number;
  quantity: number;
  values: Record<string, number>;
}

export interface TotalColumn {
  field: string;
  index: number;
  header: string;
  unit?: Unit;
  /** per unit (weight, value): the total may be of quantity x value, or of one of each */
  perUnit: boolean;
  /** the figure as a clerk calls it: "weight", "value" */
  what: string;
}

const fmt = (n: number) => {
  const r = Math.round(n * 1000) / 1000;
  const [int, dec] = String(Math.abs(r)).split('.');
  return `${r < 0 ? '-' : ''}${int.replace(/\B(?=(\d{3})+(?!\d))/g, ',')}${dec ? `.${dec}` : ''}`;
};

/**
 * Warnings for the figures of total rows that no reading of the lines above gives: the lines since
 * the previous total row, or all lines above; summed plainly, or as quantity x value.
 */
export function checkTotals(file: string, totals: readonly { row: number; cells: CellValue[] }[], lines: readonly LineFigures[], columns: readonly TotalColumn[]): SheetIssue[] {
  const out: SheetIssue[] = [];
  let previous = 0;
  for (const total of totals) {
    const segment = lines.filter((l) => l.row > previous && l.row < total.row);
    const above = lines.filter((l) => l.row < total.row);
    // A grand total after subtotals sums the lines, not the subtotals, so all lines above count.
    previous = isSubtotal(total.cells) ? total.row : previous;
    for (const c of columns) {
      const cell = total.cells[c.index] ?? null;
      if (isBlank(cell)) continue;
      const written = c.unit ? readMeasure(cell, c.unit.dimension, c.unit) : readNumber(cell);
      if (!written.ok) continue; // a label or a note in the total row, not a figure
      const sums = (ls: readonly LineFigures[]) => {
        const plain = ls.reduce((t, l) => t + (c.field === 'quantity' ? l.quantity : (l.values[c.field] ?? 0)), 0);
        const extended = ls.reduce((t, l) => t + l.quantity * (l.values[c.field] ?? 0), 0);
        return c.perUnit ? [extended, plain] : [plain];
      };
      const candidates = [...sums(segment), ...sums(above)];
      const factor = c.unit?.factor ?? 1;
      const tol = 0.5 * factor + 1e-6 * Math.abs(written.value);
      if (candidates.some((s) => Math.abs(s - written.value) <= tol)) continue;
      const [extended, plain] = sums(segment);
      const unit = c.unit && c.unit.factor !== 1 ? ` ${c.unit.symbol}` : c.unit?.dimension === 'mass' ? ' kg' : '';
      const figures = c.perUnit
        ? `${fmt(extended / factor)}${unit} (quantity x ${c.what}; ${fmt(plain / factor)}${unit} counting one unit a line)`
        : `${fmt(extended / factor)}${unit}`;
      out.push(
        sheetIssue({ file, row: total.row, column: c.header }, 'value',
          `the total row gives ${text(cell)} but the lines above add up to ${figures}; the lines were read and the total row left out: check for a line missing or added`,
          { value: text(cell) }),
      );
    }
  }
  return out;
}
