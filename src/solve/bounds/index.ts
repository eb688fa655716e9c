// Proven lower bounds on the sorties and on the closure time of any plan that moves the same
// cargo and people (the dispositions fixed). Formulation and proofs: docs/bounds.md.

import type { Bound, FleetLine, Item, PalletType, Scenario, Site } from '../../model/index.ts';
import { DAY_MS, HOUR_MS, fleetTails, flightHours, toIso, toMs } from '../../model/index.ts';

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

function accepts(site: Site, type: string): boolean {
  return !site.accepts || site.accepts.includes(type);
}

function fitsPallet(item: Item, pt: PalletType): boolean {
  if (item.unitWeightKg > pt.maxGrossKg - pt.tareKg) return false;
  const dims = [item.lengthM, item.widthM, item.heightM];
  const orientations: [number, number, number][] = item.tiltable
    ? [[0, 1, 2], [1, 0, 2], [0, 2, 1], [2, 0, 1], [1, 2, 0], [2, 1, 0]]
    : [[0, 1, 2], [1, 0, 2]];
  return orientations.some(
    ([a, b, c]) => dims[a] <= pt.usableLengthM && dims[b] <= pt.usableWidthM && dims[c] <= pt.maxHeightM,
  );
}

/**
 * Lower bounds for a fixed set of retrograde units. Sorties: per origin site, the strongest of
 * weight (cargo without pallet tare, plus passengers), pallet positions and floor area, summed
 * over sites because every sortie leaves one site; plus the legs out of hubs for cargo that no
 * type can fly directly. Closure: per site, the n-th departure is limited by when the first
 * tail can arrive, by tails x cycle time, by mog x turn time and by departures per day.
 */
export function computeBounds(scenario: Scenario, retrograde: ReadonlyMap<string, number>): PlanBounds {
  const sites = new Map(scenario.sites.map((s) => [s.id, s]));
  const destinations = scenario.sites.filter((s) => s.role === 'destination');
  const hubs = scenario.sites.filter((s) => s.role === 'hub');
  const people = new Map<string, number>();
  for (const p of scenario.personnel) people.set(p.site, (people.get(p.site) ?? 0) + p.count);

  const perSite: SiteDemand[] = [];
  let viaHubKg = 0;
  let viaHubPeople = 0;
  let total = 0;
  for (const site of scenario.sites.filter((s) => s.role === 'origin')) {
    const lines = scenario.aircraft.filter((l) => accepts(site, l.type));
    const direct = lines.some((l) => destinations.some((d) => accepts(d, l.type)));
    const d = siteDemand(scenario, site, lines, retrograde, people.get(site.id) ?? 0);
    if (!direct) {
      viaHubKg += d.kg;
      viaHubPeople += people.get(site.id) ?? 0;
    }
    perSite.push({ site: site.id, sortiesLowerBound: d.n, binding: d.binding });
    total += d.n;
  }
  let hubLegs = 0;
  if (viaHubKg > 0 || viaHubPeople > 0) {
    const hubLines = scenario.aircraft.filter((l) => hubs.some((h) => accepts(h, l.type)));
    const acl = Math.max(0, ...hubLines.map((l) => l.aclKg));
    if (acl > 0) hubLegs = Math.ceil((viaHubKg + viaHubPeople * scenario.policy.passengerKg) / acl - 1e-9);
    total += hubLegs;
  }
  const basis =
    `sum over origin sites of the binding limit (${perSite
      .filter((s) => s.sortiesLowerBound > 0)
      .map((s) => `${s.site} ${s.sortiesLowerBound} by ${s.binding}`)
      .join(', ')})` + (hubLegs ? ` plus ${hubLegs} onward legs from hubs by weight` : '');
  const closure = closureBound(scenario, sites, perSite);
  return { sorties: { value: total, basis }, closure, perSite };
}

function siteDemand(
  scenario: Scenario,
  site: Site,
  lines: FleetLine[],
  retrograde: ReadonlyMap<string, number>,
  people: number,
): { n: number; kg: number; binding: string } {
  let cargoKg = 0;
  let palletKg = 0;
  let palletVolume = 0;
  let floorArea = 0;
  for (const item of scenario.items) {
    if (item.site !== site.id) continue;
    const q = retrograde.get(item.id) ?? 0;
    if (q === 0) continue;
    cargoKg += q * item.unitWeightKg;
    const palletable = item.kind === 'cargo' && scenario.palletTypes.some((pt) => fitsPallet(item, pt));
    if (palletable) {
      palletKg += q * item.unitWeightKg;
      palletVolume += q * item.lengthM * item.widthM * item.heightM;
    } else {
      // On the floor it stands on its smallest face at best.
      const [a, b] = [item.lengthM, item.widthM, item.heightM].sort((x, y) => x - y);
      floorArea += q * (item.tiltable ? a * b : item.lengthM * item.widthM);
    }
  }
  if (cargoKg === 0 && people === 0) return { n: 0, kg: 0, binding: 'nothing to move' };
  if (lines.length === 0) return { n: 0, kg: cargoKg, binding: 'no aircraft can land' };
  const maxAcl = Math.max(...lines.map((l) => l.aclKg));
  const maxSeats = Math.max(...lines.map((l) => l.seats));
  const maxPositions = Math.max(...lines.map((l) => l.palletPositions));
  const maxFloor = Math.max(...lines.map((l) => l.floorLengthM * l.floorWidthM));
  const maxPalletNet = Math.max(...scenario.palletTypes.map((p) => p.maxGrossKg - p.tareKg));
  const maxPalletVolume = Math.max(...scenario.palletTypes.map((p) => p.usableLengthM * p.usableWidthM * p.maxHeightM));
  const minPallets = Math.max(ceil(palletKg / maxPalletNet), ceil(palletVolume / maxPalletVolume));
  const minPalletArea = Math.min(...scenario.palletTypes.map((p) => p.footprintLengthM * p.footprintWidthM));
  const candidates: [number, string][] = [
    [ceil((cargoKg + people * scenario.policy.passengerKg) / maxAcl), 'payload weight'],
    [maxSeats > 0 ? ceil(people / maxSeats) : 0, 'seats'],
    [maxPositions > 0 ? ceil(minPallets / maxPositions) : 0, `pallet positions (at least ${minPallets} pallets)`],
    [ceil((floorArea + minPallets * minPalletArea) / maxFloor), 'floor area'],
  ];
  const [n, binding] = candidates.reduce((best, c) => (c[0] > best[0] ? c : best));
  return { n, kg: cargoKg + 0, binding };
}

function ceil(x: number): number {
  return Math.ceil(x - 1e-9);
}

function closureBound(scenario: Scenario, sites: Map<string, Site>, perSite: SiteDemand[]): Bound & { value: string | null } {
  const asOf = toMs(scenario.asOf);
  const tails = fleetTails(scenario);
  let best = -Infinity;
  let why = '';
  for (const demand of perSite) {
    const n = demand.sortiesLowerBound;
    const site = sites.get(demand.site)!;
    if (n === 0) continue;
    const serving = tails.filter((t) => accepts(site, t.line.type));
    if (serving.length === 0) continue;
    let firstArrival = Infinity; // earliest a tail can be on the ground at the site
    let minTurn = Infinity;
    let minCycle = Infinity;
    for (const t of serving) {
      const base = sites.get(t.line.base);
      if (!base) continue;
      const from = Math.max(asOf, t.line.availableFrom ? toMs(t.line.availableFrom) : asOf);
      firstArrival = Math.min(firstArrival, from + flightHours(base, site, t.line.cruiseKmh) * HOUR_MS);
      minTurn = Math.min(minTurn, t.line.turnHours);
      // Between two departures from this site a tail lands elsewhere, turns, comes back, turns.
      const away = scenario.sites.filter((s) => s.id !== site.id && accepts(s, t.line.type));
      const hop = Math.min(...away.map((s) => flightHours(site, s, t.line.cruiseKmh)));
      minCycle = Math.min(minCycle, 2 * t.line.turnHours + 2 * hop);
    }
    if (!Number.isFinite(firstArrival)) continue;
    const firstDeparture = firstArrival + minTurn * HOUR_MS;
    const byTails = firstDeparture + (Math.ceil(n / serving.length) - 1) * minCycle * HOUR_MS;
    const mog = site.mog ?? Infinity;
    const byMog = firstArrival + Math.ceil(n / mog) * minTurn * HOUR_MS;
    const perDay = site.maxDeparturesPerDay ?? Infinity;
    const firstDay = Math.floor(firstDeparture / DAY_MS) * DAY_MS;
    const byDays = Math.max(firstDeparture, firstDay + (Math.ceil(n / perDay) - 1) * DAY_MS);
    const candidates: [number, string][] = [
      [byTails, `${n} departures from ${site.id} by ${serving.length} tails, each at least ${minCycle.toFixed(1)} h apart`],
      [byMog, `${n} loadings of at least ${minTurn} h at ${site.id} with mog ${site.mog}`],
      [byDays, `${n} departures from ${site.id} at ${site.maxDeparturesPerDay} a day`],
    ];
    for (const [t, w] of candidates) {
      if (t > best) {
        best = t;
        why = w;
      }
    }
  }
  if (!Number.isFinite(best)) return { value: null, basis: 'nothing needs to leave an origin site' };
  return { value: toIso(Math.floor(best / 1000) * 1000), basis: why };
}
