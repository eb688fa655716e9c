// Pallet types the planner knows without being told, each value with its source.
// A scenario may override these fields or add new pallet types.

import type { PalletType } from '../model/index.ts';
import { freezeEntry, type CatalogEntry } from './sources.ts';

const P463L: CatalogEntry<PalletType> = {
  spec: {
    id: '463L',
    usableLengthM: 2.64,
    usableWidthM: 2.13,
    maxHeightM: 2.44,
    maxGrossKg: 4536,
    tareKg: 161,
    footprintLengthM: 2.74,
    footprintWidthM: 2.24,
  },
  sources: {
    usableLengthM: 'usable 104 in (2.64 m) (domain.md, 463L pallet)',
    usableWidthM: 'usable 84 in (2.13 m) (domain.md, 463L pallet)',
    maxHeightM: 'loads up to 96 in (2.44 m) high on the main deck (domain.md)',
    maxGrossKg: '10,000 lb (4,536 kg) gross maximum; 7,500 lb is only recommended (domain.md)',
    tareKg: '355 lb (161 kg) with nets; 290 lb bare (domain.md)',
    footprintLengthM: 'footprint 108 in (2.74 m) (domain.md)',
    footprintWidthM: 'footprint 88 in (2.24 m) (domain.md)',
  },
};

/** Pallet types by id, in catalog order. */
export const PALLETS: Readonly<Record<string, CatalogEntry<PalletType>>> = Object.freeze({
  [P463L.spec.id]: freezeEntry(P463L),
});

export function catalogPallet(id: string): PalletType | undefined {
  return Object.hasOwn(PALLETS, id) ? PALLETS[id].spec : undefined;
}
