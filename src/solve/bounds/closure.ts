// Lower bound on the closure: the last departure from an origin site is no earlier than the n-th
// departure from any one site, n being that site's sortie bound. Three separate limits on the
// n-th departure, each proven under docs/rules.md (tail.availability, tail.continuity,
// airfield.mog, airfield.departures); the bound is the latest of them over all sites.

import type { Bound, FleetLine, Scenario, Site } from '../../model/index.ts';
import { DAY_MS, HOUR_MS, TIME_EPS_MS, fleetTails, flightHours, toIso, toMs } from '../../model/index.ts';
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

/** The earliest the n-th departure (to another site) from `site` can be, and why. */
export function nthDeparture(scenario: Scenario, site: Site, n: number): ClosureArgument | null {
  if (n <= 0) return null;
  const asOf = toMs(scenario.asOf);
  const sites = new Map(scenario.sites.map((s) => [s.id, s]));
  const tails = fleetTails(scenario)
    .filter((t) => accepts(site, t.line.type) && sites.has(t.line.base))
    .map((t) => {
      const line = t.line;
      const from = Math.max(asOf, line.availableFrom ? toMs(line.availableFrom) : asOf);
      const arrive = from + flightHours(sites.get(line.base)!, site, line.cruiseKmh) * HOUR_MS;
      // Out to the nearest other runway that takes the type, unload, back, load: the least
      // time between two departures of one tail from this site.
      const hops = scenario.sites
        .filter((x) => x.id !== site.id && accepts(x, line.type))
        .map((x) => flightHours(site, x, line.cruiseKmh));
      const cycle = hops.length ? (2 * Math.min(...hops) + 2 * line.turnHours) * HOUR_MS - 2 * FLIGHT_TOLERANCE_MS : Infinity;
      return { arrive, first: arrive + line.turnHours * HOUR_MS - TIME_EPS_MS, cycle, turn: line.turnHours * HOUR_MS };
    });
  if (tails.length === 0) return null;
  const candidates: ClosureArgument[] = [];

  // Tails: the n-th smallest of first + j x cycle over all tails that can land here.
  const next = tails.map((t) => t.first);
  let nth = -Infinity;
  for (let i = 0; i < n; i++) {
    let k = 0;
    for (let j = 1; j < next.length; j++) if (next[j] < next[k]) k = j;
    nth = next[k];
    if (!Number.isFinite(nth)) break;
    next[k] += tails[k].cycle;
  }
  const fastest = Math.min(...tails.map((t) => t.cycle)) / HOUR_MS;
  candidates.push({
    site: site.id,
    departures: n,
    at: nth,
    why: Number.isFinite(fastest)
      ? `${tails.length} tails that can land at ${site.id}, each from its base and then at best every ${fastest.toFixed(1)} h`
      : `${tails.length} tails that can land at ${site.id}, each once`,
  });

  // Departures per UTC day, counted from the day of the earliest possible first departure.
  const first = Math.min(...tails.map((t) => t.first));
  if (site.maxDeparturesPerDay !== undefined && site.maxDeparturesPerDay > 0) {
    const day = Math.floor(first / DAY_MS) * DAY_MS + (Math.ceil(n / site.maxDeparturesPerDay) - 1) * DAY_MS;
    candidates.push({ site: site.id, departures: n, at: Math.max(first, day), why: `${site.maxDeparturesPerDay} departures a day from ${site.id}, the first at best ${toIso(first)}` });
  }

  // mog: each departure holds a place on the ground for a turn before it; with mog places the
  // loadings form mog chains, one of which holds ceil(n / mog) of them after the first arrival.
  if (site.mog !== undefined && site.mog > 0) {
    const arrive = Math.min(...tails.map((t) => t.arrive));
    const turn = Math.min(...tails.map((t) => t.turn));
    candidates.push({
      site: site.id,
      departures: n,
      at: arrive + Math.ceil(n / site.mog) * (turn - TIME_EPS_MS),
      why: `mog ${site.mog} at ${site.id}: ${Math.ceil(n / site.mog)} loadings of at least ${(turn / HOUR_MS).toFixed(2)} h in a row after the first arrival`,
    });
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
 * flies origin -> terminal, unloads, flies back to an origin and loads.
 */
export function deliveryBound(scenario: Scenario, terminals: readonly Site[], needs: readonly DeliveryNeed[]): ClosureArgument | null {
  const origins = scenario.sites.filter((s) => s.role === 'origin');
  const agreements = new Set(scenario.agreements.map((a) => a.country));
  if (scenario.sites.some((s) => s.role === 'hub' && agreements.has(s.country))) return null;
  if (!needs.some((n) => n.need > 0)) return null;
  const asOf = toMs(scenario.asOf);
  const sites = new Map(scenario.sites.map((s) => [s.id, s]));
  const tails = fleetTails(scenario).flatMap((t) => {
    const line = t.line;
    const base = sites.get(line.base);
    const from = origins.filter((o) => accepts(o, line.type));
    const to = terminals.filter((x) => accepts(x, line.type));
    if (!base || from.length === 0 || to.length === 0) return [];
    const avail = Math.max(asOf, line.availableFrom ? toMs(line.availableFrom) : asOf);
    const first = avail + Math.min(...from.map((o) => flightHours(base, o, line.cruiseKmh))) * HOUR_MS + line.turnHours * HOUR_MS - TIME_EPS_MS;
    const hop = Math.min(...from.flatMap((o) => to.map((x) => flightHours(o, x, line.cruiseKmh))));
    const cycle = Math.max(1, (2 * hop + 2 * line.turnHours) * HOUR_MS - 2 * FLIGHT_TOLERANCE_MS);
    return [{ line, first, cycle }];
  });
  if (tails.length === 0) return null;
  const started = (t: number, k: (typeof tails)[number]) => (t < k.first ? 0 : Math.floor((t - k.first) / k.cycle) + 1);
  const enough = (t: number) => needs.every((n) => n.need <= 0 || tails.reduce((a, k) => a + started(t, k) * n.cap(k.line), 0) >= n.need - 1e-9);
  let lo = Math.min(...tails.map((k) => k.first));
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
  // The capacity only grows when a tail can start a delivery: the answer is such an instant.
  const at = Math.max(...tails.filter((k) => k.first <= hi).map((k) => k.first + Math.floor((hi - k.first) / k.cycle) * k.cycle));
  const binding = needs.filter((n) => n.need > 0 && !enough(at - 1)).map((n) => n.label)[0] ?? needs[0].label;
  return {
    site: 'all origins',
    departures: 0,
    at,
    why: `deliveries by ${tails.length} tails, each cycling at best origin-terminal-origin, must carry the ${binding}`,
  };
}

export function closureBound(
  scenario: Scenario,
  perSite: readonly { site: string; value: number }[],
  delivery: ClosureArgument | null = null,
): Bound & { value: string | null } {
  const sites = new Map(scenario.sites.map((s) => [s.id, s]));
  let best: ClosureArgument | null = delivery && Number.isFinite(delivery.at) ? delivery : null;
  for (const { site, value } of perSite) {
    const arg = nthDeparture(scenario, sites.get(site)!, value);
    if (arg && Number.isFinite(arg.at) && (!best || arg.at > best.at)) best = arg;
  }
  if (!best) return { value: null, basis: 'nothing needs to leave an origin site' };
  if (best.departures === 0) return { value: toIso(Math.floor(best.at / 1000) * 1000), basis: best.why };
  return {
    value: toIso(Math.floor(best.at / 1000) * 1000),
    basis: `departure ${best.departures} of at least ${best.departures} from ${best.site}: ${best.why}`,
  };
}
