// Warnings about the items sheet that name every row concerned in one line each: dangerous
// goods without a class, sensitive lines without a kind, transfers that need an authority,
// serials missing for some units, and safety columns the mapping file says to ignore.

import type { Columns } from './columns.ts';
import type { ItemField } from './headers.ts';
import { sheetIssue, type SheetIssue } from './issues.ts';
import { CLASS_EXAMPLES } from './safety/hazard.ts';

export type RowNote =
  | { kind: 'classMissing' | 'kindMissing' | 'fewSerials'; row: number; column: string; cell: string }
  | { kind: 'authority' | 'inferred' | 'overridden'; row: number; column: string; cell: string; why: string };

/** "rows 4, 9 and 12" */
export function rowList(rows: readonly number[]): string {
  const r = [...new Set(rows)];
  if (r.length === 1) return `row ${r[0]}`;
  return `rows ${r.slice(0, -1).join(', ')} and ${r[r.length - 1]}`;
}

const quoted = (cells: readonly string[]) => [...new Set(cells)].map((c) => JSON.stringify(c)).join(', ');

export function itemWarnings(file: string, cols: Columns<ItemField>, notes: readonly RowNote[]): SheetIssue[] {
  const out: SheetIssue[] = [];
  const groups = new Map<string, RowNote[]>();
  for (const n of notes) {
    const key = `${n.kind}\u0000${n.column}\u0000${'why' in n ? n.why : ''}`;
    groups.set(key, [...(groups.get(key) ?? []), n]);
  }
  for (const list of groups.values()) {
    const n = list[0];
    const rows = rowList(list.map((x) => x.row));
    const cells = quoted(list.map((x) => x.cell));
    const at = (message: string) => out.push(sheetIssue({ file, column: n.column }, 'required', message));
    if (n.kind === 'classMissing')
      at(`${cells} in ${rows}: dangerous goods without a hazard class. They are planned as dangerous (never given away, packed apart from other cargo) but cannot be segregated by class: give the UN class or division (${CLASS_EXAMPLES}) in a Hazard Class column`);
    else if (n.kind === 'kindMissing')
      at(`${cells} in ${rows}: sensitive without saying how. They are never given away and are guarded, recorded as classified; write lethal, dangerous or classified so the plan's reasons say why`);
    else if (n.kind === 'inferred')
      out.push(sheetIssue({ file, column: n.column }, 'value', `${rows} (${cells}): no column says so, but the stock number's ${n.why}: read as such (never given away, guarded, packed apart); confirm it in a safety column (Lethal, Ammo, COMSEC), or say N there if the line is not`));
    else if (n.kind === 'overridden')
      out.push(sheetIssue({ file, column: n.column }, 'value', `${cells} in ${rows} says otherwise than the stock number's ${n.why}: read as the sheet says; check these lines`));
    else if (n.kind === 'authority')
      out.push(sheetIssue({ file, column: n.column }, 'value', `${cells} in ${rows}, marked transferable: ${n.why}. The plan may hand them over; make sure an authority covers each before the handover`));
    else
      at(`${rows} give fewer serial numbers than units (${cells}): the registers list the serials given`);
  }
  for (const h of cols.ignoredSafety)
    out.push(sheetIssue({ file, row: cols.headerRow, column: h }, 'unknown_field', 'looks safety-relevant but the mapping file says to ignore it: its values are not read'));
  return out;
}
