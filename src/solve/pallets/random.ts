// Seeded randomness: restarts and local search must give the same result for the same input.
// One plan seed feeds several streams (the 1D searches, each pallet's restarts); each stream
// has a fixed number, and the plan seed mixes into it so that seed 1 gives the stream number
// itself (the seeds these searches used before the plan seed reached them).

/** mulberry32: a small seeded generator, so perturbed restarts are reproducible */
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

/** The seed of stream `stream` under plan seed `seed`: `stream` itself for seed 1. */
export function streamSeed(seed: number, stream: number): number {
  return (stream ^ Math.imul((seed - 1) >>> 0, 0x9e3779b9)) >>> 0;
}
