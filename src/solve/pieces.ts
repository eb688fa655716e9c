// Turns the packer's output into the pieces a cargo floor takes: built pallets, vehicles and
// cargo too large for any pallet, one piece per floor unit.

import type { Item, Pallet, PalletType, Scenario, SegregationEntry } from '../model/index.ts';
import { NO_SEGREGATION, isSensitive, itemHazards, mustSegregate } from '../model/index.ts';
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
  return prioritise(withClashes(pieces, scenario.segregation ?? NO_SEGREGATION));
}

/**
 * Each hazardous piece with the labels (among those in the scenario) it must be kept from, so the
 * load planner can keep segregated pieces from touching without reading the table itself.
 */
function withClashes(pieces: CargoPiece[], table: readonly SegregationEntry[]): CargoPiece[] {
  const labels = [...new Set(pieces.flatMap((p) => p.hazards ?? []))].sort();
  if (labels.length === 0) return pieces;
  const against = new Map(labels.map((h) => [h, labels.filter((o) => mustSegregate(h, o, table))]));
  return pieces.map((p) => {
    if (!p.hazards) return p;
    const clashes = [...new Set(p.hazards.flatMap((h) => against.get(h) ?? []))].sort();
    return clashes.length > 0 ? { ...p, clashes } : p;
  });
}

function builtPallet(pallet: Pallet, type: PalletType, items: Map<string, Item>): CargoPiece {
  const itemIds = [...new Set(pallet.placements.map((p) => p.itemId))];
  const hazards = [...new Set(itemIds.flatMap((id) => itemHazards(items.get(id)!)))].sort();
  return palletPiece({
    cargoAircraftOnly: itemIds.some((id) => items.get(id)!.cargoAircraftOnly),
    hazards,
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
