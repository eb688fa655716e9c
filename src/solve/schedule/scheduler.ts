// The sortie scheduler: an event-driven greedy over tails. Each tail holds a wake-up hint in a
// heap (a lower bound on the score of its best job); the smallest hint is re-evaluated and, if
// still the best, its job becomes a sortie. A job is (tail, site): depart at the earliest slot
// the tail, both airfields and the cargo allow, scored by that time plus a slack penalty so
// sites at risk of missing their deadline are served first. See docs/schedule.md.

import type { FleetLine, Load, Sortie } from '../../model/index.ts';
import { DAY_MS, deadlineEndMs, fleetTails, toIso, toMs } from '../../model/index.ts';
import type { AircraftLoad, CargoPiece, ScheduleInput } from '../types.ts';
import { Airfield } from './airfield.ts';
import { HintHeap } from './heap.ts';
import { couldCarry } from '../shared/capability.ts';
import { buildNetwork, siteDueMs } from './network.ts';
import type { Entry } from './work.ts';
import { Lane, WorkSite } from './work.ts';

export interface StrandedCargo {
  site: string;
  pieces: CargoPiece[];
  people: number;
  reason: string;
}

export interface SortieNote {
  sortie: string;
  /** why it departs when it does */
  note: string;
}

export interface ScheduleResult {
  sorties: Sortie[];
  stranded: StrandedCargo[];
  notes: SortieNote[];
}

/** Hours added to a departure from a site with all the time it needs; none for a site at risk. */
const RELAXED_PENALTY_MS = 12 * 3_600_000;
/** Share of a load a sortie is assumed to carry before a site has flown a few. */
const FIRST_FILL = 0.8;
/** A hub sends a big jet on when its waiting cargo fills this share of one (or all has come). */
const HUB_FILL = 0.85;

const SEC = 1000;
const ceilSec = (ms: number) => Math.ceil(ms / SEC) * SEC;

interface TailState {
  idx: number;
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
}

interface Job {
  tail: TailState;
  ws: WorkSite;
  to: number;
  dep: number;
  flyMs: number;
  score: number;
  why: string;
}

interface Flight {
  tail: TailState;
  from: string;
  to: string;
  dep: number;
  arr: number;
  passengers: number;
  payloadKg: number;
  cgM: number | null;
  loads: Load[];
  why: string;
}

export function schedule(input: ScheduleInput): ScheduleResult {
  const { scenario, buildLoad } = input;
  const net = buildNetwork(scenario);
  const sites = net.sites;
  const pkg = scenario.policy.passengerKg;
  const asOf = ceilSec(toMs(scenario.asOf));
  const lines = scenario.aircraft;
  const airfields = sites.map((s) => new Airfield(s));

  const flyMs = (a: number, b: number, line: FleetLine) => Math.round((net.km(a, b) / line.cruiseKmh) * 3600) * SEC;
  const positionMs = (a: number, b: number, line: FleetLine) => Math.ceil((net.km(a, b) / line.cruiseKmh) * 3600) * SEC;

  // ---- tails ----
  const tails: TailState[] = fleetTails(scenario).map((t, idx) => {
    const base = net.index.get(t.line.base);
    if (base === undefined) throw new Error(`fleet line ${t.line.type}: base ${t.line.base} is not a site`);
    const from = t.line.availableFrom ? ceilSec(toMs(t.line.availableFrom)) : asOf;
    return {
      idx, id: t.id, line: t.line, lineIdx: t.lineIndex,
      turnMs: ceilSec(t.line.turnHours * 3_600_000),
      site: base, freeMs: Math.max(from, asOf), fresh: true,
      landBy: t.line.availableTo ? deadlineEndMs(t.line.availableTo) : Infinity,
      key: Infinity, version: 0, blocked: new Set(),
    };
  });

  // ---- work: origins and hubs ----
  const work = new Map<number, WorkSite>();
  sites.forEach((s, i) => {
    if (s.role === 'destination') return;
    const ws = new WorkSite(i, s, s.role === 'hub', siteDueMs(scenario, s));
    for (const li of net.routes.get(i)?.keys() ?? []) ws.lanes.set(li, new Lane(li));
    work.set(i, ws);
  });
  // Origins that send a share of their sorties through a hub (input.hubShare): per line, the hub
  // and the count so far, so the shuttle legs are spread evenly over the site's sorties.
  const feeders = new Map([...net.feeders].map(([h, o]) => [h, [...o]]));
  const shuttle = new Map<number, { share: number; hubs: Map<number, number>; all: number; viaHub: number }>();
  /** hub -> lines that shuttle into it: they do not fly the long onward legs themselves */
  const shuttleLines = new Map<number, Set<number>>();
  for (const [id, share] of input.hubShare ?? []) {
    const i = net.index.get(id);
    const hubs = i === undefined ? undefined : net.hubOptions.get(i);
    if (i === undefined || !hubs || !(share > 0)) continue;
    shuttle.set(i, { share: Math.min(1, share), hubs, all: 0, viaHub: 0 });
    for (const [li, h] of hubs) shuttleLines.set(h, (shuttleLines.get(h) ?? new Set()).add(li));
    for (const h of new Set(hubs.values())) {
      const f = feeders.get(h) ?? [];
      if (!f.includes(i)) f.push(i);
      feeders.set(h, f);
    }
  }
  const routeOf = (site: number, li: number): number | undefined => {
    const direct = net.routes.get(site)?.get(li);
    const s = shuttle.get(site);
    const hub = s?.hubs.get(li);
    if (!s || hub === undefined) return direct;
    return s.viaHub < s.share * (s.all + 1) ? hub : direct;
  };
  const lanesFor = (ws: WorkSite) => (p: CargoPiece) =>
    [...ws.lanes.values()].filter((l) => couldCarry(p, lines[l.line]));

  // Priority at an origin: sensitive first (it must leave before the guard can), then heavy first.
  const big = lines.reduce<FleetLine | null>((m, l) => (!m || l.aclKg > m.aclKg ? l : m), null);
  const size = (p: CargoPiece) => big ? p.weightKg / big.aclKg + (p.lengthM * p.widthM) / (big.floorLengthM * big.floorWidthM) : p.weightKg;
  const order = input.pieces.map((p, i) => ({ p, i, s: size(p) }));
  order.sort((a, b) =>
    Number(b.p.sensitive) - Number(a.p.sensitive) || b.s - a.s || b.p.weightKg - a.p.weightKg ||
    (a.p.ref < b.p.ref ? -1 : a.p.ref > b.p.ref ? 1 : 0) || a.i - b.i);
  const unknown: CargoPiece[] = [];
  for (const { p } of order) {
    const i = net.index.get(p.site);
    const ws = i === undefined ? undefined : work.get(i);
    if (!ws) unknown.push(p);
    else ws.add(p, -Infinity, lanesFor(ws));
  }
  for (const pl of scenario.personnel) {
    const i = net.index.get(pl.site);
    const ws = i === undefined ? undefined : work.get(i);
    if (!ws) continue; // people at a destination are already where they should be
    if (ws.hub) ws.addPeople(-Infinity, pl.count);
    else ws.people += pl.count;
  }
  for (const ws of work.values()) {
    ws.kg0 = ws.kg;
    ws.people0 = ws.peopleTotal();
  }
  const guardOf = (ws: WorkSite) => Math.min(scenario.policy.minSecurityPerSite, ws.people0);

  // Rough time per sortie a site can sustain, for the slack estimate.
  const gapMs = new Map<number, { gap: number; acl: number }>();
  for (const ws of work.values()) {
    let best: { li: number; acl: number } | null = null;
    for (const li of ws.lanes.keys()) if (!best || lines[li].aclKg > best.acl) best = { li, acl: lines[li].aclKg };
    if (!best) continue;
    const line = lines[best.li];
    const to = net.routes.get(ws.idx)!.get(best.li)!;
    // Only the tails of the biggest line: smaller lines stay off the site unless it is at risk.
    const serving = tails.filter((t) => t.lineIdx === best.li).length;
    const turn = line.turnHours * 3_600_000;
    const cycle = 2 * flyMs(ws.idx, to, line) + 2 * turn;
    const af = airfields[ws.idx];
    const gap = Math.max(
      Number.isFinite(af.maxDeparturesPerDay) ? DAY_MS / af.maxDeparturesPerDay : 0,
      Number.isFinite(af.mog) ? turn / af.mog : 0,
      cycle / Math.max(1, serving),
    );
    gapMs.set(ws.idx, { gap, acl: best.acl });
  }

  // ---- hub consolidation ----
  let flush = false; // at the end, hubs send on whatever waits
  let epoch = 0; // bumped when an origin empties (feeders) or on flush
  const readyCache = new Map<string, { v: number; e: number; at: number }>();
  const feedersDone = (hub: number) =>
    (feeders.get(hub) ?? []).every((o) => {
      const f = work.get(o)!;
      return f.kg <= 0 && f.people <= 0;
    });
  const hubReady = (ws: WorkSite, li: number): number => {
    const k = `${ws.idx}|${li}`;
    const c = readyCache.get(k);
    if (c && c.v === ws.version && c.e === epoch) return c.at;
    const line = lines[li];
    const ev: { at: number; kg: number; pallets: number; people: number }[] = [];
    for (const e of ws.lanes.get(li)!.waiting()) ev.push({ at: e.at, kg: e.piece.weightKg, pallets: e.piece.kind === 'pallet' ? 1 : 0, people: 0 });
    if (line.seats > 0 && line.aclKg >= pkg) for (const a of ws.arrivals) ev.push({ at: a.at, kg: 0, pallets: 0, people: a.count });
    let at = Infinity;
    if (ev.length) {
      ev.sort((a, b) => a.at - b.at);
      let kg = 0, pallets = 0, people = 0;
      for (const e of ev) {
        kg += e.kg; pallets += e.pallets; people += e.people;
        const frac = Math.max((kg + people * pkg) / line.aclKg,
          line.palletPositions > 0 ? pallets / line.palletPositions : 0,
          line.seats > 0 ? people / line.seats : 0);
        if (frac >= HUB_FILL) { at = e.at; break; }
      }
      const last = ev[ev.length - 1].at;
      if (at === Infinity && (flush || feedersDone(ws.idx))) at = last;
      if (at === Infinity && Number.isFinite(ws.due)) at = Math.max(ev[0].at, ws.due - DAY_MS);
    }
    readyCache.set(k, { v: ws.version, e: epoch, at });
    return at;
  };

  // People a hub holds back: one, while sensitive cargo is there or still to come through it,
  // so its last people leave no earlier than its last sensitive cargo (sensitive.order).
  const hubHold = (ws: WorkSite) => {
    if (ws.sensitive > 0) return 1;
    return (feeders.get(ws.idx) ?? []).some((o) => work.get(o)!.sensitive > 0) ? 1 : 0;
  };
  /** People an origin must keep after a sortie: the guard, and hands in proportion to the cargo left. */
  const originKeep = (ws: WorkSite, kgAfter: number, sensitiveAfter: number) => {
    const guard = sensitiveAfter > 0 ? guardOf(ws) : 0;
    const hands = ws.kg0 > 0 && kgAfter > 0 ? Math.ceil((ws.people0 * kgAfter) / ws.kg0 - 1e-9) : 0;
    return Math.min(ws.people, Math.max(guard, hands));
  };

  // ---- evaluation ----
  const startAt = (t: TailState, site: number) => {
    if (t.site === site) return t.fresh ? t.freeMs + t.turnMs : t.freeMs;
    return t.freeMs + positionMs(t.site, site, t.line) + t.turnMs;
  };

  const slot = (t: TailState, from: number, to: number, t0: number, fly: number): { dep: number; why: string } => {
    const A = airfields[from];
    const B = airfields[to];
    let s = ceilSec(t0);
    let why = 'tail ready';
    for (;;) {
      const day = A.departureDayFull(s);
      if (day !== null) { s = day; why = `departure cap at ${sites[from].id}`; continue; }
      const c1 = A.groundConflict(s - t.turnMs, s, t.idx);
      if (c1 !== null) { s = c1 + t.turnMs; why = `mog at ${sites[from].id}`; continue; }
      const c2 = B.groundConflict(s + fly, s + fly + t.turnMs, t.idx);
      if (c2 !== null) { s = c2 - fly; why = `mog at ${sites[to].id}`; continue; }
      return { dep: s, why };
    }
  };

  // Critical ratio: estimated time the site's work still needs over the time to its deadline.
  // A site at or past 1 gets no penalty; a site with no deadline gets the whole penalty.
  const slackPenalty = (ws: WorkSite, dep: number) => {
    const g = gapMs.get(ws.idx);
    if (!g || !Number.isFinite(ws.due)) return RELAXED_PENALTY_MS;
    const perSortie = ws.sorties >= 3 ? ws.movedKg / ws.sorties : FIRST_FILL * g.acl;
    const left = Math.ceil(ws.kg / Math.max(1, perSortie)) * g.gap;
    const ratio = left / Math.max(3_600_000, ws.due - dep);
    return RELAXED_PENALTY_MS * Math.min(1, Math.max(0, 1 - ratio));
  };

  // Per site and line: the last landing time of any tail of a bigger line that serves the site.
  const biggerUntil = new Map<string, number>();
  for (const ws of work.values()) {
    for (const li of ws.lanes.keys()) {
      let until = -Infinity;
      for (const o of tails) if (o.line.aclKg > lines[li].aclKg && ws.lanes.has(o.lineIdx)) until = Math.max(until, o.landBy);
      biggerUntil.set(`${ws.idx}|${li}`, until);
    }
  }
  const biggerServes = (ws: WorkSite, t: TailState, dep: number) => (biggerUntil.get(`${ws.idx}|${t.lineIdx}`) ?? -Infinity) > dep;

  // Origins whose airfield, not their big jets, sets the pace: the tails of the biggest line
  // serving them are enough to fill every departure slot (maxDeparturesPerDay, or mog over the
  // turn) at all the origins that line serves. There a smaller type only takes a slot a fuller
  // big jet would have used, so it never helps the deadline and always adds sorties.
  const slotBound = new Set<number>();
  lines.forEach((line, li) => {
    const served = [...work.values()].filter((ws) => !ws.hub && ws.kg0 > 0 && ws.lanes.has(li) &&
      ![...ws.lanes.keys()].some((o) => lines[o].aclKg > line.aclKg));
    if (served.length === 0) return;
    const turn = line.turnHours * 3_600_000;
    let tailsNeeded = 0;
    for (const ws of served) {
      const af = airfields[ws.idx];
      const perDay = Math.min(af.maxDeparturesPerDay, Number.isFinite(af.mog) ? (af.mog * DAY_MS) / turn : Infinity);
      if (!Number.isFinite(perDay)) return; // an open airfield: more tails always help
      const cycle = 2 * flyMs(ws.idx, net.routes.get(ws.idx)!.get(li)!, line) + 2 * turn;
      tailsNeeded += (perDay * cycle) / DAY_MS;
    }
    if (tails.filter((t) => t.lineIdx === li).length >= tailsNeeded) for (const ws of served) slotBound.add(ws.idx);
  });

  const evaluate = (t: TailState): Job | null => {
    let best: Job | null = null;
    for (const ws of work.values()) {
      const to = routeOf(ws.idx, t.lineIdx);
      if (to === undefined || t.blocked.has(ws.idx) || shuttleLines.get(ws.idx)?.has(t.lineIdx)) continue;
      const lane = ws.lanes.get(t.lineIdx)!;
      const canSeat = t.line.seats > 0 && t.line.aclKg >= pkg;
      let t0 = startAt(t, ws.idx);
      let why = '';
      if (ws.hub) {
        if (!lane.hasAny() && !(canSeat && ws.peopleTotal() > hubHold(ws))) continue;
        const r = hubReady(ws, t.lineIdx);
        if (r === Infinity) continue;
        if (r > t0) { t0 = r; why = `cargo ready at ${ws.site.id}`; }
      } else if (!lane.hasAny() && !(canSeat && ws.kg <= 0 && ws.people > 0)) continue;
      const fly = flyMs(ws.idx, to, t.line);
      const s = slot(t, ws.idx, to, t0, fly);
      if (s.dep + fly > t.landBy) continue;
      const penalty = slackPenalty(ws, s.dep);
      // Fewest sorties: a smaller type flies from an origin a bigger one serves only when the
      // site is at risk of its deadline, or no bigger tail can still come.
      if (!ws.hub && (penalty > 0 || slotBound.has(ws.idx)) && biggerServes(ws, t, s.dep)) continue;
      const score = s.dep + penalty;
      if (!best || score < best.score) {
        best = { tail: t, ws, to, dep: s.dep, flyMs: fly, score, why: s.why === 'tail ready' && why ? why : s.why };
      }
    }
    return best;
  };

  // ---- commit ----
  const flights: Flight[] = [];
  const K = (line: FleetLine) => Math.max(48, 4 * line.palletPositions);
  const none: AircraftLoad = { pieces: [], loads: [], cargoKg: 0, cgM: null };
  let workChanged = false;
  let hubChanged = -1;

  /** Makes the job's sortie; false when nothing could be loaded after all. */
  const commit = (job: Job): boolean => {
    const { tail: t, ws, dep } = job;
    const line = t.line;
    const lane = ws.lanes.get(t.lineIdx)!;
    const seatCap = pkg > 0 ? Math.min(line.seats, Math.floor(line.aclKg / pkg)) : line.seats;
    const avail = ws.peopleAvailable(dep);
    const keepEstimate = ws.hub ? hubHold(ws) : originKeep(ws, Math.max(0, ws.kg - line.aclKg), ws.sensitive);
    let mandatory = Math.max(0, Math.min(seatCap, avail - keepEstimate));

    let load = none;
    let window: Entry[] = [];
    let progress = false;
    for (;;) {
      window = lane.window(dep, K(line));
      if (window.length === 0) break;
      const pieces = window.map((e) => e.piece);
      load = buildLoad({ pieces, aircraft: line, maxCargoKg: line.aclKg - mandatory * pkg });
      if (load.pieces.length === 0 && mandatory > 0) {
        load = buildLoad({ pieces, aircraft: line, maxCargoKg: line.aclKg });
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
    const keep = ws.hub ? hubHold(ws) : originKeep(ws, ws.kg, ws.sensitive);
    const room = pkg > 0 ? Math.floor((line.aclKg - load.cargoKg) / pkg + 1e-9) : line.seats;
    const passengers = Math.max(0, Math.min(line.seats, room, avail - keep));
    if (taken.length === 0 && passengers === 0) {
      if (!progress) t.blocked.add(ws.idx);
      return false;
    }
    if (passengers > 0) ws.takePeople(passengers);
    const sh = shuttle.get(ws.idx);
    if (sh?.hubs.has(t.lineIdx)) {
      sh.all++;
      if (job.to === sh.hubs.get(t.lineIdx)) sh.viaHub++;
    }
    if (taken.length > 0) {
      ws.sorties++;
      ws.movedKg += load.cargoKg;
    }

    const arr = dep + job.flyMs;
    airfields[ws.idx].addGround(dep - t.turnMs, dep, t.idx);
    airfields[ws.idx].addDeparture(dep);
    airfields[job.to].addGround(arr, arr + t.turnMs, t.idx);
    t.site = job.to;
    t.freeMs = arr + t.turnMs;
    t.fresh = false;

    const dest = work.get(job.to);
    if (dest) {
      // Delivered to a hub: it waits there, unloaded, for the next leg.
      const ready = arr + t.turnMs;
      for (const e of taken) dest.add({ ...e.piece, site: dest.site.id }, ready, lanesFor(dest));
      if (passengers > 0) dest.addPeople(ready, passengers);
      hubChanged = dest.idx;
    }
    if (!ws.hub && ws.kg <= 0 && ws.people <= 0) {
      epoch++; // a feeder emptied: hubs it fed need not wait for more
      workChanged = true;
    }
    if (!ws.hub && ws.kg <= 0 && (taken.length > 0 || progress)) workChanged = true;

    flights.push({
      tail: t, from: ws.site.id, to: sites[job.to].id, dep, arr, passengers,
      payloadKg: load.cargoKg + passengers * pkg,
      cgM: load.pieces.length ? load.cgM : null,
      loads: load.loads, why: job.why,
    });
    return true;
  };

  // ---- the loop ----
  const heap = new HintHeap();
  const hint = (t: TailState, key: number) => {
    t.key = Math.min(t.key, key);
    t.version++;
    heap.push({ key: t.key, tail: t.idx, version: t.version });
  };
  for (const t of tails) hint(t, t.freeMs);

  const wakeAll = () => {
    for (const t of tails) {
      t.blocked.clear();
      hint(t, t.freeMs);
    }
  };

  for (;;) {
    const h = heap.pop();
    if (!h) {
      const waiting = [...work.values()].some((w) => w.hub && (w.peopleTotal() > 0 || [...w.lanes.values()].some((l) => l.hasAny())));
      if (!flush && waiting) {
        flush = true;
        epoch++;
        wakeAll();
        continue;
      }
      break;
    }
    const t = tails[h.tail];
    if (h.version !== t.version) continue;
    t.key = Infinity;
    const job = evaluate(t);
    if (!job) continue; // idle until work changes
    const top = heap.peek();
    if (top && (top.key < job.score || (top.key === job.score && top.tail < t.idx))) {
      hint(t, job.score);
      continue;
    }
    workChanged = false;
    hubChanged = -1;
    commit(job);
    hint(t, t.freeMs);
    if (workChanged) wakeAll();
    else if (hubChanged >= 0) {
      // New cargo at a hub can make an earlier job for any tail that serves it.
      const hub = work.get(hubChanged)!;
      for (const o of tails) {
        if (!hub.lanes.has(o.lineIdx)) continue;
        o.blocked.delete(hub.idx);
        const lb = Math.max(startAt(o, hub.idx), hubReady(hub, o.lineIdx));
        if (lb < Infinity) hint(o, lb);
      }
    }
  }

  return finish(flights, work, net.sites.map((s) => s.id), unknown, tails.length > 0);
}

function finish(
  flights: Flight[],
  work: Map<number, WorkSite>,
  siteIds: string[],
  unknown: CargoPiece[],
  anyTail: boolean,
): ScheduleResult {
  flights.sort((a, b) => a.dep - b.dep || a.tail.idx - b.tail.idx);
  const sorties: Sortie[] = [];
  const notes: SortieNote[] = [];
  flights.forEach((f, i) => {
    const id = `S${i + 1}`;
    sorties.push({
      id, aircraft: f.tail.line.type, tail: f.tail.id, from: f.from, to: f.to,
      departs: toIso(f.dep), arrives: toIso(f.arr), passengers: f.passengers,
      payloadKg: f.payloadKg, cgM: f.cgM, loads: f.loads,
    });
    notes.push({ sortie: id, note: f.why });
  });

  const stranded: StrandedCargo[] = [];
  for (const ws of work.values()) {
    const id = siteIds[ws.idx];
    const people = ws.peopleTotal();
    const routed = ws.lanes.size > 0;
    const dead = new Set(ws.dead);
    const left = ws.entries.filter((e) => !e.gone && !dead.has(e.piece)).map((e) => e.piece);
    const rows: StrandedCargo[] = [];
    if (!routed) {
      const all = ws.entries.filter((e) => !e.gone).map((e) => e.piece);
      if (all.length || people) rows.push({ site: id, pieces: all, people, reason:
        `no aircraft type in the fleet can use the runway at ${id} and reach a destination, directly or through a hub` });
    } else {
      if (ws.dead.length) rows.push({ site: id, pieces: [...ws.dead], people: 0, reason:
        `no aircraft type that can use the runway at ${id} can carry these pieces (too large or heavy)` });
      if (left.length || people) rows.push({ site: id, pieces: left, people, reason: anyTail
        ? `no tail is available to move them from ${id} before its availableTo date`
        : 'the fleet has no aircraft' });
    }
    stranded.push(...rows);
  }
  if (unknown.length) {
    const bySite = new Map<string, CargoPiece[]>();
    for (const p of unknown) bySite.set(p.site, [...(bySite.get(p.site) ?? []), p]);
    for (const [site, pieces] of [...bySite].sort((a, b) => (a[0] < b[0] ? -1 : 1))) {
      stranded.push({ site, pieces, people: 0, reason: `${site} is not an origin or hub of the scenario` });
    }
  }
  return { sorties, stranded, notes };
}
