// Test fixtures for the scheduler: a tiny scenario builder and a stand-in load planner that
// puts pieces in a row from the front of the floor (weight, positions, floor length, door).

import type { FleetLine, Scenario, Site, Sortie } from '../../model/index.ts';
import { DAY_MS, fleetTails, flightHours, toMs } from '../../model/index.ts';
import type { AircraftLoad, CargoPiece, LoadRequest } from '../types.ts';

export function rowLoad(req: LoadRequest): AircraftLoad {
  const a = req.aircraft;
  const out: AircraftLoad = { pieces: [], loads: [], cargoKg: 0, cgM: null };
  let x = 0;
  let moment = 0;
  let pallets = 0;
  for (const p of req.pieces) {
    const l = Math.max(p.lengthM, p.widthM);
    const w = Math.min(p.lengthM, p.widthM);
    if (out.cargoKg + p.weightKg > Math.min(req.maxCargoKg, a.aclKg)) continue;
    if (x + l > a.floorLengthM || w > a.floorWidthM || p.heightM > a.doorHeightM) continue;
    if (p.kind === 'pallet' && pallets >= a.palletPositions) continue;
    if (p.kind === 'pallet') pallets++;
    out.pieces.push(p);
    out.loads.push({ ref: p.ref, x, y: 0, l, w });
    out.cargoKg += p.weightKg;
    moment += p.weightKg * (x + l / 2);
    x += l;
  }
  out.cgM = out.cargoKg > 0 ? moment / out.cargoKg : null;
  return out;
}

export const BIG = {
  type: 'BIG', name: 'big jet', aclKg: 40_000, palletPositions: 10, seats: 50, cruiseKmh: 800, turnHours: 2,
  costPerFlyingHourUsd: 20_000, floorLengthM: 30, floorWidthM: 5, doorHeightM: 3.5, cgRangeM: [0, 30] as [number, number],
};
export const SMALL = {
  type: 'SMALL', name: 'small prop', aclKg: 15_000, palletPositions: 5, seats: 20, cruiseKmh: 500, turnHours: 1.5,
  costPerFlyingHourUsd: 8_000, floorLengthM: 12, floorWidthM: 3, doorHeightM: 2.7, cgRangeM: [0, 12] as [number, number],
};

export function line(kind: typeof BIG | typeof SMALL, base: string, count = 1, extra: Partial<FleetLine> = {}): FleetLine {
  return { ...kind, count, base, ...extra };
}

export function site(id: string, role: Site['role'], lat: number, lon: number, extra: Partial<Site> = {}): Site {
  return { id, name: id, country: role === 'destination' ? 'DE' : 'NE', lat, lon, role, ...extra };
}

/** Niger-like geometry: two origins, a hub in Senegal, a destination in Germany. */
export function scenario(over: Partial<Scenario> = {}): Scenario {
  return {
    name: 'test',
    asOf: '2024-06-01',
    sites: [
      site('NIM', 'origin', 13.48, 2.18),
      site('DST', 'destination', 49.44, 7.6),
    ],
    aircraft: [line(BIG, 'DST', 1)],
    palletTypes: [],
    personnel: [],
    items: [],
    infrastructure: [],
    agreements: [],
    policy: { transferWhenShipCostOverValue: 1, minSecurityPerSite: 0, passengerKg: 100 },
    ...over,
  };
}

let n = 0;
export function pallets(site: string, count: number, kg = 3000, extra: Partial<CargoPiece> = {}): CargoPiece[] {
  return Array.from({ length: count }, () => {
    const ref = `P${++n}`;
    return { ref, kind: 'pallet' as const, site, lengthM: 2.74, widthM: 2.24, heightM: 2, weightKg: kg, sensitive: false, tiltable: false, itemIds: [ref], ...extra };
  });
}

/**
 * The tests' own reading of the airframe, airfield, runway, seat, payload and conservation
 * rules (not src/verify): returns one line per problem found.
 */
export function problems(sc: Scenario, pieces: CargoPiece[], sorties: Sortie[]): string[] {
  const out: string[] = [];
  const siteOf = new Map(sc.sites.map((s) => [s.id, s]));
  const lineOf = new Map(fleetTails(sc).map((t) => [t.id, t.line]));
  const hrs = (h: number) => h * 3_600_000;
  const asOf = toMs(sc.asOf);
  // tails
  const byTail = new Map<string, Sortie[]>();
  for (const s of sorties) byTail.set(s.tail, [...(byTail.get(s.tail) ?? []), s]);
  for (const [tail, list] of byTail) {
    const line = lineOf.get(tail)!;
    list.sort((a, b) => toMs(a.departs) - toMs(b.departs));
    let at = line.base;
    let free = Math.max(asOf, line.availableFrom ? toMs(line.availableFrom) : asOf);
    let fresh = true;
    for (const s of list) {
      const pos = at === s.from ? (fresh ? hrs(line.turnHours) : 0)
        : hrs(flightHours(siteOf.get(at)!, siteOf.get(s.from)!, line.cruiseKmh) + line.turnHours);
      if (toMs(s.departs) < free + pos - 1000) out.push(`${s.id}: ${tail} departs before it can (${s.departs})`);
      const fly = hrs(flightHours(siteOf.get(s.from)!, siteOf.get(s.to)!, line.cruiseKmh));
      if (Math.abs(toMs(s.arrives) - toMs(s.departs) - fly) > 60_000) out.push(`${s.id}: flight time`);
      if (line.availableTo && toMs(s.arrives) > toMs(line.availableTo) + DAY_MS) out.push(`${s.id}: lands after availableTo`);
      at = s.to;
      free = toMs(s.arrives) + hrs(line.turnHours);
      fresh = false;
    }
  }
  for (const s of sorties) {
    const line = lineOf.get(s.tail)!;
    for (const end of [s.from, s.to]) {
      const acc = siteOf.get(end)!.accepts;
      if (acc && !acc.includes(s.aircraft)) out.push(`${s.id}: runway at ${end} refuses ${s.aircraft}`);
    }
    if (s.passengers > line.seats) out.push(`${s.id}: seats`);
    if (s.payloadKg > line.aclKg + 1e-6) out.push(`${s.id}: payload`);
  }
  // mog and departures per day
  for (const site of sc.sites) {
    if (site.maxDeparturesPerDay !== undefined) {
      const days = new Map<number, number>();
      for (const s of sorties) if (s.from === site.id) {
        const d = Math.floor(toMs(s.departs) / DAY_MS);
        days.set(d, (days.get(d) ?? 0) + 1);
      }
      for (const [, n] of days) if (n > site.maxDeparturesPerDay) out.push(`${site.id}: ${n} departures in a day`);
    }
    if (site.mog !== undefined) {
      const ev: [number, number, string][] = [];
      const iv = new Map<string, [number, number][]>();
      for (const s of sorties) {
        const turn = hrs(lineOf.get(s.tail)!.turnHours);
        if (s.from === site.id) iv.set(s.tail, [...(iv.get(s.tail) ?? []), [toMs(s.departs) - turn, toMs(s.departs)]]);
        if (s.to === site.id) iv.set(s.tail, [...(iv.get(s.tail) ?? []), [toMs(s.arrives), toMs(s.arrives) + turn]]);
      }
      for (const [tail, list] of iv) {
        list.sort((a, b) => a[0] - b[0]);
        const merged: [number, number][] = [];
        for (const x of list) {
          const last = merged[merged.length - 1];
          if (last && x[0] <= last[1]) last[1] = Math.max(last[1], x[1]);
          else merged.push([...x]);
        }
        for (const [a, b] of merged) ev.push([a, 1, tail], [b, -1, tail]);
      }
      ev.sort((x, y) => x[0] - y[0] || x[1] - y[1]);
      let now = 0;
      for (const [, d] of ev) if ((now += d) > site.mog) { out.push(`${site.id}: ${now} on the ground > mog ${site.mog}`); break; }
    }
  }
  // conservation: every piece leaves its site once per leg and ends at a destination
  const where = new Map(pieces.map((p) => [p.ref, { site: p.site, readyAt: -Infinity }]));
  const people = new Map<string, number>();
  for (const pl of sc.personnel) people.set(pl.site, (people.get(pl.site) ?? 0) + pl.count);
  const events: [number, string, number][] = [];
  for (const s of [...sorties].sort((a, b) => toMs(a.departs) - toMs(b.departs))) {
    const turn = hrs(lineOf.get(s.tail)!.turnHours);
    for (const l of s.loads) {
      const w = where.get(l.ref);
      if (!w) { out.push(`${s.id}: unknown load ${l.ref}`); continue; }
      if (w.site !== s.from || toMs(s.departs) < w.readyAt) out.push(`${s.id}: ${l.ref} is not at ${s.from} ready`);
      w.site = s.to;
      w.readyAt = toMs(s.arrives) + turn;
    }
    events.push([toMs(s.departs), s.from, -s.passengers], [toMs(s.arrives) + turn, s.to, s.passengers]);
  }
  for (const [ref, w] of where) if (siteOf.get(w.site)!.role !== 'destination') out.push(`${ref} ends at ${w.site}`);
  // arrivals at the same instant as departures count first (they were there already)
  for (const [, site, d] of events.sort((a, b) => a[0] - b[0] || b[2] - a[2])) {
    people.set(site, (people.get(site) ?? 0) + d);
    if (people.get(site)! < 0) out.push(`${site}: people below zero`);
  }
  for (const [site, n] of people) if (n > 0 && siteOf.get(site)!.role !== 'destination') out.push(`${n} people end at ${site}`);
  return out;
}

/**
 * The schedule as a plan the verifier can read (no pallets built: tests look at the rules of the
 * schedule, e.g. crews and hours, not at what the stand-in loads carry).
 */
export function asPlan(sc: Scenario, sorties: Sortie[]): import('../../model/index.ts').Plan {
  return {
    formatVersion: 1, scenario: sc.name, feasible: false, closure: null, siteClosures: [], dispositions: [], handovers: [], pallets: [],
    sorties, metrics: { sorties: sorties.length, flyingHours: 0, costUsd: 0, transferValueUsd: 0, retrogradeValueUsd: 0, demilitarizedValueUsd: 0, palletsBuilt: 0 },
    bounds: { sorties: { value: 0, basis: 'test' }, closure: { value: null, basis: 'test' } }, violations: [], problems: [], notes: [],
  };
}
