// What `drawdown import` and `drawdown export` do, given parsed options: the CLI only parses
// argv, writes `files` and the two streams, and exits with `exitCode`.

import { readFileSync } from 'node:fs';
import { extname } from 'node:path';
import { parse as parseYaml, stringify as toYaml } from 'yaml';
import { z } from 'zod';
import { DrawdownError, EXIT, exitCodeFor } from '../app/errors.ts';
import { BUILTIN_SCENARIO } from '../app/paths.ts';
import type { Plan, Scenario } from '../model/index.ts';
import { formatIssue, loadScenarioFile } from '../scenario/index.ts';
import { EXPORTS, exportItems, exportItemsCsv, exportPlan, type ExportWhat, type TableFormat } from './export.ts';
import { importInventory } from './import.ts';
import { formatSheetIssue } from './issues.ts';

export interface CommandResult {
  exitCode: number;
  stdout: string;
  stderr: string;
  /** files for the caller to write (nothing is written here) */
  files: { path: string; data: Buffer | string }[];
}

export interface ImportArgs {
  /** --items FILE (CSV or XLSX) */
  items: string;
  /** --personnel FILE */
  personnel?: string;
  /** --base SCENARIO (YAML or JSON; "niger-2024" names the built-in one) */
  base?: string;
  /** --mapping FILE (YAML or JSON: { "column header": "field" }) */
  mapping?: string;
  /** -o OUT.yaml|OUT.json; the YAML goes to stdout when absent */
  output?: string;
}

export interface ExportArgs {
  /** SCENARIO */
  scenario: string;
  /** PLAN (JSON as `drawdown plan --json` prints it); not needed for --what items */
  plan?: string;
  /** --what: dispositions, transfers, handovers, sorties, loadplans, geojson, ics, or items (the scenario's inventory) */
  what: string;
  /** --format csv|xlsx, for the registers and items */
  format?: string;
  /** -o FILE; text outputs go to stdout when absent */
  output?: string;
}

const result = (exitCode: number, stdout = '', stderr = '', files: CommandResult['files'] = []): CommandResult => ({ exitCode, stdout, stderr, files });
const scenarioPath = (p: string) => (p === 'niger-2024' ? BUILTIN_SCENARIO : p);

export async function runImportCommand(args: ImportArgs): Promise<CommandResult> {
  try {
    const base = args.base === undefined ? undefined : readText(scenarioPath(args.base), 'base scenario');
    const mapping = args.mapping === undefined ? undefined : readMapping(args.mapping);
    const r = await importInventory({
      items: { path: args.items },
      ...(args.personnel ? { personnel: { path: args.personnel } } : {}),
      ...(base !== undefined ? { base } : {}),
      ...(mapping ? { mapping } : {}),
    });
    if (!r.ok) {
      const lines = r.issues.map((i) => `  ${formatSheetIssue(i)}`);
      return result(EXIT.badInput, '', `${r.issues.length} problem${r.issues.length === 1 ? '' : 's'}; nothing written:\n${lines.join('\n')}\n`);
    }
    const warnings = r.warnings.map((w) => `warning: ${formatSheetIssue(w)}\n`).join('');
    const json = args.output !== undefined && extname(args.output).toLowerCase() === '.json';
    const text = json ? JSON.stringify(r.scenarioFile, null, 2) + '\n' : toYaml(r.scenarioFile, { lineWidth: 0 });
    if (args.output === undefined) return result(EXIT.ok, text, warnings);
    const summary = `wrote ${args.output}: ${r.scenario.items.length} item lines, ${r.scenario.personnel.length} personnel lines\n`;
    return result(EXIT.ok, summary, warnings, [{ path: args.output, data: text }]);
  } catch (e) {
    return failed(e);
  }
}

export async function runExportCommand(args: ExportArgs): Promise<CommandResult> {
  try {
    const what = args.what;
    if (what !== 'items' && !(EXPORTS as readonly string[]).includes(what))
      throw new DrawdownError('usage', `--what must be one of ${[...EXPORTS, 'items'].join(', ')}, got "${what}"`);
    if (args.format !== undefined && args.format !== 'csv' && args.format !== 'xlsx')
      throw new DrawdownError('usage', `--format must be csv or xlsx, got "${args.format}"`);
    const format = args.format as TableFormat | undefined;
    const loaded = loadScenarioFile(scenarioPath(args.scenario));
    if (!loaded.ok)
      return result(EXIT.badInput, '', `${args.scenario}: ${loaded.issues.length} problems\n${loaded.issues.map((i) => `  ${formatIssue(i)}\n`).join('')}`);
    const out =
      what === 'items'
        ? itemsOut(loaded.scenario, format)
        : await exportPlan(loaded.scenario, readPlan(args.plan), what as ExportWhat, format);
    const { data, extension } = await out;
    if (args.output === undefined) {
      if (typeof data !== 'string') throw new DrawdownError('usage', `${extension} is binary: give -o FILE.${extension}`);
      return result(EXIT.ok, data);
    }
    const size = typeof data === 'string' ? Buffer.byteLength(data) : data.length;
    return result(EXIT.ok, `wrote ${args.output} (${size} bytes)\n`, '', [{ path: args.output, data }]);
  } catch (e) {
    return failed(e);
  }
}

async function itemsOut(scenario: Scenario, format: TableFormat | undefined): Promise<{ data: Buffer | string; extension: string }> {
  return format === 'csv' ? { data: exportItemsCsv(scenario), extension: 'csv' } : { data: await exportItems(scenario), extension: 'xlsx' };
}

function failed(e: unknown): CommandResult {
  if (e instanceof DrawdownError) return result(exitCodeFor(e), '', `${e.message}\n`);
  return result(EXIT.internal, '', `internal error (please report it): ${(e as Error).stack ?? String(e)}\n`);
}

function readText(path: string, what: string): string {
  try {
    return readFileSync(path, 'utf8');
  } catch (e) {
    throw new DrawdownError('unreadable', `${what} ${path}: cannot read (${(e as NodeJS.ErrnoException).code ?? 'error'})`);
  }
}

const MappingSchema = z.record(z.string(), z.string());

/** A mapping file: YAML or JSON, `{ "column header": "field or known header" }`. */
export function readMapping(path: string): Record<string, string> {
  let value: unknown;
  try {
    value = parseYaml(readText(path, 'mapping'));
  } catch (e) {
    if (e instanceof DrawdownError) throw e;
    throw new DrawdownError('bad_input', `mapping ${path}: ${(e as Error).message.split('\n')[0]}`);
  }
  const parsed = MappingSchema.safeParse(value);
  if (!parsed.success) throw new DrawdownError('bad_input', `mapping ${path}: must map column headers to field names, e.g. "Poids (lb)": unitWeightKg`);
  return parsed.data;
}

function readPlan(path: string | undefined): Plan {
  if (path === undefined) throw new DrawdownError('usage', 'give the PLAN file (drawdown plan SCENARIO --json -o PLAN.json)');
  let raw: unknown;
  try {
    raw = JSON.parse(readText(path, 'plan'));
  } catch (e) {
    if (e instanceof DrawdownError) throw e;
    throw new DrawdownError('unreadable', `${path}: cannot read the plan as JSON: ${(e as Error).message}`);
  }
  const p = raw as Partial<Plan> | null;
  const lists = ['dispositions', 'handovers', 'pallets', 'sorties'] as const;
  if (!p || typeof p !== 'object' || p.formatVersion !== 1 || lists.some((k) => !Array.isArray(p[k])))
    throw new DrawdownError('bad_input', `${path}: not a plan (formats.md version 1: formatVersion 1 and ${lists.join(', ')} lists)`);
  return p as Plan;
}
