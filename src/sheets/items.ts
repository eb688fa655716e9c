// Inventory rows to scenario items: units converted to kg, m and USD, flags read, sites resolved,
// ids generated where the sheet has none. Every bad cell is collected; nothing stops at the first.

import type { Site } from '../model/index.ts';
import { readFlag, readKind, readNumber, readSensitivity, text, type CellValue } from './cells.ts';
import type { Columns } from './columns.ts';
import type { ItemField } from './headers.ts';
import { RowReader, resolveSite, slug, type Lines, type Origin } from './rows.ts';
import { toSi } from './units.ts';

const MEASURES = ['unitWeightKg', 'lengthM', 'widthM', 'heightM', 'unitValueUsd'] as const;
const FLAGS = ['hostTransfer', 'demilInPlace', 'tiltable'] as const;

export function readItems(file: string, cols: Columns<ItemField>, sites: readonly Site[]): Lines {
  const r = new RowReader(file, cols);
  const origins = sites.filter((s) => s.role === 'origin');
  const issues = r.missing([
    ...(origins.length === 1 ? [] : [{ field: 'site' as const, label: 'the location', examples: ['Location', 'Site'] }]),
    { field: 'unitWeightKg', label: 'the unit weight', examples: ['Weight (kg)', 'Weight (lb)', 'Unit Weight'] },
    { field: 'lengthM', label: 'the length', examples: ['Length (m)', 'Length (in)', 'L (cm)'] },
    { field: 'widthM', label: 'the width', examples: ['Width (m)', 'Width (in)', 'W (cm)'] },
    { field: 'heightM', label: 'the height', examples: ['Height (m)', 'Height (in)', 'H (cm)'] },
    { field: 'unitValueUsd', label: 'the unit value', examples: ['Unit Cost ($)', 'Unit Price', 'Value (USD)'] },
  ]);
  if (!r.column('name') && !r.column('id') && !r.column('nsn'))
    issues.push(...r.missing([{ field: 'name', label: 'the name', examples: ['Nomenclature', 'Description', 'Name'] }]));
  if (issues.length > 0) return { lines: [], origins: [], issues, warnings: [] };

  const lines: Record<string, unknown>[] = [];
  const found: Origin[] = [];
  for (const { row, cells } of cols.rows) {
    const columns: Record<string, string> = {};
    const written: Record<string, CellValue> = {};
    const from = (field: string, sheetField: ItemField) => {
      const c = r.column(sheetField);
      if (c) (columns[field] = c.header), (written[field] = cells[c.index] ?? null);
    };
    const item: Record<string, unknown> = {};
    const id = text(r.cell(cells, 'id') ?? null);
    if (id) (item.id = id), from('id', 'id');
    const nsn = text(r.cell(cells, 'nsn') ?? null);
    item.name = text(r.cell(cells, 'name') ?? null) || nsn || id;
    from('name', r.column('name') ? 'name' : 'nsn');

    const site = r.cell(cells, 'site');
    if (site === undefined) item.site = origins[0].id;
    else if (r.blank(cells, 'site')) issues.push(r.issue(row, 'site', 'must not be blank'));
    else item.site = resolveSite(text(site), sites);
    from('site', 'site');

    const quantity = r.cell(cells, 'quantity');
    if (quantity === undefined) item.quantity = 1;
    else number(quantity, 'quantity', (v) => (item.quantity = v));
    from('quantity', 'quantity');

    for (const field of MEASURES) {
      const factor = r.column(field)?.unit;
      number(r.cell(cells, field) ?? null, field, (v) => (item[field] = factor ? toSi(v, factor) : v));
      from(field, field);
    }

    const kind = readKind(r.cell(cells, 'kind') ?? null);
    const vehicle = readFlag(r.cell(cells, 'vehicle') ?? null);
    if (!kind.ok) issues.push(r.issue(row, 'kind', kind.message));
    if (!vehicle.ok) issues.push(r.issue(row, 'vehicle', vehicle.message));
    if (kind.ok && vehicle.ok) item.kind = vehicle.value ? 'vehicle' : kind.value;
    from('kind', r.column('kind') ? 'kind' : 'vehicle');

    const sensitive = readSensitivity(r.cell(cells, 'sensitive') ?? null);
    if (!sensitive.ok) issues.push(r.issue(row, 'sensitive', sensitive.message));
    else if (sensitive.value.length > 0) item.sensitive = sensitive.value;
    from('sensitive', 'sensitive');

    for (const field of FLAGS) {
      const flag = readFlag(r.cell(cells, field) ?? null);
      if (!flag.ok) issues.push(r.issue(row, field, flag.message));
      let value = flag.ok ? flag.value : undefined;
      from(field, field);
      // "This side up" says the opposite of tiltable; a tiltable column wins when both are filled.
      if (field === 'tiltable' && value === undefined) {
        const upright = readFlag(r.cell(cells, 'upright') ?? null);
        if (!upright.ok) issues.push(r.issue(row, 'upright', upright.message));
        else if (upright.value !== undefined) (value = !upright.value), from(field, 'upright');
      }
      if (value) item[field] = true;
    }
    lines.push(item);
    found.push({ file, row, columns, cells: written });

    function number(v: CellValue, field: ItemField, set: (n: number) => void) {
      if (v === null || (typeof v === 'string' && v.trim() === '')) return void issues.push(r.issue(row, field, 'must not be blank'));
      const n = readNumber(v);
      if (!n.ok) issues.push(r.issue(row, field, n.message));
      else set(n.value);
    }
  }
  generateIds(lines);
  return { lines: lines.map(ordered), origins: found, issues, warnings: [] };
}

/** Rows without an id get name-site, numbered -2, -3 in row order when that is taken: stable while rows keep their names. */
function generateIds(items: Record<string, unknown>[]): void {
  const taken = new Set(items.map((i) => i.id).filter((x): x is string => typeof x === 'string'));
  for (const item of items) {
    if (item.id !== undefined) continue;
    const base = [slug(String(item.name ?? '')), slug(String(item.site ?? ''))].filter(Boolean).join('-') || 'item';
    let id = base;
    for (let n = 2; taken.has(id); n++) id = `${base}-${n}`;
    taken.add(id);
    item.id = id;
  }
}

const ORDER = ['id', 'name', 'site', 'quantity', 'unitWeightKg', 'lengthM', 'widthM', 'heightM', 'unitValueUsd', 'kind', 'sensitive', 'hostTransfer', 'demilInPlace', 'tiltable'];

/** Fields in formats.md order, so the written scenario reads like a hand-written one. */
function ordered(item: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(ORDER.filter((k) => item[k] !== undefined).map((k) => [k, item[k]]));
}
