// The bin-removing tabu search (consistent neighbourhood search) with exact repacks.

import { seededRandom, streamSeed } from '../../shared/random.ts';
import { completeBins } from './complete.ts';
import { EPS, type Bin, type WeightedType } from './types.ts';

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
export function removeBins(
  types: readonly WeightedType[],
  start: Bin[],
  capKg: number,
  capVol: number,
  bound: number,
  workLimit: number,
  seed = 1,
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
  const rng = seededRandom(streamSeed(seed, 12345));
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
