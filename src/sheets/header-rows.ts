// Two-row headers, as clerks build them with merged cells: a group label over its columns
// ("Dimensions (in)" over L, W and H; "Weight" over "(lb)"), above or below the row that names
// most columns. The label of each column is then read from both rows; the pair is taken only
// when it makes more columns known than the single row does.

import { isBlank, own, text } from './cells.ts';
import type { GridRow } from './read.ts';
import { UNITS } from './units.ts';

/** A column's header as read: its text for messages and the words drawdown recognises. */
export interface HeaderCell {
  index: number;
  /** the texts to recognise, best first, each with the header as messages show it ("Dimensions (in) / L") */
  candidates: { text: string; shown: string }[];
}

/** The labels of a group row, each spread over the columns it spans (merged cells or, in CSV, the blanks after it). */
function spread(top: GridRow, bottom: GridRow): (string | undefined)[] {
  const width = Math.max(top.cells.length, bottom.cells.length);
  const out: (string | undefined)[] = [];
  let label: string | undefined;
  for (let i = 0; i < width; i++) {
    const v = top.cells[i] ?? null;
    if (!isBlank(v)) label = text(v);
    else if (top.merged) label = undefined; // a workbook says exactly what a merge covers
    out.push(isBlank(v) && isBlank(bottom.cells[i] ?? null) ? undefined : label);
  }
  return out;
}

/**
 * Whether a row can be a group row over `bottom`: directly above it and not a title, i.e. it has a
 * label that starts after the table's first column, or several labels.
 */
export function isGroupRow(top: GridRow, bottom: GridRow): boolean {
  if (top.row + 1 !== bottom.row) return false;
  const first = bottom.cells.findIndex((c) => !isBlank(c));
  const starts = top.cells.map((c, i) => (!isBlank(c) && !top.merged?.[i] ? i : -1)).filter((i) => i >= 0);
  return starts.length >= 2 || (starts.length === 1 && starts[0] > first);
}

/** A header row's cells read alone. */
export function singleRow(row: GridRow): HeaderCell[] {
  return row.cells.flatMap((c, index) => (isBlank(c) ? [] : [{ index, candidates: [{ text: text(c), shown: text(c) }] }]));
}

/** The unit a group label ends with ("Dimensions (in)"), if any. */
function unitOf(label: string): string | undefined {
  const words = label.toLowerCase().replace(/[^a-z0-9$]+/g, ' ').trim().split(' ');
  const last = words[words.length - 1];
  return words.length >= 2 && own(UNITS, last) ? last : undefined;
}

/** Both rows read together: for each column, the pair's readings first, then each row alone. */
export function pairedRows(top: GridRow, bottom: GridRow): HeaderCell[] {
  const labels = spread(top, bottom);
  const out: HeaderCell[] = [];
  const width = Math.max(top.cells.length, bottom.cells.length);
  for (let index = 0; index < width; index++) {
    const t = labels[index];
    const b = isBlank(bottom.cells[index] ?? null) ? undefined : text(bottom.cells[index]);
    if (t === undefined && b === undefined) continue;
    if (t === undefined || b === undefined || t === b) {
      const only = (b ?? t)!;
      out.push({ index, candidates: [{ text: only, shown: only }] });
      continue;
    }
    const unit = unitOf(t);
    const bUnit = /^\(?\s*([a-z$]+)\s*\)?$/i.exec(b);
    const both = `${t} / ${b}`;
    const candidates = [
      ...(unit ? [{ text: `${b} (${unit})`, shown: both }] : []),
      ...(bUnit && own(UNITS, bUnit[1].toLowerCase()) ? [{ text: `${t} (${bUnit[1]})`, shown: both }] : []),
      { text: `${t} ${b}`, shown: both },
      { text: `${b} ${t}`, shown: both },
      // The bottom label names the column; the group label alone would name its neighbours too.
      { text: b, shown: b },
    ];
    out.push({ index, candidates });
  }
  return out;
}
