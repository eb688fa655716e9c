// The floor-piece rule (docs/rules.md, load.floor): vehicles roll on, and cargo rides on the
// floor itself only when it fits no pallet type by size and weight; everything else is
// palletised. The tolerances are the verifier's, so a unit the planner puts on the floor is one
// the verifier agrees belongs there.

import type { Item, PalletType } from '../../model/index.ts';
import { GEOMETRY_EPS_M, isSensitive, itemHazards } from '../../model/index.ts';
import type { CargoPiece } from '../types.ts';
import { fittingOrientations, itemOrientations } from './orientations.ts';

/** Weight tolerance, kg: the verifier's, for sums of decimal weights. */
const KG_EPS = 1e-6;

/** The lowest height a unit stands at on this pallet type, or null when it is too big or heavy for it. */
export function heightOnPallet(item: Item, type: PalletType): number | null {
  if (item.unitWeightKg > type.maxGrossKg - type.tareKg + KG_EPS) return null;
  const box = { l: type.usableLengthM, w: type.usableWidthM, h: type.maxHeightM };
  let best: number | null = null;
  for (const o of fittingOrientations(itemOrientations(item), box, GEOMETRY_EPS_M)) if (best === null || o[2] < best) best = o[2];
  return best;
}

/** Cargo that fits this pallet type must go on a pallet. */
export function fitsPalletType(item: Item, type: PalletType): boolean {
  return heightOnPallet(item, type) !== null;
}

export function fitsSomePallet(item: Item, types: readonly PalletType[]): boolean {
  return types.some((t) => fitsPalletType(item, t));
}

/** A vehicle, or cargo too large or heavy for every pallet type. */
export function ridesOnFloor(item: Item, types: readonly PalletType[]): boolean {
  return item.kind === 'vehicle' || !fitsSomePallet(item, types);
}

/** One unit of the item as a piece on the floor itself, standing as listed, at its origin. */
export function floorPiece(item: Item): CargoPiece {
  return {
    ref: item.id,
    kind: 'floor',
    site: item.site,
    lengthM: item.lengthM,
    widthM: item.widthM,
    heightM: item.heightM,
    weightKg: item.unitWeightKg,
    sensitive: isSensitive(item),
    tiltable: item.tiltable,
    itemIds: [item.id],
    ...(item.kind === 'vehicle' ? { vehicle: true } : {}),
    ...(item.cargoAircraftOnly ? { cargoAircraftOnly: true } : {}),
    ...(item.hazard !== undefined ? { hazards: itemHazards(item) } : {}),
  };
}

/** A pallet of this type as a piece on the floor: the type's footprint, as high and heavy as built. */
export function palletPiece(p: {
  ref: string;
  type: PalletType;
  site: string;
  heightM: number;
  grossKg: number;
  sensitive: boolean;
  itemIds: string[];
  cargoAircraftOnly?: boolean;
  hazards?: readonly string[];
}): CargoPiece {
  return {
    ref: p.ref,
    kind: 'pallet',
    site: p.site,
    lengthM: p.type.footprintLengthM,
    widthM: p.type.footprintWidthM,
    heightM: p.heightM,
    weightKg: p.grossKg,
    sensitive: p.sensitive,
    tiltable: false,
    itemIds: p.itemIds,
    ...(p.cargoAircraftOnly ? { cargoAircraftOnly: true } : {}),
    ...(p.hazards && p.hazards.length > 0 ? { hazards: p.hazards } : {}),
  };
}
