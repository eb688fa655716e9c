// The plan (formats.md, version 1), plus the fields drawdown adds: per-deadline closure and
// remedies when a deadline is missed.

import type { RuleName } from './rules.ts';

export type DispositionAction = 'retrograde' | 'transfer' | 'demilitarize';

export interface Disposition {
  itemId: string;
  quantity: number;
  action: DispositionAction;
  /** a sentence a planner can read, with the figures behind the choice */
  reason: string;
}

export interface Handover {
  infrastructureId: string;
  site: string;
  /** YYYY-MM-DD */
  date: string;
}

/** One unit on a pallet; x, y, z from the pallet's usable corner, l, w, h as placed. */
export interface Placement {
  itemId: string;
  x: number;
  y: number;
  z: number;
  l: number;
  w: number;
  h: number;
}

export interface Pallet {
  id: string;
  palletType: string;
  /** origin site where the pallet is built */
  site: string;
  /** tare included */
  grossKg: number;
  heightM: number;
  placements: Placement[];
}

/** A pallet, or one unit carried on the floor itself, placed on a sortie's cargo floor. */
export interface Load {
  /** a pallet id, or an item id for one unit carried on the floor */
  ref: string;
  /** metres from the front of the floor */
  x: number;
  /** metres from the left wall */
  y: number;
  l: number;
  w: number;
}

export interface Sortie {
  id: string;
  aircraft: string;
  tail: string;
  from: string;
  to: string;
  departs: string;
  arrives: string;
  passengers: number;
  /** cargo plus passengers */
  payloadKg: number;
  /** centre of gravity of the cargo loads, metres from the front of the floor; null with no cargo */
  cgM: number | null;
  loads: Load[];
  /**
   * The crew that flies it (`C-17A crew 3`, numbered by fleetCrews); a plan without it means the
   * tail's own crew, the one that starts aboard it
   */
  crew?: string;
  /**
   * When the empty positioning flight before it lands at `from`, for a tail that positions early
   * (it remains at the origin, its crew resting there); absent: turnHours before `departs`
   */
  positioningArrives?: string;
}

export interface SiteClosure {
  site: string;
  lastDeparture: string | null;
}

export interface Metrics {
  sorties: number;
  /** loaded legs plus the empty positioning legs between them */
  flyingHours: number;
  costUsd: number;
  transferValueUsd: number;
  retrogradeValueUsd: number;
  demilitarizedValueUsd: number;
  palletsBuilt: number;
  [extra: string]: number;
}

export interface Bound {
  /** sorties: a count; closure: an ISO date-time */
  value: number | string | null;
  basis: string;
}

export interface Violation {
  /** one of the rule names of docs/rules.md */
  rule: RuleName;
  message: string;
  /** ids of the things involved: sorties, tails, items, pallets, sites */
  refs: string[];
  /** the figure that breaks the rule (a weight, a length, hours, a count), in `unit` */
  amount?: number;
  /** the limit it breaks, in `unit` */
  limit?: number;
  /** `kg`, `m`, `h`, `days`, `units`, `people`, `sorties`... */
  unit?: string;
}

/** Why the schedule is as it is, as data the summary and the page explain a line with. */
export type NoteKind =
  /** why a sortie departs when it does */
  | 'sortie.timing'
  /** the shuttle through a hub the scheduler chose (or that it flew straight home) */
  | 'schedule.shuttle'
  /** why a type or a tail flies nothing or little */
  | 'fleet.use';

/** The cause a note names; new causes come with the rules that make them. */
export type NoteCause =
  | 'tail-ready'
  | 'cargo-ready'
  | 'departure-cap'
  | 'mog-origin'
  | 'mog-destination'
  | 'shuttle'
  | 'straight-home'
  /** schedule.shuttle: straight home kept because every origin closes by its deadline */
  | 'on-time'
  /** schedule.shuttle: the late site has no hub or other origin nearer than home with a bigger type flying on */
  | 'no-hub'
  /** schedule.shuttle: too many pieces to try the extra schedules */
  | 'too-many-pieces'
  /** sortie.timing: an airfield at either end (or on the positioning leg) was closed */
  | 'airfield-hours'
  /** sortie.timing: the tail waited for a crew to finish its rest */
  | 'crew-rest'
  /** sortie.timing: the cargo it carries was not ready (readyFrom) */
  | 'item-ready'
  /** fleet.use: the type's tails and how evenly they share the work */
  | 'spread'
  /** fleet.use: a bigger type fills every departure slot of the airfields it could use */
  | 'slot-bound'
  /** fleet.use: at a site at risk, bigger tails could fill its few ground places (mog) while it loaded */
  | 'ground-place'
  /** fleet.use: a bigger type serves its sites with time to spare (fewest sorties) */
  | 'bigger-type'
  /** fleet.use: nothing left at the sites it can use fits it */
  | 'too-small'
  /** fleet.use: its availability lets it land nowhere in time, or only after the work was done */
  | 'not-available'
  /** fleet.use: no site with work takes the type */
  | 'no-runway'
  /** fleet.use: its crews cannot fly its legs within their duty period */
  | 'crew-duty'
  /** fleet.use: sister tails (or other types) were ready first for the work it could do */
  | 'sisters'
  | (string & {});

export interface PlanNote {
  kind: NoteKind;
  cause: NoteCause;
  /** what the note is about: a sortie id, a site id, a tail id or an aircraft type */
  subject: string;
  message: string;
  /** other ids involved (sites, tails) */
  refs: string[];
  /** the figures behind it (a share, hours waited, sorties flown) */
  figures?: Record<string, number>;
}

export type ProblemKind =
  /** an item that can be neither moved, given away nor destroyed */
  | 'item.blocked'
  /** cargo or people the schedule could not move at all */
  | 'cargo.stranded';

/** What the planner could not do; any problem makes the plan infeasible. */
export interface PlanProblem {
  kind: ProblemKind;
  /** the item id or the site id */
  subject: string;
  message: string;
  refs: string[];
  figures?: Record<string, number>;
}

/** Closure against one agreement deadline or site handover date. */
export interface DeadlineStatus {
  /** `agreement` for a country, `handover` for a site */
  kind: 'agreement' | 'handover';
  /** the country code or the site id */
  subject: string;
  deadline: string;
  closure: string | null;
  /** days of slack (positive) or of miss (negative), to the end of the deadline day */
  slackDays: number | null;
  met: boolean;
}

/** A concrete change, checked by replanning, that would make the plan feasible. */
export interface Remedy {
  kind: 'aircraft' | 'deadline' | 'dispose';
  summary: string;
  /** the feasible closure the replanning reached with the change */
  closure: string | null;
  details?: Record<string, unknown>;
}

/** A change to the scenario planned and verified to show what it would do (not needed to be feasible). */
export interface WhatIf {
  /** `hours`: a site open around the clock */
  kind: 'hours';
  /** the site changed */
  subject: string;
  summary: string;
  /** the closure and sorties of the plan made with the change */
  closure: string | null;
  sorties: number;
  feasible: boolean;
  /** figures of the change: closure days earlier, sorties, departures moved */
  figures: Record<string, number>;
}

export interface Plan {
  formatVersion: 1;
  scenario: string;
  feasible: boolean;
  closure: string | null;
  siteClosures: SiteClosure[];
  dispositions: Disposition[];
  handovers: Handover[];
  pallets: Pallet[];
  sorties: Sortie[];
  metrics: Metrics;
  bounds: { sorties: Bound; closure: Bound; [extra: string]: Bound };
  violations: Violation[];
  /** the planner's own findings that are not rule violations; any one makes the plan infeasible */
  problems: PlanProblem[];
  /** reasons behind the schedule (why a sortie waits, the shuttle chosen, idle aircraft) */
  notes: PlanNote[];
  deadlines?: DeadlineStatus[];
  remedies?: Remedy[];
  /** changes planned and verified to show what they would do (24-hour operations at the binding site) */
  whatIfs?: WhatIf[];
  seed?: number;
}
