// Flying a job: the load from the pieces the lane offers, the passengers who must or may go,
// the airfields' slots taken, the tail moved, and what reaches a hub queued there for its next
// leg. Reports what changed, so the loop knows which tails to wake.

import type { AircraftLoad } from '../types.ts';
import type { Board, Job } from './board.ts';
import type { Entry, WorkSite } from './work.ts';

export interface Flown {
  /** false when nothing could be loaded after all */
  flew: boolean;
  /** pieces became unfit, or an origin emptied: every tail should look again */
  workChanged: boolean;
  /** the hub that cargo or people reached, -1 when none */
  hubChanged: number;
  /** a stage site a crew reached (tails waiting there may find it), -1 when none */
  crewLanded: number;
}

const none: AircraftLoad = { pieces: [], loads: [], cargoKg: 0, cgM: null };

/** Pieces offered to the load planner per sortie (then as many again sampled from the rest). */
const windowSize = (palletPositions: number) => Math.max(48, 4 * palletPositions);

export function fly(b: Board, job: Job): Flown {
  const { tail: t, ws, dep } = job;
  const { pkg, scenario } = b;
  const line = t.line;
  const lane = ws.lanes.get(t.lineIdx)!;
  const seatCap = pkg > 0 ? Math.min(line.seats, Math.floor(line.aclKg / pkg)) : line.seats;
  const avail = ws.peopleAvailable(dep);
  // Sensitive cargo booked on a sortie that leaves after this one is still there when this one
  // leaves: the guard stays for it as for cargo not yet booked.
  const keep = (kgAfter: number, sensitiveAfter: number) =>
    ws.hub ? b.hubs.hold(ws) : originKeep(ws, kgAfter, sensitiveAfter + (dep < ws.sensitiveUntil ? 1 : 0), scenario.policy.minSecurityPerSite);
  // A relay through another origin (routes.ts) carries cargo only, and no sensitive cargo: the
  // guard and the people leave straight home, with the sensitive cargo they stay for.
  const relay = b.routes.relays(ws.idx, job.to);
  // Reserve the payload for the people who have to leave on this sortie, then load cargo.
  let mandatory = relay ? 0 : Math.max(0, Math.min(seatCap, avail - keep(Math.max(0, ws.kg - line.aclKg), ws.sensitive)));
  let workChanged = false;

  let load = none;
  let window: Entry[] = [];
  let progress = false;
  for (;;) {
    window = lane.window(dep, windowSize(line.palletPositions), relay ? plainCargo : undefined);
    if (window.length === 0) break;
    const pieces = window.map((e) => e.piece);
    // issue 11: with passengers aboard, cargo-aircraft-only pieces wait for a sortie without; they
    // fly as soon as they wait while more than a load remains, so the last people need not fly alone
    const cargoOnlyTurn = mandatory > 0 && ws.kg > line.aclKg && pieces.some((p) => p.cargoAircraftOnly);
    load = b.buildLoad({ pieces, aircraft: line, maxCargoKg: line.aclKg - (cargoOnlyTurn ? 0 : mandatory) * pkg, passengers: !cargoOnlyTurn && mandatory > 0 });
    // A turn for them that takes none of them is no turn: the people due to leave fly instead
    // (Niger's AB101 flew three full loads without people this way and its last 22 people alone).
    if (cargoOnlyTurn && !load.pieces.some((p) => p.cargoAircraftOnly)) {
      load = b.buildLoad({ pieces, aircraft: line, maxCargoKg: line.aclKg - mandatory * pkg, passengers: true });
    } else if (cargoOnlyTurn) mandatory = 0;
    if (load.pieces.length === 0 && mandatory > 0) {
      load = b.buildLoad({ pieces, aircraft: line, maxCargoKg: line.aclKg });
      if (load.pieces.length > 0) mandatory = 0;
    }
    if (load.pieces.length > 0) break;
    ws.markDead(lane.markUnfit(window));
    progress = workChanged = true;
  }
  const taken: Entry[] = [];
  for (const p of load.pieces) {
    const e = ws.entryOf(p, window);
    if (!e) throw new Error(`schedule: the load planner returned piece ${p.ref}, which it was not offered`);
    ws.take(e);
    taken.push(e);
  }
  const room = pkg > 0 ? Math.floor((line.aclKg - load.cargoKg) / pkg + 1e-9) : line.seats;
  // issue 11: a load with cargo-aircraft-only pieces flies no passengers (load.cargoAircraftOnly)
  const cargoOnly = load.pieces.some((p) => p.cargoAircraftOnly);
  const passengers = cargoOnly || relay ? 0 : Math.max(0, Math.min(line.seats, room, avail - keep(ws.kg, ws.sensitive)));
  if (taken.length === 0 && passengers === 0) {
    if (!progress) t.blocked.add(ws.idx);
    return { flew: false, workChanged, hubChanged: -1, crewLanded: -1 };
  }
  // The crew: straight, one block from the positioning take-off to the landing; overnight, the
  // positioning flight, a rest at the origin, then the sortie on a fresh duty period.
  const land = job.posMs > 0 ? job.landMs : dep - t.turnMs;
  const lead = job.overnight ? job.posMs : dep - land + job.posMs;
  const crew = job.overnight ? b.crews.pick(t, land, job.posMs, 0) : b.crews.pick(t, dep, lead, job.flyMs);
  if (!crew) throw new Error(`schedule: no crew for ${t.id} at ${dep}, though the slot allowed one`);
  if (passengers > 0) ws.takePeople(passengers);
  b.routes.flown(ws.idx, t.lineIdx, job.to);
  if (taken.length > 0) {
    ws.sorties++;
    ws.movedKg += load.cargoKg;
    if (taken.some((e) => e.piece.sensitive)) ws.sensitiveUntil = Math.max(ws.sensitiveUntil, dep);
  }

  const arr = dep + job.flyMs;
  if (job.overnight) {
    b.crews.fly(t, crew, land - job.posMs, land, ws.idx);
    b.crews.fly(t, { crew: crew.crew, fresh: true }, dep - t.turnMs, arr, job.to);
  } else b.crews.fly(t, crew, dep - lead, arr, job.to);
  t.uses++;
  t.moves++;
  b.pace.moved();
  b.airfields[ws.idx].addGround(dep - t.turnMs, dep, t.idx);
  b.airfields[ws.idx].addDeparture(dep);
  b.airfields[job.to].addGround(arr, arr + t.turnMs, t.idx);
  t.site = job.to;
  t.freeMs = arr + t.turnMs;
  t.fresh = false;

  let hubChanged = -1;
  const dest = b.work.get(job.to);
  if (dest) {
    // Delivered to a hub: it waits there, unloaded, for the next leg.
    const ready = arr + t.turnMs;
    for (const e of taken) dest.add({ ...e.piece, site: dest.site.id }, ready, b.lanesFor(dest));
    if (passengers > 0) dest.addPeople(ready, passengers);
    hubChanged = dest.idx;
  }
  if (!ws.hub && ws.kg <= 0 && ws.people <= 0) {
    b.hubs.epoch++; // a feeder emptied: hubs it fed need not wait for more
    workChanged = true;
  }
  if (!ws.hub && ws.kg <= 0 && (taken.length > 0 || progress)) workChanged = true;

  b.flights.push({
    tail: t, from: ws.idx, to: job.to, dep, arr, passengers,
    payloadKg: load.cargoKg + passengers * pkg,
    cgM: load.pieces.length ? load.cgM : null,
    loads: load.loads, cause: job.cause, readyMs: job.readyMs, closed: job.closed, crew: crew.crew.id,
    positioned: job.posMs > 0 && land !== dep - t.turnMs ? land : NaN,
  });
  return { flew: true, workChanged, hubChanged, crewLanded: b.net.sites[job.to].stage === true ? job.to : -1 };
}

/** What a relay may carry: cargo that is not sensitive (it stays under its site's guard). */
const plainCargo = (e: Entry) => !e.piece.sensitive;

/** People an origin must keep after a sortie: the guard, and hands in proportion to the cargo left. */
function originKeep(ws: WorkSite, kgAfter: number, sensitiveAfter: number, minSecurity: number): number {
  const guard = sensitiveAfter > 0 ? Math.min(minSecurity, ws.people0) : 0;
  const hands = ws.kg0 > 0 && kgAfter > 0 ? Math.ceil((ws.people0 * kgAfter) / ws.kg0 - 1e-9) : 0;
  return Math.min(ws.people, Math.max(guard, hands));
}
