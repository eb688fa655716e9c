// Lower bound on the closure: the last departure from an origin site is no earlier than the n-th
// departure from any one site, n being that site's sortie bound. Separate limits on the n-th
// departure, each proven under docs/rules.md (tail.availability, tail.continuity, airfield.mog,
// airfield.departures, airfield.hours, crew.duty, crew.rest, item.ready); the bound is the
// latest of them over all sites, and of the deliveries argument over all origins together.

import type { Bound, FleetLine, Scenario, Site } from '../../model/index.ts';
import { DAY_MS, HOUR_MS, SiteHours, TIME_EPS_MS, crewCount, crewLimits, fleetTails, flightHours, toIso, toMs } from '../../model/index.ts';
import { accepts } from '../shared/capability.ts';

// The verifier allows a claimed arrival a minute off (flight.time) and times a second off
// (TIME_EPS_MS); the bound gives those away so that it never exceeds a plan the verifier accepts.
const FLIGHT_TOLERANCE_MS = 60_000 + TIME_EPS_MS;

export interface ClosureArgument {
  site: string;
  departures: number;
  /** ms since the epoch */
  at: number;
  why: string;
}

/** A line's crews as the bound sees them: how many, and how often one can depart from a site. */
interface CrewPace {
  crews: number;
  /** departures a crew can make in one duty period */
  perDuty: number;
  /** least time between two departures of one crew within a duty period */
  spacing: number;
  /** least time between two departures of one crew across a rest, the rest not counted */
  across: number;
  /** the rest time after each duty period's departures: `rests` rests of crewRestHours */
  rest: number;
  rests: number;
}

/**
 * Two departures from a site by one crew are at least `2 hop + turn` apart (it lands elsewhere,
 * flies back, loads), and one duty period holds at most 1 + (duty - turn - hop) / spacing of
 * them (from its loading turn to its last landing); between duty periods it rests. When even
 * `2 hop + turn` outlasts a duty period, the crew rests twice between two departures: the flight
 * back cannot share a duty period with the sortie before it (turn, out, back) nor with the one
 * after it (back, turn, out; as one block or two), so a rest falls on each side of it (crew.duty,
 * crew.rest). `inDutyMs`, where known, is a longer least spacing within a duty period (the tail's
 * turn where it lands, when the crew cannot leave it there: nthDeparture); across a rest the
 * turn there passes in the rest. Null when the crews set no limit (they never bind tighter than
 * the tails).
 */
function crewPace(line: FleetLine, hopMs: number, turnMs: number, inDutyMs = 2 * hopMs + turnMs): CrewPace | null {
  const { dutyMs, restMs } = crewLimits(line);
  if (!Number.isFinite(dutyMs) || !Number.isFinite(hopMs)) return null;
  const across = Math.max(1, 2 * hopMs + turnMs - 2 * FLIGHT_TOLERANCE_MS);
  const spacing = Math.max(across, inDutyMs - 2 * FLIGHT_TOLERANCE_MS - 2 * TIME_EPS_MS);
  const room = dutyMs + 2 * TIME_EPS_MS - turnMs - (hopMs - FLIGHT_TOLERANCE_MS);
  const rest = Math.max(0, restMs - 2 * TIME_EPS_MS);
  if (room < 0) return { crews: crewCount(line), perDuty: 0, spacing, across, rest: restMs, rests: 1 };
  const rests = across - 2 * TIME_EPS_MS > dutyMs + 2 * TIME_EPS_MS ? 2 : 1;
  return { crews: crewCount(line), perDuty: 1 + Math.floor(room / spacing), spacing, across, rest: rests * rest, rests };
}

/**
 * The i-th (from 0) departure of one crew after its first at `first`: `perDuty` a duty period
 * `spacing` apart, then a rest and the way back (`across`) before the next duty period's first.
 */
function crewDeparture(p: CrewPace, first: number, i: number): number {
  if (p.perDuty <= 0) return Infinity;
  const rests = Math.floor(i / p.perDuty);
  return first + (i - rests) * p.spacing + rests * (p.across + p.rest);
}

/** Departures one line's crews can have started by `t`: full duty periods and rests (crewPace). */
function crewStarted(t: number, first: number, p: CrewPace): number {
  if (t < first || p.perDuty <= 0) return 0;
  // one duty period's departures and the rest and the way back after it
  const period = (p.perDuty - 1) * p.spacing + p.across + p.rest;
  const k = Math.floor((t - first) / period);
  return k * p.perDuty + Math.min(p.perDuty, Math.floor((t - first - k * period) / p.spacing) + 1);
}

/** What one site's departures must carry in all (the sorties LP's need over every class). */
export interface SiteLoad {
  kg: number;
  pallets: number;
  floorM2: number;
  people: number;
}

/** The earliest the n-th departure (to another site) from `site` can be, and why. */
export function nthDeparture(scenario: Scenario, site: Site, n: number, readyMs = -Infinity, loadingHours = 0, hopTo: (x: Site) => boolean = () => true, load?: SiteLoad): ClosureArgument | null {
  if (n <= 0) return null;
  const asOf = toMs(scenario.asOf);
  const sites = new Map(scenario.sites.map((s) => [s.id, s]));
  const hours = new SiteHours(site);
  const open = (t: number) => hours.nextOpen(t);
  const tails = fleetTails(scenario)
    .filter((t) => accepts(site, t.line.type) && sites.has(t.line.base))
    .map((t) => {
      const line = t.line;
      const from = Math.max(asOf, line.availableFrom ? toMs(line.availableFrom) : asOf);
      const base = sites.get(line.base)!;
      const turn = line.turnHours * HOUR_MS;
      // It lands at the site (positioning, unless based there) in open hours, then loads.
      const land = base.id === site.id ? from : open(from + flightHours(base, site, line.cruiseKmh) * HOUR_MS - FLIGHT_TOLERANCE_MS);
      const away = scenario.sites.filter((x) => x.id !== site.id && accepts(x, line.type) && hopTo(x));
      const nearest = (xs: Site[]) => Math.min(Infinity, ...xs.map((x) => flightHours(site, x, line.cruiseKmh) * HOUR_MS));
      const hop = nearest(away);
      // A crew changes tails only at a stage (crew.duty): where it lands anywhere else it waits
      // out its tail's turn before flying back, so within a duty period its departures from
      // here are a turn further apart than the tail's round trip to a stage would allow.
      const inDuty = Math.min(2 * nearest(away.filter((x) => x.stage === true)) + turn, 2 * nearest(away.filter((x) => x.stage !== true)) + 2 * turn);
      return { line, lineIndex: t.lineIndex, arrive: land, first: open(land + turn - TIME_EPS_MS), hop, turn, inDuty };
    });
  if (tails.length === 0) return null;
  const candidates: ClosureArgument[] = [];

  // Tails: after a departure the tail lands elsewhere, unloads, flies back and lands here (in
  // open hours), then loads and departs (in open hours). The n-th smallest over all tails; the
  // tails of one line are alike, so each line's departures are one sequence taken c at a time.
  const step = (t: (typeof tails)[number], d: number) => {
    if (!Number.isFinite(t.hop)) return Infinity;
    const land = open(d + 2 * (t.hop - FLIGHT_TOLERANCE_MS) + t.turn - TIME_EPS_MS);
    return open(land + t.turn - TIME_EPS_MS);
  };
  const groups = new Map<number, { t: (typeof tails)[number]; count: number }>();
  for (const t of tails) {
    const g = groups.get(t.lineIndex);
    if (g) g.count++;
    else groups.set(t.lineIndex, { t, count: 1 });
  }
  const seqs = [...groups.values()].map((g) => ({ ...g, at: g.t.first, used: 0 }));
  let nth = -Infinity;
  for (let i = 0; i < n; i++) {
    let k = 0;
    for (let j = 1; j < seqs.length; j++) if (seqs[j].at < seqs[k].at) k = j;
    nth = seqs[k].at;
    if (!Number.isFinite(nth)) break;
    // each of the line's tails departs at this point of the sequence before it moves on
    if (++seqs[k].used === seqs[k].count) {
      seqs[k].used = 0;
      seqs[k].at = step(seqs[k].t, seqs[k].at);
    }
  }
  const fastest = Math.min(...tails.map((t) => 2 * t.hop + 2 * t.turn)) / HOUR_MS;
  const hoursNote = hours.always ? '' : ` inside its hours (${hours.text})`;
  candidates.push({
    site: site.id,
    departures: n,
    at: nth,
    why: Number.isFinite(fastest)
      ? `${tails.length} tails that can land at ${site.id}, each from its base and then at best every ${fastest.toFixed(1)} h${hoursNote}`
      : `${tails.length} tails that can land at ${site.id}, each once`,
  });

  // Crews: each line's crews depart at best every 2 hops and a turn within a duty period, with a
  // rest between duty periods; the n-th smallest over all crews, then into open hours.
  const lines = new Map<number, { pace: CrewPace; first: number }>();
  for (const t of tails) {
    const p = crewPace(t.line, t.hop, t.turn, t.inDuty);
    if (!p) continue;
    const prev = lines.get(t.lineIndex);
    if (!prev || t.first < prev.first) lines.set(t.lineIndex, { pace: p, first: t.first });
  }
  if (lines.size === tails.reduce((s, t) => s.add(t.lineIndex), new Set<number>()).size && lines.size > 0) {
    // the crews of one line are alike: the j-th departure among c of them is a crew's (j / c)-th
    const seqs2 = [...lines.values()].map((l) => ({ ...l, j: 0 }));
    const at0 = (l: (typeof seqs2)[number]) => crewDeparture(l.pace, l.first, Math.floor(l.j / l.pace.crews));
    let at = -Infinity;
    for (let i = 0; i < n; i++) {
      let k = 0;
      for (let j = 1; j < seqs2.length; j++) if (at0(seqs2[j]) < at0(seqs2[k])) k = j;
      at = at0(seqs2[k]);
      if (!Number.isFinite(at)) break;
      seqs2[k].j++;
    }
    const total = seqs2.reduce((a, l) => a + l.pace.crews, 0);
    const sample = seqs2[0].pace;
    candidates.push({
      site: site.id,
      departures: n,
      at: open(at),
      why: `${total} crews, each at best ${sample.perDuty} departure${sample.perDuty === 1 ? '' : 's'} from ${site.id} a duty period, then ${sample.rests === 2 ? `two rests of ${(sample.rest / 2 / HOUR_MS).toFixed(0)} h (the round trip outlasts a duty period)` : `${(sample.rest / HOUR_MS).toFixed(0)} h rest`}`,
    });
  }

  // Capacity: what the site must send leaves on its own departures, so by its last one the
  // departures each line's tails (and crews) can have made carry it all, in payload, pallet
  // positions, floor and seats. Stronger than counting departures where the lines differ in size.
  if (load) {
    const dims: [number, (l: FleetLine) => number][] = [
      [load.kg, (l) => l.aclKg], [load.pallets, (l) => l.palletPositions],
      [load.floorM2, (l) => l.floorLengthM * l.floorWidthM], [load.people, (l) => l.seats],
    ];
    const per = [...groups.values()].map((g) => {
      const crew = crewPace(g.t.line, g.t.hop, g.t.turn, g.t.inDuty);
      return { line: g.t.line, count: g.count, times: [g.t.first], t: g.t, crew, crews: crew ? crewCount(g.t.line) : 0 };
    });
    const made = (l: (typeof per)[number], at: number) => {
      // the line's tails depart together at each point of their sequence (the tails argument)
      while (l.times.length < 1_000_000 && l.times[l.times.length - 1] <= at && Number.isFinite(l.times[l.times.length - 1])) {
        l.times.push(step(l.t, l.times[l.times.length - 1]));
      }
      let k = 0;
      while (k < l.times.length && l.times[k] <= at) k++;
      const byTails = l.count * k;
      return l.crew ? Math.min(byTails, l.crews * crewStarted(at, l.t.first, l.crew)) : byTails;
    };
    const enough = (at: number) => dims.every(([need, cap]) => !(need > 0) || per.reduce((a, l) => a + cap(l.line) * made(l, at), 0) >= need - 1e-9);
    let lo = Math.min(...per.map((l) => l.t.first)) - 1;
    let hi = lo + DAY_MS;
    while (!enough(hi) && hi - lo < 1e5 * DAY_MS) hi = lo + 2 * (hi - lo);
    if (enough(hi)) {
      while (hi - lo > 1) {
        const mid = Math.floor((lo + hi) / 2);
        if (enough(mid)) hi = mid;
        else lo = mid;
      }
      candidates.push({
        site: site.id, departures: n, at: open(hi),
        why: `what ${site.id} must send (${Math.round(load.kg)} kg, ${load.pallets} pallets, ${load.people} people) fills the departures ${tails.length} tails can make from it by then, each at best every round trip${hoursNote}${per.some((l) => l.crew) ? ', their crews resting between duty periods' : ''}`,
      });
    }
  }

  // Departures per UTC day, counted from the day of the earliest possible first departure, on
  // days with open hours left.
  const first = Math.min(...tails.map((t) => t.first));
  if (site.maxDeparturesPerDay !== undefined && site.maxDeparturesPerDay > 0 && Number.isFinite(first)) {
    let left = n;
    let day = Math.floor(first / DAY_MS) * DAY_MS;
    let at = first;
    for (let guard = 0; guard < 200_000 && left > 0; guard++, day += DAY_MS) {
      const start = Math.max(first, day);
      const o = open(start);
      if (!(o < day + DAY_MS)) continue;
      at = o;
      left -= site.maxDeparturesPerDay;
    }
    candidates.push({ site: site.id, departures: n, at, why: `${site.maxDeparturesPerDay} departures a day from ${site.id}${hoursNote}, the first at best ${toIso(first)}` });
  }

  // mog: each departure holds a place on the ground for a turn before it; with mog places the
  // loadings form mog chains, one of which holds ceil(n / mog) of them after the first arrival,
  // each departure inside the hours.
  if (site.mog !== undefined && site.mog > 0) {
    const arrive = Math.min(...tails.map((t) => t.arrive));
    const turn = Math.min(...tails.map((t) => t.turn)) - TIME_EPS_MS;
    const chain = Math.ceil(n / site.mog);
    let d = arrive + chain * turn;
    if (!hours.always) {
      d = open(arrive + turn);
      for (let i = 1; i < chain && Number.isFinite(d); i++) d = open(d + turn);
    }
    candidates.push({
      site: site.id,
      departures: n,
      at: d,
      why: `mog ${site.mog} at ${site.id}: ${chain} loadings of at least ${(turn / HOUR_MS).toFixed(2)} h in a row after the first arrival${hoursNote}`,
    });
    // Loading time: the site's sorties hold the ground at least `loadingHours` in all (the LP
    // over classes, each sortie its turn), one chain at least a mog-th of it. The loadings of the
    // departures inside one opening lie within it and at most the longest turn before it, and
    // never overlap the previous opening's: the chain ends no earlier than the instant the room
    // so counted from the first arrival reaches its share.
    const share = (loadingHours * HOUR_MS) / site.mog - TIME_EPS_MS;
    if (share > 0) {
      const longest = Math.max(...tails.map((t) => t.turn));
      let at = Infinity;
      if (hours.always) at = arrive + share;
      else {
        let got = 0;
        let prevEnd = arrive;
        for (let day = 0; day < 100_000 && at === Infinity; day += 7) {
          for (const [o, c] of hours.openWithin(arrive + day * DAY_MS, arrive + (day + 7) * DAY_MS)) {
            const from = Math.max(o - longest, prevEnd, arrive);
            if (c > from && got + (c - from) >= share) {
              at = Math.max(o, from + (share - got));
              break;
            }
            if (c > from) got += c - from;
            prevEnd = Math.max(prevEnd, c);
          }
        }
      }
      candidates.push({
        site: site.id,
        departures: n,
        at,
        why: `mog ${site.mog} at ${site.id}: its departures hold the ground for at least ${loadingHours.toFixed(1)} h of loading (a turn each), ${(share / HOUR_MS).toFixed(1)} h in a row after the first arrival${hoursNote}`,
      });
    }
  }

  // Cargo not ready before readyFrom: the last unit of the site departs after it.
  if (readyMs > -Infinity) {
    candidates.push({ site: site.id, departures: n, at: open(readyMs - TIME_EPS_MS), why: `cargo at ${site.id} is ready only from ${toIso(readyMs)}` });
  }
  const finite = candidates.filter((c) => Number.isFinite(c.at));
  return finite.length ? finite.reduce((a, b) => (b.at > a.at ? b : a)) : null;
}

/** What all deliveries together must carry, per capacity; `cap` reads a fleet line's capacity. */
export interface DeliveryNeed {
  label: string;
  need: number;
  cap: (line: FleetLine) => number;
}

/**
 * Deliveries: when only origin sites must be emptied (no hub in a country with an agreement),
 * every unit and person first reaches a place where it may stay on a sortie that leaves an origin,
 * so by the closure the tails' delivery sorties carry everything. Between two deliveries a tail
 * flies origin -> terminal, unloads, flies back to an origin and loads; each delivery also needs
 * a crew, which keeps its duty periods and rests (crewPace).
 */
export function deliveryBound(scenario: Scenario, terminals: readonly Site[], needs: readonly DeliveryNeed[], straightHome = false): ClosureArgument | null {
  const origins = scenario.sites.filter((s) => s.role === 'origin');
  const agreements = new Set(scenario.agreements.map((a) => a.country));
  // A transit hub lets cargo leave an origin before it is delivered; straight home, none is used.
  if (!straightHome && scenario.sites.some((s) => s.role === 'hub' && agreements.has(s.country))) return null;
  if (!needs.some((n) => n.need > 0)) return null;
  const asOf = toMs(scenario.asOf);
  const sites = new Map(scenario.sites.map((s) => [s.id, s]));
  const perLine = new Map<number, { line: FleetLine; first: number; cycle: number; tails: number; crew: CrewPace | null }>();
  for (const t of fleetTails(scenario)) {
    const line = t.line;
    const base = sites.get(line.base);
    const from = origins.filter((o) => accepts(o, line.type));
    const to = terminals.filter((x) => accepts(x, line.type));
    if (!base || from.length === 0 || to.length === 0) continue;
    const prev = perLine.get(t.lineIndex);
    if (prev) {
      prev.tails++;
      continue;
    }
    const avail = Math.max(asOf, line.availableFrom ? toMs(line.availableFrom) : asOf);
    const turn = line.turnHours * HOUR_MS;
    const first = avail + Math.min(...from.map((o) => flightHours(base, o, line.cruiseKmh))) * HOUR_MS + turn - TIME_EPS_MS;
    const nearest = (xs: Site[]) => Math.min(Infinity, ...from.flatMap((o) => xs.map((x) => flightHours(o, x, line.cruiseKmh)))) * HOUR_MS;
    const hop = nearest(to);
    const cycle = Math.max(1, 2 * hop + 2 * turn - 2 * FLIGHT_TOLERANCE_MS);
    // a crew waits out its tail's turn at a terminal that is no stage (as in nthDeparture)
    const inDuty = Math.min(2 * nearest(to.filter((x) => x.stage === true)) + turn, 2 * nearest(to.filter((x) => x.stage !== true)) + 2 * turn);
    perLine.set(t.lineIndex, { line, first, cycle, tails: 1, crew: crewPace(line, hop, turn, inDuty) });
  }
  const lines = [...perLine.values()];
  if (lines.length === 0) return null;
  const started = (t: number, first: number, cycle: number) => (t < first ? 0 : Math.floor((t - first) / cycle) + 1);
  // Each delivery needs a tail and a crew, so both must have started enough by the closure.
  const count = (t: number, l: (typeof lines)[number]) => {
    const byTails = l.tails * started(t, l.first, l.cycle);
    return l.crew ? Math.min(byTails, l.crew.crews * crewStarted(t, l.first, l.crew)) : byTails;
  };
  const enough = (t: number) => needs.every((n) => n.need <= 0 || lines.reduce((a, l) => a + count(t, l) * n.cap(l.line), 0) >= n.need - 1e-9);
  let lo = Math.min(...lines.map((l) => l.first));
  if (enough(lo)) return null;
  let hi = lo + DAY_MS;
  while (!enough(hi)) {
    if (hi - lo > 1e5 * DAY_MS) return null; // some need no tail can carry
    hi = lo + 2 * (hi - lo);
  }
  while (hi - lo > 1) {
    const mid = Math.floor((lo + hi) / 2);
    if (enough(mid)) hi = mid;
    else lo = mid;
  }
  // The count only grows at an instant some tail or crew can start a delivery: snap back to it.
  const at = hi;
  const binding = needs.filter((n) => n.need > 0 && !enough(at - 1)).map((n) => n.label)[0] ?? needs[0].label;
  const crewed = lines.some((l) => l.crew && l.crew.crews * crewStarted(at, l.first, l.crew) < l.tails * started(at, l.first, l.cycle));
  return {
    site: 'all origins',
    departures: 0,
    at,
    why: `deliveries by ${lines.reduce((a, l) => a + l.tails, 0)} tails, each cycling at best origin-terminal-origin${crewed ? ' with its crews resting between duty periods' : ''}, must carry the ${binding}`,
  };
}

export function closureBound(
  scenario: Scenario,
  perSite: readonly { site: string; value: number }[],
  delivery: ClosureArgument | null = null,
  readyBySite: ReadonlyMap<string, number> = new Map(),
  loadingBySite: ReadonlyMap<string, number> = new Map(),
  hopTo: (x: Site) => boolean = () => true,
  loadBySite: ReadonlyMap<string, SiteLoad> = new Map(),
): Bound & { value: string | null } {
  const sites = new Map(scenario.sites.map((s) => [s.id, s]));
  let best: ClosureArgument | null = delivery && Number.isFinite(delivery.at) ? delivery : null;
  for (const { site, value } of perSite) {
    const arg = nthDeparture(scenario, sites.get(site)!, value, readyBySite.get(site) ?? -Infinity, loadingBySite.get(site) ?? 0, hopTo, loadBySite.get(site));
    if (arg && Number.isFinite(arg.at) && (!best || arg.at > best.at)) best = arg;
  }
  if (!best) return { value: null, basis: 'nothing needs to leave an origin site' };
  if (best.departures === 0) return { value: toIso(Math.floor(best.at / 1000) * 1000), basis: best.why };
  return {
    value: toIso(Math.floor(best.at / 1000) * 1000),
    basis: `departure ${best.departures} of at least ${best.departures} from ${best.site}: ${best.why}`,
  };
}
