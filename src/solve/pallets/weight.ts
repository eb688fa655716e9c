// Which units go together on a pallet when weight binds: a one-dimensional bin packing
// (with a volume cap as a second, coarse dimension). First fit decreasing and minimum bin
// slack on grouped units; then, while above the L2 lower bound, the exact method when weight
// alone binds (column generation in HiGHS and an LP-guided dive), and past its limits bin
// completion at the bound, a bin-removing tabu search with exact repacks, and a swap search,
// within a work budget.

// One file per algorithm under bins/; this file chains them.

import { completeBins } from './bins/complete.ts';
import { lowerBound } from './bins/bound.ts';
import { firstFitDecreasing } from './bins/ffd.ts';
import { minimumBinSlack } from './bins/mbs.ts';
import { removeBins } from './bins/remove.ts';
import { exactBins, type ExactOutcome } from './bins/exact.ts';
import { emptyLightest } from './bins/swap.ts';
import type { Bin, BinOptions, WeightedType } from './bins/types.ts';

export { completeBins, firstFitDecreasing, lowerBound };
export type { Bin, BinOptions, WeightedType };

export interface BinReport {
  bins: Bin[];
  /** a proven lower bound: L2, raised by the LP bound when the exact method ran */
  lowerBound: number;
  /** the bins meet the proven bound */
  optimal: boolean;
  /** what found the bins returned */
  method: 'ffd' | 'mbs' | 'exact' | 'search';
  /** the exact method: not run (not asked, or the constructions met L2), or its outcome */
  exact: 'not-run' | ExactOutcome['status'];
  /** why the exact method ended as it did (empty when not run) */
  reason: string;
}

/**
 * Bins for the units. FFD and minimum bin slack on grouped units; then, when asked
 * (`exact`), column generation for a proven bound and an LP-guided dive for bins meeting it;
 * while still above the bound and with few enough units, today's searches on single units
 * (bin completion, the bin-removing tabu search, the swap search) within the work budget.
 */
export function binsByWeight(
  types: readonly WeightedType[],
  capKg: number,
  capVol: number,
  opts: BinOptions = {},
): BinReport {
  let bound = lowerBound(types, capKg, capVol);
  let exact: BinReport['exact'] = 'not-run';
  let reason = '';
  const report = (bins: Bin[], method: BinReport['method']): BinReport => ({
    bins, lowerBound: bound, optimal: bins.length <= bound, method, exact, reason,
  });
  const ffd = firstFitDecreasing(types, capKg, capVol);
  let units = 0;
  for (const t of types) units += t.count;
  if (ffd.length <= bound) return report(ffd, 'ffd');
  const mbs = minimumBinSlack(types, capKg, capVol);
  let best = mbs.length < ffd.length ? mbs : ffd;
  let method: BinReport['method'] = mbs.length < ffd.length ? 'mbs' : 'ffd';
  if (best.length <= bound) return report(best, method);
  if (opts.exact) {
    const ex = exactBins(types, capKg, capVol, best, bound);
    exact = ex.status;
    reason = ex.reason;
    bound = Math.max(bound, ex.lowerBound);
    if (ex.bins && ex.bins.length < best.length) {
      best = ex.bins;
      method = 'exact';
    }
    if (best.length <= bound) return report(best, method);
  }
  const work = opts.work ?? 10_000_000;
  if (units > (opts.searchUnits ?? 3000) || work <= 0) return report(best, method);
  const completed = completeBins(types, capKg, capVol, bound, Math.min(work / 10, 200_000));
  if (completed) return report(completed, 'search');
  const improved = removeBins(types, best, capKg, capVol, bound, work * 2, opts.seed);
  if (improved.length < best.length) {
    best = improved;
    method = 'search';
  }
  if (best.length <= bound) return report(best, method);
  // a second, differently shaped search (it finishes some instances the first leaves at +1)
  const swapped = emptyLightest(types, best, capKg, capVol, bound, opts.rounds ?? 2000, work * 0.3, opts.seed);
  return swapped.length < best.length ? report(swapped, 'search') : report(best, method);
}

/** The bins of binsByWeight alone. */
export function binByWeight(types: readonly WeightedType[], capKg: number, capVol: number, opts: BinOptions = {}): Bin[] {
  return binsByWeight(types, capKg, capVol, opts).bins;
}
