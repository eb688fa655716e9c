// How one unit of an item would travel: on a pallet of some type (cargo that fits one) or on the
// floor itself (vehicles, and cargo too large or heavy for every pallet type), and which
// aircraft at a site could take it. The rules themselves live in ../shared/.

import type { FleetLine, Item, PalletType } from '../../model/index.ts';
import { isSensitive } from '../../model/index.ts';
import { carryProblem, type CarryProblem } from '../shared/capability.ts';
import { floorPiece, heightOnPallet, palletPiece } from '../shared/floor.ts';
import type { CargoPiece } from '../types.ts';

/** One way a unit can be carried; for a pallet, the unit's share of that pallet. */
export interface UnitCarrier {
  piece: CargoPiece;
  pallet?: { type: PalletType; share: number };
}

/** The pieces one unit could become: one per pallet type it fits, else itself on the floor. */
export function unitCarriers(item: Item, palletTypes: readonly PalletType[]): UnitCarrier[] {
  const floor = floorPiece(item);
  if (item.kind === 'vehicle') return [{ piece: floor }];
  const out: UnitCarrier[] = [];
  for (const type of palletTypes) {
    const h = heightOnPallet(item, type);
    if (h === null) continue;
    const share = Math.max(
      (item.lengthM * item.widthM * item.heightM) / (type.usableLengthM * type.usableWidthM * type.maxHeightM),
      item.unitWeightKg / (type.maxGrossKg - type.tareKg),
    );
    const piece = palletPiece({
      ref: item.id, type, site: item.site, heightM: h, grossKg: item.unitWeightKg + type.tareKg,
      sensitive: isSensitive(item), itemIds: [item.id],
    });
    out.push({ piece, pallet: { type, share: Math.min(1, share) } });
  }
  // Rules: cargo rides on the floor itself only when it fits no pallet type.
  return out.length > 0 ? out : [{ piece: floor }];
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
