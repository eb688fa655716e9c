// Reads a scenario from YAML or JSON text: syntax, schema and cross-checks all report into one
// list of issues with paths and source lines; a thrown error means a bug, never bad input.

import { readFileSync, statSync } from 'node:fs';
import { extname } from 'node:path';
import type { Scenario } from '../model/index.ts';
import { crossCheck } from './checks.ts';
import { fromZodIssue, pathToString, sortIssues, type RawIssue, type ScenarioIssue } from './issues.ts';
import { figure, LIMITS } from './limits.ts';
import { readJson, readYaml, type Source } from './read.ts';
import { normalise } from './normalise.ts';
import { PolicySchema, ScenarioFileSchema } from './schema.ts';
import { decodeUtf8 } from './text.ts';

export { formatIssue, type ScenarioIssue } from './issues.ts';

export type ScenarioResult =
  | { ok: true; scenario: Scenario; warnings: ScenarioIssue[] }
  | { ok: false; issues: ScenarioIssue[] };

export interface ParseOptions {
  /** yaml when absent (JSON is read by the YAML parser too, but `json` gives JSON's own errors) */
  format?: 'yaml' | 'json';
  /** the file name; issues do not repeat it, pass it to formatIssue(issue, file) */
  file?: string;
}

/** The fields a strict object allows at a path, for "did you mean" hints. */
function knownKeys(path: PropertyKey[]): readonly string[] {
  if (path.length === 0) return Object.keys(ScenarioFileSchema.shape);
  if (path.length === 1 && path[0] === 'policy') return Object.keys(PolicySchema.shape);
  if (path.length === 2 && typeof path[0] === 'string' && Object.hasOwn(ScenarioFileSchema.shape, path[0])) {
    let s: unknown = ScenarioFileSchema.shape[path[0] as keyof typeof ScenarioFileSchema.shape];
    // unwrap default/optional wrappers down to the array's element object
    for (let i = 0; i < 4 && s; i++) {
      const def = (s as { def?: { innerType?: unknown; element?: unknown } }).def;
      if (def?.element) return Object.keys((def.element as { shape?: object }).shape ?? {});
      s = def?.innerType;
    }
  }
  return [];
}

/** The lists a scenario holds, with their size limits: checked before the schema looks inside. */
const LIST_LIMITS = [
  ['sites', LIMITS.sites],
  ['aircraft', LIMITS.fleetLines],
  ['palletTypes', LIMITS.palletTypes],
  ['personnel', LIMITS.personnelLines],
  ['items', LIMITS.itemLines],
  ['infrastructure', LIMITS.infrastructure],
  ['agreements', LIMITS.agreements],
] as const;

/** Lists over their limit: named at once, so the schema never walks a million entries to say so. */
function oversizeLists(value: unknown): RawIssue[] {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return [];
  const out: RawIssue[] = [];
  for (const [key, limit] of LIST_LIMITS) {
    const list = (value as Record<string, unknown>)[key];
    if (Array.isArray(list) && list.length > limit.value)
      out.push({ path: [key], code: 'limit', message: `must have at most ${figure(limit.value)} entries (${limit.reason}), got ${figure(list.length)}` });
  }
  return out;
}

/**
 * The issues a reader sees: sorted, the first LIMITS.issues of them with their lines and
 * hints, and one more issue counting the rest. Lines and hints cost a look-up each, so only the
 * listed issues get them: 40,000 unknown keys cost no more than a hundred.
 */
function listed(raw: RawIssue[], src: Source): ScenarioIssue[] {
  const sorted = sortIssues(raw);
  const shown = sorted.slice(0, LIMITS.issues.value);
  const lineOf = src.locate(shown.filter((r) => r.line === undefined).map((r) => r.path));
  const out = shown.map((r) => {
    const issue: ScenarioIssue = { path: pathToString(r.path), code: r.code, message: r.message };
    if (r.value !== undefined) issue.value = r.value;
    const line = r.line ?? lineOf(r.path);
    if (line !== undefined) issue.line = line;
    const hint = typeof r.hint === 'function' ? r.hint() : r.hint;
    if (hint !== undefined) issue.hint = hint;
    return issue;
  });
  const rest = sorted.length - shown.length;
  if (rest > 0)
    out.push({ path: '', code: 'limit', message: `${figure(rest)} more problems not listed: the first ${LIMITS.issues.value} are above (${LIMITS.issues.reason})` });
  return out;
}

export function parseScenario(text: string, opts: ParseOptions = {}): ScenarioResult {
  if (text.length > LIMITS.textChars.value) {
    const mb = (n: number) => `${figure(Math.round(n / 1024 / 1024))} MB`;
    return { ok: false, issues: [{ path: '', code: 'limit', message: `the text is ${mb(text.length)}; the limit is ${mb(LIMITS.textChars.value)} (${LIMITS.textChars.reason})` }] };
  }
  // A byte order mark is no content: JSON.parse refuses it, YAML skips it; both read alike.
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const src = opts.format === 'json' ? readJson(body) : readYaml(body);
  if (src.unreadable) return { ok: false, issues: looksLikeTable(body) ? [spreadsheetIssue('a CSV table')] : listed(src.issues, src) };
  if (typeof src.value === 'string' && looksLikeTable(body)) return { ok: false, issues: [spreadsheetIssue('a CSV table')] };
  const oversize = oversizeLists(src.value);
  if (oversize.length > 0) return { ok: false, issues: listed([...src.issues, ...oversize], src) };

  const parsed = ScenarioFileSchema.safeParse(src.value);
  const schemaIssues = parsed.success ? [] : parsed.error.issues.flatMap((i) => fromZodIssue(i, src.value, knownKeys));
  // Cross-checks only when the top is an object: a scalar or list file has nothing to cross-check.
  const checks = schemaIssues.length > 0 && parsed.error?.issues.some((i) => i.path.length === 0 && i.code === 'invalid_type')
    ? { errors: [], warnings: [] }
    : crossCheck(src.value, { schemaOk: parsed.success });
  const errors = [...src.issues, ...schemaIssues, ...checks.errors];
  if (errors.length > 0 || !parsed.success) return { ok: false, issues: listed(errors, src) };
  return { ok: true, scenario: normalise(parsed.data), warnings: listed(checks.warnings, src) };
}

const SHEET_EXTENSIONS = new Set(['.csv', '.tsv', '.xlsx', '.xlsm', '.xls', '.ods']);

/** A spreadsheet where a scenario was expected: say so and name the command that reads it. */
function spreadsheetIssue(what: string): ScenarioIssue {
  return {
    path: '',
    code: 'wrong_file',
    message: `this is ${what}, not a scenario (YAML or JSON)`,
    hint: 'read an inventory with: drawdown import --items FILE [--base SCENARIO] -o scenario.yaml',
  };
}

/** Two or more lines whose first ones split into several cells on commas, semicolons or tabs. */
function looksLikeTable(text: string): boolean {
  const lines = text.split(/\r?\n/).filter((l) => l.trim() !== '').slice(0, 3);
  if (lines.length < 2 || lines.some((l) => /^\s*[#\-{[]/.test(l) || /^[\w$"' ]+:\s/.test(l))) return false;
  return lines.every((l) => (l.match(/[,;\t]/g) ?? []).length >= 2);
}

/** Format from the extension (.json, else YAML); unreadable files come back as an issue. */
export function loadScenarioFile(path: string): ScenarioResult {
  let bytes: Buffer;
  try {
    // a file far over the text limit is refused before it is read into memory (UTF-8: at most 4 bytes a character)
    const size = statSync(path).size;
    if (size > LIMITS.textChars.value * 4)
      return { ok: false, issues: [{ path: '', code: 'limit', message: `the file is ${figure(Math.round(size / 1024 / 1024))} MB; a scenario may have ${figure(LIMITS.textChars.value / 1024 / 1024)} MB of text (${LIMITS.textChars.reason})` }] };
    bytes = readFileSync(path);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code ?? 'error';
    return { ok: false, issues: [{ path: '', code: 'unreadable', message: `cannot read ${path} (${code})` }] };
  }
  const ext = extname(path).toLowerCase();
  // XLSX and ODS are zip files: "PK\x03\x04"; old XLS is an OLE file: D0 CF 11 E0.
  const zip = bytes.length >= 4 && bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;
  const ole = bytes.length >= 4 && bytes[0] === 0xd0 && bytes[1] === 0xcf && bytes[2] === 0x11 && bytes[3] === 0xe0;
  if (zip || ole || SHEET_EXTENSIONS.has(ext)) return { ok: false, issues: [spreadsheetIssue(zip || ole || ext !== '.csv' ? 'a spreadsheet workbook' : 'a CSV table')] };
  const format = ext === '.json' ? 'json' : 'yaml';
  const decoded = decodeUtf8(bytes);
  if (!decoded.ok) return { ok: false, issues: [decoded.issue] };
  return parseScenario(decoded.text, { format, file: path });
}
