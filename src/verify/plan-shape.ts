// The plan's shape (formats.md, plan table) as a zod schema, so `drawdown verify` can refuse an
// unreadable plan with every problem named by path before any rule is checked. Extra fields
// are allowed: formats.md lets producers add fields. Problems are the model's one Issue shape.

import { z } from 'zod';
import type { Issue, IssueCode, Plan } from '../model/index.ts';
import { RULES, didYouMean, formatIssue, isIsoDate, isIsoDateTime } from '../model/index.ts';

export type ParsePlanResult = { ok: true; plan: Plan } | { ok: false; issues: Issue[] };

const dateTime = z.string().refine(isIsoDateTime, { message: 'expected an ISO date-time' });
const date = z.string().refine(isIsoDate, { message: 'expected a YYYY-MM-DD date' });
const id = z.string().min(1, { message: 'expected a non-empty id' });
const num = z.number();

const placement = z.looseObject({ itemId: id, x: num, y: num, z: num, l: num, w: num, h: num });
const pallet = z.looseObject({
  id, palletType: id, site: id, grossKg: num, heightM: num, placements: z.array(placement),
});
const load = z.looseObject({ ref: id, x: num, y: num, l: num, w: num });
const sortie = z.looseObject({
  id, aircraft: id, tail: id, from: id, to: id, departs: dateTime, arrives: dateTime,
  passengers: num, payloadKg: num, cgM: num.nullable(), loads: z.array(load),
});
const bound = z.looseObject({ value: z.union([num, dateTime, z.null()]), basis: z.string() });
const isRule = (r: string) => (RULES as readonly string[]).includes(r);
const rule = z.string().refine(isRule, { message: 'expected a rule named in docs/rules.md' });
const refs = z.array(z.string()).default([]);
const figures = z.record(z.string(), num).optional();
// Problems and notes came with drawdown's plan additions: an older or third-party plan without
// them has none.
const problem = z.looseObject({ kind: z.string(), subject: z.string(), message: z.string(), refs, figures });
const note = z.looseObject({ kind: z.string(), cause: z.string(), subject: z.string(), message: z.string(), refs, figures });

export const planSchema = z.looseObject({
  formatVersion: z.literal(1),
  scenario: z.string(),
  feasible: z.boolean(),
  closure: dateTime.nullable(),
  siteClosures: z.array(z.looseObject({ site: id, lastDeparture: dateTime.nullable() })),
  dispositions: z.array(z.looseObject({
    itemId: id, quantity: num, action: z.enum(['retrograde', 'transfer', 'demilitarize']), reason: z.string(),
  })),
  handovers: z.array(z.looseObject({ infrastructureId: id, site: id, date })),
  pallets: z.array(pallet),
  sorties: z.array(sortie),
  metrics: z.looseObject({
    sorties: num, flyingHours: num, costUsd: num, transferValueUsd: num,
    retrogradeValueUsd: num, demilitarizedValueUsd: num, palletsBuilt: num,
  }),
  bounds: z.looseObject({ sorties: bound, closure: bound }),
  violations: z.array(z.looseObject({
    rule, message: z.string(), refs, amount: num.optional(), limit: num.optional(), unit: z.string().optional(),
  })),
  problems: z.array(problem).default([]),
  notes: z.array(note).default([]),
  deadlines: z.array(z.unknown()).optional(),
  remedies: z.array(z.unknown()).optional(),
  seed: num.optional(),
});

export function parsePlan(json: unknown): ParsePlanResult {
  const r = planSchema.safeParse(json, { reportInput: true });
  if (r.success) return { ok: true, plan: r.data as unknown as Plan };
  return { ok: false, issues: r.error.issues.map(toIssue) };
}

/** `sorties[3].departs: expected an ISO date-time, got "tomorrow"`: one line per issue. */
export function formatPlanIssues(issues: readonly Issue[]): string[] {
  return issues.map((i) => formatIssue(i));
}

function toIssue(issue: z.core.$ZodIssue): Issue {
  const input = (issue as { input?: unknown }).input;
  const path = pathOf(issue.path);
  const out: Issue = { path, code: codeOf(issue, input), message: describe(issue, input) };
  if (input === null || ['string', 'number', 'boolean'].includes(typeof input)) out.value = input;
  const last = issue.path[issue.path.length - 1];
  if (last === 'rule' && typeof input === 'string') {
    const hint = didYouMean(input, RULES);
    if (hint) out.hint = hint;
  }
  return out;
}

function codeOf(issue: z.core.$ZodIssue, input: unknown): IssueCode {
  switch (issue.code) {
    case 'invalid_type':
      return input === undefined ? 'required' : 'type';
    case 'invalid_union':
      return 'type';
    case 'too_small':
      return typeof input === 'string' ? 'required' : 'range'; // an empty id is an id not given
    case 'too_big':
      return 'range';
    default:
      return 'value'; // not one of the allowed values, or not in the expected form
  }
}

function pathOf(path: readonly PropertyKey[]): string {
  let s = '';
  for (const k of path) s += typeof k === 'number' ? `[${k}]` : s ? `.${String(k)}` : String(k);
  return s; // '' for the whole document
}

function got(input: unknown): string {
  if (input === undefined) return 'nothing';
  if (input === null) return 'null';
  if (Array.isArray(input)) return 'a list';
  if (typeof input === 'object') return 'an object';
  if (typeof input === 'number') return String(input); // JSON would print NaN as null
  return JSON.stringify(input);
}

function describe(issue: z.core.$ZodIssue, input: unknown): string {
  switch (issue.code) {
    case 'invalid_type':
      return `expected ${issue.expected}, got ${got(input)}`;
    case 'invalid_value':
      return `expected ${issue.values.map((v) => JSON.stringify(v)).join(' or ')}, got ${got(input)}`;
    case 'invalid_union':
      return `expected a number, an ISO date-time or null, got ${got(input)}`;
    default:
      return `${issue.message}, got ${got(input)}`;
  }
}
