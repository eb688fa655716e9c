// Minimum bin slack: the second construction.

import { EPS, type Bin, type WeightedType } from './types.ts';

/**
 * Minimum bin slack with the first unit fixed (Fleszar & Hindi 2002): each bin takes the
 * heaviest unit left, then the set of other units that fills it most, by a depth-first search
 * over distinct types with a node limit.
 */
export function minimumBinSlack(types: readonly WeightedType[], capKg: number, capVol: number, nodeLimit = 20000): Bin[] {
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
