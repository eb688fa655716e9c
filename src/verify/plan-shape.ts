// The plan's shape (formats.md, plan table) as a zod schema, so `drawdown verify` can refuse an
// unreadable plan with every problem named by path before any rule is checked. Extra fields
// are allowed: docs/formats.md lets producers add fields. Problems are the model's one Issue shape.

import { z } from 'zod';
import type { Issue, IssueCode, Plan } from '../model/index.ts';
import { RULES, didYouMean, formatIssue, isIsoDate, isIsoDateTime } from '../model/index.ts';

export type ParsePlanResult = { ok: true; plan: Plan } | { ok: false; issues: Issue[] };

const dateTime = z.string().refine(isIsoDateTime, { message: 'expected an ISO date-time' });
const date = z.string().refine(isIsoDate, { message: 'expected a YYYY-MM-DD date' });
const id = z.string().min(1, { message: 'expected a non-empty id' });
const num = z.number();
// Descriptions feed the OpenAPI document and docs/formats.md (npm run docs:formats).
const refs = (what: string) => z.array(z.string()).describe(what);
const figures = z.record(z.string(), num).describe('the figures behind it, by name (a share, hours waited, sorties flown)');

const placement = z.looseObject({
  itemId: id.describe('the item this unit belongs to'),
  x: num.describe("from the pallet's usable corner, along its length"),
  y: num.describe("from the pallet's usable corner, across its width"),
  z: num.describe('height of the unit\'s base above the pallet top'),
  l: num.describe('extent along the pallet length, as placed (after any rotation)'),
  w: num.describe('extent along the pallet width, as placed'),
  h: num.describe('extent upwards, as placed'),
}).describe('one unit on a pallet');
const pallet = z.looseObject({
  id: id.describe('pallet id, referenced by a sortie load'),
  palletType: id.describe('pallet type id (463L or a type of the scenario)'),
  site: id.describe('origin site where the pallet is built and which it leaves on one sortie'),
  grossKg: num.describe('units plus the pallet tare'),
  heightM: num.describe('top of the highest unit above the pallet top'),
  placements: z.array(placement).describe('one entry per unit on the pallet'),
}).describe('a built pallet');
const load = z.looseObject({
  ref: id.describe('a pallet id, or an item id for one unit carried on the floor itself (a vehicle, or cargo too large or heavy for any pallet)'),
  x: num.describe('from the front of the cargo floor'),
  y: num.describe('from the left wall'),
  l: num.describe('footprint along the floor, as placed'),
  w: num.describe('footprint across the floor, as placed'),
}).describe('a pallet or floor unit placed on the cargo floor');
const sortie = z.looseObject({
  id: id.describe('sortie id'),
  aircraft: id.describe('aircraft type id of the tail'),
  tail: id.describe('one airframe, TYPE#n, numbered from 1 per type across the fleet lines in order'),
  from: id.describe('site id it departs'),
  to: id.describe('site id it lands at'),
  departs: dateTime.describe('departure time, UTC'),
  arrives: dateTime.describe('arrival time, UTC: departs plus great-circle distance over cruise speed'),
  passengers: num.describe('people carried'),
  payloadKg: num.describe('pallets gross, floor units and passengers at the policy passengerKg'),
  cgM: num.nullable().describe('centre of gravity of the cargo loads from the front of the floor (passengers left out); null with no cargo'),
  loads: z.array(load).describe('one entry per pallet or floor unit carried'),
  positioningArrives: dateTime.optional().describe('when the empty positioning flight before it lands at `from`, for a tail that positions early and remains there (its crew resting) before it loads; absent: turnHours before departs'),
  crew: id.optional().describe("the crew that flies it, e.g. `C-17A crew 3`, numbered per type across the fleet lines (each line's crews aboard its tails first, then those staged at stage sites); absent: the tail's own crew"),
}).describe('one flight leg of one tail');
const bound = z.looseObject({
  value: z.union([num, dateTime, z.null()]).describe('the bound: a count for sorties, a UTC time for closure; null when nothing moves'),
  basis: z.string().describe('one line saying how the bound was proven'),
}).describe('a proven lower bound');
const isRule = (r: string) => (RULES as readonly string[]).includes(r);
const rule = z.string().refine(isRule, { message: 'expected a rule named in docs/rules.md' }).describe('rule name from docs/rules.md, e.g. load.payload');
// Problems and notes came with drawdown's plan additions: an older or third-party plan without
// them has none.

const problem = z.looseObject({
  kind: z.string().describe('item.blocked: an item that can be neither moved, given away nor destroyed; cargo.stranded: cargo or people the schedule could not move'),
  subject: z.string().describe('the item id or the site id'),
  message: z.string().describe('a sentence a planner can read'),
  refs: refs('other ids involved').default([]),
  figures: figures.optional(),
}).describe('something the planner could not do');
const note = z.looseObject({
  kind: z.string().describe('sortie.timing: why a sortie departs when it does; schedule.shuttle: the shuttle through a hub or relay through a neighbouring origin chosen (or flying straight home); fleet.use: why a type or tail flies little or nothing'),
  cause: z.string().describe('what caused it, e.g. tail-ready, cargo-ready, departure-cap, mog-origin, mog-destination, shuttle, straight-home'),
  subject: z.string().describe('what it is about: a sortie, site or tail id, or an aircraft type'),
  message: z.string().describe('a sentence a planner can read'),
  refs: refs('other ids involved (sites, tails)').default([]),
  figures: figures.optional(),
}).describe('a reason behind the schedule');
const deadline = z.looseObject({
  kind: z.enum(['agreement', 'handover']).describe('agreement: a country; handover: a site'),
  subject: z.string().describe('the country code or the site id'),
  deadline: z.string().describe('the agreement deadline or the site handoverBy date'),
  closure: dateTime.nullable().describe('last departure from the sites it covers; null when none departs'),
  slackDays: num.nullable().describe('days to spare (positive) or missed by (negative), to the end of the deadline day'),
  met: z.boolean().describe('true when the closure is within the deadline day'),
}).describe('closure against one deadline');
const remedy = z.looseObject({
  kind: z.enum(['aircraft', 'deadline', 'dispose']).describe('aircraft: more tails; deadline: a later date; dispose: give away or destroy more'),
  summary: z.string().describe('the change, in a sentence'),
  closure: dateTime.nullable().describe('the feasible closure that replanning with the change reached'),
  details: z.record(z.string(), z.unknown()).optional().describe('the change as data'),
}).describe('a change, checked by replanning, that would make the plan feasible');
const whatIf = z.looseObject({
  kind: z.enum(['hours']).describe('hours: a site open around the clock (no hours, no quiet period)'),
  subject: z.string().describe('the site changed'),
  summary: z.string().describe('what the change would do, in a sentence'),
  closure: dateTime.nullable().describe('the closure of the plan made with the change'),
  sorties: num.describe('its sorties'),
  feasible: z.boolean().describe('whether that plan passes the verifier and meets every deadline'),
  figures: figures,
}).describe('a change planned and verified to show what it would do');

export const planSchema = z.looseObject({
  formatVersion: z.literal(1).describe('plan format version'),
  scenario: z.string().describe("the scenario's name"),
  feasible: z.boolean().describe('true when every rule holds, every deadline is met and the planner reports no problem'),
  closure: dateTime.nullable().describe('departure of the last sortie leaving an origin site; null when nothing moves'),
  siteClosures: z.array(z.looseObject({
    site: id.describe('origin site id'),
    lastDeparture: dateTime.nullable().describe('its last departure; null when nothing leaves it'),
  }).describe("an origin site's last departure")).describe('one entry per origin site'),
  dispositions: z.array(z.looseObject({
    itemId: id.describe('item id'),
    quantity: num.describe("units; an item's rows add up to its quantity"),
    action: z.enum(['retrograde', 'transfer', 'demilitarize']).describe('retrograde: flown out; transfer: given to the host; demilitarize: destroyed on site'),
    reason: z.string().describe('a sentence a planner can read, with the figures behind the choice'),
  }).describe('what happens to units of an item')).describe('what happens to every unit of every item'),
  handovers: z.array(z.looseObject({
    infrastructureId: id.describe('infrastructure id'),
    site: id.describe('its site'),
    date: date.describe('handover date, UTC'),
  }).describe('fixed works handed over')).describe('one entry per infrastructure record'),
  pallets: z.array(pallet).describe('every pallet built'),
  sorties: z.array(sortie).describe('every flight leg flown'),
  metrics: z.looseObject({
    sorties: num.describe('number of sorties'),
    flyingHours: num.describe('loaded legs plus the empty positioning legs between them'),
    costUsd: num.describe("each tail's flying hours times its cost per flying hour"),
    transferValueUsd: num.describe('value of the units given to the host'),
    retrogradeValueUsd: num.describe('value of the units flown out'),
    demilitarizedValueUsd: num.describe('value of the units destroyed on site'),
    palletsBuilt: num.describe('number of pallets'),
    positioningHours: num.optional().describe('of the flying hours, the empty positioning legs'),
    passengers: num.optional().describe('people flown'),
    cargoKg: num.optional().describe('net weight of the cargo flown (no tare, no passengers)'),
  }).describe('totals; producers may add more numbers'),
  bounds: z.looseObject({
    sorties: bound.describe('no plan moving the same cargo and people needs fewer sorties'),
    closure: bound.describe('no plan moving the same cargo and people closes earlier'),
  }).describe('proven lower bounds, to judge how close the plan is to the best possible'),
  violations: z.array(z.looseObject({
    rule,
    message: z.string().describe('what breaks the rule, with its figures'),
    refs: z.array(z.string()).default([]).describe('ids of the sorties, tails, items, pallets or sites involved'),
    amount: num.optional().describe('the figure that breaks the rule, in unit'),
    limit: num.optional().describe('the limit it breaks, in unit'),
    unit: z.string().optional().describe('the unit of amount and limit: kg, m, h, days, units, people, sorties...'),
  }).describe('a rule the plan breaks')).describe("what the built-in verifier found; empty when feasible"),
  problems: z.array(problem).default([]).describe("the planner's own findings that are not rule violations; any one makes the plan infeasible"),
  notes: z.array(note).default([]).describe('reasons behind the schedule: why a sortie waits, the shuttle chosen, idle aircraft'),
  deadlines: z.array(deadline).optional().describe('closure against each agreement deadline and site handover date'),
  remedies: z.array(remedy).optional().describe('when infeasible: changes that would make it feasible, each checked by planning again'),
  whatIfs: z.array(whatIf).optional().describe('changes planned and verified to show what they would do, e.g. 24-hour operations at the site that sets the closure'),
  seed: num.optional().describe('the seed the plan was made with'),
}).describe('a drawdown plan');

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
