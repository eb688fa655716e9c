// What moving one unit costs: its share of one sortie on each leg of the cheapest way home,
// times the sortie's cost. Formulation: docs/dispositions.md.

import type { FleetLine, Site } from '../../model/index.ts';
import { flightHours } from '../../model/index.ts';
import { accepts } from '../shared/capability.ts';
import { floorOrientations } from '../shared/orientations.ts';
import { carriersOn, type UnitCarrier } from './carry.ts';

export type Binding = 'weight' | 'pallet positions' | 'floor area';

export interface LegCost {
  from: string;
  to: string;
  type: string;
  /** flight hours out and back: the aircraft returns empty */
  roundTripHours: number;
  sortieUsd: number;
  /** the unit's share of one sortie's capacity */
  share: number;
  binding: Binding;
  unitUsd: number;
}

export interface RouteCost {
  destination: string;
  legs: LegCost[];
  unitUsd: number;
}

/** The unit's share of one sortie of this line: the largest of weight, positions, floor area. */
export function unitShare(c: UnitCarrier, line: FleetLine): { share: number; binding: Binding } {
  const floorArea = line.floorLengthM * line.floorWidthM;
  let weight: number;
  let positions = 0;
  let floor: number;
  if (c.pallet) {
    const { type, share } = c.pallet;
    weight = (c.piece.weightKg - type.tareKg + share * type.tareKg) / line.aclKg;
    positions = share / line.palletPositions;
    floor = (share * type.footprintLengthM * type.footprintWidthM) / floorArea;
  } else {
    weight = c.piece.weightKg / line.aclKg;
    const faces = floorOrientations(c.piece, line);
    floor = Math.min(...faces.map((o) => o.l * o.w)) / floorArea;
  }
  // Ties go to weight, then positions: the order a loadmaster would name them.
  if (weight >= positions && weight >= floor) return { share: weight, binding: 'weight' };
  if (positions >= floor) return { share: positions, binding: 'pallet positions' };
  return { share: floor, binding: 'floor area' };
}

/** Cheapest line for one leg, or null when no line accepted at both ends can carry the unit. */
export function legCost(from: Site, to: Site, carriers: readonly UnitCarrier[], fleet: readonly FleetLine[]): LegCost | null {
  let best: LegCost | null = null;
  for (const line of fleet) {
    if (!accepts(from, line.type) || !accepts(to, line.type)) continue;
    const { usable } = carriersOn(carriers, line);
    if (usable.length === 0) continue;
    const roundTripHours = 2 * flightHours(from, to, line.cruiseKmh);
    const sortieUsd = roundTripHours * line.costPerFlyingHourUsd;
    for (const c of usable) {
      const { share, binding } = unitShare(c, line);
      const unitUsd = share * sortieUsd;
      if (best === null || unitUsd < best.unitUsd) {
        best = { from: from.id, to: to.id, type: line.type, roundTripHours, sortieUsd, share, binding, unitUsd };
      }
    }
  }
  return best;
}

/**
 * The cheapest way from the site to any destination: direct where a type is accepted at both
 * ends, or through one hub (two legs, each on its cheapest type). Null when there is none.
 */
export function cheapestRoute(
  origin: Site,
  sites: readonly Site[],
  carriers: readonly UnitCarrier[],
  fleet: readonly FleetLine[],
): RouteCost | null {
  const destinations = sites.filter((s) => s.role === 'destination' && s.id !== origin.id);
  const hubs = sites.filter((s) => s.role === 'hub' && s.id !== origin.id);
  let best: RouteCost | null = null;
  const consider = (destination: string, legs: (LegCost | null)[]): void => {
    if (legs.some((l) => l === null)) return;
    const done = legs as LegCost[];
    const unitUsd = done.reduce((s, l) => s + l.unitUsd, 0);
    if (best === null || unitUsd < best.unitUsd) best = { destination, legs: done, unitUsd };
  };
  const firstLegs = new Map(hubs.map((h) => [h.id, legCost(origin, h, carriers, fleet)]));
  for (const dest of destinations) {
    consider(dest.id, [legCost(origin, dest, carriers, fleet)]);
    for (const hub of hubs) {
      const first = firstLegs.get(hub.id) ?? null;
      if (first) consider(dest.id, [first, legCost(hub, dest, carriers, fleet)]);
    }
  }
  return best;
}
