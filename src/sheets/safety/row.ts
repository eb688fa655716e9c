// The safety columns of one row, read together: each cell by its column's reader, the facts they
// give checked against each other, then the item's flags drawn from them (sensitive, hazard,
// unNumber, hostTransfer, demilInPlace, cargoAircraftOnly). A cell that cannot be read and two
// cells that disagree are errors naming the row, the column and the value as written.

import type { Sensitivity } from '../../model/index.ts';
import { shown, text, type CellValue, type Read } from '../cells.ts';
import { sheetIssue, type SheetIssue } from '../issues.ts';
import { expand, isWeaker, says, sensitivities, type Fact, type Reading, type Sourced } from './claims.ts';
import { supplyClassOf } from './fsc.ts';
import {
  readAmmunition, readCargoAircraftOnly, readClass, readClassification, readComsec, readDemilCode, readDemilInPlace, readDodic, readHazard, readLethal,
  readSensitive, readTransfer, readUn, type KindOfHeader, type SafetyKind,
} from './readers.ts';

export interface SafetyColumn {
  index: number;
  header: string;
  kind: SafetyKind;
  /** read as this kind because a word of its header names it */
  loose?: boolean;
  /** what the kind is called in a hint */
  label: string;
}

export interface RowSafety {
  sensitive: Sensitivity[];
  hazard?: string;
  unNumber?: string;
  hostTransfer: boolean;
  demilInPlace: boolean;
  cargoAircraftOnly: boolean;
  /** dangerous without a hazard class: the cell that made it dangerous */
  classMissing?: { column: string; cell: CellValue };
  /** sensitive, kind not said: recorded as classified */
  kindMissing?: { column: string; cell: CellValue };
  /** what the NSN's supply class added (no column said it) */
  inferred?: { column: string; cell: CellValue; because: string };
  /** a column that says otherwise than the NSN's supply class, and wins */
  overridden?: { column: string; cell: CellValue; because: string };
  /** transferable under an authority the planner cannot check (DEMIL B-F, Q; CUI) */
  authority?: { column: string; cell: CellValue; why: string };
  /** scenario field to the header it came from, to place the loader's issues */
  columns: Record<string, string>;
  /** scenario field to the cell as written */
  cells: Record<string, CellValue>;
}

function read(kind: SafetyKind, v: CellValue, header: string, kindOf: KindOfHeader): Read<Reading> {
  switch (kind) {
    case 'hazard': return readHazard(v);
    case 'class': return readClass(v);
    case 'unNumber': return readUn(v);
    case 'classification': return readClassification(v);
    case 'comsec': return readComsec(v);
    case 'lethal': return readLethal(v);
    case 'ammunition': return readAmmunition(v);
    case 'dodic': return readDodic(v);
    case 'demilCode': return readDemilCode(v);
    case 'sensitive': return readSensitive(v, header, kindOf);
    case 'hostTransfer': return readTransfer(v);
    case 'demilInPlace': return readDemilInPlace(v);
    case 'cargoAircraftOnly': return readCargoAircraftOnly(v);
  }
}

const SENSITIVE_FACTS: readonly Fact[] = ['lethal', 'dangerous', 'classified', 'comsec'];

/** The line's stock number as read, and the column it is in. */
export interface NsnCell {
  value: string;
  column: string;
  cell: CellValue;
}

export function readRowSafety(
  file: string,
  row: number,
  cells: readonly CellValue[],
  cols: readonly SafetyColumn[],
  kindOf: KindOfHeader,
  nsn?: NsnCell,
): { value?: RowSafety; issues: SheetIssue[] } {
  const issues: SheetIssue[] = [];
  const at = (col: { header: string }, cell: CellValue, code: 'value' | 'conflict', message: string, hint?: string) =>
    issues.push(sheetIssue({ file, row, column: col.header }, code, message, { value: text(cell), ...(hint ? { hint } : {}) }));
  const claims: Sourced[] = [];
  const values: { hazard?: { value: string; column: string; cell: CellValue }; unNumber?: { value: string; column: string; cell: CellValue } } = {};
  let authority: RowSafety['authority'];
  const columns: Record<string, string> = {};
  const written: Record<string, CellValue> = {};

  for (const col of cols) {
    const cell = cells[col.index] ?? null;
    const r = read(col.kind, cell, col.header, kindOf);
    if (!r.ok) {
      at(col, cell, 'value', r.message, col.loose
        ? `read as a ${col.label} column because of its header; if it is not one, map it in the mapping file ("${col.header}": ignore, or the field it holds)`
        : undefined);
      continue;
    }
    for (const c of r.value.claims) claims.push(...expand({ ...c, column: col.header, cell }));
    for (const field of ['hazard', 'unNumber'] as const) {
      const value = r.value[field];
      if (value === undefined) continue;
      const before = values[field];
      if (before && before.value !== value)
        at(col, cell, 'conflict', `${shown(cell)} gives ${field === 'hazard' ? 'hazard class' : 'UN number'} ${value}, but column "${before.column}" gives ${before.value} (${shown(before.cell)}); a line has one: correct one of the two`);
      else if (!before) (values[field] = { value, column: col.header, cell }), (columns[field] = col.header), (written[field] = cell);
    }
    if (r.value.authority && !authority) authority = { column: col.header, cell, why: r.value.authority };
  }

  // The supply class adds what no column says; a column denying it wins, and is noted.
  let inferred: RowSafety['inferred'];
  let overridden: RowSafety['overridden'];
  const sc = nsn ? supplyClassOf(nsn.value) : undefined;
  if (nsn && sc) {
    const because = `supply class ${sc.fsc}, ${sc.cls.title}`;
    const denialOf = (derived: Sourced[]) => claims.find((c) => !c.value && c.fact !== 'transfer' && derived.some((d) => d.value && d.fact === c.fact));
    for (const fact of sc.cls.facts) {
      // Ammunition a column says is not dangerous (or not ammunition) is still a lethal line.
      for (const f of fact === 'ammunition' ? (['ammunition', 'lethal'] as const) : [fact]) {
        const derived = expand({ fact: f, value: true, because, column: nsn.column, cell: nsn.cell });
        const denial = denialOf(derived);
        if (denial) {
          overridden ??= { column: denial.column, cell: denial.cell, because };
          continue;
        }
        const had = sensitivities(claims.filter((c) => c.value).map((c) => c.fact));
        if (sensitivities(derived.map((d) => d.fact)).some((k) => !had.includes(k))) (claims.push(...derived), (inferred ??= { column: nsn.column, cell: nsn.cell, because }));
        break;
      }
    }
  }

  // Two cells saying opposite things about one fact: reported once for each pair of columns.
  const reported = new Set<string>();
  for (const weak of claims.filter(isWeaker)) {
    const other = claims.find((c) => c.fact === weak.fact && c.value !== weak.value && c.column !== weak.column);
    const pair = `${weak.column}\u0000${other?.column}`;
    if (!other || reported.has(pair)) continue;
    reported.add(pair);
    at({ header: weak.column }, weak.cell, 'conflict', `${says(weak, shown)}, but column "${other.column}" has ${shown(other.cell)} (${other.because})${other.via ? `, and ${other.via}` : ''}; correct one of the two`);
  }
  if (issues.length > 0) return { issues };

  const yes = (fact: Fact) => claims.find((c) => c.fact === fact && c.value);
  const order = claims.filter((c) => c.value && SENSITIVE_FACTS.includes(c.fact)).map((c) => c.fact);
  let sensitive = sensitivities(order);
  const generic = yes('sensitive');
  let kindMissing: RowSafety['kindMissing'];
  if (sensitive.length === 0 && generic) (sensitive = ['classified']), (kindMissing = { column: generic.column, cell: generic.cell });
  const dangerous = yes('dangerous');
  const from = (field: string, fact: Fact) => {
    const c = claims.find((x) => x.fact === fact && x.via === undefined);
    if (c) (columns[field] = c.column), (written[field] = c.cell);
  };
  from('sensitive', order[0] ?? 'sensitive');
  from('hostTransfer', 'transfer');
  from('demilInPlace', 'demilInPlace');
  from('cargoAircraftOnly', 'cargoAircraftOnly');
  const hostTransfer = Boolean(yes('transfer'));
  return {
    issues,
    value: {
      sensitive,
      ...(values.hazard ? { hazard: values.hazard.value } : {}),
      ...(values.unNumber ? { unNumber: values.unNumber.value } : {}),
      hostTransfer,
      demilInPlace: Boolean(yes('demilInPlace')),
      cargoAircraftOnly: Boolean(yes('cargoAircraftOnly')),
      ...(dangerous && !values.hazard ? { classMissing: { column: dangerous.column, cell: dangerous.cell } } : {}),
      ...(kindMissing ? { kindMissing } : {}),
      ...(inferred ? { inferred } : {}),
      ...(overridden ? { overridden } : {}),
      ...(hostTransfer && authority ? { authority } : {}),
      columns,
      cells: written,
    },
  };
}
