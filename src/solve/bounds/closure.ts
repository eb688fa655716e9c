// Lower bound on the closure: the last departure from an origin site is no earlier than the n-th
// departure from any one site, n being that site's sortie bound. Three separate limits on the
// n-th departure, each proven under docs/rules.md (tail.availability, tail.continuity,
// airfield.mog, airfield.departures); the bound is the latest of them over all sites.

import type { Bound, Scenario, Site } from '../../model/index.ts';
import { DAY_MS, HOUR_MS, TIME_EPS_MS, fleetTails, flightHours, toIso, toMs } from '../../model/index.ts';
import { accepts } from './demand.ts';

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

export function closureBound(scenario: Scenario, perSite: readonly { site: string; value: number }[]): Bound & { value: string | null } {
  const sites = new Map(scenario.sites.map((s) => [s.id, s]));
  let best: ClosureArgument | null = null;
  for (const { site, value } of perSite) {
    const arg = nthDeparture(scenario, sites.get(site)!, value);
    if (arg && Number.isFinite(arg.at) && (!best || arg.at > best.at)) best = arg;
  }
  if (!best) return { value: null, basis: 'nothing needs to leave an origin site' };
  return {
    value: toIso(Math.floor(best.at / 1000) * 1000),
    basis: `departure ${best.departures} of at least ${best.departures} from ${best.site}: ${best.why}`,
  };
}
