// The lower bound every search stops at.

import { EPS, type WeightedType } from './types.ts';

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
