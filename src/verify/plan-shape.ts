// The plan's shape (formats.md, plan table) as a zod schema, so `drawdown verify` can refuse an
// unreadable plan with every problem named by path before any rule is checked. Extra fields
// are allowed: formats.md lets producers add fields.

import { z } from 'zod';
import type { Plan } from '../model/index.ts';
import { isIsoDate, isIsoDateTime } from '../model/index.ts';

export interface PlanIssue {
  /** `sorties[3].departs`; `(plan)` for the document itself */
  path: string;
  message: string;
}

export type ParsePlanResult = { ok: true; plan: Plan } | { ok: false; issues: PlanIssue[] };

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
  violations: z.array(z.looseObject({ rule: z.string(), message: z.string(), refs: z.array(z.string()).default([]) })),
  deadlines: z.array(z.unknown()).optional(),
  remedies: z.array(z.unknown()).optional(),
  seed: num.optional(),
});

export function parsePlan(json: unknown): ParsePlanResult {
  const r = planSchema.safeParse(json, { reportInput: true });
  if (r.success) return { ok: true, plan: r.data as unknown as Plan };
  return { ok: false, issues: r.error.issues.map((i) => ({ path: pathOf(i.path), message: describe(i) })) };
}

/** `sorties[3].departs: expected an ISO date-time, got "tomorrow"`: one line per issue. */
export function formatPlanIssues(issues: readonly PlanIssue[]): string[] {
  return issues.map((i) => `${i.path}: ${i.message}`);
}

function pathOf(path: readonly PropertyKey[]): string {
  let s = '';
  for (const k of path) s += typeof k === 'number' ? `[${k}]` : s ? `.${String(k)}` : String(k);
  return s || '(plan)';
}

function got(input: unknown): string {
  if (input === undefined) return 'nothing';
  if (input === null) return 'null';
  if (Array.isArray(input)) return 'a list';
  if (typeof input === 'object') return 'an object';
  return JSON.stringify(input);
}

function describe(issue: z.core.$ZodIssue): string {
  const input = (issue as { input?: unknown }).input;
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
