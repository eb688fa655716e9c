// Which units go together on a pallet when weight binds: a one-dimensional bin packing
// (with a volume cap as a second, coarse dimension). First fit decreasing and minimum bin
// slack on grouped units; then, while above the L2 lower bound, bin completion at the bound,
// a bin-removing tabu search with exact repacks, and a swap search, within a work budget.

// One file per algorithm under bins/; this file chains them.

import { completeBins } from './bins/complete.ts';
import { lowerBound } from './bins/bound.ts';
import { firstFitDecreasing } from './bins/ffd.ts';
import { minimumBinSlack } from './bins/mbs.ts';
import { removeBins } from './bins/remove.ts';
import { emptyLightest } from './bins/swap.ts';
import type { Bin, BinOptions, WeightedType } from './bins/types.ts';

export { completeBins, firstFitDecreasing, lowerBound };
export type { Bin, BinOptions, WeightedType };

/**
 * Bins for the units. FFD and minimum bin slack on grouped units; while above the lower bound
 * (L2) and with few enough units, a search on single units that removes bins one at a time.
 */
export function binByWeight(
  types: readonly WeightedType[],
  capKg: number,
  capVol: number,
  opts: BinOptions = {},
): Bin[] {
  const bound = lowerBound(types, capKg, capVol);
  let best = firstFitDecreasing(types, capKg, capVol);
  let units = 0;
  for (const t of types) units += t.count;
  if (best.length <= bound) return best;
  const mbs = minimumBinSlack(types, capKg, capVol);
  if (mbs.length < best.length) best = mbs;
  const work = opts.work ?? 10_000_000;
  if (best.length <= bound || units > (opts.searchUnits ?? 3000) || work <= 0) return best;
  const exact = completeBins(types, capKg, capVol, bound, Math.min(work / 10, 200_000));
  if (exact) return exact;
  const improved = removeBins(types, best, capKg, capVol, bound, work * 2, opts.seed);
  if (improved.length < best.length) best = improved;
  if (best.length <= bound) return best;
  // a second, differently shaped search (it finishes some instances the first leaves at +1)
  const swapped = emptyLightest(types, best, capKg, capVol, bound, opts.rounds ?? 2000, work * 0.3, opts.seed);
  return swapped.length < best.length ? swapped : best;
}
