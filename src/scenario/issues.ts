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
  hint?: string;
}

/** An unknown name, with a "did you mean" hint when one known name is close. */
export function unknownRef(path: (string | number)[], what: string, name: string, known: Iterable<string>, extra = ''): RawIssue {
  const hint = didYouMean(name, known);
  return { path, code: 'unknown_ref', message: `unknown ${what} "${name}"${extra}`, value: name, ...(hint ? { hint } : {}) };
}

/** Only scalars travel as an issue's value: a list or object is named by the message instead. */
export function scalar(value: unknown): unknown {
  return value === null || ['string', 'number', 'boolean'].includes(typeof value) ? value : undefined;
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
  const v = scalar(value) === undefined ? {} : { value };
  if (value === undefined && iss.code !== 'unrecognized_keys') return [{ path, code: 'required', message: 'required' }];
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
      return iss.keys.map((key) => {
        const hint = didYouMean(key, knownKeys(path));
        return { path: [...path, key], code: 'unknown_field' as const, message: 'unknown field', ...(hint ? { hint } : {}) };
      });
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
      if (iss.origin === 'array') return [{ path, code: 'limit', message: `must have at most ${max} ${plural(max, 'entry', 'entries')}` }];
      return [{ path, code, message: `must be ${iss.inclusive ? 'at most' : 'less than'} ${max}${got}`, ...v }];
    }
    case 'invalid_value': {
      const options = iss.values.map((x) => (typeof x === 'string' ? x : show(x)));
      const list = options.length === 1 ? options[0] : `${options.slice(0, -1).join(', ')} or ${options[options.length - 1]}`;
      const hint = typeof v.value === 'string' ? didYouMean(v.value, options) : undefined;
      return [{ path, code, message: `must be ${list}${got}`, ...v, ...(hint ? { hint } : {}) }];
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
