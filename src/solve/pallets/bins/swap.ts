// The swap search: a second, differently shaped local search that finishes some instances
// the bin-removing search leaves one bin above the bound.

import { seededRandom, streamSeed } from '../../shared/random.ts';
import { EPS, type Bin, type WeightedType } from './types.ts';

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
export function emptyLightest(
  types: readonly WeightedType[],
  start: Bin[],
  capKg: number,
  capVol: number,
  bound: number,
  rounds: number,
  workLimit: number,
  seed = 1,
): Bin[] {
  // units as type indices
  const rng = seededRandom(streamSeed(seed, 7));
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

