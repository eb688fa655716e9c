// Turns the packer's output into the pieces a cargo floor takes: built pallets, vehicles and
// cargo too large for any pallet, one piece per floor unit.

import type { Item, Pallet, PalletType, Scenario } from '../model/index.ts';
import { isSensitive } from '../model/index.ts';
import type { CargoPiece, PackResult } from './types.ts';

export function cargoPieces(
  scenario: Scenario,
  retrograde: ReadonlyMap<string, number>,
  packed: PackResult,
): CargoPiece[] {
  const items = new Map(scenario.items.map((i) => [i.id, i]));
  const palletTypes = new Map(scenario.palletTypes.map((p) => [p.id, p]));
  const pieces: CargoPiece[] = [];
  for (const pallet of packed.pallets) pieces.push(palletPiece(pallet, palletTypes.get(pallet.palletType)!, items));
  for (const unit of packed.floorUnits) pieces.push(floorPiece(items.get(unit.itemId)!));
  // Vehicles roll on: one piece per retrograde unit, in inventory order.
  for (const item of scenario.items) {
    if (item.kind !== 'vehicle') continue;
    const n = retrograde.get(item.id) ?? 0;
    for (let i = 0; i < n; i++) pieces.push(floorPiece(item));
  }
  return prioritise(pieces);
}

function palletPiece(pallet: Pallet, type: PalletType, items: Map<string, Item>): CargoPiece {
  const itemIds = [...new Set(pallet.placements.map((p) => p.itemId))];
  return {
    ref: pallet.id,
    kind: 'pallet',
    site: pallet.site,
    lengthM: type.footprintLengthM,
    widthM: type.footprintWidthM,
    heightM: pallet.heightM,
    weightKg: pallet.grossKg,
    sensitive: itemIds.some((id) => isSensitive(items.get(id)!)),
    tiltable: false,
    itemIds,
  };
}

function floorPiece(item: Item): CargoPiece {
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
  };
}

/**
 * Sensitive cargo first (it must leave before the last people and ties down a guard while it
 * stays), then heavier pieces first so loads fill by weight; ties keep the input order.
 */
function prioritise(pieces: CargoPiece[]): CargoPiece[] {
  return pieces
    .map((p, i) => ({ p, i }))
    .sort((a, b) => Number(b.p.sensitive) - Number(a.p.sensitive) || b.p.weightKg - a.p.weightKg || a.i - b.i)
    .map((x) => x.p);
}
