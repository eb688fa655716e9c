// Spreadsheets in: an inventory (and optionally a personnel roster) read into the base
// scenario, checked cell by cell and then by the full scenario loader, every problem named by
// its row and column. Nothing comes out unless the whole result is a valid scenario.

import { parse as parseYaml } from 'yaml';
import type { Scenario, Site } from '../model/index.ts';
import { parseScenario, type ScenarioIssue } from '../scenario/index.ts';
import { normaliseMapping, resolveColumns, type Columns } from './columns.ts';
import { ITEM_FIELDS, PERSONNEL_FIELDS, recogniseMapped } from './headers.ts';
import { sheetIssue, sortSheetIssues, type SheetIssue } from './issues.ts';
import { readItems } from './items.ts';
import { readPersonnel } from './personnel.ts';
import { readGrid, type SheetSource } from './read.ts';
import { readNumber, shown, text } from './cells.ts';
import type { Lines, Origin } from './rows.ts';

/** "-4 lb": a figure with its unit, quoted bare like a number. */
const readMeasureLike = (v: unknown) => typeof v === 'string' && /^-?[\d.,]+\s*[a-z"'#]+\.?$/i.test(v.trim());

export type { SheetSource } from './read.ts';

export interface ImportOptions {
  /** the inventory: CSV or XLSX (the sheet named Items, else the first) */
  items: SheetSource;
  /** the roster: CSV or XLSX (the sheet named Personnel, else the first); the base's personnel when absent */
  personnel?: SheetSource;
  /** the scenario the sheets fill in: a scenario file object, or its YAML/JSON text; its items and personnel are replaced */
  base?: Record<string, unknown> | string;
  /** sheet header to field name (`unitWeightKg`, `ignore`) or to a header drawdown knows (`Weight (lb)`) */
  mapping?: Record<string, string>;
}

export type ImportResult =
  | { ok: true; scenarioFile: Record<string, unknown>; scenario: Scenario; warnings: SheetIssue[] }
  | { ok: false; issues: SheetIssue[] };

type Obj = Record<string, unknown>;

export async function importInventory(opts: ImportOptions): Promise<ImportResult> {
  const issues: SheetIssue[] = [];
  const warnings: SheetIssue[] = [];
  const base = readBase(opts.base, issues);
  const sites = baseSites(base);
  const mapping = normaliseMapping(opts.mapping);
  checkMapping(opts.mapping ?? {}, issues);

  const headers = new Map<string, string[]>();
  const sheet = async <F extends string>(
    source: SheetSource,
    preferred: string,
    specs: Parameters<typeof resolveColumns<F>>[1],
    read: (file: string, cols: Columns<F>, sites: Site[]) => Lines,
    safety = false,
  ): Promise<Lines | undefined> => {
    const g = await readGrid(source, preferred);
    if (!g.ok) return void issues.push(g.issue);
    const cols = resolveColumns(g.grid, specs, mapping, { safety });
    headers.set(g.grid.file, g.grid.rows.find((r) => r.row === cols.headerRow)?.cells.map(text) ?? []);
    issues.push(...cols.issues);
    for (const h of cols.ignored) warnings.push(sheetIssue({ file: g.grid.file, row: cols.headerRow, column: h }, 'unknown_field', 'not read (no field of that name; map it in the mapping file if it matters)'));
    if (cols.issues.length > 0) return undefined;
    const lines = read(g.grid.file, cols, sites);
    issues.push(...lines.issues);
    warnings.push(...lines.warnings);
    return lines;
  };
  const items = await sheet(opts.items, 'Items', ITEM_FIELDS, readItems, true);
  const personnel = opts.personnel ? await sheet(opts.personnel, 'Personnel', PERSONNEL_FIELDS, readPersonnel) : undefined;
  const columnOrder = (i: SheetIssue) => (i.file && i.column ? (headers.get(i.file)?.indexOf(i.column) ?? 0) : -1);
  if (!base || !items || (opts.personnel && !personnel)) return { ok: false, issues: sortSheetIssues(issues, columnOrder) };

  const scenarioFile: Obj = { ...base, items: items.lines, personnel: personnel ? personnel.lines : (base.personnel ?? []) };
  const loaded = parseScenario(JSON.stringify(scenarioFile), { format: 'json' });
  const located = (list: ScenarioIssue[]) => list.map((i) => locate(i, items.origins, personnel?.origins ?? []));
  if (!loaded.ok) {
    const own = new Set(issues.map(key));
    const sameRow = new Set(issues.filter((i) => i.line !== undefined).map((i) => `${i.file}|${i.line}`));
    for (const i of located(loaded.issues)) {
      // A cell already reported left its field out; the loader's "required" for it says nothing new.
      if (own.has(key(i)) || (i.message.endsWith('required') && sameRow.has(`${i.file}|${i.line}`))) continue;
      issues.push(i);
    }
  }
  if (issues.length > 0 || !loaded.ok) return { ok: false, issues: sortSheetIssues(issues, columnOrder) };
  warnings.push(...located(loaded.warnings));
  return { ok: true, scenarioFile, scenario: loaded.scenario, warnings };
}

const key = (i: SheetIssue) => `${i.file}|${i.line}|${i.column}`;

function readBase(base: ImportOptions['base'], issues: SheetIssue[]): Obj | undefined {
  if (base === undefined) {
    issues.push(sheetIssue({}, 'required', 'no base scenario: the sheets fill in a scenario that gives the sites, aircraft and agreements (--base SCENARIO)'));
    return undefined;
  }
  let value: unknown = base;
  if (typeof base === 'string') {
    try {
      value = parseYaml(base);
    } catch (e) {
      issues.push(sheetIssue({}, 'syntax', `base scenario: ${(e as Error).message.split('\n')[0]}`));
      return undefined;
    }
  }
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    issues.push(sheetIssue({}, 'type', 'base scenario: must be an object with name, asOf, sites and aircraft'));
    return undefined;
  }
  return structuredClone(value) as Obj;
}

function baseSites(base: Obj | undefined): Site[] {
  const sites = Array.isArray(base?.sites) ? base.sites : [];
  return sites
    .filter((s): s is Obj => s !== null && typeof s === 'object' && typeof (s as Obj).id === 'string')
    .map((s) => ({ ...s, name: typeof s.name === 'string' ? s.name : '' }) as unknown as Site);
}

function checkMapping(mapping: Record<string, string>, issues: SheetIssue[]): void {
  for (const [header, target] of Object.entries(mapping)) {
    if (typeof target !== 'string') {
      issues.push(sheetIssue({ file: 'mapping' }, 'type', `"${header}": must map to a field name, got ${JSON.stringify(target)}`));
      continue;
    }
    const known = [recogniseMapped(header, target, ITEM_FIELDS), recogniseMapped(header, target, PERSONNEL_FIELDS)];
    if (known.every((k) => !k || 'error' in k))
      issues.push({
        path: '',
        code: 'unknown_field',
        value: target,
        file: 'mapping',
        message: `"${header}": "${target}" is neither a field (${MAPPING_TARGETS.join(', ')}) nor a header drawdown knows`,
      });
  }
}

/** What a mapping file may map a column to: the fields, the flags of Y/N columns, and ignore. */
export const MAPPING_TARGETS: readonly string[] = [
  ...ITEM_FIELDS.map((f) => f.field).filter((f) => f !== 'demil' && f !== 'unreadable'),
  'sensitive:lethal', 'sensitive:dangerous', 'sensitive:classified',
  'count', 'role', 'unit', 'ignore',
];

/** `items[5].unitWeightKg: must be positive, got -4` back to `row 7, column "Weight (lb)"`. */
function locate(issue: ScenarioIssue, items: Origin[], personnel: Origin[]): SheetIssue {
  const m = /^(items|personnel)\[(\d+)\](?:\.(\w+))?/.exec(issue.path);
  const origins = (section: string) => (section === 'items' ? items : personnel);
  const rowsInText = (s: string) =>
    s.replace(/(items|personnel)\[(\d+)\]/g, (all, sec: string, i: string) => {
      const o = origins(sec)[Number(i)];
      return o ? `row ${o.row}` : all;
    });
  const origin = m ? origins(m[1])[Number(m[2])] : undefined;
  if (!m || !origin) return { ...issue, path: '', message: `base scenario: ${issue.path ? issue.path + ': ' : ''}${issue.message}`, line: undefined };
  const field = m[3];
  const column = field ? origin.columns[field] : undefined;
  let message = rowsInText(issue.message);
  // Quote the cell as written: "got -4" for -4 lb, not the kilograms it became.
  if (field && column && Object.hasOwn(origin.cells, field) && /, got .*$/.test(message)) {
    const cell = origin.cells[field];
    message = message.replace(/, got .*$/, `, got ${readNumber(cell).ok || readMeasureLike(cell) ? text(cell) : shown(cell)}`);
  }
  const value = field && column && Object.hasOwn(origin.cells, field) ? text(origin.cells[field]) : undefined;
  return sheetIssue({ file: origin.file, row: origin.row, ...(column ? { column } : {}) }, issue.code, field && !column ? `${field}: ${message}` : message,
    { ...(issue.hint ? { hint: issue.hint } : {}), ...(value !== undefined ? { value } : {}) });
}
