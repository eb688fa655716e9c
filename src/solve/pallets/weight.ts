// Which units go together on a pallet when weight binds: a one-dimensional bin packing
// (with a volume cap as a second, coarse dimension). First fit decreasing on grouped units,
// then, while above the lower bound, a local search that empties the lightest pallets and
// swaps their units into the others (after Levine & Ducatelle 2004), within a fixed budget.

import { seededRandom } from './random.ts';

export interface WeightedType {
  kg: number;
  volume: number;
  count: number;
}

/** per bin: [type index, units] */
export type Bin = [number, number][];

export interface BinOptions {
  /** units up to which the local search runs (it works unit by unit) */
  searchUnits?: number;
  /** local-search rounds */
  rounds?: number;
  /** moves the local search may evaluate before it stops (bounds its time) */
  work?: number;
}

const EPS = 1e-9;

/** First fit decreasing by weight over grouped units; a max-segment tree finds the first bin. */
export function firstFitDecreasing(types: readonly WeightedType[], capKg: number, capVol: number): Bin[] {
  const order = types
    .map((_, i) => i)
    .filter((i) => types[i].count > 0)
    .sort((a, b) => types[b].kg - types[a].kg || types[b].volume - types[a].volume || a - b);
  let size = 1;
  let kgTree = new Float64Array(2 * size).fill(-Infinity);
  let volTree = new Float64Array(2 * size).fill(-Infinity);
  const bins: Bin[] = [];
  const set = (b: number, kg: number, vol: number) => {
    let i = b + size;
    kgTree[i] = kg;
    volTree[i] = vol;
    for (i >>= 1; i >= 1; i >>= 1) {
      kgTree[i] = Math.max(kgTree[2 * i], kgTree[2 * i + 1]);
      volTree[i] = Math.max(volTree[2 * i], volTree[2 * i + 1]);
    }
  };
  const first = (kg: number, vol: number, node = 1): number => {
    if (kgTree[node] < kg - EPS || volTree[node] < vol - EPS) return -1;
    if (node >= size) return node - size < bins.length ? node - size : -1;
    const l = first(kg, vol, 2 * node);
    return l >= 0 ? l : first(kg, vol, 2 * node + 1);
  };
  const remKg: number[] = [];
  const remVol: number[] = [];
  for (const t of order) {
    const { kg, volume } = types[t];
    let n = types[t].count;
    while (n > 0) {
      let b = first(kg, volume);
      if (b < 0) {
        b = bins.length;
        bins.push([]);
        remKg.push(capKg);
        remVol.push(capVol);
        if (b >= size) {
          // grow the tree: rebuild with double the leaves
          const old = size;
          size *= 2;
          kgTree = new Float64Array(2 * size).fill(-Infinity);
          volTree = new Float64Array(2 * size).fill(-Infinity);
          for (let i = 0; i < old && i < b; i++) set(i, remKg[i], remVol[i]);
        }
      }
      const k = Math.min(
        n,
        kg > 0 ? Math.floor(remKg[b] / kg + EPS) : n,
        volume > 0 ? Math.floor(remVol[b] / volume + EPS) : n,
      );
      if (k <= 0) throw new Error(`pallets: a unit of ${kg} kg, ${volume} m3 exceeds the pallet capacity`);
      bins[b].push([t, k]);
      remKg[b] -= k * kg;
      remVol[b] -= k * volume;
      set(b, remKg[b], remVol[b]);
      n -= k;
    }
  }
  return bins;
}

/** Bins for the units: FFD, then the local search when there are few enough units. */
export function binByWeight(
  types: readonly WeightedType[],
  capKg: number,
  capVol: number,
  opts: BinOptions = {},
): Bin[] {
  const ffd = firstFitDecreasing(types, capKg, capVol);
  let totalKg = 0;
  let totalVol = 0;
  let units = 0;
  for (const t of types) {
    totalKg += t.kg * t.count;
    totalVol += t.volume * t.count;
    units += t.count;
  }
  const bound = Math.max(Math.ceil(totalKg / capKg - EPS), Math.ceil(totalVol / capVol - EPS), units > 0 ? 1 : 0);
  if (ffd.length <= bound || units > (opts.searchUnits ?? 3000)) return ffd;
  let best = ffd;
  const mbs = minimumBinSlack(types, capKg, capVol);
  if (mbs.length < best.length) best = mbs;
  if (best.length <= bound) return best;
  const improved = emptyLightest(types, best, capKg, capVol, bound, opts.rounds ?? 2000, opts.work ?? 10_000_000);
  return improved.length < best.length ? improved : best;
}

/**
 * Minimum bin slack with the first unit fixed (Fleszar & Hindi 2002): each bin takes the
 * heaviest unit left, then the set of other units that fills it most, by a depth-first search
 * over distinct types with a node limit.
 */
function minimumBinSlack(types: readonly WeightedType[], capKg: number, capVol: number, nodeLimit = 20000): Bin[] {
  const order = types
    .map((_, i) => i)
    .filter((i) => types[i].count > 0)
    .sort((a, b) => types[b].kg - types[a].kg || types[b].volume - types[a].volume || a - b);
  const left = types.map((t) => t.count);
  const bins: Bin[] = [];
  for (;;) {
    const head = order.find((t) => left[t] > 0);
    if (head === undefined) break;
    left[head]--;
    const take = new Map<number, number>([[head, 1]]);
    let best: [number, number][] = [];
    let bestKg = types[head].kg;
    let nodes = 0;
    const chosen: [number, number][] = [];
    const dfs = (k: number, kg: number, vol: number): boolean => {
      if (kg > bestKg + EPS) {
        bestKg = kg;
        best = chosen.map((c) => [c[0], c[1]]);
        if (capKg - kg <= EPS) return true; // exact fill
      }
      for (let i = k; i < order.length; i++) {
        if (++nodes > nodeLimit) return true;
        const t = order[i];
        if (left[t] === 0 || kg + types[t].kg > capKg + EPS || vol + types[t].volume > capVol + EPS) continue;
        const most = Math.min(
          left[t],
          types[t].kg > 0 ? Math.floor((capKg - kg) / types[t].kg + EPS) : left[t],
          types[t].volume > 0 ? Math.floor((capVol - vol) / types[t].volume + EPS) : left[t],
        );
        for (let n = most; n >= 1; n--) {
          chosen.push([t, n]);
          const done = dfs(i + 1, kg + n * types[t].kg, vol + n * types[t].volume);
          chosen.pop();
          if (done) return true;
        }
      }
      return false;
    };
    dfs(0, types[head].kg, types[head].volume);
    for (const [t, n] of best) {
      left[t] -= n;
      take.set(t, (take.get(t) ?? 0) + n);
    }
    bins.push([...take.entries()]);
  }
  return bins;
}


/** index sets of one or two units of a type-sorted list, one per distinct type combination */
function combos(units: readonly number[]): number[][] {
  const firsts: number[] = [];
  for (let i = 0; i < units.length; i++) if (i === 0 || units[i] !== units[i - 1]) firsts.push(i);
  const out: number[][] = [];
  for (let a = 0; a < firsts.length; a++) {
    const i = firsts[a];
    out.push([i]);
    if (i + 1 < units.length && units[i + 1] === units[i]) out.push([i, i + 1]);
    for (let c = a + 1; c < firsts.length; c++) out.push([i, firsts[c]]);
  }
  return out;
}

/**
 * Local search on single units: free the units of the lightest bins, swap free units into the
 * other bins where that fills them more (2-2, 2-1, 1-2, 1-1, 0-1), then put the rest back first
 * fit decreasing. A round is kept when it does not add a bin.
 */
function emptyLightest(
  types: readonly WeightedType[],
  start: Bin[],
  capKg: number,
  capVol: number,
  bound: number,
  rounds: number,
  workLimit: number,
): Bin[] {
  // units as type indices
  const rng = seededRandom(7);
  let bins: number[][] = start.map((b) => b.flatMap(([t, n]) => new Array<number>(n).fill(t)));
  const kgOf = (b: number[]) => b.reduce((s, t) => s + types[t].kg, 0);
  const volOf = (b: number[]) => b.reduce((s, t) => s + types[t].volume, 0);
  const fits = (kg: number, vol: number) => kg <= capKg + EPS && vol <= capVol + EPS;

  let work = 0;
  for (let round = 0; round < rounds && bins.length > bound && work < workLimit; round++) {
    const k = 1 + (round % 3);
    const byLoad = bins.map((b, i) => ({ i, kg: kgOf(b) })).sort((a, b) => a.kg - b.kg || a.i - b.i);
    // the lightest bin, and others drawn at random so that rounds do not repeat themselves
    const emptied = new Set([byLoad[0].i]);
    while (emptied.size < Math.min(k, bins.length)) emptied.add(Math.floor(rng() * bins.length));
    let free: number[] = bins.filter((_, i) => emptied.has(i)).flat();
    const rest = bins.filter((_, i) => !emptied.has(i)).map((b) => b.slice());

    for (let pass = 0, changed = true; changed && pass < 20; pass++) {
      changed = false;
      for (const b of rest) {
        const kg = kgOf(b);
        const vol = volOf(b);
        // best move for this bin: the one that fills it most
        let bestGain = EPS;
        let bestOut: number[] = [];
        let bestIn: number[] = [];
        // one representative per distinct type (pair), since identical units swap alike
        b.sort((x, y) => x - y);
        free.sort((x, y) => x - y);
        const outs: number[][] = [[], ...combos(b)];
        const ins = combos(free);
        work += outs.length * ins.length;
        const sum = (set: number[], from: number[], f: (t: number) => number) => set.reduce((a, i) => a + f(from[i]), 0);
        const inKg = ins.map((n) => sum(n, free, (t) => types[t].kg));
        const inVol = ins.map((n) => sum(n, free, (t) => types[t].volume));
        for (const o of outs) {
          const oKg = sum(o, b, (t) => types[t].kg);
          const oVol = sum(o, b, (t) => types[t].volume);
          for (let m = 0; m < ins.length; m++) {
            const gain = inKg[m] - oKg;
            if (gain <= bestGain || !fits(kg + gain, vol - oVol + inVol[m])) continue;
            bestGain = gain;
            bestOut = o;
            bestIn = ins[m];
          }
        }
        if (bestIn.length === 0) continue;
        const goingOut = bestOut.map((i) => b[i]);
        const comingIn = bestIn.map((i) => free[i]);
        for (const i of [...bestOut].sort((x, y) => y - x)) b.splice(i, 1);
        b.push(...comingIn);
        const inSet = new Set(bestIn);
        free = free.filter((_, i) => !inSet.has(i)).concat(goingOut);
        changed = true;
      }
      if (free.length === 0) break;
    }

    // put the free units back, first fit decreasing, opening bins only when needed
    free.sort((a, b) => types[b].kg - types[a].kg || a - b);
    const loads = rest.map((b) => [kgOf(b), volOf(b)]);
    for (const u of free) {
      let placed = false;
      for (let i = 0; i < rest.length && !placed; i++) {
        if (fits(loads[i][0] + types[u].kg, loads[i][1] + types[u].volume)) {
          rest[i].push(u);
          loads[i][0] += types[u].kg;
          loads[i][1] += types[u].volume;
          placed = true;
        }
      }
      if (!placed) {
        rest.push([u]);
        loads.push([types[u].kg, types[u].volume]);
      }
    }
    if (rest.length <= bins.length) bins = rest;
  }
  return bins.map((b) => {
    const counts = new Map<number, number>();
    for (const t of b) counts.set(t, (counts.get(t) ?? 0) + 1);
    return [...counts.entries()].sort((x, y) => x[0] - y[0]);
  });
}
