// Seeded randomness: the same scenario and seed give the same plan, byte for byte. Stages use
// the seed only to break exact ties (two candidates a stage scores equal), so every seed gives a
// plan as good by the stage's own measure; seed 1, the default, keeps each stage's own order at
// ties, which makes it the plans drawdown gave before seeds meant anything.

export const DEFAULT_SEED = 1;

/** mulberry32: a small seeded generator, so perturbed choices are reproducible */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * Ranks 0..n-1 in a seeded random order, for breaking exact ties among n candidates (lower
 * first); null for the default seed, where the caller keeps its own order. `stream` keeps the
 * uses apart, so one stage's ties do not shift when another's count changes.
 */
export function tieRanks(seed: number, n: number, stream: number): Int32Array | null {
  if (seed === DEFAULT_SEED) return null;
  const random = seededRandom((Math.imul(seed >>> 0, 0x9e3779b1) ^ Math.imul(stream + 1, 0x85ebca6b)) >>> 0);
  const order = Int32Array.from({ length: n }, (_, i) => i);
  for (let i = n - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    const t = order[i];
    order[i] = order[j];
    order[j] = t;
  }
  const rank = new Int32Array(n);
  order.forEach((at, r) => (rank[at] = r));
  return rank;
}

/**
 * The seed of stream `stream` under plan seed `seed`: `stream` itself for seed 1 (the seeds the
 * palletiser's searches used before the plan seed reached them). One plan seed feeds several
 * streams (the 1D searches, each pallet's restarts), each with its fixed number.
 */
export function streamSeed(seed: number, stream: number): number {
  return (stream ^ Math.imul((seed - 1) >>> 0, 0x9e3779b9)) >>> 0;
}
