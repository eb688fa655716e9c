// Job choice: for one tail, the site whose sortie it should fly next. A job departs at the
// earliest slot the tail, both airfields and the cargo allow, and is scored by that time plus
// the site's slack penalty, so sites at risk of their deadline are served first.

import type { Board, Job, TimingCause } from './board.ts';
import { departureSlot } from './slots.ts';
import { legMs, readyAt, type Tail } from './tails.ts';

export function bestJob(b: Board, t: Tail): Job | null {
  let best: Job | null = null;
  const canSeat = t.line.seats > 0 && t.line.aclKg >= b.pkg;
  for (const ws of b.tieOrder) {
    const to = b.routes.next(ws.idx, t.lineIdx);
    if (to === undefined || t.blocked.has(ws.idx) || b.routes.shuttlesInto(ws.idx, t.lineIdx)) continue;
    const lane = ws.lanes.get(t.lineIdx)!;
    const readyMs = readyAt(b.net, t, ws.idx);
    let t0 = readyMs;
    let waitsForCargo = false;
    if (ws.hub) {
      if (!lane.hasAny() && !(canSeat && ws.peopleTotal() > b.hubs.hold(ws))) continue;
      const r = b.hubs.ready(ws, t.lineIdx);
      if (r === Infinity) continue;
      if (r > t0) { t0 = r; waitsForCargo = true; }
    } else if (!lane.hasAny() && !(canSeat && ws.kg <= 0 && ws.people > 0)) continue;
    const fly = legMs(b.net, ws.idx, to, t.line);
    const s = departureSlot(b.airfields[ws.idx], b.airfields[to], t, t0, fly);
    if (s.dep + fly > t.landBy) continue;
    const penalty = b.pace.penalty(ws, s.dep);
    if (b.pace.keepsOff(ws, t, s.dep, penalty)) continue;
    const score = s.dep + penalty;
    if (!best || score < best.score) {
      const cause: TimingCause = s.cause === 'tail-ready' && waitsForCargo ? 'cargo-ready' : s.cause;
      best = { tail: t, ws, to, dep: s.dep, flyMs: fly, score, cause, readyMs };
    }
  }
  return best;
}
