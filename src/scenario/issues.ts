// Input problems are data: each issue has a path like `items[12].unitWeightKg`, a message that
// names the offending value, and for YAML the source line, so a CLI or UI can show them all.

import type { z } from 'zod';
import { didYouMean, formatIssue, type Issue, type IssueCode } from '../model/index.ts';

/** A scenario issue is the one issue shape of src/model/issues.ts. */
export type ScenarioIssue = Issue;
export { formatIssue };

/** An issue before its path is rendered and its line looked up. */
export interface RawIssue {
  path: (string | number)[];
  code: IssueCode;
  message: string;
  value?: unknown;
  /**
   * A way out; a function is a "did you mean" search, run only for the issues that are listed
   * (LIMITS.issues): searching every one of 40,000 unknown names against 40,000 known ones is
   * quadratic.
   */
  hint?: string | (() => string | undefined);
  /** the source line, when the reader knows it already (a repeated key); else looked up by path */
  line?: number;
}

/** Names longer than this get no "did you mean": the edit distance is quadratic in length. */
const HINT_MAX_CHARS = 100;

/** "did you mean" for a name, searched only when the issue is listed. */
export function lazyHint(given: string, known: () => Iterable<string>): () => string | undefined {
  return () => (given.length <= HINT_MAX_CHARS ? didYouMean(given, known()) : undefined);
}

/** An unknown name, with a "did you mean" hint when one known name is close. */
export function unknownRef(path: (string | number)[], what: string, name: string, known: Iterable<string>, extra = ''): RawIssue {
  // `known` is read when the issue is listed, so it must be complete by then (checks.ts builds
  // its maps of names before it looks anything up)
  return { path, code: 'unknown_ref', message: `unknown ${what} ${show(name)}${extra}`, value: clip(name), hint: lazyHint(name, () => known) };
}

/** Longest string an issue carries as its value; longer ones are cut with an ellipsis. */
const VALUE_MAX_CHARS = 200;

function clip(s: string): string {
  return s.length <= VALUE_MAX_CHARS ? s : `${s.slice(0, VALUE_MAX_CHARS)}…`;
}

/** Only scalars travel as an issue's value: a list or object is named by the message instead. */
export function scalar(value: unknown): unknown {
  if (typeof value === 'string') return clip(value);
  return value === null || ['number', 'boolean'].includes(typeof value) ? value : undefined;
}

export function pathToString(path: readonly (string | number | symbol)[]): string {
  let out = '';
  for (const seg of path) {
    // an empty key is shown as "" so that its issue still names a place
    const key = seg === '' ? '""' : String(seg);
    if (typeof seg === 'number') out += `[${seg}]`;
    else out += out ? `.${key}` : key;
  }
  return out;
}

/** A value as a message shows it: strings quoted, lists in brackets, objects named. */
export function show(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (typeof value === 'string') return value.length <= 60 ? JSON.stringify(value) : `${JSON.stringify(value.slice(0, 60)).slice(0, -1)}…" (${value.length} characters)`;
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
  const v = scalar(value) === undefined ? {} : { value: scalar(value) };
  if (value === undefined && iss.code !== 'unrecognized_keys') return [{ path, code: 'required', message: 'required' }];
  // A list or a text over its size limit: name its size, never repeat a megabyte of it.
  if (iss.code === 'too_big' && (iss.origin === 'array' || iss.origin === 'string')) {
    const size = Array.isArray(value) ? `${value.length} entries` : typeof value === 'string' ? `${value.length} characters` : show(value);
    const max = Number(iss.maximum);
    const message = iss.message.startsWith('must ') ? iss.message : `must have at most ${max} ${iss.origin === 'array' ? plural(max, 'entry', 'entries') : 'characters'}`;
    return [{ path, code: 'limit', message: `${message}, got ${size}` }];
  }
  const code: IssueCode = iss.code === 'invalid_type' ? 'type' : iss.code === 'too_small' || iss.code === 'too_big' ? 'range' : 'value';
  // Messages written in schema.ts start with "must"; keep them and add the value.
  if (iss.message.startsWith('must ')) return [{ path, code, message: iss.message + got, ...v }];
  return fromZodCode(iss, path, got, v, code, knownKeys);
}

function fromZodCode(
  iss: z.core.$ZodIssue,
  path: (string | number)[],
  got: string,
  v: { value?: unknown },
  code: IssueCode,
  knownKeys: (path: PropertyKey[]) => readonly string[],
): RawIssue[] {
  switch (iss.code) {
    case 'unrecognized_keys':
      return iss.keys.map((key) => ({
        path: [...path, key], code: 'unknown_field' as const, message: 'unknown field', hint: lazyHint(key, () => knownKeys(path)),
      }));
    case 'invalid_type':
      return [{ path, code, message: `must be ${TYPE_NAMES[iss.expected] ?? iss.expected}${got}`, ...v }];
    case 'too_small': {
      const min = Number(iss.minimum);
      if (iss.origin === 'array')
        return [{ path, code, message: `must have at least ${min} ${plural(min, 'entry', 'entries')}` }];
      if (iss.origin === 'string') return [{ path, code: 'required', message: min === 1 ? 'must not be empty' : `must have at least ${min} characters${got}`, ...v }];
      if (min === 0) return [{ path, code, message: (iss.inclusive ? 'must not be negative' : 'must be positive') + got, ...v }];
      return [{ path, code, message: `must be ${iss.inclusive ? 'at least' : 'more than'} ${min}${got}`, ...v }];
    }
    case 'too_big': {
      const max = Number(iss.maximum);
      return [{ path, code, message: `must be ${iss.inclusive ? 'at most' : 'less than'} ${max}${got}`, ...v }];
    }
    case 'invalid_value': {
      const options = iss.values.map((x) => (typeof x === 'string' ? x : show(x)));
      const list = options.length === 1 ? options[0] : `${options.slice(0, -1).join(', ')} or ${options[options.length - 1]}`;
      const given = v.value;
      return [{ path, code, message: `must be ${list}${got}`, ...v, ...(typeof given === 'string' ? { hint: lazyHint(given, () => options) } : {}) }];
    }
    default:
      return [{ path, code, message: `${iss.message}${got}`, ...v }];
  }
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
