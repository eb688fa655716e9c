// Input problems are data: each issue has a path like `items[12].unitWeightKg`, a message that
// names the offending value, and for YAML the source line, so a CLI or UI can show them all.

import type { z } from 'zod';

export interface ScenarioIssue {
  /** e.g. `items[12].unitWeightKg`; empty for the whole file */
  path: string;
  message: string;
  /** 1-based source line of the offending node, when known */
  line?: number;
}

/** An issue before its path is rendered and its line looked up. */
export interface RawIssue {
  path: (string | number)[];
  message: string;
}

/** `items[12].unitWeightKg: must be positive, got -4`; with a file, prefixed `file:line: `. */
export function formatIssue(issue: ScenarioIssue, file?: string): string {
  const where = issue.path ? `${issue.path}: ` : '';
  const prefix = file ? (issue.line !== undefined ? `${file}:${issue.line}: ` : `${file}: `) : '';
  return `${prefix}${where}${issue.message}`;
}

export function pathToString(path: readonly (string | number | symbol)[]): string {
  let out = '';
  for (const seg of path) {
    if (typeof seg === 'number') out += `[${seg}]`;
    else out += out ? `.${String(seg)}` : String(seg);
  }
  return out;
}

/** A value as a message shows it: strings quoted, lists in brackets, objects named. */
export function show(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (typeof value === 'string') return JSON.stringify(value);
  if (Array.isArray(value)) {
    const text = JSON.stringify(value);
    return text.length <= 60 ? text : 'a list';
  }
  if (value !== null && typeof value === 'object') return 'an object';
  return String(value);
}

export function valueAt(root: unknown, path: readonly PropertyKey[]): unknown {
  let cur = root;
  for (const seg of path) {
    if (cur === null || typeof cur !== 'object') return undefined;
    if (!Object.hasOwn(cur, seg)) return undefined;
    cur = (cur as Record<PropertyKey, unknown>)[seg];
  }
  return cur;
}

const TYPE_NAMES: Record<string, string> = {
  int: 'a whole number',
  number: 'a number',
  string: 'a string',
  boolean: 'true or false',
  array: 'a list',
  tuple: 'a list',
  object: 'an object',
};

function plural(n: number, one: string, many: string): string {
  return n === 1 ? one : many;
}

/** One zod issue in drawdown's words; `knownKeys` names the fields allowed at a path (for hints). */
export function fromZodIssue(
  iss: z.core.$ZodIssue,
  root: unknown,
  knownKeys: (path: PropertyKey[]) => readonly string[],
): RawIssue[] {
  const path = iss.path as (string | number)[];
  const value = valueAt(root, path);
  const got = `, got ${show(value)}`;
  if (value === undefined && iss.code !== 'unrecognized_keys') return [{ path, message: 'required' }];
  // Messages written in schema.ts start with "must"; keep them and add the value.
  if (iss.message.startsWith('must ')) return [{ path, message: iss.message + got }];
  switch (iss.code) {
    case 'unrecognized_keys':
      return iss.keys.map((key) => ({ path: [...path, key], message: unknownField(key, knownKeys(path)) }));
    case 'invalid_type':
      return [{ path, message: `must be ${TYPE_NAMES[iss.expected] ?? iss.expected}${got}` }];
    case 'too_small': {
      const min = Number(iss.minimum);
      if (iss.origin === 'array')
        return [{ path, message: `must have at least ${min} ${plural(min, 'entry', 'entries')}` }];
      if (iss.origin === 'string') return [{ path, message: min === 1 ? 'must not be empty' : `must have at least ${min} characters${got}` }];
      if (min === 0) return [{ path, message: (iss.inclusive ? 'must not be negative' : 'must be positive') + got }];
      return [{ path, message: `must be ${iss.inclusive ? 'at least' : 'more than'} ${min}${got}` }];
    }
    case 'too_big': {
      const max = Number(iss.maximum);
      if (iss.origin === 'array') return [{ path, message: `must have at most ${max} ${plural(max, 'entry', 'entries')}` }];
      return [{ path, message: `must be ${iss.inclusive ? 'at most' : 'less than'} ${max}${got}` }];
    }
    case 'invalid_value': {
      const options = iss.values.map((v) => (typeof v === 'string' ? v : show(v)));
      const list = options.length === 1 ? options[0] : `${options.slice(0, -1).join(', ')} or ${options[options.length - 1]}`;
      return [{ path, message: `must be ${list}${got}` }];
    }
    default:
      return [{ path, message: `${iss.message}${got}` }];
  }
}

function unknownField(key: string, known: readonly string[]): string {
  const near = known.filter((k) => editDistance(k.toLowerCase(), key.toLowerCase()) <= 2);
  return near.length === 1 ? `unknown field (did you mean "${near[0]}"?)` : 'unknown field';
}

function editDistance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    let diag = row[0];
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const next = Math.min(row[j] + 1, row[j - 1] + 1, diag + (a[i - 1] === b[j - 1] ? 0 : 1));
      diag = row[j];
      row[j] = next;
    }
  }
  return row[b.length];
}

// Issues are listed in the order of formats.md's sections, then by list index, so the same
// file gives the same list from YAML or JSON and a reader meets them top to bottom.
const SECTION_ORDER = [
  '',
  '$schema',
  'formatVersion',
  'name',
  'asOf',
  'sites',
  'aircraft',
  'palletTypes',
  'personnel',
  'items',
  'infrastructure',
  'agreements',
  'policy',
];

export function sortIssues(issues: RawIssue[]): RawIssue[] {
  const rank = (i: RawIssue) => {
    const r = SECTION_ORDER.indexOf(String(i.path[0] ?? ''));
    return r < 0 ? SECTION_ORDER.length : r;
  };
  const index = (i: RawIssue) => (typeof i.path[1] === 'number' ? i.path[1] : -1);
  return issues
    .map((issue, n) => ({ issue, n }))
    .sort((a, b) => rank(a.issue) - rank(b.issue) || index(a.issue) - index(b.issue) || a.n - b.n)
    .map((x) => x.issue);
}
