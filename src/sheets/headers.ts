// The column headers people actually write, read case- and punctuation-insensitively, with
// the unit taken from the header itself ("Weight (lb)", "Wt kg", "L (cm)"); SI when none.

import { SI, UNITS, type Dimension, type Unit } from './units.ts';

export type ItemField =
  | 'id'
  | 'name'
  | 'nsn'
  | 'site'
  | 'quantity'
  | 'unitWeightKg'
  | 'lengthM'
  | 'widthM'
  | 'heightM'
  | 'unitValueUsd'
  | 'kind'
  /** a yes/no column saying the line is a vehicle */
  | 'vehicle'
  | 'sensitive'
  | 'hostTransfer'
  | 'demilInPlace'
  | 'tiltable'
  /** "This side up": the inverse of tiltable */
  | 'upright'
  | 'ignore';

export type PersonnelField = 'site' | 'count' | 'role' | 'unit' | 'ignore';

export interface FieldSpec<F extends string> {
  field: F;
  /** what a planner calls it, for "no column for ..." messages */
  label: string;
  dimension?: Dimension;
  /** normalised header words (see normaliseHeader) */
  headers: string[];
}

export const ITEM_FIELDS: FieldSpec<ItemField>[] = [
  { field: 'id', label: 'the item id', headers: ['id', 'item id', 'lin', 'item no', 'item number', 'line id'] },
  { field: 'name', label: 'the name', headers: ['nomenclature', 'description', 'name', 'item name', 'item description'] },
  { field: 'nsn', label: 'the NSN', headers: ['nsn', 'national stock number', 'stock number'] },
  { field: 'site', label: 'the location', headers: ['location', 'site', 'base', 'loc', 'origin', 'origin site'] },
  { field: 'quantity', label: 'the quantity', headers: ['qty', 'quantity', 'count', 'units', 'qty on hand', 'on hand'] },
  {
    field: 'unitWeightKg',
    label: 'the unit weight',
    dimension: 'mass',
    headers: ['weight', 'wt', 'unit weight', 'unit wt', 'weight each', 'wt each', 'mass', 'unit mass', 'weight per unit'],
  },
  { field: 'lengthM', label: 'the length', dimension: 'length', headers: ['length', 'l', 'len', 'unit length'] },
  { field: 'widthM', label: 'the width', dimension: 'length', headers: ['width', 'w', 'wid', 'unit width'] },
  { field: 'heightM', label: 'the height', dimension: 'length', headers: ['height', 'h', 'ht', 'unit height'] },
  {
    field: 'unitValueUsd',
    label: 'the unit value',
    dimension: 'money',
    headers: ['unit cost', 'unit price', 'value', 'unit value', 'cost', 'price', 'cost each', 'price each', 'value each'],
  },
  { field: 'kind', label: 'the type', headers: ['type', 'kind', 'item type', 'cargo type', 'category'] },
  { field: 'vehicle', label: 'the vehicle flag', headers: ['vehicle', 'rolling stock', 'is vehicle', 'rolls'] },
  { field: 'sensitive', label: 'the sensitivity', headers: ['sensitivity', 'sensitive', 'sensitivities'] },
  {
    field: 'hostTransfer',
    label: 'host transfer',
    headers: ['transferable', 'host transfer', 'transfer', 'hn transfer', 'host nation transfer', 'transfer to host'],
  },
  {
    field: 'demilInPlace',
    label: 'demil in place',
    headers: ['demil', 'demil in place', 'demilitarize', 'demilitarise', 'destroy in place'],
  },
  { field: 'tiltable', label: 'tiltable', headers: ['tiltable', 'tilt', 'can tilt', 'any side up', 'may tilt'] },
  { field: 'upright', label: 'this side up', headers: ['this side up', 'upright', 'keep upright', 'no tilt', 'do not tilt'] },
];

export const PERSONNEL_FIELDS: FieldSpec<PersonnelField>[] = [
  { field: 'site', label: 'the location', headers: ['location', 'site', 'base', 'loc'] },
  { field: 'count', label: 'the count', headers: ['count', 'qty', 'quantity', 'pax', 'personnel', 'strength', 'headcount', 'people'] },
  { field: 'role', label: 'the role', headers: ['role', 'category', 'function'] },
  { field: 'unit', label: 'the unit', headers: ['unit', 'unit name', 'uic', 'organisation', 'organization'] },
];

/** Lower case, `$` read as USD, `#` as "no", every other run of punctuation a space. */
export function normaliseHeader(header: string): string {
  return header
    .toLowerCase()
    .replace(/\$/g, ' usd ')
    .replace(/#/g, ' no ')
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

export type Recognised<F extends string> = { field: F; unit?: Unit } | { error: string };

/** The field and unit a header names; an error when it names a field with a unit of the wrong kind. */
export function recogniseHeader<F extends string>(header: string, specs: FieldSpec<F>[]): Recognised<F> | undefined {
  const norm = normaliseHeader(header);
  const find = (words: string) => specs.find((s) => s.headers.includes(words));
  const whole = find(norm);
  if (whole) return whole.dimension ? { field: whole.field, unit: SI[whole.dimension] } : { field: whole.field };
  const words = norm.split(' ');
  const unit = UNITS[words[words.length - 1]];
  if (!unit || words.length < 2) return undefined;
  const spec = find(words.slice(0, -1).join(' '));
  if (!spec) return undefined;
  if (!spec.dimension) return undefined;
  if (spec.dimension !== unit.dimension)
    return { error: `"${words[words.length - 1]}" is not a unit of ${spec.dimension === 'money' ? 'money' : spec.dimension}` };
  return { field: spec.field, unit };
}

/**
 * A mapping value: a field name (`unitWeightKg`, `site`, `ignore`: unit from the sheet's
 * header if it names one, else SI) or a header drawdown recognises (`Weight (lb)`).
 */
export function recogniseMapped<F extends string>(
  sheetHeader: string,
  target: string,
  specs: FieldSpec<F>[],
): Recognised<F> | undefined {
  const byName = [...specs.map((s) => s.field), 'ignore'].find((f) => f.toLowerCase() === target.trim().toLowerCase()) as F | undefined;
  if (byName) {
    const spec = specs.find((s) => s.field === byName);
    if (!spec?.dimension) return { field: byName };
    const fromHeader = recogniseHeader(sheetHeader, [{ ...spec, headers: [normaliseHeader(sheetHeader).split(' ').slice(0, -1).join(' ')] }]);
    const unit = fromHeader && 'field' in fromHeader ? fromHeader.unit : SI[spec.dimension];
    return { field: byName, unit };
  }
  return recogniseHeader(target, specs);
}
