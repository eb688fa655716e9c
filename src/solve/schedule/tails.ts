// The tails as the scheduler tracks them: where each is, from when it is free there, the last
// landing its availability allows, and its wake-up hint in the heap. Flight times to the second.

import type { FleetLine, Scenario } from '../../model/index.ts';
import { deadlineEndMs, fleetTails, toMs } from '../../model/index.ts';
import type { Network } from './network.ts';

const SEC = 1000;
export const ceilSec = (ms: number) => Math.ceil(ms / SEC) * SEC;

export interface Tail {
  idx: number;
  /** tie-break between equal hints: the lower rank goes first (the index for seed 1) */
  rank: number;
  id: string;
  line: FleetLine;
  lineIdx: number;
  turnMs: number;
  site: number;
  /** unloaded (or available) at `site` from this time */
  freeMs: number;
  /** not flown yet: still needs a loading turn even at its base */
  fresh: boolean;
  landBy: number;
  key: number;
  version: number;
  /** sites where a job came to nothing; cleared when work changes */
  blocked: Set<number>;
  /** sorties flown: at an equal score the tail that flew fewer goes first, so sisters share the work */
  uses: number;
  /** why the tail was refused jobs, counted per cause (for the fleet.use notes) */
  refused: Map<string, number>;
  /** sites it was kept off at risk because bigger tails could fill their ground places (for the fleet.use notes) */
  groundKept: Set<number>;
  /** bumped when it flies: its memo of slots (choice.ts) is then stale */
  moves: number;
  /** per site: the last slot worked out, and what it depended on */
  memo: (SlotMemo | undefined)[];
}

/** A slot remembered for one tail and site, valid while nothing it depends on has changed. */
export interface SlotMemo {
  moves: number;
  t0: number;
  to: number;
  origin: number;
  destination: number;
  pool: number;
  slot: import('./slots.ts').Slot;
}

/** The positioning flight a tail flies before loading at `site`: none when it is there. */
export function positioningTo(net: Network, t: Tail, site: number): number {
  return t.site === site ? 0 : positionMs(net, t.site, site, t.line);
}

/** Every tail of the fleet at its base, free from its availableFrom (or asOf). */
export function makeTails(scenario: Scenario, net: Network, asOf: number): Tail[] {
  return fleetTails(scenario).map((t, idx) => {
    const base = net.index.get(t.line.base);
    if (base === undefined) throw new Error(`fleet line ${t.line.type}: base ${t.line.base} is not a site`);
    const from = t.line.availableFrom ? ceilSec(toMs(t.line.availableFrom)) : asOf;
    return {
      idx, rank: idx, id: t.id, line: t.line, lineIdx: t.lineIndex,
      turnMs: ceilSec(t.line.turnHours * 3_600_000),
      site: base, freeMs: Math.max(from, asOf), fresh: true,
      landBy: t.line.availableTo ? deadlineEndMs(t.line.availableTo) : Infinity,
      key: Infinity, version: 0, blocked: new Set(), uses: 0, refused: new Map(), groundKept: new Set(), moves: 0, memo: [],
    };
  });
}

/** A loaded leg: great-circle time rounded to the second (as the sortie states it). */
export const legMs = (net: Network, a: number, b: number, line: FleetLine) =>
  Math.round((net.km(a, b) / line.cruiseKmh) * 3600) * SEC;

/** An empty positioning leg, rounded up so that every gap the rules require holds. */
export const positionMs = (net: Network, a: number, b: number, line: FleetLine) =>
  Math.ceil((net.km(a, b) / line.cruiseKmh) * 3600) * SEC;

/** The earliest the tail can be loaded at `site`: positioned there and turned. */
export function readyAt(net: Network, t: Tail, site: number): number {
  if (t.site === site) return t.fresh ? t.freeMs + t.turnMs : t.freeMs;
  return t.freeMs + positionMs(net, t.site, site, t.line) + t.turnMs;
}
