// The departure slot: the earliest second from a time on at which every airfield involved is
// open (the departure, the arrival, and a positioning flight's take-off and landing), a crew can
// fly it within its duty period, the origin has a departure slot left that day, and both ends
// have ground room for their turns. Each clash jumps straight to the first time it could clear;
// the loop ends when none moves the time.
//
// A tail that must position to the origin does it one of two ways (docs/schedule.md, Crews and
// hours): straight, landing a turn before the departure (or at the last open instant before that)
// in one duty period with the sortie; or overnight, landing as soon as it can, its crew resting
// at the origin before it loads and flies out on a fresh duty period (a tail that remains
// overnight because the field closes, or the crew is out of duty time). The earlier wins.

import type { Airfield } from './airfield.ts';
import type { Crews } from './crews.ts';
import { ceilSec, type Tail } from './tails.ts';

/** What set a departure time, for the sortie's note. */
export type SlotCause = 'tail-ready' | 'departure-cap' | 'mog-origin' | 'mog-destination' | 'airfield-hours' | 'crew-rest';

export interface Slot {
  /** Infinity when no time ever works (see `never`) */
  dep: number;
  /** the last constraint that moved it */
  cause: SlotCause;
  /** the airfield whose hours moved it last (an index into the board's airfields), -1 when none */
  closed: number;
  /** why no time works: the hours never line up, or no crew can fly it */
  never?: 'airfield-hours' | 'crew';
  /** when the positioning flight lands at the origin (dep - turn when straight); NaN without one */
  landMs: number;
  /** positioned early and the crew rests at the origin before the sortie */
  overnight: boolean;
}

export interface SlotQuery {
  origin: Airfield;
  destination: Airfield;
  /** where the tail is: the positioning flight takes off there */
  at: Airfield;
  ids: { origin: number; destination: number; at: number };
  tail: Tail;
  /** earliest departure the tail allows (positioned straight away and loaded) */
  t0: number;
  flyMs: number;
  /** positioning flight to the origin, 0 when the tail is there */
  posMs: number;
  crews: Crews;
}

/** Hours repeat daily: if they do not line up within this span, they never will. */
const HOURS_SPAN_MS = 8 * 86_400_000;

export function departureSlot(q: SlotQuery): Slot {
  // A block no crew of the line can fly in one duty period: only overnight positioning works.
  const straight = q.posMs > 0 && q.crews.tooLong(q.tail, q.tail.turnMs + q.posMs + q.flyMs) ? never('crew', 'crew-rest', -1) : search(q, null);
  if (q.posMs === 0 || straight.dep === Infinity && straight.never === 'airfield-hours') return straight;
  // Overnight can only win when the straight slot waits longer than a crew's rest, and only for
  // hours: without them, resting before positioning is never later than resting after it. When
  // no crew can fly the positioning, loading and flight in one duty period, it is the only way.
  if (straight.dep !== Infinity && straight.dep - q.t0 <= q.crews.minRest(q.tail)) return straight;
  if (straight.dep !== Infinity && q.origin.hours.always && q.at.hours.always) return straight;
  const land = overnightLanding(q);
  if (land === null) return straight;
  const night = search(q, land);
  return night.dep < straight.dep ? night : straight;
}

/**
 * The earliest departure; `overnight` is the positioning landing and its crew's rest when the
 * tail positions early, null for straight positioning.
 */
function search(q: SlotQuery, overnight: Overnight | null): Slot {
  const { origin, destination, ids, tail: t, flyMs, posMs } = q;
  const turn = t.turnMs;
  let s = ceilSec(overnight ? Math.max(q.t0, overnight.land + overnight.restMs + turn) : q.t0);
  let cause: SlotCause = overnight ? 'crew-rest' : 'tail-ready';
  let closed = -1;
  let land = posMs > 0 ? s - turn : NaN;
  for (let guard = 0; guard < 100_000; guard++) {
    if (!Number.isFinite(s)) return never(s === Infinity ? 'airfield-hours' : 'crew', cause, closed);
    // The departure and the arrival in open hours.
    let y = origin.hours.nextOpen(s);
    if (y !== s) closed = ids.origin;
    const arr = destination.hours.nextOpen(y + flyMs) - flyMs;
    if (arr !== y) { y = arr; closed = ids.destination; }
    if (y !== s) {
      if (y - s > HOURS_SPAN_MS || y === Infinity) return never('airfield-hours', 'airfield-hours', closed);
      s = ceilSec(y); cause = 'airfield-hours'; continue;
    }
    // The positioning flight: straight, it lands at the last open instant at most a turn before.
    let lead = turn + posMs;
    if (overnight) {
      land = overnight.land;
      lead = turn; // the sortie's own duty period starts with the loading turn
    } else if (posMs > 0) {
      land = latestPair(q, s - turn);
      if (land < q.t0 - turn) {
        const first = earliestPair(q, q.t0 - turn);
        if (first === Infinity) return never('airfield-hours', 'airfield-hours', ids.origin);
        s = ceilSec(Math.max(s + 1000, first + turn)); cause = 'airfield-hours'; closed = ids.origin; continue;
      }
      lead = s - land + posMs;
    }
    if (!overnight) {
      const c = q.crews.nextDeparture(t, s, lead, flyMs);
      if (c === Infinity) return never('crew', 'crew-rest', closed);
      if (c !== s) { s = ceilSec(c); cause = 'crew-rest'; continue; }
    } else if (turn + flyMs > overnight.dutyMs) {
      return never('crew', 'crew-rest', closed);
    }
    const d = origin.nextSlot(s);
    if (d === Infinity) return never('airfield-hours', 'departure-cap', closed);
    if (d !== s) { s = ceilSec(d); cause = 'departure-cap'; continue; }
    const c1 = origin.groundConflict(s - turn, s, t.idx);
    if (c1 !== null) { s = c1 + turn; cause = 'mog-origin'; continue; }
    const c2 = destination.groundConflict(s + flyMs, s + flyMs + turn, t.idx);
    if (c2 !== null) { s = c2 - flyMs; cause = 'mog-destination'; continue; }
    return { dep: s, cause, closed, landMs: land, overnight: overnight !== null };
  }
  return never('airfield-hours', cause, closed);
}

function never(why: Slot['never'], cause: SlotCause, closed: number): Slot {
  return { dep: Infinity, cause, closed, never: why, landMs: NaN, overnight: false };
}

/**
 * The earliest the tail can position early: its landing as soon as it is free, in open hours at
 * both ends, by a crew that can fly it; then that crew rests at the origin. Null when none can.
 */
interface Overnight {
  land: number;
  /** the crew that positions the tail: its rest and then its duty period */
  restMs: number;
  dutyMs: number;
}

function overnightLanding(q: SlotQuery): Overnight | null {
  const { tail: t, posMs } = q;
  let a = q.t0 - t.turnMs;
  for (let guard = 0; guard < 1000; guard++) {
    const b = earliestPair(q, a);
    if (b === Infinity) return null;
    const c = q.crews.nextDeparture(t, b, posMs, 0);
    if (c === Infinity) return null;
    if (c === b) {
      const pick = q.crews.pick(t, b, posMs, 0);
      return pick && Number.isFinite(pick.crew.restMs) ? { land: b, restMs: pick.crew.restMs, dutyMs: pick.crew.dutyMs } : null;
    }
    a = ceilSec(c);
  }
  return null;
}

/** The latest landing at or before `x` with the landing and the take-off in open hours; -Infinity when none. */
function latestPair(q: SlotQuery, x: number): number {
  const { origin, at, posMs } = q;
  if (origin.hours.always && at.hours.always) return x;
  let a = x;
  for (let guard = 0; guard < 64; guard++) {
    const land = origin.hours.prevOpen(a);
    const off = at.hours.prevOpen(land - posMs) + posMs;
    if (!Number.isFinite(off) || x - off > HOURS_SPAN_MS) return -Infinity;
    if (off === land) return land;
    a = off;
  }
  return -Infinity;
}

/** The earliest landing at or after `x` with the landing and the take-off in open hours; Infinity when none. */
function earliestPair(q: SlotQuery, x: number): number {
  const { origin, at, posMs } = q;
  if (origin.hours.always && at.hours.always) return ceilSec(x);
  let a = ceilSec(x);
  for (let guard = 0; guard < 64; guard++) {
    const land = origin.hours.nextOpen(a);
    const off = ceilSec(at.hours.nextOpen(land - posMs) + posMs);
    if (!Number.isFinite(off) || off - x > HOURS_SPAN_MS) return Infinity;
    if (off === land) return land;
    a = off;
  }
  return Infinity;
}
