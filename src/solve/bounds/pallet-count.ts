// The fewest pallets that can carry a set of units, as a proven lower bound: every pallet holds
// at most the largest net weight and usable volume of any pallet type, so one-dimensional bin
// packing in weight and in volume are relaxations; each is bounded by Martello and Toth's L2
// (../shared/bin-bounds.ts).

import type { PalletType } from '../../model/index.ts';
import { binPackingL2 } from '../shared/bin-bounds.ts';

/** Units of one item on pallets: unit weight (kg), unit volume (m³), count. */
export interface PalletUnit {
  kg: number;
  m3: number;
  count: number;
}

export function minPallets(units: readonly PalletUnit[], types: readonly PalletType[]): number {
  if (units.length === 0 || types.length === 0) return 0;
  const netKg = Math.max(...types.map((t) => t.maxGrossKg - t.tareKg));
  const m3 = Math.max(...types.map((t) => t.usableLengthM * t.usableWidthM * t.maxHeightM));
  return Math.max(
    binPackingL2(units.map((u) => ({ size: u.kg, count: u.count })), netKg),
    binPackingL2(units.map((u) => ({ size: u.m3, count: u.count })), m3),
  );
}
