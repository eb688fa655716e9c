// The fewest pallets that can carry a set of units, as a proven lower bound: every pallet holds
// at most the largest net weight and usable volume of any pallet type, so one-dimensional bin
// packing in weight and in volume are relaxations; each is bounded by Martello and Toth's L2
// (../shared/bin-bounds.ts). Units too big to share a pallet each need one of their own.

import { GEOMETRY_EPS_M, type Item, type PalletType } from '../../model/index.ts';
import { binPackingL2 } from '../shared/bin-bounds.ts';
import { fittingOrientations, orientationsOf, overHalfEveryWay, verticalFlags } from '../shared/orientations.ts';

/** Units of one item on pallets: unit weight (kg), unit volume (m³), count. */
export interface PalletUnit {
  kg: number;
  m3: number;
  count: number;
  /** no two of these units share a pallet of any type (bigOnEveryPallet) */
  big?: boolean;
}

/**
 * No two units of this kind or any other big kind share a pallet: on every pallet type, each
 * standing the item may take there (its verticalDims, load.orientation) has every extent more
 * than half the usable box's, so two of them overlap along every axis wherever they stand
 * (pallet.geometry). The margin is twice the verifier's tolerance, which lets a unit reach that
 * far past each wall and two units overlap that much. A type the unit does not fit carries none.
 */
export function bigOnEveryPallet(item: Item, types: readonly PalletType[]): boolean {
  const standings = orientationsOf(item.lengthM, item.widthM, item.heightM, verticalFlags(item.verticalDims));
  const m = 2 * GEOMETRY_EPS_M;
  return types.every((t) => {
    const box = { l: t.usableLengthM, w: t.usableWidthM, h: t.maxHeightM };
    const fit = fittingOrientations(standings, box, m);
    return fit.length === 0 || overHalfEveryWay(fit, box, m);
  });
}

export function minPallets(units: readonly PalletUnit[], types: readonly PalletType[]): number {
  if (units.length === 0 || types.length === 0) return 0;
  const netKg = Math.max(...types.map((t) => t.maxGrossKg - t.tareKg));
  const m3 = Math.max(...types.map((t) => t.usableLengthM * t.usableWidthM * t.maxHeightM));
  return Math.max(
    binPackingL2(units.map((u) => ({ size: u.kg, count: u.count })), netKg),
    binPackingL2(units.map((u) => ({ size: u.m3, count: u.count })), m3),
    units.reduce((n, u) => n + (u.big ? u.count : 0), 0),
  );
}
