// Bin completion: an exact search for a packing into a given number of bins.

import { EPS, type Bin, type WeightedType } from './types.ts';

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
