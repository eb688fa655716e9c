// The departure slot: the earliest second from a time on at which the origin has a departure
// left that UTC day and ground room for the loading turn, and the destination ground room for
// the unloading turn. Each clash jumps straight to the first time it could clear.

import type { Airfield } from './airfield.ts';
import { ceilSec, type Tail } from './tails.ts';

/** What set a departure time, for the sortie's note. */
export type SlotCause = 'tail-ready' | 'departure-cap' | 'mog-origin' | 'mog-destination';

export interface Slot {
  dep: number;
  /** the last constraint that moved it */
  cause: SlotCause;
}

export function departureSlot(origin: Airfield, destination: Airfield, t: Tail, t0: number, flyMs: number): Slot {
  let s = ceilSec(t0);
  let cause: SlotCause = 'tail-ready';
  for (;;) {
    const day = origin.departureDayFull(s);
    if (day !== null) { s = day; cause = 'departure-cap'; continue; }
    const c1 = origin.groundConflict(s - t.turnMs, s, t.idx);
    if (c1 !== null) { s = c1 + t.turnMs; cause = 'mog-origin'; continue; }
    const c2 = destination.groundConflict(s + flyMs, s + flyMs + t.turnMs, t.idx);
    if (c2 !== null) { s = c2 - flyMs; cause = 'mog-destination'; continue; }
    return { dep: s, cause };
  }
}
