// Test fixtures for the scheduler: a tiny scenario builder and a stand-in load planner that
// puts pieces in a row from the front of the floor (weight, positions, floor length, door).

import type { FleetLine, Scenario, Site } from '../../model/index.ts';
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
  costPerFlyingHourUsd: 20_000, floorLengthM: 25, floorWidthM: 5, doorHeightM: 3.5, cgRangeM: [0, 25] as [number, number],
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
