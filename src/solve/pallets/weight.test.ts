import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { binByWeight, completeBins, firstFitDecreasing, lowerBound, type Bin, type WeightedType } from './weight.ts';

function audit(types: WeightedType[], bins: Bin[], cap: number) {
  const got = types.map(() => 0);
  for (const b of bins) {
    const kg = b.reduce((s, [t, n]) => s + n * types[t].kg, 0);
    assert.ok(kg <= cap + 1e-9, `bin of ${kg} over ${cap}`);
    for (const [t, n] of b) got[t] += n;
  }
  assert.deepEqual(got, types.map((t) => t.count), 'every unit binned once');
}

test('first fit decreasing misses the optimum here; the search finds ceil(sum/cap)', () => {
  // 4,4,3,3,3,3 in bins of 10: FFD opens three, 4+3+3 twice is optimal
  const types = [
    { kg: 3, volume: 0, count: 4 },
    { kg: 4, volume: 0, count: 2 },
  ];
  assert.equal(firstFitDecreasing(types, 10, Infinity).length, 3);
  const bins = binByWeight(types, 10, Infinity);
  audit(types, bins, 10);
  assert.equal(bins.length, 2);
});

test('grouped units are binned many at a time and respect both capacities', () => {
  const types = [
    { kg: 700, volume: 0.5, count: 10_000 },
    { kg: 45, volume: 0.2, count: 50_000 },
    { kg: 1200, volume: 1, count: 3 },
  ];
  const bins = binByWeight(types, 4375, 13.7);
  audit(types, bins, 4375);
  for (const b of bins) assert.ok(b.reduce((s, [t, n]) => s + n * types[t].volume, 0) <= 13.7 + 1e-9);
  const lower = Math.ceil(types.reduce((s, t) => s + t.kg * t.count, 0) / 4375);
  // weight alone gives the bound; volume binds for the light units, so some slack is expected
  assert.ok(bins.length >= lower && bins.length <= lower * 1.15, `${bins.length} bins against a bound of ${lower}`);
});

/** grouped types from a list of weights (volume tiny, never binding) */
function typesOf(weights: number[]): WeightedType[] {
  const counts = new Map<number, number>();
  for (const w of weights) counts.set(w, (counts.get(w) ?? 0) + 1);
  return [...counts].map(([kg, count]) => ({ kg, volume: 0.001, count }));
}

test('L2 counts the units over half a bin that ⌈Σ/cap⌉ misses', () => {
  // six units of 60 in bins of 100: Σ/cap gives 4, but no two of them share a bin
  assert.equal(lowerBound([{ kg: 60, volume: 0, count: 6 }], 100, Infinity), 6);
  // volume binds: 10 units of 1 m3 in 4 m3 bins
  assert.equal(lowerBound([{ kg: 1, volume: 1, count: 10 }], 100, 4), 3);
});

test('triplets that exactly fill bins are found (first fit decreasing misses them)', () => {
  // four bins of 100, each 45 + 30 + 25 or 40 + 35 + 25 or 44 + 31 + 25 or 42 + 33 + 25 ...
  const weights = [45, 30, 25, 40, 35, 25, 44, 31, 25, 42, 33, 25, 38, 36, 26, 41, 32, 27];
  const types = typesOf(weights);
  assert.ok(firstFitDecreasing(types, 100, 1).length > 6);
  const bins = binByWeight(types, 100, 1);
  audit(types, bins, 100);
  assert.equal(bins.length, 6);
  assert.equal(completeBins(types, 100, 1, 6, 10_000)?.length, 6);
});

test('volume is a second capacity the search respects', () => {
  // by weight two bins would do; by volume the two bulky units cannot share one
  const types = [
    { kg: 50, volume: 0.6, count: 2 },
    { kg: 25, volume: 0.1, count: 4 },
  ];
  const bins = binByWeight(types, 100, 1);
  audit(types, bins, 100);
  for (const b of bins) assert.ok(b.reduce((s, [t, n]) => s + n * types[t].volume, 0) <= 1 + 1e-9);
  assert.equal(bins.length, 2);
});

test('the result is the same run after run', () => {
  const weights: number[] = [];
  let x = 12345;
  for (let i = 0; i < 300; i++) {
    x = (x * 1103515245 + 12345) % 2147483648;
    weights.push(20 + (x % 81));
  }
  const types = typesOf(weights);
  const a = binByWeight(types, 150, 1, { work: 200_000 });
  const b = binByWeight(types, 150, 1, { work: 200_000 });
  audit(types, a, 150);
  assert.deepEqual(a, b);
  assert.ok(a.length >= lowerBound(types, 150, 1));
});

const BPP = resolve(dirname(fileURLToPath(import.meta.url)), '../../../../shared/bench/bpp1d');

test('a Falkenauer triplet instance (BPPLIB) reaches its optimum', (t) => {
  const file = join(BPP, 'falkenauer_t', 'Falkenauer_t60_00.txt');
  if (!existsSync(file)) {
    t.skip(`no ${file}: the shared benchmarks are not beside the repo`);
    return;
  }
  const nums = readFileSync(file, 'utf8').split(/\s+/).filter(Boolean).map(Number);
  const [n, cap] = nums;
  const types = typesOf(nums.slice(2, 2 + n));
  const optimum = Number(
    readFileSync(join(BPP, 'optima.tsv'), 'utf8')
      .split(/\r?\n/)
      .find((l) => l.startsWith('Falkenauer_t60_00\t'))!
      .split('\t')[1],
  );
  const bins = binByWeight(types, cap, 1);
  audit(types, bins, cap);
  assert.equal(bins.length, optimum);
});
