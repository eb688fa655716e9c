// Reads a scenario from YAML or JSON text: syntax, schema and cross-checks all report into one
// list of issues with paths and source lines; a thrown error means a bug, never bad input.

import { readFileSync } from 'node:fs';
import { extname } from 'node:path';
import { LineCounter, parseDocument, type Document } from 'yaml';
import type { Scenario } from '../model/index.ts';
import { crossCheck } from './checks.ts';
import { fromZodIssue, pathToString, sortIssues, type RawIssue, type ScenarioIssue } from './issues.ts';
import { normalise } from './normalise.ts';
import { PolicySchema, ScenarioFileSchema } from './schema.ts';

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

interface Source {
  value: unknown;
  /** the YAML document, to find the line of a path; absent when the text did not parse */
  doc?: Document.Parsed;
  lines: LineCounter;
  syntax: ScenarioIssue[];
}

function yamlSource(text: string): { doc: Document.Parsed; lines: LineCounter; errors: ScenarioIssue[] } {
  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines, prettyErrors: true });
  const errors: ScenarioIssue[] = doc.errors.map((e) => ({
    path: '',
    code: 'syntax' as const,
    message: `YAML syntax: ${e.message.split('\n')[0].replace(/:$/, '')}`,
    ...(e.linePos ? { line: e.linePos[0].line } : {}),
  }));
  return { doc, lines, errors };
}

function read(text: string, format: 'yaml' | 'json'): Source {
  if (format === 'json') {
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch (e) {
      const message = `JSON syntax: ${(e as Error).message}`;
      const y = yamlSource(text);
      const line = y.errors[0]?.line ?? jsonErrorLine(text, (e as Error).message);
      return { value: undefined, lines: y.lines, syntax: [{ path: '', code: 'syntax', message, ...(line ? { line } : {}) }] };
    }
    // JSON is valid YAML: its document is built only when an issue needs a line number,
    // because building it costs ten times the JSON parse on a large inventory.
    let located: ReturnType<typeof yamlSource> | undefined;
    const locate = () => (located ??= yamlSource(text));
    return {
      value,
      syntax: [],
      get doc() {
        const y = locate();
        return y.errors.length === 0 ? y.doc : undefined;
      },
      get lines() {
        return locate().lines;
      },
    };
  }
  const y = yamlSource(text);
  if (y.errors.length > 0) return { value: undefined, lines: y.lines, syntax: y.errors };
  return { value: y.doc.toJS({ maxAliasCount: 1000 }), doc: y.doc, lines: y.lines, syntax: [] };
}

function jsonErrorLine(text: string, message: string): number | undefined {
  const m = /position (\d+)/.exec(message);
  if (!m) return undefined;
  return text.slice(0, Number(m[1])).split('\n').length;
}

/** The 1-based line of the node at path, or of its nearest existing ancestor. */
function lineOf(src: Source, path: (string | number)[]): number | undefined {
  if (!src.doc) return undefined;
  for (let n = path.length; n >= 0; n--) {
    const node = n === 0 ? src.doc.contents : src.doc.getIn(path.slice(0, n), true);
    const range = (node as { range?: [number, number, number] } | null | undefined)?.range;
    if (range) return src.lines.linePos(range[0]).line;
  }
  return undefined;
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

export function parseScenario(text: string, opts: ParseOptions = {}): ScenarioResult {
  const src = read(text, opts.format ?? 'yaml');
  if (src.syntax.length > 0) return { ok: false, issues: looksLikeTable(text) ? [spreadsheetIssue('a CSV table')] : src.syntax };
  if (typeof src.value === 'string' && looksLikeTable(text)) return { ok: false, issues: [spreadsheetIssue('a CSV table')] };
  const located = (raw: RawIssue[]): ScenarioIssue[] =>
    sortIssues(raw).map((r) => {
      const line = lineOf(src, r.path);
      const issue: ScenarioIssue = { path: pathToString(r.path), code: r.code, message: r.message };
      if (r.value !== undefined) issue.value = r.value;
      if (line !== undefined) issue.line = line;
      if (r.hint !== undefined) issue.hint = r.hint;
      return issue;
    });

  const parsed = ScenarioFileSchema.safeParse(src.value);
  const schemaIssues = parsed.success ? [] : parsed.error.issues.flatMap((i) => fromZodIssue(i, src.value, knownKeys));
  // Cross-checks only when the top is an object: a scalar or list file has nothing to cross-check.
  const checks = schemaIssues.length > 0 && parsed.error?.issues.some((i) => i.path.length === 0 && i.code === 'invalid_type')
    ? { errors: [], warnings: [] }
    : crossCheck(src.value);
  const errors = [...schemaIssues, ...checks.errors];
  if (errors.length > 0 || !parsed.success) return { ok: false, issues: located(errors) };
  return { ok: true, scenario: normalise(parsed.data), warnings: located(checks.warnings) };
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
  return parseScenario(bytes.toString('utf8'), { format, file: path });
}
