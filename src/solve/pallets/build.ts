// Building the pallets of one load group (one site, sensitive or not) on one pallet type.
// Two ways, keeping the one with fewer pallets: volume first (fill a pallet as full as the 3D
// packer can, then take the next) and weight first (units binned by weight, then each bin
// stacked in 3D, what does not fit carried over), the second tried only where it can win and
// abandoned as soon as it cannot.

import type { PalletType } from '../../model/index.ts';
import { fillOne, loadValue, searchOne, type Block, type ContainerBox } from './container.ts';
import { TypePool, type BoxType } from './pool.ts';
import { overHalfEveryWay } from '../shared/orientations.ts';
import { streamSeed } from '../shared/random.ts';
import { binsByWeight, firstFitDecreasing, lowerBound, type Bin, type BinReport, type WeightedType } from './weight.ts';

export interface PalletBox extends ContainerBox {}

export function palletBox(pt: PalletType): PalletBox {
  return { l: pt.usableLengthM, w: pt.usableWidthM, h: pt.maxHeightM, maxKg: pt.maxGrossKg - pt.tareKg };
}

/** restarts per pallet: many for a handful of pallets, one for a million units */
function restartsFor(units: number): number {
  if (units <= 1_000) return 8;
  if (units <= 5_000) return 4;
  if (units <= 100_000) return 2;
  return 1;
}

/** heavier types first: they go low, and the packer meets them first */
function heavyFirst(types: readonly BoxType[]): number[] {
  return types.map((_, i) => i).sort((a, b) => types[b].kg - types[a].kg || types[b].volume - types[a].volume || a - b);
}

/**
 * Tree-search work for each pallet of a small group (at most SEARCH_PALLETS pallets by the
 * bound, SEARCH_UNITS units): the group's budget split over its pallets. Larger groups use the
 * quick constructions alone (a plan of a million units has no time for a search per pallet).
 */
const SEARCH_WORK = 100_000;
const SEARCH_PALLETS = 4;
const SEARCH_UNITS = 2_000;

/**
 * Does the stacking rule order these units by weight (no unit on a lighter one, and units of
 * different weights left)? The tree search knows nothing of that rule, so there its loads are
 * mostly refused (on Niger 7 of its 15 groups' loads were, and the others changed no pallet
 * count) at most of the palletiser's time; it is not run. Equal weights (the BR instances) keep it.
 */
function weightsOrderStack(box: PalletBox, pool: TypePool): boolean {
  if (!box.stacking || box.stacking.heavierOnLighter) return false;
  let kg: number | null = null;
  for (let i = 0; i < pool.types.length; i++) {
    if (pool.left[i] === 0) continue;
    if (kg === null) kg = pool.types[i].kg;
    else if (pool.types[i].kg !== kg) return true;
  }
  return false;
}

/**
 * Weight first is probed (volumeFinish) only on groups of at most this many units. Measured on
 * the generated scales (1k, 10k, 30k, 100k lines; 10k, 100k, 1M units; seed 1) and the golden
 * plans' scenarios: the probe beat volume first only on groups of up to 1,726 units, lost on the
 * larger ones and gave up on every group over 18,000 (10k lines' 19,000 units; 100k lines' and
 * 1M units' 24,000 to 197,000) after stacking thousands of bins: at 100k lines 2 s a group, 8 s
 * of the palletiser's 19 s.
 */
const PROBE_UNITS = 10_000;

/** Fill pallet after pallet from the pool until it is empty; returns each pallet's blocks. */
function fillInTurn(box: PalletBox, pool: TypePool, restarts: number, out: Block[][], seed: number, search = 0): void {
  while (pool.totalLeft > 0) {
    let c = fillOne(box, pool, { restarts, seed: streamSeed(seed, out.length + 1) });
    if (search > 0 && !weightsOrderStack(box, pool)) {
      // the tree search where it loads more (its loads are fully supported)
      const t = searchOne(box, pool, { work: search, seed: streamSeed(seed, out.length + 1) });
      if (loadValue(box, t) > loadValue(box, c) + 1e-12) c = t;
    }
    if (c.blocks.length === 0) throw new Error('pallets: a unit that fits an empty pallet was not placed');
    for (const [t, n] of c.used) pool.take(t, n);
    out.push(c.blocks);
  }
}

/**
 * Units no two of which share a pallet: in every allowed standing each extent is more than half
 * the box's, so two of them overlap along every axis wherever they stand. Each needs a pallet of
 * its own: their count bounds the pallets from below.
 */
function bigTypes(box: PalletBox, types: readonly BoxType[]): boolean[] {
  return types.map((t) => overHalfEveryWay(t.orients, box, 1e-9));
}

/**
 * Big units first runs on groups of at most this many units. On 100,000 generated lines (groups
 * of about 190,000 units) it cost the palletiser 10 s more (15 -> 25 s), and cut to two standings
 * and one restart there it cost as much and found no fewer pallets; on 10,000 lines (groups up to
 * 19,000 units) it saved 10 to 47 pallets in seven groups of eight.
 */
const BIG_FIRST_UNITS = 50_000;

/**
 * ... and on plans of at most this many cargo units (packPallets). On 100,000 lines (a million
 * units) its sensitive groups are small enough, but there it cost 8 s (the palletiser's 21 s
 * became 29 s) and flew 33 more sorties: such a plan has no time to fly both (../pallet-choice.ts).
 */
export const BIG_FIRST_PLAN_UNITS = 150_000;

/**
 * Big units first: each pallet starts with one big unit in a corner (in each of its standings,
 * the fullest kept) and is filled round it from the rest. Volume first fills pallets with the
 * small units while they last and leaves the big ones to end alone, one a pallet (on a generated
 * C-130 site, 143 of 330 pallets); here the small units ride beside and on them. Gives up (null)
 * once it needs `beat` pallets.
 */
function bigFirst(box: PalletBox, types: readonly BoxType[], counts: readonly number[], order: readonly number[], big: readonly boolean[], restarts: number, beat: number, seed: number): Block[][] | null {
  const pool = new TypePool(types, counts, order);
  const out: Block[][] = [];
  for (const t of order) {
    if (!big[t]) continue;
    while (pool.left[t] > 0) {
      let best: ReturnType<typeof fillOne> | null = null;
      for (const o of types[t].orients) {
        const start: Block[] = [{ type: t, dims: o, xs: [0, o[0]], ys: [0, o[1]], zs: [0, o[2]] }];
        const c = fillOne(box, pool, { restarts, seed: streamSeed(seed, out.length + 1), start });
        if (!best || loadValue(box, c) > loadValue(box, best) + 1e-12) best = c;
      }
      for (const [u, n] of best!.used) pool.take(u, n);
      out.push(best!.blocks);
      if (out.length >= beat) return null;
    }
  }
  fillInTurn(box, pool, restarts, out, seed);
  return out.length < beat ? out : null;
}

/**
 * Weight first: bin by weight, stack each bin in 3D, carry what a bin cannot take to a
 * volume-first fill. Gives up (null) once it is sure to need at least `beat` pallets.
 */
function weightFirst(
  box: PalletBox,
  types: readonly BoxType[],
  counts: readonly number[],
  order: readonly number[],
  restarts: number,
  work: number,
  beat: number,
  seed: number,
  /** bins to stack instead of searching for them */
  given?: Bin[],
  /** the exact 1D method first, and where the 1D report goes */
  exact?: { onBins: (r: BinReport) => void },
): Block[][] | null {
  const boxVolume = box.l * box.w * box.h;
  let bins = given;
  if (!bins) {
    const r = binsByWeight(
      types.map((t, i) => ({ kg: t.kg, volume: t.volume, count: counts[i] })),
      box.maxKg,
      boxVolume,
      { work, seed, exact: exact !== undefined },
    );
    exact?.onBins(r);
    bins = r.bins;
  }
  // each bin gives at least one pallet (its first unit always fits an empty pallet)
  if (bins.length >= beat) return null;
  const rank = new Int32Array(types.length);
  order.forEach((t, k) => (rank[t] = k));
  const out: Block[][] = [];
  const overflow = new Array<number>(types.length).fill(0);
  let overKg = 0;
  let overVolume = 0;
  for (let b = 0; b < bins.length; b++) {
    // a pool over the bin's own types, so a bin costs its size, not the group's
    const local = [...new Set(bins[b].map(([t]) => t))].sort((x, y) => rank[x] - rank[y]);
    const at = new Map(local.map((t, i) => [t, i]));
    const binCounts = new Array<number>(local.length).fill(0);
    for (const [t, n] of bins[b]) binCounts[at.get(t)!] += n;
    const c = fillOne(box, new TypePool(local.map((t) => types[t]), binCounts), { restarts, seed: streamSeed(seed, out.length + 1) });
    for (let i = 0; i < local.length; i++) {
      const n = binCounts[i] - (c.used.get(i) ?? 0);
      overflow[local[i]] += n;
      overKg += n * types[local[i]].kg;
      overVolume += n * types[local[i]].volume;
    }
    out.push(c.blocks.map((bl) => ({ ...bl, type: local[bl.type] })));
    // the overflow needs pallets of its own, at least by weight and by volume
    const overPallets = Math.ceil(Math.max(overKg / box.maxKg, overVolume / boxVolume) - 1e-9);
    if (out.length + (bins.length - b - 1) + overPallets >= beat) return null;
  }
  fillInTurn(box, new TypePool(types, overflow, order), restarts, out, seed);
  return out.length < beat ? out : null;
}

/** How the 1D (weight) subproblem of a group was solved, where weight alone binds. */
export interface BinningSummary {
  /** bins by weight */
  bins: number;
  /** proven lower bound on the bins, and so on the pallets */
  lowerBound: number;
  /** the bins meet the bound */
  optimal: boolean;
  method: BinReport['method'];
  exact: BinReport['exact'];
  reason: string;
}

export interface BuiltPallets {
  pallets: Block[][];
  /** volume first's pallets, where big units first (the pallets above) took fewer */
  volumeFirst?: Block[][];
  /** set where weight alone binds (the 1D search and the exact method ran) */
  binning: BinningSummary | null;
}

/**
 * Pallets (as blocks of type indices) for the given units; every unit must fit the pallet
 * type in some orientation and by weight. `seed` (the plan's) feeds every randomised restart.
 */
export function buildPallets(box: PalletBox, types: readonly BoxType[], counts: readonly number[], seed = 1, bigUnitsFirst = true): BuiltPallets {
  let units = 0;
  let kg = 0;
  let volume = 0;
  types.forEach((t, i) => {
    units += counts[i];
    kg += counts[i] * t.kg;
    volume += counts[i] * t.volume;
  });
  if (units === 0) return { pallets: [], binning: null };
  const boxVolume = box.l * box.w * box.h;
  const weighted: WeightedType[] = types.map((t, i) => ({ kg: t.kg, volume: t.volume, count: counts[i] }));
  let bound = Math.max(1, lowerBound(weighted, box.maxKg, boxVolume));
  const restarts = restartsFor(units);
  const order = heavyFirst(types);
  const kgShare = kg / box.maxKg;
  const volShare = volume / boxVolume;
  // a long 1D search only where weight alone binds (the 1D benchmarks); else short or none
  const work = kgShare >= 2 * volShare ? 10_000_000 : kgShare >= volShare ? 300_000 : 0;

  // where weight alone binds, weight first usually reaches the bound and volume first is slow
  // (the exact 1D method runs here, and its proven bound bounds the pallets too)
  if (kgShare >= 2 * volShare) {
    let binning: BinningSummary | null = null;
    const onBins = (r: BinReport) => {
      binning = { bins: r.bins.length, lowerBound: r.lowerBound, optimal: r.optimal, method: r.method, exact: r.exact, reason: r.reason };
    };
    const wf = weightFirst(box, types, counts, order, restarts, work, Infinity, seed, undefined, { onBins })!;
    bound = Math.max(bound, binning!.lowerBound);
    if (wf.length <= bound) return { pallets: wf, binning };
    const vf: Block[][] = [];
    fillInTurn(box, new TypePool(types, counts, order), restarts, vf, seed);
    return { pallets: wf.length <= vf.length ? wf : vf, binning };
  }
  const vf: Block[][] = [];
  const search = units <= SEARCH_UNITS && bound <= SEARCH_PALLETS ? Math.floor(SEARCH_WORK / bound) : 0;
  fillInTurn(box, new TypePool(types, counts, order), restarts, vf, seed, search);
  const plain = volumeFinish(vf);
  // Big units first, where they end alone: fewer pallets, and the plain ones kept beside them,
  // since fewer heavier pallets can fly more sorties where weight binds the aircraft (../pallet-choice.ts).
  const big = bigTypes(box, types);
  const nBig = big.reduce((a, b, i) => a + (b ? counts[i] : 0), 0);
  if (!bigUnitsFirst || nBig === 0 || units > BIG_FIRST_UNITS || plain.length <= Math.max(bound, nBig)) return { pallets: plain, binning: null };
  const bf = bigFirst(box, types, counts, order, big, restarts, plain.length, seed);
  return bf ? { pallets: bf, binning: null, volumeFirst: plain } : { pallets: plain, binning: null };

  /** Volume first's pallets, or weight first's where binning by weight does better. */
  function volumeFinish(vf: Block[][]): Block[][] {
    // when volume clearly binds, binning by weight only produces bins that overflow; on large
    // groups the weight bins' stacking never beat volume first (PROBE_UNITS)
    if (vf.length <= bound || kgShare < 0.8 * volShare || units > PROBE_UNITS) return vf;
    // A probe on first-fit-decreasing bins (cheap) says how much the 3D stacking overflows.
    // Better bins save at most the bins above the bound (measured: a couple more), so the
    // full 1D search runs only where the probe came that close to volume first.
    const ffd = firstFitDecreasing(weighted, box.maxKg, boxVolume);
    const slack = Math.max(2, ffd.length - bound);
    const probe = weightFirst(box, types, counts, order, restarts, 0, vf.length + slack + 1, seed, ffd);
    if (!probe) return vf;
    const best = probe.length < vf.length ? probe : vf;
    return weightFirst(box, types, counts, order, restarts, work, best.length, seed) ?? best;
  }
}
