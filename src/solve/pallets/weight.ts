// Which units go together on a pallet when weight binds: a one-dimensional bin packing
// (with a volume cap as a second, coarse dimension). First fit decreasing and minimum bin
// slack on grouped units; then, while above the L2 lower bound, bin completion at the bound,
// a bin-removing tabu search with exact repacks, and a swap search, within a work budget.

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
  /**
   * work budget (moves evaluated, search nodes): bin completion gets a tenth (at most 200k),
   * the bin-removing search twice this, the swap search three tenths; 0 = FFD and MBS only
   */
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
  const improved = removeBins(types, best, capKg, capVol, bound, work * 2);
  if (improved.length < best.length) best = improved;
  if (best.length <= bound) return best;
  // a second, differently shaped search (it finishes some instances the first leaves at +1)
  const swapped = emptyLightest(types, best, capKg, capVol, bound, opts.rounds ?? 2000, work * 0.3);
  return swapped.length < best.length ? swapped : best;
}

/**
 * Lower bound on the bins: Martello & Toth's L2 on weight (units heavier than half a bin
 * each need their own, plus what the light ones cannot fit in their gaps), and ⌈Σvol/cap⌉.
 */
export function lowerBound(types: readonly WeightedType[], capKg: number, capVol: number): number {
  const kinds = types.filter((t) => t.count > 0).sort((a, b) => a.kg - b.kg);
  if (kinds.length === 0) return 0;
  let totalVol = 0;
  for (const t of kinds) totalVol += t.volume * t.count;
  const k = kinds.length;
  // prefix counts and weights over ascending kg
  const cnt = new Float64Array(k + 1);
  const sum = new Float64Array(k + 1);
  for (let i = 0; i < k; i++) {
    cnt[i + 1] = cnt[i] + kinds[i].count;
    sum[i + 1] = sum[i] + kinds[i].count * kinds[i].kg;
  }
  /** first index whose kg is above x */
  const above = (x: number) => {
    let lo = 0;
    let hi = k;
    while (lo < hi) {
      const m = (lo + hi) >> 1;
      if (kinds[m].kg > x + EPS) hi = m;
      else lo = m + 1;
    }
    return lo;
  };
  const half = above(capKg / 2);
  let best = Math.ceil(sum[k] / capKg - EPS);
  // α = 0 and each distinct weight up to half a bin
  for (let a = -1; a < half; a++) {
    const alpha = a < 0 ? 0 : kinds[a].kg;
    const from3 = a < 0 ? 0 : a; // J3: alpha <= kg <= C/2
    const j1 = above(capKg - alpha); // J1: kg > C - alpha
    const n1 = cnt[k] - cnt[j1];
    const n2 = cnt[j1] - cnt[half];
    const s2 = sum[j1] - sum[half];
    const s3 = sum[half] - sum[from3];
    const l = n1 + n2 + Math.max(0, Math.ceil((s3 - (n2 * capKg - s2)) / capKg - EPS));
    if (l > best) best = l;
  }
  return Math.max(best, Math.ceil(totalVol / capVol - EPS), 1);
}

/**
 * Two bins for the units of `set`, or null: a subset whose weight and volume leave the rest
 * within a bin too (depth-first, heaviest first, node limited).
 */
function splitInTwo(set: readonly number[], w: Float64Array, v: Float64Array, capKg: number, capVol: number, nodeLimit: number): number[] | null {
  const items = set.slice().sort((a, b) => w[b] - w[a] || a - b);
  let totalKg = 0;
  let totalVol = 0;
  for (const i of items) {
    totalKg += w[i];
    totalVol += v[i];
  }
  if (totalKg > 2 * capKg + EPS || totalVol > 2 * capVol + EPS) return null;
  const loKg = totalKg - capKg - EPS;
  const loVol = totalVol - capVol - EPS;
  const restKg = new Float64Array(items.length + 1);
  for (let i = items.length - 1; i >= 0; i--) restKg[i] = restKg[i + 1] + w[items[i]];
  const chosen: number[] = [];
  let nodes = 0;
  const dfs = (i: number, kg: number, vol: number): boolean => {
    if (kg >= loKg && vol >= loVol) return true;
    if (i === items.length || kg + restKg[i] < loKg || ++nodes > nodeLimit) return false;
    const u = items[i];
    if (kg + w[u] <= capKg + EPS && vol + v[u] <= capVol + EPS) {
      chosen.push(u);
      if (dfs(i + 1, kg + w[u], vol + v[u])) return true;
      chosen.pop();
    }
    // the first unit may stay in bin one (the bins are interchangeable); leaving a unit out
    // leaves out the identical units after it too, which the branch above already covers
    if (i === 0) return false;
    let j = i + 1;
    while (j < items.length && w[items[j]] === w[u] && v[items[j]] === v[u]) j++;
    return dfs(j, kg, vol);
  };
  return dfs(0, 0, 0) ? chosen : null;
}

/** tabu iterations without a lighter loose set before an exact repack */
const STALL = 10;
/** bins in an exact repack: the least loaded ones, then drawn at random */
const REPACK_SLACK = 8;
const REPACK_BINS = 8;
const REPACK_NODES = 5000;

/** the units of `pool` in exactly `target` bins by bin completion, or null */
function repack(
  pool: readonly number[],
  unitType: readonly number[],
  types: readonly WeightedType[],
  capKg: number,
  capVol: number,
  target: number,
  nodeLimit: number,
  spent: { nodes: number },
): number[][] | null {
  const byType = new Map<number, number[]>();
  for (const u of pool) {
    const list = byType.get(unitType[u]);
    if (list) list.push(u);
    else byType.set(unitType[u], [u]);
  }
  const keys = [...byType.keys()].sort((a, b) => a - b);
  const sub = keys.map((t) => ({ kg: types[t].kg, volume: types[t].volume, count: byType.get(t)!.length }));
  const bins = completeBins(sub, capKg, capVol, target, nodeLimit, spent);
  if (!bins) return null;
  return bins.map((b) => b.flatMap(([i, n]) => byType.get(keys[i])!.splice(0, n)));
}

interface Combo {
  a: number;
  b: number;
  kg: number;
  vol: number;
  n: number;
}

/** one or two of the given units, one per distinct weight/volume pair, sorted by weight */
function pairsOf(units: readonly number[], w: Float64Array, v: Float64Array, withEmpty: boolean): Combo[] {
  const u = units.slice().sort((x, y) => w[x] - w[y] || v[x] - v[y] || x - y);
  const same = (x: number, y: number) => w[x] === w[y] && v[x] === v[y];
  const out: Combo[] = withEmpty ? [{ a: -1, b: -1, kg: 0, vol: 0, n: 0 }] : [];
  for (let i = 0; i < u.length; i++) {
    if (i > 0 && same(u[i], u[i - 1])) continue;
    out.push({ a: u[i], b: -1, kg: w[u[i]], vol: v[u[i]], n: 1 });
    for (let j = i + 1; j < u.length; j++) {
      if (j > i + 1 && same(u[j], u[j - 1])) continue;
      out.push({ a: u[i], b: u[j], kg: w[u[i]] + w[u[j]], vol: v[u[i]] + v[u[j]], n: 2 });
    }
  }
  return out.sort((x, y) => x.kg - y.kg || x.n - y.n || x.vol - y.vol);
}

/**
 * Removes bins one at a time, after the consistent neighbourhood search of Buljubašić & Vasquez
 * (2016): from m bins, empty the three lightest into a set of loose units, then swap up to two
 * loose units with up to two packed ones (tabu search, lightest loose set first, then most loose
 * units) until the loose units fit two bins: m − 1 bins. Stops at the bound or the work budget.
 */
function removeBins(
  types: readonly WeightedType[],
  start: Bin[],
  capKg: number,
  capVol: number,
  bound: number,
  workLimit: number,
): Bin[] {
  const unitType: number[] = [];
  const firstUnit: number[] = [];
  types.forEach((t, i) => {
    firstUnit.push(unitType.length);
    for (let k = 0; k < t.count; k++) unitType.push(i);
  });
  const n = unitType.length;
  const w = new Float64Array(n);
  const v = new Float64Array(n);
  for (let u = 0; u < n; u++) {
    w[u] = types[unitType[u]].kg;
    v[u] = types[unitType[u]].volume;
  }
  const next = firstUnit.slice();
  let best: number[][] = start.map((b) => b.flatMap(([t, k]) => Array.from({ length: k }, () => next[t]++)));
  const rng = seededRandom(12345);
  const tabu = new Float64Array(n);
  let work = 0;
  let iter = 0;
  const sumKg = (b: readonly number[]) => b.reduce((s, u) => s + w[u], 0);
  const sumVol = (b: readonly number[]) => b.reduce((s, u) => s + v[u], 0);

  while (best.length > bound && best.length >= 2 && work < workLimit) {
    const m = best.length;
    const order = best.map((_, i) => i).sort((x, y) => sumKg(best[x]) - sumKg(best[y]) || x - y);
    const d = Math.min(3, m);
    const gone = new Set(order.slice(0, d));
    const bins = best.filter((_, i) => !gone.has(i)).map((b) => b.slice());
    const kg = bins.map(sumKg);
    const vol = bins.map(sumVol);
    let loose = order.slice(0, d).flatMap((i) => best[i]);
    let looseKg = sumKg(loose);
    let looseVol = sumVol(loose);
    let done: number[][] | null = null;
    const outsOf = bins.map((b) => pairsOf(b, w, v, true));
    let bestLoose = looseKg;
    let calm = 0;
    while (work < workLimit) {
      iter++;
      // do the loose units fit d − 1 bins?
      if (looseKg <= (d - 1) * capKg + EPS && looseVol <= (d - 1) * capVol + EPS) {
        if (d === 2) done = [loose];
        else {
          const one = splitInTwo(loose, w, v, capKg, capVol, 2000);
          work += 200;
          if (one) {
            const inOne = new Set(one);
            done = [one, loose.filter((u) => !inOne.has(u))];
          }
        }
        if (done) break;
      }
      const ins = pairsOf(loose.filter((u) => tabu[u] <= iter), w, v, false);
      work += ins.length + 1;
      if (ins.length === 0) {
        tabu.fill(0);
        continue;
      }
      let bestGain = -Infinity;
      let bestDn = -Infinity;
      let ties = 0;
      let mb = -1;
      let mOut: Combo | null = null;
      let mIn: Combo | null = null;
      for (let b = 0; b < bins.length; b++) {
        const outs = outsOf[b];
        const slack = capKg - kg[b];
        work += outs.length;
        for (const o of outs) {
          if ((o.a >= 0 && tabu[o.a] > iter) || (o.b >= 0 && tabu[o.b] > iter)) continue;
          const limit = slack + o.kg + EPS;
          // largest loose combination that fits
          let lo = 0;
          let hi = ins.length;
          while (lo < hi) {
            const mid = (lo + hi) >> 1;
            if (ins[mid].kg <= limit) lo = mid + 1;
            else hi = mid;
          }
          for (let k = lo - 1; k >= 0; k--) {
            const c = ins[k];
            const gain = c.kg - o.kg;
            if (gain < bestGain - EPS) break;
            work++;
            if (vol[b] - o.vol + c.vol > capVol + EPS) continue;
            const dn = o.n - c.n;
            if (Math.abs(gain) <= EPS && dn === 0) continue; // a like-for-like swap
            if (gain > bestGain + EPS || dn > bestDn) {
              bestGain = gain;
              bestDn = dn;
              ties = 1;
            } else if (dn < bestDn || rng() * ++ties >= 1) continue;
            mb = b;
            mOut = o;
            mIn = c;
          }
        }
      }
      if (!mOut || !mIn) {
        tabu.fill(0);
        continue;
      }
      const tenure = iter + 1 + Math.floor(rng() * Math.max(3, loose.length));
      const outUnits = [mOut.a, mOut.b].filter((u) => u >= 0);
      const inUnits = [mIn.a, mIn.b].filter((u) => u >= 0);
      for (const u of outUnits) tabu[u] = tenure;
      for (const u of inUnits) tabu[u] = tenure;
      const outSet = new Set(outUnits);
      const inSet = new Set(inUnits);
      bins[mb] = bins[mb].filter((u) => !outSet.has(u)).concat(inUnits);
      outsOf[mb] = pairsOf(bins[mb], w, v, true);
      loose = loose.filter((u) => !inSet.has(u)).concat(outUnits);
      kg[mb] += mIn.kg - mOut.kg;
      vol[mb] += mIn.vol - mOut.vol;
      looseKg += mOut.kg - mIn.kg;
      looseVol += mOut.vol - mIn.vol;
      if (looseKg < bestLoose - EPS) {
        bestLoose = looseKg;
        calm = 0;
      } else if (++calm >= STALL) {
        // stuck: repack the loose units with a few bins exactly (bin completion)
        calm = 0;
        const slackFirst = bins.map((_, b) => b).sort((x, y) => kg[x] - kg[y] || x - y);
        const picked = new Set(slackFirst.slice(0, Math.min(REPACK_SLACK, bins.length)));
        while (picked.size < Math.min(REPACK_BINS, bins.length)) picked.add(Math.floor(rng() * bins.length));
        const pool = loose.concat([...picked].flatMap((b) => bins[b]));
        const spent = { nodes: 0 };
        const sub = repack(pool, unitType, types, capKg, capVol, picked.size + d - 1, REPACK_NODES, spent);
        work += 10 + spent.nodes;
        if (sub) {
          for (const b of [...picked].sort((x, y) => y - x)) bins.splice(b, 1);
          done = sub;
          break;
        }
      }
    }
    if (!done) break;
    best = bins.concat(done.filter((b) => b.length > 0));
  }
  return best.map((b) => {
    const counts = new Map<number, number>();
    for (const u of b) counts.set(unitType[u], (counts.get(unitType[u]) ?? 0) + 1);
    return [...counts.entries()].sort((x, y) => x[0] - y[0]);
  });
}

/**
 * Bin completion (after Martello & Toth's MTP and Korf 2003): exactly `target` bins, filled
 * one at a time, each around its heaviest unit left, trying the fullest completions first and
 * backtracking; the waste of all bins together may not exceed target × cap − Σkg. Strong when
 * that slack is small (bins that must be exactly full). Null when the node budget runs out.
 */
export function completeBins(
  types: readonly WeightedType[],
  capKg: number,
  capVol: number,
  target: number,
  nodeLimit: number,
  spent: { nodes: number } = { nodes: 0 },
): Bin[] | null {
  const kinds = types
    .map((_, i) => i)
    .filter((i) => types[i].count > 0)
    .sort((a, b) => types[b].kg - types[a].kg || types[b].volume - types[a].volume || a - b);
  const kg = kinds.map((t) => types[t].kg);
  const vol = kinds.map((t) => types[t].volume);
  const left = kinds.map((t) => types[t].count);
  let totalKg = 0;
  let totalVol = 0;
  kinds.forEach((_, i) => {
    totalKg += kg[i] * left[i];
    totalVol += vol[i] * left[i];
  });
  const k = kinds.length;
  const bins: [number, number][][] = [];
  let nodes = 0;
  const fillBins = (binsLeft: number, wasteKg: number, wasteVol: number): boolean => {
    let h = 0;
    while (h < k && left[h] === 0) h++;
    if (h === k) return true;
    if (binsLeft === 0 || ++nodes > nodeLimit) return false;
    left[h]--;
    // weight still available from kind i on, for the bound on how full the bin can get
    const avail = new Float64Array(k + 1);
    for (let i = k - 1; i >= 0; i--) avail[i] = avail[i + 1] + left[i] * kg[i];
    const chosen: [number, number][] = [[h, 1]];
    const needKg = capKg - wasteKg - EPS;
    const needVol = capVol - wasteVol - EPS;
    const complete = (j: number, fKg: number, fVol: number): boolean => {
      if (++nodes > nodeLimit || fKg + avail[j] < needKg) return false;
      for (let i = j; i < k; i++) {
        if (fKg + avail[i] < needKg) break;
        if (left[i] === 0 || fKg + kg[i] > capKg + EPS || fVol + vol[i] > capVol + EPS) continue;
        const most = Math.min(
          left[i],
          kg[i] > 0 ? Math.floor((capKg - fKg) / kg[i] + EPS) : left[i],
          vol[i] > 0 ? Math.floor((capVol - fVol) / vol[i] + EPS) : left[i],
        );
        for (let c = most; c >= 1; c--) {
          left[i] -= c;
          chosen.push([i, c]);
          const ok = complete(i + 1, fKg + c * kg[i], fVol + c * vol[i]);
          left[i] += c;
          chosen.pop();
          if (ok) return true;
          if (nodes > nodeLimit) return false;
        }
      }
      // close the bin here: full enough, and no unit left would still fit (a bin that could
      // take one more is never needed: moving that unit in does not hurt)
      if (fKg < needKg || fVol < needVol) return false;
      for (let i = k - 1; i >= 0; i--) {
        if (left[i] === 0) continue;
        if (fKg + kg[i] <= capKg + EPS && fVol + vol[i] <= capVol + EPS) return false;
        if (fKg + kg[i] > capKg + EPS) break;
      }
      bins.push(chosen.map(([i, c]) => [kinds[i], c]));
      if (fillBins(binsLeft - 1, wasteKg - (capKg - fKg), wasteVol - (capVol - fVol))) return true;
      bins.pop();
      return false;
    };
    const ok = complete(h, kg[h], vol[h]);
    left[h]++;
    return ok;
  };
  const wasteKg = target * capKg - totalKg;
  const wasteVol = target * capVol - totalVol;
  if (wasteKg < -EPS || wasteVol < -EPS) return null;
  const ok = fillBins(target, wasteKg, wasteVol);
  spent.nodes += nodes;
  return ok ? bins : null;
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
