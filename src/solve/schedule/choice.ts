// Job choice: for one tail, the site whose sortie it should fly next. A job departs at the
// earliest slot the tail, its crew, the airfields' hours and slots and the cargo allow, and is
// scored by that time plus the site's slack penalty, so sites at risk of their deadline are
// served first. Each site refused is counted by cause, for the fleet.use notes (finish.ts).

import type { Board, Job, TimingCause } from './board.ts';
import { departureSlot, type Slot } from './slots.ts';
import { legMs, positioningTo, readyAt, type Tail } from './tails.ts';

/** Why a tail did not take a site's work (fleet.use). */
export type Refusal = 'slot-bound' | 'ground-place' | 'bigger-type' | 'not-available' | 'airfield-hours' | 'crew-duty' | 'crew-rest';

export function refuse(t: Tail, why: Refusal): void {
  t.refused.set(why, (t.refused.get(why) ?? 0) + 1);
}

/**
 * The departure slot of a job, remembered per tail and site: a tail is re-evaluated whenever a
 * booking anywhere moves the hints, but its slot at a site only changes when the tail itself
 * flies, its earliest start, the route, the two airfields' bookings or the crews at its stage do.
 */
function slotFor(b: Board, t: Tail, site: number, to: number, t0: number, fly: number, posMs: number): Slot {
  const origin = b.airfields[site];
  const destination = b.airfields[to];
  const pool = b.crews.poolVersion[t.site];
  const m = t.memo[site];
  if (m && m.moves === t.moves && m.t0 === t0 && m.to === to && m.origin === origin.version && m.destination === destination.version && m.pool === pool) return m.slot;
  const slot = departureSlot({
    origin, destination, at: b.airfields[t.site],
    ids: { origin: site, destination: to, at: t.site },
    tail: t, t0, flyMs: fly, posMs, crews: b.crews,
  });
  t.memo[site] = { moves: t.moves, t0, to, origin: origin.version, destination: destination.version, pool, slot };
  return slot;
}

export function bestJob(b: Board, t: Tail): Job | null {
  let best: Job | null = null;
  const canSeat = t.line.seats > 0 && t.line.aclKg >= b.pkg;
  const lead = b.pace.lead(b.tieOrder, t.freeMs);
  let bestPick = Infinity;
  for (const ws of b.tieOrder) {
    const to = b.routes.next(ws.idx, t.lineIdx, ws.pieces > ws.sensitive);
    if (to === undefined || t.blocked.has(ws.idx) || b.routes.shuttlesInto(ws.idx, t.lineIdx)) continue;
    const lane = ws.lanes.get(t.lineIdx)!;
    const readyMs = readyAt(b.net, t, ws.idx);
    let t0 = readyMs;
    let waits: TimingCause | null = null;
    if (ws.hub) {
      if (!lane.hasAny() && !(canSeat && ws.peopleTotal() > b.hubs.hold(ws))) continue;
      const r = b.hubs.ready(ws, t.lineIdx);
      if (r === Infinity) continue;
      if (r > t0) { t0 = r; waits = 'cargo-ready'; }
    } else {
      const cargo = lane.hasAny();
      if (!cargo && !(canSeat && ws.kg <= 0 && ws.people > 0)) continue;
      // Cargo not ready yet (readyFrom): the first piece that will be.
      const at = cargo ? lane.earliestAt() : -Infinity;
      if (at > t0) { t0 = at; waits = 'item-ready'; }
    }
    const fly = legMs(b.net, ws.idx, to, t.line);
    const posMs = positioningTo(b.net, t, ws.idx);
    const s = slotFor(b, t, ws.idx, to, t0, fly, posMs);
    if (s.dep === Infinity) {
      refuse(t, s.never === 'airfield-hours' ? 'airfield-hours' : b.crews.tooLong(t, t.turnMs + fly) ? 'crew-duty' : 'crew-rest');
      continue;
    }
    if (s.dep + fly > t.landBy) { refuse(t, 'not-available'); continue; }
    const penalty = b.pace.penalty(ws, s.dep);
    const off = b.pace.keepsOff(ws, t, s.dep, penalty);
    if (off) {
      refuse(t, off);
      if (off === 'ground-place') t.groundKept.add(ws.idx);
      continue;
    }
    // The tail picks its site with the closure counted (pace.ts), but the job keeps its own
    // slack penalty in the greedy's queue: which tail goes first is still ranked by departure
    // and deadline, so tails of other lines do not jump ahead of earlier departures.
    const pick = s.dep + b.pace.pickPenalty(ws, penalty, lead);
    const score = s.dep + penalty;
    if (!best || pick < bestPick) {
      bestPick = pick;
      const cause: TimingCause = s.cause === 'tail-ready' && waits ? waits : s.cause;
      best = { tail: t, ws, to, dep: s.dep, flyMs: fly, posMs, score, cause, readyMs, closed: s.closed, landMs: s.landMs, overnight: s.overnight };
    }
  }
  return best;
}
