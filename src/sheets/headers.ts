// The column headers people actually write, read case- and punctuation-insensitively, with
// the unit taken from the header itself ("Weight (lb)", "Wt kg", "L (cm)"); SI when none.

import { own } from './cells.ts';
import type { SafetyKind } from './safety/readers.ts';
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
  /** one cell for all three: "48 x 40 x 36" */
  | 'dims'
  | 'unitValueUsd'
  | 'kind'
  /** a yes/no column saying the line is a vehicle */
  | 'vehicle'
  | 'tiltable'
  /** "This side up": the inverse of tiltable */
  | 'upright'
  | 'verticalDims'
  | 'maxLoadOnTopKg'
  /** "Do not stack": yes means nothing may rest on a unit */
  | 'noStack'
  | 'readyFrom'
  | 'serials'
  | 'conditionCode'
  | 'tcn'
  | 'unitOfIssue'
  /** "Demil": yes/no (demil in place) or DEMIL codes, told apart by the column's values */
  | 'demil'
  /** a column that is safety-relevant but whose codes drawdown cannot read (CIIC): refused unless mapped */
  | 'unreadable'
  | SafetyKind
  | 'ignore';

export type PersonnelField = 'site' | 'count' | 'role' | 'unit' | 'ignore';

export interface FieldSpec<F extends string> {
  field: F;
  /** what a planner calls it, for "no column for ..." messages */
  label: string;
  dimension?: Dimension;
  /** normalised header words (see normaliseHeader) */
  headers: string[];
  /** several columns may give it (safety columns: each is read, and they must agree) */
  multi?: boolean;
}

const safety = (field: SafetyKind, label: string, headers: string[]): FieldSpec<ItemField> => ({ field, label, headers, multi: true });

export const ITEM_FIELDS: FieldSpec<ItemField>[] = [
  { field: 'id', label: 'the item id', headers: ['id', 'item id', 'lin', 'item no', 'item number', 'line id'] },
  { field: 'name', label: 'the name', headers: ['nomenclature', 'description', 'name', 'item name', 'item description', 'noun'] },
  { field: 'nsn', label: 'the NSN', headers: ['nsn', 'national stock number', 'stock number', 'stock no', 'nsn mcn', 'nsn lin'] },
  { field: 'site', label: 'the location', headers: ['location', 'site', 'base', 'loc', 'origin', 'origin site'] },
  { field: 'quantity', label: 'the quantity', headers: ['qty', 'quantity', 'count', 'units', 'qty on hand', 'on hand', 'oh qty', 'qty oh'] },
  {
    field: 'unitWeightKg',
    label: 'the unit weight',
    dimension: 'mass',
    headers: ['weight', 'wt', 'unit weight', 'unit wt', 'weight each', 'wt each', 'mass', 'unit mass', 'weight per unit', 'gross weight', 'gross wt'],
  },
  { field: 'lengthM', label: 'the length', dimension: 'length', headers: ['length', 'l', 'len', 'unit length'] },
  { field: 'widthM', label: 'the width', dimension: 'length', headers: ['width', 'w', 'wid', 'unit width'] },
  { field: 'heightM', label: 'the height', dimension: 'length', headers: ['height', 'h', 'ht', 'unit height'] },
  {
    field: 'dims',
    label: 'the dimensions',
    dimension: 'length',
    headers: ['dimensions', 'dims', 'dim', 'l x w x h', 'lxwxh', 'l w h', 'lwh', 'dimensions l x w x h', 'dimensions lxwxh', 'dims l x w x h', 'size l x w x h'],
  },
  {
    field: 'unitValueUsd',
    label: 'the unit value',
    dimension: 'money',
    headers: ['unit cost', 'unit price', 'value', 'unit value', 'cost', 'price', 'cost each', 'price each', 'value each'],
  },
  { field: 'kind', label: 'the type', headers: ['type', 'kind', 'item type', 'cargo type', 'category'] },
  { field: 'vehicle', label: 'the vehicle flag', headers: ['vehicle', 'rolling stock', 'is vehicle', 'rolls'] },
  { field: 'tiltable', label: 'tiltable', headers: ['tiltable', 'tilt', 'can tilt', 'any side up', 'may tilt'] },
  { field: 'upright', label: 'this side up', headers: ['this side up', 'upright', 'keep upright', 'no tilt', 'do not tilt'] },
  { field: 'verticalDims', label: 'the vertical dimensions', headers: ['vertical dims', 'vertical dimensions', 'may stand on', 'stands on'] },
  {
    field: 'maxLoadOnTopKg',
    label: 'the most weight on top',
    dimension: 'mass',
    headers: ['max load on top', 'max stack', 'max stack weight', 'stack limit', 'stacking limit', 'max weight on top', 'load on top', 'max stacking weight'],
  },
  { field: 'noStack', label: 'do not stack', headers: ['do not stack', 'no stack', 'non stackable', 'not stackable', 'dns'] },
  { field: 'readyFrom', label: 'the ready date', headers: ['ready from', 'ready date', 'available from', 'ready', 'avail date', 'available date', 'ready by'] },
  {
    field: 'serials',
    label: 'the serial numbers',
    headers: ['serial', 'serials', 'serial no', 'serial number', 'serial numbers', 'serial nos', 's n', 'sn', 'ser no', 'weapon serial', 'weapon serial no', 'weapon serial number'],
  },
  {
    field: 'conditionCode',
    label: 'the condition code',
    headers: ['condition code', 'cond code', 'cond cd', 'cc', 'scc', 'supply condition code', 'condition', 'cond', 'supply condition'],
  },
  { field: 'tcn', label: 'the TCN', headers: ['tcn', 'transportation control number', 'transportation control no'] },
  { field: 'unitOfIssue', label: 'the unit of issue', headers: ['unit of issue', 'ui', 'u i', 'uoi', 'unit issue', 'issue unit', 'uom', 'u m', 'unit of measure'] },
  safety('hazard', 'the hazard class', [
    'hazmat', 'hazmat y n', 'hazmat yn', 'haz mat', 'hazardous', 'hazardous material', 'hazardous materials', 'hazmat flag', 'is hazmat',
    'dangerous goods', 'dg', 'dg y n', 'hazard class', 'dg class', 'haz class', 'hazard', 'hazard class division', 'hazard class div',
    'class division', 'un class', 'hazard division', 'dot class', 'dot hazard class', 'imdg class', 'iata class', 'dg class division',
    'hazmat class', 'dangerous goods class', 'hazard cl',
  ]),
  safety('class', 'the class', ['class', 'supply class', 'class of supply', 'cos', 'cl']),
  safety('unNumber', 'the UN number', ['un number', 'un no', 'un', 'un nr', 'un id', 'un code', 'un id no', 'un id number', 'una', 'un na number', 'un na no', 'un na']),
  safety('classification', 'the classification', [
    'classified', 'classification', 'security classification', 'classified y n', 'classification level', 'security class', 'sec class',
    'class marking', 'security marking', 'classification marking', 'clas',
  ]),
  safety('comsec', 'COMSEC', ['comsec', 'cci', 'comsec cci', 'cci y n', 'comsec y n', 'crypto', 'controlled cryptographic item', 'cryptographic', 'comsec item', 'cci item']),
  safety('lethal', 'lethal', ['lethal', 'weapon', 'weapons', 'arms', 'small arms', 'firearm', 'firearms', 'lethal y n', 'weapon y n', 'lethal item']),
  safety('ammunition', 'ammunition', [
    'ammo', 'ammunition', 'munition', 'munitions', 'aa e', 'aa and e', 'explosive', 'explosives', 'ordnance', 'ammo y n', 'ammunition y n',
    'class v', 'ammo explosives',
  ]),
  safety('dodic', 'the DODIC', ['dodic', 'dodic code', 'ammo dodic', 'nalc', 'dodic nalc']),
  safety('demilCode', 'the DEMIL code', ['demil code', 'demil cd', 'dmil', 'dmil code', 'demilitarization code', 'demilitarisation code', 'demil code dic']),
  { field: 'demil', label: 'demil', headers: ['demil'], multi: true },
  safety('sensitive', 'the sensitivity', ['sensitivity', 'sensitive', 'sensitivities', 'sensitive item', 'sensitive items', 'sensitive y n', 'sensitive item y n']),
  safety('hostTransfer', 'host transfer', ['transferable', 'host transfer', 'transfer', 'hn transfer', 'host nation transfer', 'transfer to host', 'transferable y n']),
  safety('demilInPlace', 'demil in place', ['demil in place', 'demilitarize', 'demilitarise', 'destroy in place', 'demil on site', 'destroy on site']),
  safety('cargoAircraftOnly', 'cargo aircraft only', ['cargo aircraft only', 'cao', 'cargo only', 'cao y n', 'cargo aircraft only y n']),
  { field: 'unreadable', label: 'controlled inventory codes', headers: ['ciic', 'controlled inventory item code', 'controlled inventory', 'cii code', 'cii'], multi: true },
];

/**
 * Headers that look safety-relevant by one of their words. Such a column is read as that kind
 * even when its header is not one drawdown knows ("Hazard Remarks" is read as a hazard column),
 * so an unreadable value stops the import instead of being left out.
 */
export const SAFETY_WORDS: readonly [RegExp, SafetyKind | 'unreadable'][] = [
  [/\b(hazmat|haz|hazard\w*|dangerous|dg|flammable|imdg)\b/, 'hazard'],
  [/\bun\b/, 'unNumber'],
  [/^(class|cl)$/, 'class'],
  [/\b(classif\w*|secret|clas)\b/, 'classification'],
  [/\b(comsec|cci|crypto\w*)\b/, 'comsec'],
  [/\b(demil\w*|dmil)\b/, 'demilCode'],
  [/\b(dodic|nalc)\b/, 'dodic'],
  [/\b(ammo|ammunition|munitions?|explosives?|ordnance)\b/, 'ammunition'],
  [/\b(lethal|weapons?|arms|firearms?)\b/, 'lethal'],
  [/\bsensitiv\w*\b/, 'sensitive'],
  [/\b(ciic|cii)\b/, 'unreadable'],
  [/\bcao\b/, 'cargoAircraftOnly'],
];

/** The safety kind a header's words point to, if any. */
export function looksSafety(header: string): SafetyKind | 'unreadable' | undefined {
  const norm = normaliseHeader(header);
  return SAFETY_WORDS.find(([re]) => re.test(norm))?.[1];
}

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
  const unit = own(UNITS, words[words.length - 1]);
  if (!unit || words.length < 2) return undefined;
  const spec = find(words.slice(0, -1).join(' '));
  if (!spec) return undefined;
  if (!spec.dimension) return undefined;
  if (spec.dimension !== unit.dimension)
    return { error: `"${words[words.length - 1]}" is not a unit of ${spec.dimension === 'money' ? 'money' : spec.dimension}` };
  return { field: spec.field, unit };
}

/**
 * Mapping targets besides the field names: a Y/N column named as the flag it sets
 * (`sensitive:dangerous`), and the words clerks use for them (`hazmat`, `ammo`, `weapon`).
 */
export const TARGET_ALIASES: Readonly<Record<string, string>> = {
  'sensitive:lethal': 'lethal',
  'sensitive:dangerous': 'hazard',
  'sensitive:classified': 'classification',
  'sensitive:comsec': 'comsec',
  'sensitive:ammunition': 'ammunition',
  hazmat: 'hazard',
  hazardclass: 'hazard',
  un: 'unNumber',
  classified: 'classification',
  cci: 'comsec',
  weapon: 'lethal',
  ammo: 'ammunition',
  serial: 'serials',
  transferable: 'hostTransfer',
  cao: 'cargoAircraftOnly',
  ui: 'unitOfIssue',
};

/**
 * A mapping value: a field name (`unitWeightKg`, `site`, `ignore`: unit from the sheet's
 * header if it names one, else SI) or a header drawdown recognises (`Weight (lb)`).
 */
export function recogniseMapped<F extends string>(
  sheetHeader: string,
  target: string,
  specs: FieldSpec<F>[],
): Recognised<F> | undefined {
  const wanted = target.trim().toLowerCase().replace(/\s*:\s*/g, ':');
  const name = own(TARGET_ALIASES, wanted) ?? wanted;
  const byName = [...specs.map((s) => s.field), 'ignore'].find((f) => f.toLowerCase() === name.toLowerCase()) as F | undefined;
  if (byName) {
    const spec = specs.find((s) => s.field === byName);
    if (!spec?.dimension) return { field: byName };
    const fromHeader = recogniseHeader(sheetHeader, [{ ...spec, headers: [normaliseHeader(sheetHeader).split(' ').slice(0, -1).join(' ')] }]);
    const unit = fromHeader && 'field' in fromHeader ? fromHeader.unit : SI[spec.dimension];
    return { field: byName, unit };
  }
  return recogniseHeader(target, specs);
}
