// Use cases: import a clerk's spreadsheets into a scenario, and export a plan's registers,
// load plans, GeoJSON and calendar (or a scenario's inventory). Files are named by path or
// given as bytes; every problem comes back as issues located by file, row and column.

import { readFileSync } from 'node:fs';
import { parse as parseYaml, stringify as toYaml } from 'yaml';
import { z } from 'zod';
import type { Issue, Plan, Scenario } from '../model/index.ts';
import {
  CONTENT_TYPES, EXPORTS, exportItems, exportItemsCsv, exportPlan, importInventory,
  type ExportWhat, type Exported, type SheetSource, type TableFormat,
} from '../sheets/index.ts';
import { scenarioPath } from './scenario.ts';

export { EXPORTS, CONTENT_TYPES, type ExportWhat, type Exported, type SheetSource, type TableFormat };
export const REGISTERS: readonly ExportWhat[] = ['dispositions', 'transfers', 'handovers', 'sorties'];
/** The one format of each document that is not a register. */
export const OWN_FORMAT: Partial<Record<ExportWhat, string>> = { loadplans: 'html', geojson: 'geojson', ics: 'ics' };

export interface ImportRequest {
  items: SheetSource;
  personnel?: SheetSource;
  /** the scenario the sheets fill in: its text, or a file path or built-in name */
  base?: { text: string } | { path: string };
  /** header -> field: already read, or a YAML/JSON file (path or text) to read */
  mapping?: Record<string, string> | { text: string; file: string } | { path: string };
}

export type ImportOutcome =
  | { ok: true; scenarioFile: Record<string, unknown>; scenario: Scenario; warnings: Issue[]; yaml: string }
  | { ok: false; issues: Issue[] };

export async function importSheets(req: ImportRequest): Promise<ImportOutcome> {
  const issues: Issue[] = [];
  const base = req.base === undefined ? undefined : 'text' in req.base ? req.base.text : readScenarioText(scenarioPath(req.base.path), issues);
  const mapping = readMappingOption(req.mapping, issues);
  if (issues.length > 0) return { ok: false, issues };
  const r = await importInventory({
    items: req.items,
    ...(req.personnel ? { personnel: req.personnel } : {}),
    ...(base !== undefined ? { base } : {}),
    ...(mapping ? { mapping } : {}),
  });
  if (!r.ok) return { ok: false, issues: r.issues };
  return { ok: true, scenarioFile: r.scenarioFile, scenario: r.scenario, warnings: r.warnings, yaml: toYaml(r.scenarioFile, { lineWidth: 0 }) };
}

const MappingSchema = z.record(z.string(), z.string());

/** A mapping file's text: YAML or JSON, `{ "column header": "field or known header" }`. */
export function readMappingText(text: string, file: string): { ok: true; mapping: Record<string, string> } | { ok: false; issues: Issue[] } {
  let value: unknown;
  try {
    value = parseYaml(text);
  } catch (e) {
    return { ok: false, issues: [{ path: '', code: 'syntax', file, message: (e as Error).message.split('\n')[0] }] };
  }
  const parsed = MappingSchema.safeParse(value);
  if (!parsed.success)
    return { ok: false, issues: [{ path: '', code: 'type', file, message: 'must map column headers to field names, e.g. "Poids (lb)": unitWeightKg' }] };
  return { ok: true, mapping: parsed.data };
}

function readMappingOption(m: ImportRequest['mapping'], issues: Issue[]): Record<string, string> | undefined {
  if (m === undefined) return undefined;
  let text: string | undefined;
  let file = 'mapping';
  if ('path' in m && typeof m.path === 'string' && Object.keys(m).length === 1) {
    file = m.path;
    if (isSpreadsheet(m.path)) return void issues.push(wrongFile(m.path, 'the mapping', 'a YAML or JSON file of "column header": field lines'));
    text = readText(m.path, 'mapping', issues);
  } else if ('text' in m && 'file' in m && Object.keys(m).length === 2) {
    [text, file] = [m.text, m.file];
  } else return m as Record<string, string>;
  if (text === undefined) return undefined;
  if (text.trim() === '') return undefined;
  const r = readMappingText(text, file);
  if (!r.ok) return void issues.push(...r.issues);
  return r.mapping;
}

const SHEET = /\.(csv|tsv|xlsx|xlsm|xls|ods)$/i;

/** A spreadsheet by its name or its first bytes (an XLSX is a zip: "PK"). */
function isSpreadsheet(path: string): boolean {
  if (SHEET.test(path)) return true;
  try {
    const head = readFileSync(path).subarray(0, 2);
    return head[0] === 0x50 && head[1] === 0x4b;
  } catch {
    return false; // readText names the missing file
  }
}

function wrongFile(path: string, what: string, expected: string): Issue {
  return { path: '', code: 'wrong_file', file: path, message: `this is a spreadsheet, not ${what} (${expected})`, hint: 'spreadsheets are read with --items (and --personnel)' };
}

/** The base scenario's text; a spreadsheet given as the base is named as such. */
function readScenarioText(path: string, issues: Issue[]): string | undefined {
  if (isSpreadsheet(path)) return void issues.push(wrongFile(path, 'a base scenario', 'YAML or JSON with the sites, aircraft and agreements'));
  return readText(path, 'base scenario', issues);
}

function readText(path: string, what: string, issues: Issue[]): string | undefined {
  try {
    return readFileSync(path, 'utf8');
  } catch (e) {
    issues.push({ path: '', code: 'unreadable', file: path, message: `${what} ${path}: cannot read (${(e as NodeJS.ErrnoException).code ?? 'error'})` });
    return undefined;
  }
}

export type ExportRequest = { what: string; format?: string };

/** `what` and `format` checked before anything is read: issues naming the parameter and the value. */
export function checkExportRequest(req: ExportRequest, opts: { allowItems?: boolean } = {}): Issue[] {
  const whats = [...EXPORTS, ...(opts.allowItems ? ['items'] : [])];
  const list = whats.join(', ');
  if (!whats.includes(req.what)) {
    return [{ path: 'what', code: req.what ? 'value' : 'required', value: req.what, message: req.what ? `what must be one of ${list}, got "${req.what}"` : `what is required: one of ${list}` }];
  }
  if (req.format === undefined) return [];
  const own = OWN_FORMAT[req.what as ExportWhat];
  if (own !== undefined && req.format !== own)
    return [{ path: 'format', code: 'value', value: req.format, message: `${req.what} is ${own} only, got format "${req.format}" (csv and xlsx are for ${REGISTERS.join(', ')})` }];
  if (own === undefined && req.format !== 'csv' && req.format !== 'xlsx')
    return [{ path: 'format', code: 'value', value: req.format, message: `format must be xlsx or csv, got "${req.format}"` }];
  return [];
}

/** One document of a plan, or the scenario's inventory (`items`). */
export async function exportDocument(scenario: Scenario, plan: Plan | undefined, req: ExportRequest): Promise<Exported> {
  const format = req.format === 'csv' || req.format === 'xlsx' ? (req.format as TableFormat) : undefined;
  if (req.what === 'items') return exportInventory(scenario, format ?? 'xlsx');
  if (!plan) throw new Error('bug: a plan document needs the plan');
  return exportPlan(scenario, plan, req.what as ExportWhat, REGISTERS.includes(req.what as ExportWhat) ? format : undefined);
}

export async function exportInventory(scenario: Scenario, format: TableFormat): Promise<Exported> {
  return format === 'csv'
    ? { data: exportItemsCsv(scenario), contentType: CONTENT_TYPES.csv, extension: 'csv' }
    : { data: await exportItems(scenario), contentType: CONTENT_TYPES.xlsx, extension: 'xlsx' };
}
