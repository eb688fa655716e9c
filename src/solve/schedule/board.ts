// The scheduler's state while it runs, shared by its steps: the network and fleet, the tails,
// what waits at each site, the airfields' slots, the consolidation at hubs, and the legs flown.
// A job is what a tail could do next; a flight is a job flown.

import type { FleetLine, Load, Scenario } from '../../model/index.ts';
import type { CargoPiece, ScheduleInput } from '../types.ts';
import type { Airfield } from './airfield.ts';
import type { Crews } from './crews.ts';
import type { Consolidation } from './hubs.ts';
import type { Network } from './network.ts';
import type { Pace } from './pace.ts';
import type { Routes } from './routes.ts';
import type { SlotCause } from './slots.ts';
import type { Tail } from './tails.ts';
import type { Lane, WorkSite } from './work.ts';

/** What fixed a departure: a slot's constraint, or the wait for a fair load at a hub. */
export type TimingCause = SlotCause | 'cargo-ready' | 'item-ready';

export interface Board {
  scenario: Scenario;
  net: Network;
  lines: readonly FleetLine[];
  /** kg per passenger */
  pkg: number;
  airfields: Airfield[];
  tails: Tail[];
  work: Map<number, WorkSite>;
  /** the work sites in the order a tail weighs them: the first wins at an equal score */
  tieOrder: WorkSite[];
  lanesFor: (ws: WorkSite) => (p: CargoPiece) => Lane[];
  routes: Routes;
  hubs: Consolidation;
  pace: Pace;
  buildLoad: ScheduleInput['buildLoad'];
  crews: Crews;
  flights: Flight[];
}

export interface Job {
  tail: Tail;
  ws: WorkSite;
  to: number;
  dep: number;
  flyMs: number;
  score: number;
  cause: TimingCause;
  /** when the tail was positioned and loaded at the site (what the departure waited beyond) */
  readyMs: number;
  /** the positioning flight before it, 0 when the tail is at the site */
  posMs: number;
  /** the airfield whose hours moved the departure last, -1 when none */
  closed: number;
  /** when the positioning flight lands at the origin (NaN without one) */
  landMs: number;
  /** positioned early, the crew resting at the origin before the sortie */
  overnight: boolean;
}

export interface Flight {
  tail: Tail;
  from: number;
  to: number;
  dep: number;
  arr: number;
  passengers: number;
  payloadKg: number;
  cgM: number | null;
  loads: Load[];
  cause: TimingCause;
  readyMs: number;
  closed: number;
  crew: string;
  /** when the positioning flight landed at the origin, when not a turn before the departure; NaN otherwise */
  positioned: number;
}
