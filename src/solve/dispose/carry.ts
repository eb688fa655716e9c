// How one unit of an item would travel: on a pallet of some type (cargo that fits one) or on the
// floor itself (vehicles, and cargo too large or heavy for every pallet type), and which
// aircraft at a site could take it.

import type { FleetLine, Item, PalletType, Site } from '../../model/index.ts';
import { GEOMETRY_EPS_M, isSensitive } from '../../model/index.ts';
import { carryProblem, type CarryProblem } from '../loads/fit.ts';
import type { CargoPiece } from '../types.ts';

const EPS = GEOMETRY_EPS_M;

/** One way a unit can be carried; for a pallet, the unit's share of that pallet. */
export interface UnitCarrier {
  piece: CargoPiece;
  pallet?: { type: PalletType; share: number };
}

/** The pieces one unit could become: one per pallet type it fits, else itself on the floor. */
export function unitCarriers(item: Item, palletTypes: readonly PalletType[]): UnitCarrier[] {
  const floor: CargoPiece = {
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
  };
  if (item.kind === 'vehicle') return [{ piece: floor }];
  const out: UnitCarrier[] = [];
  for (const type of palletTypes) {
    const h = heightOnPallet(item, type);
    if (h === null) continue;
    const share = Math.max(
      (item.lengthM * item.widthM * item.heightM) / (type.usableLengthM * type.usableWidthM * type.maxHeightM),
      item.unitWeightKg / (type.maxGrossKg - type.tareKg),
    );
    out.push({
      piece: { ...floor, kind: 'pallet', tiltable: false, lengthM: type.footprintLengthM, widthM: type.footprintWidthM, heightM: h, weightKg: item.unitWeightKg + type.tareKg },
      pallet: { type, share: Math.min(1, share) },
    });
  }
  // Rules: cargo rides on the floor itself only when it fits no pallet type.
  return out.length > 0 ? out : [{ piece: floor }];
}

/** Lowest height the unit stands at on this pallet type, or null when it does not fit it. */
function heightOnPallet(item: Item, type: PalletType): number | null {
  if (item.unitWeightKg > type.maxGrossKg - type.tareKg) return null;
  const [a, b, c] = [item.lengthM, item.widthM, item.heightM];
  const faces: [number, number, number][] = item.tiltable ? [[a, b, c], [a, c, b], [b, c, a]] : [[a, b, c]];
  let best: number | null = null;
  for (const [x, y, h] of faces) {
    const fits =
      h <= type.maxHeightM + EPS &&
      ((x <= type.usableLengthM + EPS && y <= type.usableWidthM + EPS) || (y <= type.usableLengthM + EPS && x <= type.usableWidthM + EPS));
    if (fits && (best === null || h < best)) best = h;
  }
  return best;
}

export function accepts(site: Site, type: string): boolean {
  return !site.accepts || site.accepts.includes(type);
}

/** Fleet lines whose type the site's runway takes. */
export function serving(site: Site, fleet: readonly FleetLine[]): FleetLine[] {
  return fleet.filter((line) => accepts(site, line.type));
}

/** The ways this line can take one unit (empty when it cannot), and else why not. */
export function carriersOn(
  carriers: readonly UnitCarrier[],
  line: FleetLine,
): { usable: UnitCarrier[]; problem: CarryProblem | null } {
  const usable: UnitCarrier[] = [];
  let problem: CarryProblem | null = null;
  for (const c of carriers) {
    const p = carryProblem(c.piece, line);
    if (p === null) usable.push(c);
    else problem ??= p;
  }
  return { usable, problem: usable.length > 0 ? null : problem };
}
