// Proven lower bounds on the sorties and on the closure time of any plan that moves the same
// retrograde units and people (the dispositions fixed) under docs/rules.md. Formulations and
// proofs: docs/bounds.md.

import type { Bound, Scenario, Site } from '../../model/index.ts';
import { toMs } from '../../model/index.ts';
import { closureBound, deliveryBound } from './closure.ts';
import { accepts } from '../shared/capability.ts';
import { aircraftClasses, siteNeeds, type SiteNeeds } from './demand.ts';
import { minLoadingHours, onwardLegs, siteSortieBound } from './sorties.ts';

export interface SiteDemand {
  site: string;
  sortiesLowerBound: number;
  binding: string;
}

export interface PlanBounds {
  sorties: Bound & { value: number };
  closure: Bound & { value: string | null };
  perSite: SiteDemand[];
}

/**
 * Sorties: per origin site, an LP over aircraft classes (payload, pallet positions, floor area,
 * seats, by which classes each unit fits), rounded up, summed over sites since each sortie leaves
 * one site; plus onward legs for cargo no aircraft can take from its site straight to a place it
 * may stay. Closure: the latest, over sites, of the earliest time that site's bounded number of
 * departures can happen (tails, mog, departures per day).
 */
export interface BoundOptions {
  /**
   * Bounds for the plans whose every sortie from an origin lands at a destination (no hub, no
   * other origin on the way): the closure then counts each departure's leg to a destination.
   * Not a bound on every plan (shuttles can close sooner), but on plans that fly straight home,
   * such as one the scheduler gives when no deadline is at risk: evidence for the benchmarks of
   * how much of a closure gap that choice explains.
   */
  straightHome?: boolean;
  /**
   * Bounds for the plans whose sorties from an origin never land at another origin (hubs and
   * destinations only): relays through a neighbouring origin, which the scheduler flies only for
   * a late site, are then not counted. Evidence for the benchmarks, like straightHome; not a
   * bound on every plan.
   */
  noOriginRelay?: boolean;
}

export function computeBounds(scenario: Scenario, retrograde: ReadonlyMap<string, number>, options: BoundOptions = {}): PlanBounds {
  const people = new Map<string, number>();
  for (const p of scenario.personnel) people.set(p.site, (people.get(p.site) ?? 0) + p.count);
  const itemsAt = new Map<string, typeof scenario.items>();
  for (const item of scenario.items) {
    const list = itemsAt.get(item.site);
    if (list) list.push(item);
    else itemsAt.set(item.site, [item]);
  }
  const agreementCountries = new Set(scenario.agreements.map((a) => a.country));
  // Where cargo and people may end: destinations, and hubs outside countries with an agreement.
  const terminals = scenario.sites.filter(
    (s) => s.role === 'destination' || (!options.straightHome && s.role === 'hub' && !agreementCountries.has(s.country)),
  );

  const needs: SiteNeeds[] = [];
  const twoLegs = new Set<string>();
  for (const site of scenario.sites.filter((s) => s.role === 'origin')) {
    const n = siteNeeds(scenario, site, itemsAt.get(site.id) ?? [], retrograde, people.get(site.id) ?? 0);
    needs.push(n);
    const direct = n.classes.some((c) => c.lines.some((l) => terminals.some((t) => t.id !== site.id && accepts(t, l.type))));
    if (!direct && n.bySubset.size > 0) twoLegs.add(site.id);
  }
  const bounds = needs.map(siteSortieBound);
  const onward = onwardLegs(needs, bounds, twoLegs, aircraftClasses(scenario.aircraft));
  const total = bounds.reduce((a, b) => a + b.value, 0) + onward;
  const perSite: SiteDemand[] = bounds.map((b) => ({ site: b.site, sortiesLowerBound: b.value, binding: b.binding }));
  const parts = bounds.filter((b) => b.value > 0).map((b) => `${b.site} ${b.value} by ${b.binding}`);
  const basis =
    `sum over origin sites (${parts.join('; ') || 'nothing to move'})` +
    (onward > 0 ? `, plus ${onward} onward legs for what ${[...twoLegs].join(', ')} cannot fly straight to where it may stay` : '');
  const needed = (dim: 'kg' | 'pallets' | 'floorM2' | 'people') =>
    needs.reduce((a, n) => a + (n.bySubset.get(n.all)?.[dim] ?? 0), 0);
  const delivery = deliveryBound(scenario, terminals, [
    { label: `${Math.round(needed('kg'))} kg of payload`, need: needed('kg'), cap: (l) => l.aclKg },
    { label: `${needed('pallets')} pallets`, need: needed('pallets'), cap: (l) => l.palletPositions },
    { label: `${Math.round(needed('floorM2'))} m² of floor`, need: needed('floorM2'), cap: (l) => l.floorLengthM * l.floorWidthM },
    { label: `${needed('people')} people`, need: needed('people'), cap: (l) => l.seats },
  ], options.straightHome);
  // The last unit of a site to become ready (item.ready) departs after its readyFrom.
  const readyBySite = new Map<string, number>();
  for (const item of scenario.items) {
    if (item.readyFrom === undefined || !((retrograde.get(item.id) ?? 0) > 0)) continue;
    readyBySite.set(item.site, Math.max(readyBySite.get(item.site) ?? -Infinity, toMs(item.readyFrom)));
  }
  // The least loading time each site's departures hold the ground for (the mog argument).
  const loadingBySite = new Map(needs.filter((n) => n.site.mog !== undefined).map((n) => [n.site.id, minLoadingHours(n)]));
  return {
    sorties: { value: total, basis },
    closure: closureBound(scenario, bounds, delivery, readyBySite, loadingBySite, hopsTo(options),
      new Map(needs.filter((n) => n.bySubset.has(n.all)).map((n) => [n.site.id, n.bySubset.get(n.all)!]))),
    perSite,
  };
}

/** Where a departure from an origin may land first, for the plans the options bound. */
function hopsTo(options: BoundOptions): ((x: Site) => boolean) | undefined {
  if (options.straightHome) return (x) => x.role === 'destination';
  if (options.noOriginRelay) return (x) => x.role !== 'origin';
  return undefined;
}
