// Where cargo goes from each site by each fleet line: straight to the nearest destination whose
// runway takes the type, or, when no type serving an origin reaches any destination, to the
// nearest hub from which some type does.

import type { Scenario, Site } from '../../model/index.ts';
import { deadlineEndMs, greatCircleKm } from '../../model/index.ts';
import { accepts } from '../shared/capability.ts';

/** The end of the last day the site may still fly cargo out: its country's agreement or its handover. */
export function siteDueMs(scenario: Scenario, s: Site): number {
  let due = Infinity;
  for (const a of scenario.agreements) if (a.country === s.country) due = Math.min(due, deadlineEndMs(a.deadline));
  if (s.handoverBy) due = Math.min(due, deadlineEndMs(s.handoverBy));
  return due;
}

export interface Network {
  sites: Site[];
  index: Map<string, number>;
  km(a: number, b: number): number;
  /** site index -> fleet line index -> next stop (a destination, or a hub for origins) */
  routes: Map<number, Map<number, number>>;
  /** hub index -> origin indices that send cargo through it */
  feeders: Map<number, number[]>;
  /**
   * origin index -> fleet line index -> a hub the line may feed instead of flying its direct
   * route: closer than the direct stop, with a bigger line flying on from it. A short shuttle
   * lets a few small tails empty their site sooner, for the price of the onward legs.
   */
  hubOptions: Map<number, Map<number, number>>;
  /**
   * origin index -> fleet line index -> another origin the line may relay its cargo through
   * instead: closer than the direct stop, with a bigger line flying straight on from it (the
   * intra-theatre leg to a strategic airhead). Cargo only: people fly straight home.
   */
  relayOptions: Map<number, Map<number, number>>;
}

export function buildNetwork(scenario: Scenario): Network {
  const sites = scenario.sites;
  const n = sites.length;
  const index = new Map(sites.map((s, i) => [s.id, i]));
  const dist = new Float64Array(n * n);
  for (let a = 0; a < n; a++) for (let b = a + 1; b < n; b++) {
    dist[a * n + b] = dist[b * n + a] = greatCircleKm(sites[a], sites[b]);
  }
  const km = (a: number, b: number) => dist[a * n + b];
  const lines = scenario.aircraft;

  const nearest = (from: number, role: Site['role'], type: string, ok: (i: number) => boolean = () => true) => {
    let best = -1;
    for (let i = 0; i < n; i++) {
      if (i === from || sites[i].role !== role || !accepts(sites[i], type) || !ok(i)) continue;
      if (best < 0 || km(from, i) < km(from, best)) best = i;
    }
    return best;
  };

  const routes = new Map<number, Map<number, number>>();
  const direct = (site: number) => {
    const m = new Map<number, number>();
    lines.forEach((line, li) => {
      if (!accepts(sites[site], line.type)) return;
      const d = nearest(site, 'destination', line.type);
      if (d >= 0) m.set(li, d);
    });
    return m;
  };
  const hubsOut = new Set<number>();
  for (let i = 0; i < n; i++) {
    if (sites[i].role !== 'hub') continue;
    const m = direct(i);
    routes.set(i, m);
    if (m.size > 0) hubsOut.add(i);
  }
  const feeders = new Map<number, number[]>();
  for (let i = 0; i < n; i++) {
    if (sites[i].role !== 'origin') continue;
    let m = direct(i);
    if (m.size === 0) {
      lines.forEach((line, li) => {
        if (!accepts(sites[i], line.type)) return;
        const h = nearest(i, 'hub', line.type, (j) => hubsOut.has(j));
        if (h < 0) return;
        m.set(li, h);
        const f = feeders.get(h) ?? [];
        if (!f.includes(i)) f.push(i);
        feeders.set(h, f);
      });
    }
    routes.set(i, m);
  }
  // A stop nearer than home from which a line bigger than `li` flies straight home: a hub (its
  // lines all do), or another origin served directly (a relay; never onto a relay).
  const biggerHome = (j: number, li: number) =>
    [...(routes.get(j) ?? [])].some(([o, to]) => lines[o].aclKg > lines[li].aclKg && sites[to].role === 'destination');
  const hubOptions = new Map<number, Map<number, number>>();
  const relayOptions = new Map<number, Map<number, number>>();
  for (let i = 0; i < n; i++) {
    if (sites[i].role !== 'origin') continue;
    // an origin routed through a hub already has no direct route to weigh against
    if ([...routes.get(i)!.values()].some((to) => sites[to].role === 'hub')) continue;
    const viaHub = new Map<number, number>();
    const viaOrigin = new Map<number, number>();
    for (const [li, d] of routes.get(i)!) {
      const type = lines[li].type;
      const h = nearest(i, 'hub', type, (j) => biggerHome(j, li));
      if (h >= 0 && km(i, h) < km(i, d)) viaHub.set(li, h);
      const o = nearest(i, 'origin', type, (j) => biggerHome(j, li));
      if (o >= 0 && km(i, o) < km(i, d)) viaOrigin.set(li, o);
    }
    if (viaHub.size > 0) hubOptions.set(i, viaHub);
    if (viaOrigin.size > 0) relayOptions.set(i, viaOrigin);
  }
  return { sites, index, km, routes, feeders, hubOptions, relayOptions };
}
