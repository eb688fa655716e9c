// Turns the packer's output into the pieces a cargo floor takes: built pallets, vehicles and
// cargo too large for any pallet, one piece per floor unit.

import type { Item, Pallet, PalletType, Scenario } from '../model/index.ts';
import { isSensitive } from '../model/index.ts';
import { floorPiece, palletPiece } from './shared/floor.ts';
import type { CargoPiece, PackResult } from './types.ts';

export function cargoPieces(
  scenario: Scenario,
  retrograde: ReadonlyMap<string, number>,
  packed: PackResult,
): CargoPiece[] {
  const items = new Map(scenario.items.map((i) => [i.id, i]));
  const palletTypes = new Map(scenario.palletTypes.map((p) => [p.id, p]));
  const pieces: CargoPiece[] = [];
  for (const pallet of packed.pallets) pieces.push(builtPallet(pallet, palletTypes.get(pallet.palletType)!, items));
  for (const unit of packed.floorUnits) pieces.push(floorPiece(items.get(unit.itemId)!));
  // Vehicles roll on: one piece per retrograde unit, in inventory order.
  for (const item of scenario.items) {
    if (item.kind !== 'vehicle') continue;
    const n = retrograde.get(item.id) ?? 0;
    for (let i = 0; i < n; i++) pieces.push(floorPiece(item));
  }
  return prioritise(pieces);
}

function builtPallet(pallet: Pallet, type: PalletType, items: Map<string, Item>): CargoPiece {
  const itemIds = [...new Set(pallet.placements.map((p) => p.itemId))];
  return palletPiece({
    ref: pallet.id,
    type,
    site: pallet.site,
    heightM: pallet.heightM,
    grossKg: pallet.grossKg,
    sensitive: itemIds.some((id) => isSensitive(items.get(id)!)),
    itemIds,
  });
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
