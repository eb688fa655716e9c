import { test } from 'node:test';
import assert from 'node:assert/strict';
import { rng as generator } from '../../../generate/random.ts';
import { lowerBound } from './bound.ts';
import { completeBins } from './complete.ts';
import { exactBins } from './exact.ts';
import { firstFitDecreasing } from './ffd.ts';
import type { Bin, WeightedType } from './types.ts';

function audit(types: WeightedType[], bins: readonly Bin[], capKg: number, capVol: number) {
  const got = types.map(() => 0);
  for (const b of bins) {
    let kg = 0;
    let vol = 0;
    for (const [t, n] of b) {
      kg += n * types[t].kg;
      vol += n * types[t].volume;
      got[t] += n;
    }
    assert.ok(kg <= capKg + 1e-9, `bin of ${kg} kg over ${capKg}`);
    assert.ok(vol <= capVol + 1e-9, `bin of ${vol} m3 over ${capVol}`);
  }
  assert.deepEqual(got, types.map((t) => t.count), 'every unit binned once');
}

const typesOf = (pairs: [number, number][], volume = 0.001): WeightedType[] => pairs.map(([kg, count]) => ({ kg, volume, count }));

test('exact triplets: bins meeting the bound where first fit decreasing needs one more', () => {
  // six bins of exactly 100, each a triplet; FFD pairs the big ones badly
  const weights = [45, 30, 25, 40, 35, 25, 44, 31, 25, 42, 33, 25, 38, 36, 26, 41, 32, 27];
  const counts = new Map<number, number>();
  for (const w of weights) counts.set(w, (counts.get(w) ?? 0) + 1);
  const types = typesOf([...counts]);
  const ffd = firstFitDecreasing(types, 100, 1);
  assert.ok(ffd.length > 6);
  const r = exactBins(types, 100, 1, ffd, lowerBound(types, 100, 1));
  assert.equal(r.status, 'optimal');
  assert.equal(r.lowerBound, 6);
  assert.ok(r.bins);
  audit(types, r.bins, 100, 1);
  assert.equal(r.bins.length, 6);
});

test('the LP bound proves more than L2, and no packing beats it', () => {
  // 11 units, Σ = 451 in bins of 100: L2 says 5; nine units over a third allow two a bin, so 6
  const types = typesOf([[43, 2], [39, 1], [45, 1], [38, 2], [32, 2], [42, 1], [46, 1], [53, 1]]);
  const l2 = lowerBound(types, 100, 1);
  assert.equal(l2, 5);
  const ffd = firstFitDecreasing(types, 100, 1);
  const r = exactBins(types, 100, 1, ffd, l2);
  assert.equal(r.lowerBound, 6);
  // an independent exhaustive check: bin completion finds no packing into 5 bins
  assert.equal(completeBins(types, 100, 1, 5, 10_000_000), null);
  assert.equal(r.status, 'optimal');
  const bins = r.bins ?? ffd;
  audit(types, bins, 100, 1);
  assert.equal(bins.length, 6);
});

test('weights in tenths of a kilogram are solved on a decimal grid', () => {
  const types = typesOf([[0.5, 4], [0.3, 6], [0.2, 6], [0.7, 2]]);
  const ffd = firstFitDecreasing(types, 1.2, 1);
  const r = exactBins(types, 1.2, 1, ffd, lowerBound(types, 1.2, 1));
  assert.equal(r.status, 'optimal');
  audit(types, r.bins ?? ffd, 1.2, 1);
  assert.equal((r.bins ?? ffd).length, r.lowerBound);
});

test('skipped, with the reason, where volume may bind or the weights are off any grid', () => {
  const bulky = typesOf([[30, 6], [45, 4]], 0.6);
  const v = exactBins(bulky, 100, 1, firstFitDecreasing(bulky, 100, 1), 1);
  assert.equal(v.status, 'skipped');
  assert.match(v.reason, /volume may bind/);
  const thirds = typesOf([[100 / 3, 5], [50, 2]]);
  const g = exactBins(thirds, 100, 1, firstFitDecreasing(thirds, 100, 1), 1);
  assert.equal(g.status, 'skipped');
  assert.match(g.reason, /grid/);
});

test('random instances: bins valid, never below the proven bound, the same run after run', () => {
  const r = generator(31);
  for (let k = 0; k < 12; k++) {
    const counts = new Map<number, number>();
    const n = r.int(20, 80);
    for (let i = 0; i < n; i++) {
      const w = r.int(10, 60);
      counts.set(w, (counts.get(w) ?? 0) + 1);
    }
    const types = typesOf([...counts]);
    const ffd = firstFitDecreasing(types, 100, 1);
    const l2 = lowerBound(types, 100, 1);
    const a = exactBins(types, 100, 1, ffd, l2);
    assert.ok(a.lowerBound >= l2);
    const bins = a.bins ?? ffd;
    audit(types, bins, 100, 1);
    assert.ok(bins.length >= a.lowerBound, `instance ${k}: ${bins.length} bins under the bound ${a.lowerBound}`);
    if (a.status === 'optimal') assert.equal(bins.length, a.lowerBound);
    assert.deepEqual(exactBins(types, 100, 1, ffd, l2), a);
  }
});
