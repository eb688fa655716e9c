import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Pallet, Plan } from '../../model/index.ts';
import { buildContext } from '../../verify/context.ts';
import { checkPallets } from '../../verify/pallets.ts';
import { checkStacking } from '../../verify/stacking.ts';
import { packPallets } from './index.ts';
import { rng as generator } from '../../generate/random.ts';
import { PALLET_463L, allOf, checkPack, item, scenarioWith } from './testkit.ts';

test('weight-bound cargo takes ceil(total / capacity) pallets where first fit decreasing would not', () => {
  // 1600,1600,1200x4 kg on pallets taking 4,000 kg: FFD opens three, 1600+1200+1200 twice fits two
  const pt = { ...PALLET_463L, maxGrossKg: 4000 + 161 };
  const s = scenarioWith([item('heavy', 'AGA', 2, 1600, [0.5, 0.5, 0.4]), item('mid', 'AGA', 4, 1200, [0.5, 0.5, 0.4])], [pt]);
  const r = packPallets(s, allOf(s));
  assert.deepEqual(checkPack(s, allOf(s), r), []);
  assert.equal(r.pallets.length, 2);
});

test('many light units are packed many to a pallet, filling it to the weight limit', () => {
  const s = scenarioWith([item('ammo', 'AGA', 500, 40, [0.4, 0.3, 0.25])]);
  const r = packPallets(s, allOf(s));
  assert.deepEqual(checkPack(s, allOf(s), r), []);
  assert.equal(r.pallets.length, Math.ceil((500 * 40) / (4536 - 161)));
});

test('a unit too big or too heavy for every pallet type goes to the floor, one entry per unit', () => {
  const s = scenarioWith([
    item('generator', 'AGA', 2, 900, [3.0, 2.0, 1.8]),
    item('block', 'AGA', 1, 5000, [1, 1, 1]),
    item('box', 'AGA', 3, 50, [1, 1, 1]),
  ]);
  const r = packPallets(s, allOf(s));
  assert.deepEqual(checkPack(s, allOf(s), r), []);
  assert.deepEqual(r.floorUnits, [
    { itemId: 'generator', site: 'AGA' },
    { itemId: 'generator', site: 'AGA' },
    { itemId: 'block', site: 'AGA' },
  ]);
  assert.equal(r.pallets.length, 1);
});

test('a tiltable long unit lies down when only that fits; the same unit upright goes to the floor', () => {
  const s = scenarioWith([
    item('mast', 'AGA', 1, 80, [0.2, 0.3, 2.5], { tiltable: true }),
    item('pole', 'AGA', 1, 80, [0.2, 0.3, 2.5]),
  ]);
  const r = packPallets(s, allOf(s));
  assert.deepEqual(checkPack(s, allOf(s), r), []);
  assert.deepEqual(r.floorUnits, [{ itemId: 'pole', site: 'AGA' }]);
  const mast = r.pallets.flatMap((p) => p.placements).find((u) => u.itemId === 'mast');
  assert.ok(mast && mast.h < 2.5, 'the mast lies on a side');
});

test('verticalDims: a unit stands only on an allowed dimension, and goes to the floor when none fits', () => {
  // the crate could stand on its 2 m end (it fits the 2.44 m height) but may not
  const s = scenarioWith([
    item('crate', 'AGA', 6, 60, [2.0, 0.6, 0.3], { verticalDims: ['width', 'height'] }),
    item('tube', 'AGA', 1, 40, [0.3, 0.3, 2.6], { verticalDims: ['length', 'height'] }),
    item('post', 'AGA', 1, 40, [0.3, 0.3, 2.6], { verticalDims: ['height'] }),
  ]);
  const r = packPallets(s, allOf(s));
  assert.deepEqual(checkPack(s, allOf(s), r), []);
  // the tube may lie with its 0.3 m length vertical; the post may only stand 2.6 m high: floor
  assert.deepEqual(r.floorUnits, [{ itemId: 'post', site: 'AGA' }]);
  const tube = r.pallets.flatMap((p) => p.placements).find((u) => u.itemId === 'tube')!;
  assert.equal(tube.h, 0.3);
  for (const u of r.pallets.flatMap((p) => p.placements).filter((p) => p.itemId === 'crate')) {
    assert.ok(u.h === 0.6 || u.h === 0.3, `crate stands ${u.h} high`);
  }
});

test('pallets are per site, sensitive cargo apart, numbered from 1 per site; vehicles ignored', () => {
  const s = scenarioWith([
    item('rifles', 'AGA', 10, 30, [1.2, 0.4, 0.3], { sensitive: ['lethal'] }),
    item('crypto', 'AGA', 2, 20, [0.5, 0.5, 0.5], { sensitive: ['classified'] }),
    item('water', 'AGA', 20, 20, [0.4, 0.3, 0.3]),
    item('tents', 'NIM', 8, 60, [1.0, 0.6, 0.5]),
    item('truck', 'NIM', 2, 9000, [7, 2.5, 3], { kind: 'vehicle' }),
  ]);
  const retro = allOf(s);
  const r = packPallets(s, retro);
  assert.deepEqual(checkPack(s, retro, r), []);
  assert.deepEqual(r.floorUnits, []);
  assert.deepEqual(
    r.pallets.map((p) => [p.id, p.site, [...new Set(p.placements.map((u) => u.itemId))].sort().join('+')]),
    [
      ['P-AGA-1', 'AGA', 'crypto+rifles'],
      ['P-AGA-2', 'AGA', 'water'],
      ['P-NIM-1', 'NIM', 'tents'],
    ],
  );
});

test('only the retrograde units are packed, and the result does not depend on map order', () => {
  const s = scenarioWith([item('a', 'AGA', 50, 100, [0.6, 0.4, 0.5]), item('b', 'AGA', 30, 60, [0.8, 0.5, 0.3])]);
  const one = new Map([
    ['a', 20],
    ['b', 7],
  ]);
  const two = new Map([
    ['b', 7],
    ['a', 20],
  ]);
  const r = packPallets(s, one);
  assert.deepEqual(checkPack(s, one, r), []);
  assert.deepEqual(packPallets(s, two), r);
});

test('with two pallet types the one giving fewer pallets is chosen', () => {
  const small = { ...PALLET_463L, id: 'half', usableLengthM: 1.3, maxGrossKg: 2000 };
  const s = scenarioWith([item('box', 'AGA', 40, 50, [0.6, 0.5, 0.5])], [small, PALLET_463L]);
  const r = packPallets(s, allOf(s));
  assert.deepEqual(checkPack(s, allOf(s), r), []);
  assert.ok(r.pallets.every((p) => p.palletType === '463L'));
});

test('random scenarios (seeded) always satisfy every pallet rule', () => {
  const rng = generator(2024).next;
  for (let k = 0; k < 15; k++) {
    const items = [];
    const lines = 1 + Math.floor(rng() * 12);
    for (let i = 0; i < lines; i++) {
      const site = rng() < 0.5 ? 'AGA' : 'NIM';
      const dims: [number, number, number] = [0.2 + 2.2 * rng(), 0.2 + 1.5 * rng(), 0.2 + 1.5 * rng()];
      items.push(
        item(`i${i}`, site, 1 + Math.floor(rng() * 30), 5 + 600 * rng() ** 2, dims, {
          tiltable: rng() < 0.3,
          sensitive: rng() < 0.2 ? ['dangerous'] : [],
        }),
      );
    }
    const s = scenarioWith(items);
    const r = packPallets(s, allOf(s));
    assert.deepEqual(checkPack(s, allOf(s), r), [], `scenario ${k}`);
  }
});

test('the seed reaches the restarts: two seeds give two valid packings, each reproducible', () => {
  const s = scenarioWith([
    // under the stacking rule (no unit on a lighter one) some instances leave the greedy loads
    // best at every restart, so every seed gives one packing; in this one the perturbed restarts win
    item('crates', 'AGA', 40, 120, [1.1, 0.7, 0.6]),
    item('boxes', 'AGA', 60, 120, [0.6, 0.5, 0.45]),
    item('drums', 'AGA', 24, 210, [0.6, 0.6, 0.9]),
    item('cases', 'AGA', 30, 210, [0.8, 0.4, 0.3]),
  ]);
  const retro = allOf(s);
  const one = packPallets(s, retro, { seed: 1 });
  const two = packPallets(s, retro, { seed: 2 });
  assert.deepEqual(checkPack(s, retro, one), []);
  assert.deepEqual(checkPack(s, retro, two), []);
  assert.deepEqual(packPallets(s, retro, { seed: 1 }), one);
  assert.deepEqual(packPallets(s, retro, { seed: 2 }), two);
  assert.deepEqual(packPallets(s, retro), one, 'seed 1 is the default');
  assert.notDeepEqual(one.pallets, two.pallets, 'another seed, another packing');
});

test('where weight alone binds, the result says how the bins were found and what bound proves them', () => {
  // 11 units, 4,510 kg on pallets taking 1,000 kg: L2 says 5, but nine units over a third allow
  // two a pallet, which the exact method's LP bound (6) proves; small boxes, so volume never binds
  const weights = [430, 430, 390, 450, 380, 380, 320, 320, 420, 460, 530];
  const counts = new Map<number, number>();
  for (const w of weights) counts.set(w, (counts.get(w) ?? 0) + 1);
  const pt = { ...PALLET_463L, maxGrossKg: 1000 + PALLET_463L.tareKg };
  const s = scenarioWith([...counts].map(([kg, n]) => item(`w${kg}`, 'AGA', n, kg, [0.3, 0.3, 0.3])), [pt]);
  const r = packPallets(s, allOf(s));
  assert.deepEqual(checkPack(s, allOf(s), r), []);
  assert.equal(r.binning.length, 1);
  const note = r.binning[0];
  assert.equal(note.site, 'AGA');
  assert.equal(note.units, weights.length);
  assert.equal(note.pallets, r.pallets.length);
  assert.equal(note.exact, 'optimal');
  assert.equal(note.lowerBound, 6);
  assert.equal(note.optimal, true);
  assert.equal(r.pallets.length, 6);
});

test('units too big to share a pallet each start one, and smaller units ride round them: one pallet a big unit', () => {
  // 2.27 x 1.89 x 1.36 m is more than half the 463L's usable 2.64 x 2.13 x 2.44 m every way it
  // stands, so no two share a pallet: 12 pallets at least. The cubes fit beside and on them.
  // Volume first alone fills the first pallets with cubes and leaves 8 big units alone: 14.
  const s = scenarioWith([item('generator', 'AGA', 12, 1100, [2.27, 1.89, 1.36]), item('cube', 'AGA', 24, 400, [1.0, 1.0, 0.9])]);
  const r = packPallets(s, allOf(s));
  assert.deepEqual(checkPack(s, allOf(s), r), []);
  assert.equal(r.pallets.length, 12);
  for (const p of r.pallets) assert.equal(p.placements.filter((u) => u.itemId === 'generator').length, 1);
});

test('random scenarios with big units (seeded): both palletisations keep every pallet rule, and big units first takes fewer', () => {
  const rng = generator(77).next;
  let differed = 0;
  for (let k = 0; k < 12; k++) {
    const items = [];
    const lines = 2 + Math.floor(rng() * 8);
    for (let i = 0; i < lines; i++) {
      // about half the lines over half the pallet's 2.64 x 2.13 x 2.44 m every way, the rest small
      const big = rng() < 0.5;
      const dims: [number, number, number] = big
        ? [1.4 + 1.2 * rng(), 1.1 + 1.0 * rng(), 1.25 + 1.1 * rng()]
        : [0.2 + 1.0 * rng(), 0.2 + 0.8 * rng(), 0.2 + 0.9 * rng()];
      items.push(item(`i${i}`, 'AGA', 1 + Math.floor(rng() * 15), 20 + (big ? 1500 : 400) * rng(), dims, {
        tiltable: rng() < 0.3,
        sensitive: rng() < 0.15 ? ['classified'] : [],
        ...(rng() < 0.3 ? { maxLoadOnTopKg: 200 + 800 * rng() } : {}),
      }));
    }
    const s = scenarioWith(items);
    const r = packPallets(s, allOf(s));
    // the testkit's own checks, then the verifier's pallet and stacking rules
    const rules = (pallets: Pallet[]) => {
      const ctx = buildContext(s, { pallets, sorties: [], dispositions: [] } as unknown as Plan);
      return [...checkPallets(ctx), ...checkStacking(ctx)].map((v) => v.message);
    };
    assert.deepEqual(checkPack(s, allOf(s), r), [], `scenario ${k}`);
    assert.deepEqual(rules(r.pallets), [], `scenario ${k}`);
    if (!r.volumeFirst) continue;
    differed++;
    assert.deepEqual(checkPack(s, allOf(s), { pallets: r.volumeFirst, floorUnits: r.floorUnits }), [], `scenario ${k}, volume first`);
    assert.deepEqual(rules(r.volumeFirst), [], `scenario ${k}, volume first`);
    assert.ok(r.pallets.length < r.volumeFirst.length, `scenario ${k}: ${r.pallets.length} against ${r.volumeFirst.length}`);
  }
  assert.ok(differed > 0, 'some scenario has big units left alone by volume first');
});
