// `npm run docs:formats`: rewrites the generated tables of docs/formats.md from the zod schemas
// the loader (src/scenario/schema.ts) and the plan reader (src/verify/plan-shape.ts) use, and
// the catalog's values. Prose outside the `<!-- generated:NAME -->` markers is kept as written.
// `--check` writes nothing and exits 1 when the file is out of date (test/formats-doc.test.ts).

import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { AIRCRAFT, PALLETS, SEGREGATION } from '../src/catalog/index.ts';
import {
  fieldRows,
  hasField,
  markdownTable,
  schemaAt,
  simpleTable,
  spliceGenerated,
  type FieldRow,
  type SchemaNode,
  type Spliced,
  type TableOptions,
} from '../src/scenario/formats-doc.ts';
import { AIRCRAFT_FIELDS, ScenarioFileSchema, aircraftFields } from '../src/scenario/schema.ts';
import { planSchema } from '../src/verify/plan-shape.ts';

export const FORMATS_DOC = fileURLToPath(new URL('../docs/formats.md', import.meta.url));
export const REFRESH_COMMAND = 'npm run docs:formats';

const scenario = ScenarioFileSchema as unknown as SchemaNode;
const plan = planSchema as unknown as SchemaNode;
const METRES = { x: 'm', y: 'm', z: 'm', l: 'm', w: 'm', h: 'm' };

/** A field table; every field must say what it means, so a new field cannot arrive undocumented. */
function table(root: SchemaNode, path: string, opts?: TableOptions): string {
  const rows = fieldRows(path ? schemaAt(root, path) : root, opts);
  const bare = rows.filter((r) => !r.meaning.trim()).map((r) => `${path ? `${path}.` : ''}${r.field.replace(/`/g, '')}`);
  if (bare.length) throw new Error(`formats-doc: no description for ${bare.join(', ')}: give the zod schema a .describe()`);
  return markdownTable(rows);
}

const overrides: FieldRow = {
  field: AIRCRAFT_FIELDS.map((k) => `\`${k}\``).join(', '),
  type: '',
  unit: '',
  presence: 'optional',
  allowed: 'as in the aircraft type table',
  meaning: "overrides the type's catalog value for these tails; a new type id must give every one",
};

/**
 * The additions to version 1 and how far the code has got with each. The loader column is read
 * from the schema; the planning column is stated here and changes with the rule's commit.
 */
const ADDITIONS: { label: string; field?: string; planning: string }[] = [
  { label: '`items[].hazard`', field: 'items[].hazard', planning: 'yes: a hazard makes the line `dangerous`; hazards (with `subsidiaryHazards`) that the segregation table (the catalog\'s, with the scenario\'s `segregation[]` entries) keeps apart never share a pallet (pallet.segregation) nor come within 0.5 m on the floor (load.segregation)' },
  { label: '`items[].unNumber`', field: 'items[].unNumber', planning: 'yes: printed on the hazardous cargo list of each sortie\'s load plan' },
  { label: '`items[].cargoAircraftOnly`', field: 'items[].cargoAircraftOnly', planning: 'yes: a sortie carrying such a unit flies no passengers (load.cargoAircraftOnly)' },
  { label: '`items[].maxLoadOnTopKg`', field: 'items[].maxLoadOnTopKg', planning: 'yes: the weight passed down to each unit stays within it (pallet.stacking)' },
  { label: '`items[].readyFrom`', field: 'items[].readyFrom', planning: 'yes: no unit departs before it (item.ready); a pallet waits for its latest unit, and the closure bound for the last one' },
  { label: '`items[].verticalDims`', field: 'items[].verticalDims', planning: 'partly: all three dimensions means `tiltable`; any other subset is planned upright (height vertical), which is right only when the subset includes `height`' },
  { label: '`items[].nsn`, `conditionCode`, `serials`, `tcn`, `unitOfIssue`', field: 'items[].nsn', planning: 'carried on the item; not yet in the registers' },
  { label: 'heavier on lighter (`policy.heavierOnLighter`)', field: 'policy.heavierOnLighter', planning: 'yes: unless it is true, no unit rests on a lighter one (pallet.stacking)' },
  { label: '`policy.freezeHours`', field: 'policy.freezeHours', planning: 'not yet: there is no replanning' },
  { label: 'pallet stations (`palletStations` of an aircraft type)', field: 'aircraft[].palletStations', planning: 'yes: the C-17A and C-130J-30 have theirs; a pallet covers one station within its weight, none under a vehicle or floor unit (load.station)' },
  { label: 'vehicles drive on (length along the floor)', planning: 'yes: a vehicle\'s length runs along the floor, in one lane where two do not fit side by side (load.vehicle)' },
  { label: 'site `hours`, `quietHours`, `utcOffset`, `timeZone`', field: 'sites[].hours', planning: 'yes: departures, arrivals and positioning flights fall inside them (airfield.hours); daily departure slots spread over the open hours; the closure bound counts them' },
  { label: 'crews: `crewsPerTail`, `crewComplement`, `crewDutyHours`, `crewRestHours` of a fleet line, `stage` of a site, `crew` and `positioningArrives` of a sortie', field: 'aircraft[].crewsPerTail', planning: 'yes: every sortie names its crew; duty periods and rests are planned for and checked (crew.duty, crew.rest), crews change tails only at stage sites, and the closure bound counts the rests' },
  { label: 'actuals and `drawdown replan`', planning: 'not yet: no command reads actuals' },
  { label: '`drawdown risk`, `drawdown frontier`', planning: 'not yet: no such commands' },
];

function additionsTable(): string {
  return simpleTable(
    ['addition', 'accepted in a scenario', 'planned for and checked'],
    ADDITIONS.map((a) => [
      a.label,
      a.field === undefined ? '—' : hasField(scenario, a.field) ? 'yes' : 'no: refused as an unknown field',
      a.planning,
    ]),
  );
}

/** Catalog values side by side, one column per type. */
function catalogTable<T extends object>(entries: Record<string, { spec: T }>, fields: readonly (keyof T & string)[]): string {
  const ids = Object.keys(entries);
  const show = (v: unknown) => (Array.isArray(v) ? `[${v.join(', ')}]` : String(v));
  return simpleTable(['field', ...ids.map((id) => `\`${id}\``)], fields.map((f) => [`\`${f}\``, ...ids.map((id) => show(entries[id].spec[f]))]));
}

/** The catalog's segregation entries, in the order they are read. */
function segregationTable(): string {
  return simpleTable(['a', 'b', 'segregate', 'source'], SEGREGATION.map((e) => [`\`${e.a}\``, `\`${e.b}\``, e.segregate ? 'yes' : 'no', e.reason ?? '']));
}

/** Each catalog type's stations, row by row: where they lie along the floor and what each takes. */
function stationsTable(): string {
  const rows: string[][] = [];
  for (const { spec } of Object.values(AIRCRAFT)) {
    const st = spec.palletStations ?? [];
    const xs = [...new Set(st.map((s) => s.x))].sort((a, b) => a - b);
    xs.forEach((x, r) => {
      const row = st.filter((s) => s.x === x);
      rows.push([r === 0 ? `\`${spec.id}\`` : '', String(r + 1), `${x}`, row.map((s) => `${s.y}`).join(', '), `${row[0].l} × ${row[0].w}`, row.map((s) => `${s.maxKg}`).join(', ')]);
    });
  }
  return simpleTable(['type', 'row', 'x (m)', 'y of each station (m)', 'l × w (m)', 'maxKg'], rows);
}

export function formatsBlocks(): Record<string, string> {
  return {
    'scenario-fields': table(scenario, ''),
    'scenario-sites': table(scenario, 'sites[]'),
    'scenario-aircraft': table(scenario, 'aircraft[]', { omit: AIRCRAFT_FIELDS, extra: [overrides] }),
    'aircraft-type-fields': table(z.object(aircraftFields) as unknown as SchemaNode, ''),
    'catalog-aircraft': catalogTable(AIRCRAFT, ['name', ...AIRCRAFT_FIELDS.filter((f) => f !== 'name')]),
    'catalog-pallets': catalogTable(PALLETS, ['usableLengthM', 'usableWidthM', 'maxHeightM', 'maxGrossKg', 'tareKg', 'footprintLengthM', 'footprintWidthM']),
    'scenario-pallet-types': table(scenario, 'palletTypes[]'),
    'scenario-pallet-stations': table(scenario, 'aircraft[].palletStations[]', { units: { x: 'm', y: 'm', l: 'm', w: 'm', maxKg: 'kg' } }),
    'catalog-stations': stationsTable(),
    'scenario-segregation': table(scenario, 'segregation[]'),
    'catalog-segregation': segregationTable(),
    'scenario-personnel': table(scenario, 'personnel[]'),
    'scenario-items': table(scenario, 'items[]'),
    'scenario-infrastructure': table(scenario, 'infrastructure[]'),
    'scenario-agreements': table(scenario, 'agreements[]'),
    'scenario-policy': table(scenario, 'policy'),
    'plan-fields': table(plan, ''),
    'plan-site-closures': table(plan, 'siteClosures[]'),
    'plan-dispositions': table(plan, 'dispositions[]'),
    'plan-handovers': table(plan, 'handovers[]'),
    'plan-pallets': table(plan, 'pallets[]'),
    'plan-placements': table(plan, 'pallets[].placements[]', { units: METRES }),
    'plan-sorties': table(plan, 'sorties[]'),
    'plan-loads': table(plan, 'sorties[].loads[]', { units: METRES }),
    'plan-metrics': table(plan, 'metrics'),
    'plan-bounds': table(plan, 'bounds'),
    'plan-bound': table(plan, 'bounds.sorties'),
    'plan-violations': table(plan, 'violations[]'),
    'plan-problems': table(plan, 'problems[]'),
    'plan-notes': table(plan, 'notes[]'),
    'plan-deadlines': table(plan, 'deadlines[]'),
    'plan-remedies': table(plan, 'remedies[]'),
    'additions-status': additionsTable(),
  };
}

/** docs/formats.md as it should be: the given text with every generated block refreshed. */
export function renderFormatsDoc(text: string): Spliced {
  return spliceGenerated(text, formatsBlocks());
}

function main(argv: readonly string[]): number {
  const check = argv.includes('--check');
  const before = readFileSync(FORMATS_DOC, 'utf8');
  const r = renderFormatsDoc(before);
  const trouble = [
    ...r.unknown.map((b) => `marker generated:${b} names no generated table`),
    ...r.missing.map((b) => `no <!-- generated:${b} --> ... <!-- /generated --> marker for the table ${b}`),
    ...r.repeated.map((b) => `marker generated:${b} appears more than once`),
  ];
  for (const t of trouble) console.error(`docs/formats.md: ${t}`);
  if (trouble.length) return 2;
  if (r.text === before) {
    console.log('docs/formats.md is up to date');
    return 0;
  }
  if (check) {
    console.error(`docs/formats.md is out of date with the schemas: run ${REFRESH_COMMAND}`);
    return 1;
  }
  writeFileSync(FORMATS_DOC, r.text);
  console.log('docs/formats.md: generated tables rewritten');
  return 0;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  try {
    process.exitCode = main(process.argv.slice(2));
  } catch (e) {
    // a schema field without a description, or a table path that no longer exists
    console.error((e as Error).message);
    process.exitCode = 2;
  }
}
