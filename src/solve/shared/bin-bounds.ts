// Lower bounds for bin packing, shared by the pallet-count bound (bounds/) and the palletiser's
// own stopping test (pallets/): whoever proves "no fewer bins than this" proves it one way.

/**
 * Martello-Toth L2 lower bound for bin packing (sizes <= capacity), which dominates the
 * continuous bound ceil(sum / capacity). For a threshold K <= C/2: items above C - K take a bin
 * each and take nothing else over K; items in (C/2, C - K] take a bin each and share it only with
 * what fits in the rest; items in [K, C/2] fill the rest, then whole bins. A small tolerance only
 * ever moves items to weaker classes, so rounding cannot make the bound invalid.
 */
export function binPackingL2(items: readonly { size: number; count: number }[], capacity: number): number {
  const C = capacity;
  const tol = 1e-9 * C;
  const sorted = items.filter((i) => i.count > 0 && i.size > 0).sort((a, b) => a.size - b.size);
  if (sorted.length === 0 || !(C > 0)) return 0;
  // Merge equal sizes, then prefix sums of counts and of sizes, ascending.
  const size: number[] = [];
  const count: number[] = [];
  for (const it of sorted) {
    if (size.length && size[size.length - 1] === it.size) count[count.length - 1] += it.count;
    else {
      size.push(it.size);
      count.push(it.count);
    }
  }
  const d = size.length;
  const cnt = new Float64Array(d + 1);
  const sum = new Float64Array(d + 1);
  for (let i = 0; i < d; i++) {
    cnt[i + 1] = cnt[i] + count[i];
    sum[i + 1] = sum[i] + count[i] * size[i];
  }
  // first index with size > x
  const above = (x: number) => {
    let lo = 0;
    let hi = d;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (size[mid] > x) hi = mid;
      else lo = mid + 1;
    }
    return lo;
  };
  const ceil = (x: number) => Math.ceil(x - 1e-9);
  let best = ceil(sum[d] / C);
  const half = above(C / 2 + tol); // items from here on are pairwise incompatible
  const thresholds = [0, ...size.filter((s) => s <= C / 2)];
  let j3 = 0; // J3 = [j3, j2): sizes >= K (thresholds ascend, so j3 only moves up)
  for (const K of thresholds) {
    const j1 = above(C - K + tol); // J1 = [j1, d)
    const j2 = Math.min(half, j1); // J2 = [j2, j1)
    while (j3 < j2 && size[j3] < K) j3++;
    const n1 = cnt[d] - cnt[j1];
    const n2 = cnt[j1] - cnt[j2];
    const room = n2 * C - (sum[j1] - sum[j2]);
    const rest = sum[j2] - sum[j3] - room;
    best = Math.max(best, n1 + n2 + Math.max(0, ceil(rest / C)));
  }
  return best;
}
