// First fit decreasing on grouped units: the first construction, and the probe build.ts
// stacks in 3D to see how much the bins overflow.

import { EPS, type Bin, type WeightedType } from './types.ts';

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
