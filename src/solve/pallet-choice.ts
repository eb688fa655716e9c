// Which pallets fly (docs/palletising.md, step 5). Big units first builds fewer pallets than
// volume first where big units would end alone, but fewer, heavier pallets can fly more sorties
// where the payload binds a small type beside vehicles (the light pallets filled what the
// vehicles leave). Where the two differ, the plan is scheduled with each, then with each site's
// pallets from whichever flew fewer sorties from it (sites share tails, but little else), and the
// best schedule wins: less left behind, then less late, then fewer sorties, then the earlier
// closure (scheduleRank); at a tie the earlier candidate, big units first's.

import type { Pallet, Scenario } from '../model/index.ts';
import type { PalletsResult } from './pallets/index.ts';
import { scheduleRank, type ShuttleChoice } from './schedule/index.ts';
import type { PackResult } from './types.ts';

/**
 * Above this many pieces the extra schedules cost more time than a plan may take (10,000 lines:
 * 2 s more, 9 s in all on a busy machine); big units first's pallets fly, which flew fewer
 * sorties on every generated scale measured.
 */
export const PALLET_CHOICE_MAX_PIECES = 5_000;

export interface Flown {
  pieces: number;
  choice: ShuttleChoice;
}

export function flyBestPallets(scenario: Scenario, packed: PalletsResult, fly: (p: PackResult) => Flown): { pallets: PackResult; flown: Flown } {
  let best = { pallets: packed as PackResult, flown: fly(packed) };
  if (!packed.volumeFirst || best.flown.pieces > PALLET_CHOICE_MAX_PIECES) return best;
  const consider = (pallets: PackResult) => {
    const flown = fly(pallets);
    if (before(scheduleRank(scenario, flown.choice.result), scheduleRank(scenario, best.flown.choice.result))) best = { pallets, flown };
    return flown;
  };
  const big = best;
  const plain: PackResult = { pallets: packed.volumeFirst, floorUnits: packed.floorUnits };
  const other = consider(plain);
  // Each site's pallets from the palletisation that flew fewer sorties from it, where they differ.
  const from = (f: Flown, site: string) => f.choice.result.sorties.filter((s) => s.from === site).length;
  const origins = scenario.sites.filter((s) => s.role === 'origin').map((s) => s.id);
  const plainSites = new Set(origins.filter((o) => from(other, o) < from(big.flown, o)));
  if (plainSites.size > 0 && origins.some((o) => !plainSites.has(o) && from(big.flown, o) < from(other, o))) {
    const pallets: Pallet[] = [];
    for (const site of origins) pallets.push(...(plainSites.has(site) ? plain : big.pallets).pallets.filter((p) => p.site === site));
    consider({ pallets, floorUnits: packed.floorUnits });
  }
  return best;
}

/** a ranks strictly before b (lexicographic) */
function before(a: readonly number[], b: readonly number[]): boolean {
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return a[i] < b[i];
  return false;
}
