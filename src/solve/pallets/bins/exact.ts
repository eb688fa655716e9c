// The exact method for the weight-bin subproblem: column generation (Gilmore & Gomory's
// pattern LP, solved with HiGHS, priced by a bounded knapsack) for a proven lower bound, and an
// LP-guided dive (fix the patterns the LP uses, solve the rest again) for a packing that meets
// it. The LP bound of the pattern model equals that of the arc-flow model (Valério de Carvalho
// 1999) and is the optimum on nearly every instance (the integer round-up property), so a dive
// that reaches it proves the packing optimal. Work is capped by counts (LP solves, columns,
// knapsack cells), never by time, so the same input gives the same bins on every machine.

import type { Model } from 'highs';
import { highs } from '../highs.ts';
import { lowerBound } from './bound.ts';
import { completeBins } from './complete.ts';
import { firstFitDecreasing } from './ffd.ts';
import { minimumBinSlack } from './mbs.ts';
import type { Bin, WeightedType } from './types.ts';

export interface ExactLimits {
  /** LP solves in all (column generation and dive together) */
  lpSolves: number;
  /** columns in the master LP */
  columns: number;
  /** knapsack table size (items × capacity steps) above which the method is not tried */
  knapsackCells: number;
  /** nodes for each bin-completion attempt on a dive's residual */
  completionNodes: number;
}

export const EXACT_LIMITS: ExactLimits = {
  lpSolves: 2000,
  columns: 6000,
  knapsackCells: 20_000_000,
  completionNodes: 20_000,
};

export interface ExactOutcome {
  /**
   * optimal: the bins returned (or the incumbent's count) meet the proven bound;
   * limit: the bound is proven but no packing meeting it was found within the limits;
   * skipped: the method does not apply (the reason says why)
   */
  status: 'optimal' | 'limit' | 'skipped';
  reason: string;
  /** a proven lower bound on the bins (at least the one passed in) */
  lowerBound: number;
  /** bins meeting the bound when the dive found them; null when the incumbent already did */
  bins: Bin[] | null;
  lpSolves: number;
  columns: number;
}

const EPS = 1e-9;
/** slack on LP values before rounding a bound up (duals are floating point) */
const BOUND_EPS = 1e-6;

/** Weights and capacity as integers on the coarsest decimal grid that is exact, or null. */
function integerGrid(kg: readonly number[], capKg: number, maxSteps: number): { w: number[]; cap: number } | null {
  for (const scale of [1, 10, 100, 1000]) {
    const w = kg.map((x) => Math.round(x * scale));
    if (w.some((x, i) => Math.abs(x - kg[i] * scale) > 1e-7 * Math.max(1, x))) continue;
    const cap = Math.floor(capKg * scale + 1e-7);
    return cap <= maxSteps ? { w, cap } : null;
  }
  return null;
}

/** Bounded knapsack by dynamic programming over integer weights, chunked by powers of two. */
class Pricer {
  private readonly chunkType: number[] = [];
  private readonly chunkUnits: number[] = [];
  private readonly take: Uint8Array[] = [];
  private readonly dp: Float64Array;

  constructor(
    private readonly w: readonly number[],
    private readonly cap: number,
    counts: readonly number[],
  ) {
    w.forEach((wi, i) => {
      let left = Math.min(counts[i], Math.floor(cap / wi));
      for (let k = 1; left > 0; k *= 2) {
        const n = Math.min(k, left);
        this.chunkType.push(i);
        this.chunkUnits.push(n);
        this.take.push(new Uint8Array(cap + 1));
        left -= n;
      }
    });
    this.dp = new Float64Array(cap + 1);
  }

  static cells(w: readonly number[], cap: number, counts: readonly number[]): number {
    let chunks = 0;
    w.forEach((wi, i) => {
      const n = Math.min(counts[i], Math.floor(cap / wi));
      chunks += n > 0 ? Math.floor(Math.log2(n)) + 1 : 0;
    });
    return chunks * (cap + 1);
  }

  /** The pattern of largest value (units per type, at most `counts`), and that value. */
  best(value: readonly number[], counts: readonly number[]): { value: number; pattern: number[] } {
    const { dp, cap } = this;
    dp.fill(0);
    const used = new Array<number>(value.length).fill(0);
    const active: number[] = [];
    for (let c = 0; c < this.chunkType.length; c++) {
      const t = this.chunkType[c];
      const take = this.take[c];
      take.fill(0);
      // a chunk counts only while the units before it of its type leave it within `counts`
      if (value[t] <= EPS || used[t] + this.chunkUnits[c] > counts[t]) continue;
      used[t] += this.chunkUnits[c];
      active.push(c);
      const wt = this.chunkUnits[c] * this.w[t];
      const v = this.chunkUnits[c] * value[t];
      for (let x = cap; x >= wt; x--) {
        const cand = dp[x - wt] + v;
        if (cand > dp[x] + 1e-12) {
          dp[x] = cand;
          take[x] = 1;
        }
      }
    }
    const pattern = new Array<number>(value.length).fill(0);
    let x = cap;
    for (let k = active.length - 1; k >= 0; k--) {
      const c = active[k];
      if (this.take[c][x]) {
        pattern[this.chunkType[c]] += this.chunkUnits[c];
        x -= this.chunkUnits[c] * this.w[this.chunkType[c]];
      }
    }
    return { value: dp[cap], pattern };
  }
}

/** The covering master LP: min Σ x_p, Σ_p a_ip x_p ≥ demand_i, x ≥ 0, one row per type. */
class Master {
  readonly model: Model;
  readonly columns: number[][] = [];
  private readonly seen = new Set<string>();
  solves = 0;

  constructor(rows: number) {
    this.model = highs.createModel({
      numCols: 0,
      numRows: rows,
      colCost: [],
      colLower: [],
      colUpper: [],
      rowLower: new Array<number>(rows).fill(0),
      rowUpper: new Array<number>(rows).fill(Infinity),
      matrix: { format: 'csc', numRows: rows, numCols: 0, starts: [0], indices: [], values: [] },
    });
    this.model.options.set({ output_flag: false, presolve: 'off', solver: 'simplex' });
  }

  /** false when the pattern is already a column */
  add(pattern: readonly number[]): boolean {
    const key = pattern.join(',');
    if (this.seen.has(key)) return false;
    this.seen.add(key);
    const indices: number[] = [];
    const values: number[] = [];
    pattern.forEach((a, i) => {
      if (a > 0) {
        indices.push(i);
        values.push(a);
      }
    });
    this.model.addCol(1, 0, Infinity, { indices, values });
    this.columns.push(pattern.slice());
    return true;
  }

  /** solves with the demand as row lower bounds; null unless optimal */
  solve(demand: readonly number[]): { z: number; x: Float64Array; duals: number[] } | null {
    this.model.changeRowsBounds(
      { kind: 'range', from: 0, to: demand.length - 1 },
      demand,
      new Array<number>(demand.length).fill(Infinity),
    );
    this.solves++;
    const r = this.model.run();
    if (r.modelStatus !== highs.constants.modelStatus.optimal) return null;
    const s = this.model.getSolution();
    return { z: this.model.getObjectiveValue(), x: s.colValue, duals: Array.from(s.rowDual, (d) => Math.max(0, d)) };
  }

  dispose(): void {
    this.model.dispose();
  }
}

/** Patterns (units per type) of the bins, clipped to nothing. */
function patternsOf(bins: readonly Bin[], types: number): number[][] {
  return bins.map((b) => {
    const p = new Array<number>(types).fill(0);
    for (const [t, n] of b) p[t] += n;
    return p;
  });
}

interface Lp {
  z: number;
  /** proven: no packing of the demand uses fewer bins */
  bound: number;
  x: Float64Array;
}

/** weight of the stability centre in the smoothed duals (Wentges 1997) */
const SMOOTHING = 0.5;

/**
 * Column generation on `demand` to the LP optimum, or until the rounded-up bound meets the
 * rounded-up LP value (more columns cannot raise the integer bound). Duals are smoothed
 * towards the ones that gave the best bound so far (Wentges), which cuts the long tail of
 * degenerate iterations; when the smoothed duals price no improving column, the LP's own do.
 */
function generate(master: Master, pricer: Pricer, demand: readonly number[], limits: ExactLimits, known: number): Lp | null {
  let bound = known;
  let best = -Infinity;
  let centre: number[] | null = null;
  /** Farley: duals scaled by the best pattern's value are dual feasible, so this bounds the LP */
  const farley = (duals: readonly number[], value: number) => {
    let sum = 0;
    demand.forEach((b, i) => (sum += b * duals[i]));
    const lagrangian = sum / Math.max(1, value);
    if (lagrangian > best) {
      best = lagrangian;
      centre = duals.slice();
    }
    bound = Math.max(bound, Math.ceil(lagrangian - BOUND_EPS));
  };
  const reducedCost = (pattern: readonly number[], duals: readonly number[]) => {
    let v = 0;
    pattern.forEach((a, i) => (v += a * duals[i]));
    return 1 - v;
  };
  for (;;) {
    if (master.solves >= limits.lpSolves) return null;
    const lp = master.solve(demand);
    if (!lp) return null;
    const done = (): Lp => ({ z: lp.z, bound, x: lp.x });
    const lpCeil = () => Math.ceil(lp.z - BOUND_EPS);
    if (bound >= lpCeil()) return done();
    let column: number[] | null = null;
    if (centre) {
      const c: number[] = centre;
      const smooth = lp.duals.map((d, i) => SMOOTHING * c[i] + (1 - SMOOTHING) * d);
      const priced = pricer.best(smooth, demand);
      farley(smooth, priced.value);
      if (reducedCost(priced.pattern, lp.duals) < -EPS) column = priced.pattern;
    }
    if (!column) {
      const priced = pricer.best(lp.duals, demand);
      farley(lp.duals, priced.value);
      if (priced.value <= 1 + EPS) return done();
      column = priced.pattern;
    }
    if (bound >= lpCeil()) return done();
    if (master.columns.length >= limits.columns || !master.add(column)) return done();
  }
}

/** residual bins up to which a dive step also tries bin completion (it costs its node limit) */
const COMPLETION_BINS = 40;

/**
 * The bins of a residual within `target`, or null: first fit decreasing, and on a small
 * residual minimum bin slack and bin completion at the target.
 */
function closeResidual(kg: readonly number[], vol: readonly number[], demand: readonly number[], capKg: number, capVol: number, target: number, nodes: number): Bin[] | null {
  const sub: WeightedType[] = demand.map((count, i) => ({ kg: kg[i], volume: vol[i], count }));
  if (target <= 0) return demand.every((d) => d === 0) ? [] : null;
  const ffd = firstFitDecreasing(sub, capKg, capVol);
  if (ffd.length <= target) return ffd;
  if (target > COMPLETION_BINS) return null;
  const mbs = minimumBinSlack(sub, capKg, capVol, nodes);
  if (mbs.length <= target) return mbs;
  return completeBins(sub, capKg, capVol, target, nodes);
}

/**
 * Exact bins for the units when weight alone binds. `incumbent`: the best bins so far (their
 * patterns seed the LP); `known`: a lower bound already proven (L2).
 */
export function exactBins(
  types: readonly WeightedType[],
  capKg: number,
  capVol: number,
  incumbent: readonly Bin[],
  known: number,
  limits: ExactLimits = EXACT_LIMITS,
): ExactOutcome {
  const skipped = (reason: string): ExactOutcome => ({ status: 'skipped', reason, lowerBound: known, bins: null, lpSolves: 0, columns: 0 });
  const live = types.map((_, i) => i).filter((i) => types[i].count > 0);
  if (live.length === 0) return { status: 'optimal', reason: 'no units', lowerBound: 0, bins: [], lpSolves: 0, columns: 0 };
  if (live.some((i) => types[i].kg <= 0)) return skipped('a unit weighs nothing, so weight does not bind');
  // weight alone binds when no bin full by weight can be over the volume cap
  let totalVol = 0;
  for (const i of live) totalVol += types[i].volume * types[i].count;
  const volumeFree = totalVol <= capVol + EPS || live.every((i) => types[i].volume * capKg <= capVol * types[i].kg + EPS);
  if (!volumeFree) return skipped('volume may bind in a bin full by weight');
  const kg = live.map((i) => types[i].kg);
  const vol = live.map((i) => types[i].volume);
  const counts = live.map((i) => types[i].count);
  const grid = integerGrid(kg, capKg, 1_000_000);
  if (!grid) return skipped('the weights are not on a decimal grid of at most 10^6 steps per bin');
  if (Pricer.cells(grid.w, grid.cap, counts) > limits.knapsackCells) return skipped('the knapsack table would exceed its size cap');

  const at = new Map(live.map((t, k) => [t, k]));
  const local = (bins: readonly Bin[]): Bin[] => bins.map((b) => b.map(([t, n]): [number, number] => [at.get(t)!, n]));
  const global = (bins: readonly Bin[]): Bin[] => bins.map((b) => b.map(([k, n]): [number, number] => [live[k], n]));

  const pricer = new Pricer(grid.w, grid.cap, counts);
  const master = new Master(live.length);
  try {
    for (const p of patternsOf(local(incumbent), live.length)) master.add(p);
    const root = generate(master, pricer, counts, limits, known);
    const outcome = (status: ExactOutcome['status'], reason: string, lowerBound: number, bins: Bin[] | null): ExactOutcome => ({
      status, reason, lowerBound, bins, lpSolves: master.solves, columns: master.columns.length,
    });
    if (!root) return outcome('limit', 'the LP did not solve within the limits', known, null);
    const lowerBound = Math.max(known, root.bound);
    if (incumbent.length <= lowerBound) return outcome('optimal', 'the heuristic bins meet the LP bound', lowerBound, null);
    const dived = dive(master, pricer, root, kg, vol, counts, capKg, capVol, lowerBound, limits);
    if (dived) return outcome('optimal', 'an LP-guided dive met the LP bound', lowerBound, global(dived));
    return outcome('limit', 'no packing meeting the LP bound within the limits', lowerBound, null);
  } finally {
    master.dispose();
  }
}

/**
 * A limited-discrepancy dive: fix the patterns the LP uses whole, take their units out, generate columns for the rest, and go on; the residual is
 * tried with the cheap constructions and bin completion at each step. Discrepancies let the
 * next-most-used patterns be fixed instead, first none (a plain dive), then one, then two.
 * Null when no packing within `target` bins was found before the LP budget ran out.
 */
function dive(
  master: Master,
  pricer: Pricer,
  root: Lp,
  kg: readonly number[],
  vol: readonly number[],
  counts: readonly number[],
  capKg: number,
  capVol: number,
  target: number,
  limits: ExactLimits,
): Bin[] | null {
  const step = (demand: number[], fixed: Bin[], lp: Lp | null, discrepancies: number): Bin[] | null => {
    if (!lp || fixed.length + lp.bound > target) return null;
    const rest = closeResidual(kg, vol, demand, capKg, capVol, target - fixed.length, limits.completionNodes);
    if (rest) return fixed.concat(rest);
    // the patterns the LP uses, most used first (ties: the earlier column)
    const used: number[] = [];
    for (let p = 0; p < lp.x.length; p++) if (lp.x[p] > 1e-6) used.push(p);
    used.sort((a, b) => lp.x[b] - lp.x[a] || a - b);
    // the plain choice fixes every pattern the LP uses whole (all its whole copies), or the
    // most used one once; a discrepancy k fixes the k-th most used pattern once instead
    const whole = used.filter((p) => lp.x[p] >= 1 - 1e-6);
    for (let k = 0; k < used.length && k <= discrepancies; k++) {
      if (master.solves >= limits.lpSolves) return null;
      const picks: [number, number][] =
        k === 0 && whole.length > 0 ? whole.map((p) => [p, Math.floor(lp.x[p] + 1e-6)]) : [[used[k], 1]];
      const left = demand.slice();
      const more = fixed.slice();
      for (const [p, copies] of picks) {
        const pattern = master.columns[p];
        for (let c = 0; c < copies; c++) {
          const bin: [number, number][] = [];
          pattern.forEach((a, i) => {
            const n = Math.min(a, left[i]);
            if (n > 0) {
              bin.push([i, n]);
              left[i] -= n;
            }
          });
          if (bin.length > 0) more.push(bin);
        }
      }
      if (left.every((d) => d === 0)) {
        if (more.length <= target) return more;
        continue;
      }
      const l2 = lowerBound(left.map((count, i) => ({ kg: kg[i], volume: vol[i], count })), capKg, capVol);
      const found = step(left, more, generate(master, pricer, left, limits, l2), discrepancies - k);
      if (found) return found;
    }
    return null;
  };
  for (let d = 0; master.solves < limits.lpSolves; d++) {
    const found = step(counts.slice(), [], root, d);
    if (found) return found;
  }
  return null;
}
