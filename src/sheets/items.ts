// Inventory rows to scenario items: units converted to kg, m and USD (from the header or the
// cell), safety columns read into the planner's flags, identity (NSN, serials, condition code, TCN,
// unit of issue) kept, sites resolved, ids made stable where the sheet has none. Every bad cell
// is collected; nothing stops at the first.

import type { Site } from '../model/index.ts';
import { isBlank, readFlag, readKind, readNumber, shown, text, type CellValue } from './cells.ts';
import type { Column, Columns } from './columns.ts';
import { ITEM_FIELDS, looksSafety, type ItemField } from './headers.ts';
import { readConditionCode, readDate, readNsn, readSerials, readTcn, readUnitOfIssue, readVerticalDims } from './identity.ts';
import { sheetIssue, type SheetIssue } from './issues.ts';
import { readDims, readMeasure } from './measure.ts';
import { RowReader, resolveSite, slug, type Lines, type Origin } from './rows.ts';
import type { Fact } from './safety/claims.ts';
import type { SafetyKind } from './safety/readers.ts';
import { readRowSafety, type RowSafety, type SafetyColumn } from './safety/row.ts';
import { checkTotals, type LineFigures, type TotalColumn } from './totals.ts';
import { SI } from './units.ts';
import { itemWarnings, type RowNote } from './warnings.ts';

const MEASURES = [
  ['unitWeightKg', 'mass'],
  ['lengthM', 'length'],
  ['widthM', 'length'],
  ['heightM', 'length'],
  ['unitValueUsd', 'money'],
] as const;
const DIMS = ['lengthM', 'widthM', 'heightM'] as const;

const SAFETY: ReadonlySet<string> = new Set<SafetyKind>([
  'hazard', 'class', 'unNumber', 'classification', 'comsec', 'lethal', 'ammunition', 'dodic', 'demilCode', 'sensitive', 'hostTransfer', 'demilInPlace', 'cargoAircraftOnly',
]);

/** The fact a Y means in a column whose header names a kind ("Hazmat" mapped to sensitive). */
const KIND_OF_FAMILY: Partial<Record<string, Fact>> = {
  hazard: 'dangerous', class: 'dangerous', unNumber: 'dangerous', classification: 'classified', comsec: 'comsec', lethal: 'lethal', ammunition: 'ammunition', dodic: 'ammunition',
};
const kindOf = (header: string) => KIND_OF_FAMILY[looksSafety(header) ?? ''];

export function readItems(file: string, cols: Columns<ItemField>, sites: readonly Site[]): Lines {
  const r = new RowReader(file, cols);
  const origins = sites.filter((s) => s.role === 'origin');
  const dimsColumn = r.column('dims');
  const issues = r.missing([
    ...(origins.length === 1 ? [] : [{ field: 'site' as const, label: 'the location', examples: ['Location', 'Site'] }]),
    { field: 'unitWeightKg', label: 'the unit weight', examples: ['Weight (kg)', 'Weight (lb)', 'Unit Weight'] },
    ...(dimsColumn ? [] : [
      { field: 'lengthM' as const, label: 'the length', examples: ['Length (m)', 'Length (in)', 'L (cm)'] },
      { field: 'widthM' as const, label: 'the width', examples: ['Width (m)', 'Width (in)', 'W (cm)'] },
      { field: 'heightM' as const, label: 'the height', examples: ['Height (m)', 'Height (in)', 'H (cm)'] },
    ]),
    { field: 'unitValueUsd', label: 'the unit value', examples: ['Unit Cost ($)', 'Unit Price', 'Value (USD)'] },
  ]);
  if (!r.column('name') && !r.column('id') && !r.column('nsn'))
    issues.push(...r.missing([{ field: 'name', label: 'the name', examples: ['Nomenclature', 'Description', 'Name'] }]));
  for (const c of cols.columns.filter((c) => c.field === 'unreadable'))
    issues.push(sheetIssue({ file, row: cols.headerRow, column: c.header }, 'unknown_field',
      'looks safety-relevant (controlled inventory item codes) but drawdown cannot read these codes; say what they mean in Sensitive, Classified, Ammo or Hazmat columns, or map the column in the mapping file (to a flag such as sensitive:lethal, or to ignore)',
      { value: c.header }));
  if (issues.length > 0) return { lines: [], origins: [], issues, warnings: [] };

  const safetyColumns = safetyColumnsOf(cols);
  const lines: Record<string, unknown>[] = [];
  const found: Origin[] = [];
  const figures: LineFigures[] = [];
  const notes: RowNote[] = [];
  for (const { row, cells } of cols.rows) {
    const columns: Record<string, string> = {};
    const written: Record<string, CellValue> = {};
    const from = (field: string, sheetField: ItemField) => {
      const c = r.column(sheetField);
      if (c) (columns[field] = c.header), (written[field] = cells[c.index] ?? null);
    };
    const bad = (field: ItemField, message: string, code: SheetIssue['code'] = 'value') => issues.push(r.issue(row, field, message, code, cells));
    const item: Record<string, unknown> = {};
    const id = text(r.cell(cells, 'id') ?? null);
    if (id) (item.id = id), from('id', 'id');
    const nsn = readNsn(r.cell(cells, 'nsn') ?? null);
    if (!nsn.ok) bad('nsn', nsn.message);
    else if (nsn.value) (item.nsn = nsn.value), from('nsn', 'nsn');
    item.name = text(r.cell(cells, 'name') ?? null) || (nsn.ok ? nsn.value : undefined) || id;
    from('name', r.column('name') ? 'name' : 'nsn');

    const site = r.cell(cells, 'site');
    if (site === undefined) item.site = origins[0].id;
    else if (r.blank(cells, 'site')) bad('site', 'must not be blank');
    else item.site = resolveSite(text(site), sites);
    from('site', 'site');

    const quantity = r.cell(cells, 'quantity');
    if (quantity === undefined) item.quantity = 1;
    else if (isBlank(quantity)) bad('quantity', 'must not be blank');
    else {
      const n = readNumber(quantity);
      if (!n.ok) bad('quantity', n.message);
      else item.quantity = n.value;
    }
    from('quantity', 'quantity');

    readFigures(cells, r, item, from, bad);

    const kind = readKind(r.cell(cells, 'kind') ?? null);
    const vehicle = readFlag(r.cell(cells, 'vehicle') ?? null);
    if (!kind.ok) bad('kind', kind.message);
    if (!vehicle.ok) bad('vehicle', vehicle.message);
    if (kind.ok && vehicle.ok) item.kind = vehicle.value ? 'vehicle' : kind.value;
    from('kind', r.column('kind') ? 'kind' : 'vehicle');

    readHandling(cells, r, item, from, bad);
    readIdentity(row, cells, r, item, from, bad, notes);

    const nsnColumn = r.column('nsn');
    const nsnCell = nsn.ok && nsn.value && nsnColumn ? { value: nsn.value, column: nsnColumn.header, cell: cells[nsnColumn.index] ?? null } : undefined;
    const safety = readRowSafety(file, row, cells, safetyColumns, kindOf, nsnCell);
    issues.push(...safety.issues);
    if (safety.value) applySafety(item, safety.value, columns, written, row, notes);

    lines.push(item);
    found.push({ file, row, columns, cells: written });
    if (typeof item.quantity === 'number')
      figures.push({ row, quantity: item.quantity, values: { unitWeightKg: item.unitWeightKg as number, unitValueUsd: item.unitValueUsd as number } });
  }
  issues.push(...duplicateSerials(r, lines, found));
  generateIds(lines);
  const warnings = itemWarnings(file, cols, notes);
  if (issues.length === 0) warnings.push(...checkTotals(file, cols.totals, figures, totalColumns(r)));
  return { lines: lines.map(ordered), origins: found, issues, warnings };
}

type From = (field: string, sheetField: ItemField) => void;
type Bad = (field: ItemField, message: string, code?: SheetIssue['code']) => void;

/** Weight, length, width, height and value, to SI: each from its column, or L, W and H from a dimensions column. */
function readFigures(cells: readonly CellValue[], r: RowReader<ItemField>, item: Record<string, unknown>, from: From, bad: Bad): void {
  const dimsColumn = r.column('dims');
  const dims = dimsColumn && !isBlank(cells[dimsColumn.index] ?? null) ? readDims(cells[dimsColumn.index], dimsColumn.unit) : undefined;
  if (dims && !dims.ok) bad('dims', dims.message);
  for (const [field, dimension] of MEASURES) {
    const col = r.column(field);
    const cell = col ? (cells[col.index] ?? null) : null;
    const fromDims = dims?.ok ? dims.value[DIMS.indexOf(field as (typeof DIMS)[number])] : undefined;
    if (isBlank(cell) && fromDims !== undefined) {
      (item[field] = fromDims), from(field, 'dims');
      continue;
    }
    if (isBlank(cell)) {
      // One "must not be blank" for an empty dimensions cell, not one for each of L, W and H.
      const firstFromDims = DIMS.find((f) => !r.column(f));
      if (dims && !dims.ok) continue; // the dimensions cell is reported already
      if (col) bad(field, 'must not be blank');
      else if (field === firstFromDims) bad('dims', 'must not be blank');
      continue;
    }
    const m = readMeasure(cell, dimension, col?.unit ?? SI[dimension]);
    if (!m.ok) bad(field, m.message);
    else if (fromDims !== undefined && Math.abs(fromDims - m.value) > 1e-6)
      bad(field, `${shown(cell)} disagrees with column "${dimsColumn!.header}" (${text(cells[dimsColumn!.index])}); correct one of the two`, 'conflict');
    else item[field] = m.value;
    from(field, field);
  }
}

/** Tilting and stacking: "This side up", "Tiltable", "Max load on top", "Do not stack"; and the ready date. */
function readHandling(cells: readonly CellValue[], r: RowReader<ItemField>, item: Record<string, unknown>, from: From, bad: Bad): void {
  // "This side up" says the opposite of tiltable; a tiltable column wins when both are filled.
  const tilt = readFlag(r.cell(cells, 'tiltable') ?? null);
  if (!tilt.ok) bad('tiltable', tilt.message);
  let tiltable = tilt.ok ? tilt.value : undefined;
  from('tiltable', 'tiltable');
  if (tiltable === undefined) {
    const upright = readFlag(r.cell(cells, 'upright') ?? null);
    if (!upright.ok) bad('upright', upright.message);
    else if (upright.value !== undefined) (tiltable = !upright.value), from('tiltable', 'upright');
  }
  if (tiltable) item.tiltable = true;
  const vertical = readVerticalDims(r.cell(cells, 'verticalDims') ?? null);
  if (!vertical.ok) bad('verticalDims', vertical.message);
  else if (vertical.value && !tiltable) (item.verticalDims = vertical.value), from('verticalDims', 'verticalDims');

  const maxCol = r.column('maxLoadOnTopKg');
  const max = maxCol && !isBlank(cells[maxCol.index] ?? null) ? readMeasure(cells[maxCol.index], 'mass', maxCol.unit) : undefined;
  const noStack = readFlag(r.cell(cells, 'noStack') ?? null);
  if (max && !max.ok) bad('maxLoadOnTopKg', max.message);
  if (!noStack.ok) bad('noStack', noStack.message);
  if (noStack.ok && noStack.value && max?.ok && max.value > 0)
    bad('noStack', `${shown(r.cell(cells, 'noStack')!)} says nothing may stand on it, but column "${maxCol!.header}" allows ${text(cells[maxCol!.index])}; correct one of the two`, 'conflict');
  else if (noStack.ok && noStack.value) (item.maxLoadOnTopKg = 0), from('maxLoadOnTopKg', 'noStack');
  else if (max?.ok) (item.maxLoadOnTopKg = max.value), from('maxLoadOnTopKg', 'maxLoadOnTopKg');

  const ready = readDate(r.cell(cells, 'readyFrom') ?? null);
  if (!ready.ok) bad('readyFrom', ready.message);
  else if (ready.value) (item.readyFrom = ready.value), from('readyFrom', 'readyFrom');
}

/** Serial numbers, condition code, TCN and unit of issue, for the property registers. */
function readIdentity(row: number, cells: readonly CellValue[], r: RowReader<ItemField>, item: Record<string, unknown>, from: From, bad: Bad, notes: RowNote[]): void {
  const serials = readSerials(r.cell(cells, 'serials') ?? null);
  if (!serials.ok) bad('serials', serials.message);
  else if (serials.value.length > 0) {
    const q = typeof item.quantity === 'number' ? item.quantity : undefined;
    if (q !== undefined && serials.value.length > q)
      bad('serials', `${serials.value.length} serial numbers for ${q} unit${q === 1 ? '' : 's'}: one serial a unit (split the line, or correct the quantity)`);
    else {
      item.serials = serials.value;
      from('serials', 'serials');
      if (q !== undefined && serials.value.length < q) notes.push({ kind: 'fewSerials', row, column: r.column('serials')!.header, cell: `${serials.value.length} of ${q}` });
    }
  }
  for (const [field, read] of [['conditionCode', readConditionCode], ['tcn', readTcn], ['unitOfIssue', readUnitOfIssue]] as const) {
    const v = read(r.cell(cells, field) ?? null);
    if (!v.ok) bad(field, v.message);
    else if (v.value) (item[field] = v.value), from(field, field);
  }
}

function applySafety(item: Record<string, unknown>, s: RowSafety, columns: Record<string, string>, written: Record<string, CellValue>, row: number, notes: RowNote[]): void {
  if (s.sensitive.length > 0) item.sensitive = s.sensitive;
  if (s.hazard) item.hazard = s.hazard;
  if (s.unNumber) item.unNumber = s.unNumber;
  if (s.hostTransfer) item.hostTransfer = true;
  if (s.demilInPlace) item.demilInPlace = true;
  if (s.cargoAircraftOnly) item.cargoAircraftOnly = true;
  Object.assign(columns, s.columns);
  Object.assign(written, s.cells);
  if (s.classMissing) notes.push({ kind: 'classMissing', row, column: s.classMissing.column, cell: text(s.classMissing.cell) });
  if (s.kindMissing) notes.push({ kind: 'kindMissing', row, column: s.kindMissing.column, cell: text(s.kindMissing.cell) });
  if (s.inferred) notes.push({ kind: 'inferred', row, column: s.inferred.column, cell: text(s.inferred.cell), why: s.inferred.because });
  if (s.overridden) notes.push({ kind: 'overridden', row, column: s.overridden.column, cell: text(s.overridden.cell), why: s.overridden.because });
  if (s.authority) notes.push({ kind: 'authority', row, column: s.authority.column, cell: text(s.authority.cell), why: s.authority.why });
}

/** The safety columns; a "Demil" column is demil in place when all its cells are yes/no, else DEMIL codes. */
function safetyColumnsOf(cols: Columns<ItemField>): SafetyColumn[] {
  const label = (kind: string) => ITEM_FIELDS.find((f) => f.field === kind)?.label.replace(/^the /, '') ?? kind;
  return cols.columns.flatMap((c: Column<ItemField>): SafetyColumn[] => {
    if (c.field === 'demil') {
      const flags = cols.rows.every(({ cells }) => isBlank(cells[c.index] ?? null) || readFlag(cells[c.index] ?? null).ok);
      const kind: SafetyKind = flags ? 'demilInPlace' : 'demilCode';
      return [{ index: c.index, header: c.header, kind, label: label(kind) }];
    }
    if (!SAFETY.has(c.field)) return [];
    const kind = c.field as SafetyKind;
    return [{ index: c.index, header: c.header, kind, label: label(kind), ...(c.loose ? { loose: true } : {}) }];
  });
}

function totalColumns(r: RowReader<ItemField>): TotalColumn[] {
  const out: TotalColumn[] = [];
  const q = r.column('quantity');
  if (q) out.push({ field: 'quantity', index: q.index, header: q.header, perUnit: false, what: 'quantity' });
  for (const [field, what] of [['unitWeightKg', 'unit weight'], ['unitValueUsd', 'unit value']] as const) {
    const c = r.column(field);
    if (c) out.push({ field, index: c.index, header: c.header, ...(c.unit ? { unit: c.unit } : {}), perUnit: true, what });
  }
  return out;
}

/** A serial number is one unit: the same serial on two lines of one stock number is an error. */
function duplicateSerials(r: RowReader<ItemField>, lines: Record<string, unknown>[], found: Origin[]): SheetIssue[] {
  const seen = new Map<string, number>();
  const out: SheetIssue[] = [];
  lines.forEach((item, i) => {
    for (const s of (item.serials as string[] | undefined) ?? []) {
      const key = `${item.nsn ?? item.name}\u0000${s}`;
      const first = seen.get(key);
      if (first === undefined) seen.set(key, found[i].row);
      else out.push(r.issue(found[i].row, 'serials', `serial number "${s}" of ${item.nsn ?? `"${item.name}"`} is already on row ${first}`, 'duplicate'));
    }
  });
  return out;
}

/**
 * Rows without an id get one from what identifies the line: NSN and serial (one serialised
 * unit), else NSN and site, else name and site; numbered -2, -3 in row order when taken. The same
 * sheet gives the same ids, and a row keeps its id while it keeps its stock number, serial and site.
 */
function generateIds(items: Record<string, unknown>[]): void {
  const taken = new Set(items.map((i) => i.id).filter((x): x is string => typeof x === 'string'));
  const next = new Map<string, number>(); // the next number to try for a base, so many lines of one NSN stay linear
  for (const item of items) {
    if (item.id !== undefined) continue;
    const serials = (item.serials as string[] | undefined) ?? [];
    const parts = typeof item.nsn === 'string'
      ? [item.nsn, serials.length === 1 ? slug(serials[0]) : slug(String(item.site ?? ''))]
      : [slug(String(item.name ?? '')), slug(String(item.site ?? ''))];
    const base = parts.filter(Boolean).join('-') || 'item';
    let id = base;
    let n = next.get(base) ?? 2;
    for (; taken.has(id); n++) id = `${base}-${n}`;
    next.set(base, n);
    taken.add(id);
    item.id = id;
  }
}

/** Fields in the schema's order, so the written scenario reads like a hand-written one. */
const ORDER = [
  'id', 'name', 'site', 'quantity', 'unitWeightKg', 'lengthM', 'widthM', 'heightM', 'unitValueUsd', 'kind', 'sensitive', 'hostTransfer', 'demilInPlace', 'tiltable',
  'verticalDims', 'hazard', 'unNumber', 'cargoAircraftOnly', 'maxLoadOnTopKg', 'readyFrom', 'nsn', 'conditionCode', 'serials', 'tcn', 'unitOfIssue',
];

function ordered(item: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(ORDER.filter((k) => item[k] !== undefined).map((k) => [k, item[k]]));
}

