import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Plan } from '../model/index.ts';
import { check, expectOnly, expectViolation, figuresOf, reweigh, tinyCase } from './fixtures.ts';

const pallet = (plan: Plan, id: string) => plan.pallets.find((p) => p.id === id)!;

test('overlapping units on a pallet', () => {
  const { scenario, plan } = tinyCase();
  pallet(plan, 'P-ammo-1').placements[3].y = 0.25; // the top row's second box slides onto the first
  const v = check(scenario, plan);
  expectOnly(v, 'pallet.overlap');
  expectViolation(v, 'pallet.overlap', /pallet P-ammo-1: units ammo \(unit 3\) and ammo \(unit 4\) overlap by 1 × 0.25 × 0.5 m/);
  assert.deepEqual(figuresOf(v, 'pallet.overlap', /unit 3/), { amount: 0.125, limit: 0, unit: 'm3' });
});

test('units stay inside the usable box', () => {
  const { scenario, plan } = tinyCase();
  pallet(plan, 'P-tents-1').placements[1].x = 1.6;
  const v = check(scenario, plan);
  expectOnly(v, 'pallet.bounds');
  expectViolation(v, 'pallet.bounds', /pallet P-tents-1: unit tents \(unit 2\) spans x 1.6–2.8, y 0–1, z 0–0.8 m, outside the 463L usable box 2.74 × 2.13 × 2.44 m/);
  assert.deepEqual(figuresOf(v, 'pallet.bounds', /unit 2/), { amount: 2.8, limit: 2.74, unit: 'm' });
});

test('heightM is the top of the highest unit', () => {
  const { scenario, plan } = tinyCase();
  pallet(plan, 'P-gen-1').heightM = 1.5;
  const v = check(scenario, plan);
  expectOnly(v, 'pallet.bounds');
  expectViolation(v, 'pallet.bounds', /pallet P-gen-1: heightM 1.5 but its highest unit tops at 1 m/);
  assert.deepEqual(figuresOf(v, 'pallet.bounds', /heightM/), { amount: 1.5, limit: 1, unit: 'm' });
});

test('a stacked unit rests on at least 75% of its base', () => {
  const { scenario, plan } = tinyCase();
  pallet(plan, 'P-ammo-1').placements[2].x = 0.5; // half of it hangs over the edge of the box below
  const v = check(scenario, plan);
  expectOnly(v, 'pallet.support');
  expectViolation(v, 'pallet.support', /pallet P-ammo-1: unit ammo \(unit 3\) at z 0.5 m rests on 50% of its base, under 75%/);
  assert.deepEqual(figuresOf(v, 'pallet.support', /unit 3/), { amount: 50, limit: 75, unit: '%' });
  pallet(plan, 'P-ammo-1').placements[2].x = 0.2; // 80% supported is enough
  assert.deepEqual(check(scenario, plan), []);
});

test('a unit floating above the others is unsupported', () => {
  const { scenario, plan } = tinyCase();
  pallet(plan, 'P-ammo-1').placements[2].z = 0.6;
  const v = check(scenario, reweigh(scenario, plan));
  expectOnly(v, 'pallet.support');
  expectViolation(v, 'pallet.support', /unit ammo \(unit 3\) at z 0.6 m rests on 0% of its base/);
});

test('a unit that is not tiltable stays upright', () => {
  const { scenario, plan } = tinyCase();
  Object.assign(pallet(plan, 'P-gen-1').placements[0], { l: 1.5, w: 1, h: 1.2 });
  const v = check(scenario, reweigh(scenario, plan));
  expectOnly(v, 'pallet.orientation');
  expectViolation(v, 'pallet.orientation', /pallet P-gen-1: unit gen \(unit 1\) is laid on its side .* but is not tiltable/);
});

test('a tiltable unit may lie on any face, but keeps its size', () => {
  const { scenario, plan } = tinyCase();
  Object.assign(pallet(plan, 'P-tents-1').placements[0], { l: 1.2, w: 0.8, h: 1 });
  assert.deepEqual(check(scenario, reweigh(scenario, plan)), []);
  pallet(plan, 'P-tents-1').placements[0].w = 0.7;
  const v = check(scenario, plan);
  expectOnly(v, 'pallet.orientation');
  expectViolation(v, 'pallet.orientation', /unit tents \(unit 1\) is placed as 1.2 × 0.7 × 1 m, not a turn of its 1.2 × 1 × 0.8 m/);
});

test('a unit stands only on a dimension its verticalDims allow', () => {
  const { scenario, plan } = tinyCase();
  // tents are 1.2 × 1 × 0.8 m; allow length or height vertical, not width
  Object.assign(scenario.items.find((i) => i.id === 'tents')!, { tiltable: false, verticalDims: ['length', 'height'] });
  Object.assign(pallet(plan, 'P-tents-1').placements[0], { l: 1, w: 0.8, h: 1.2 }); // on its end: length vertical
  assert.deepEqual(check(scenario, reweigh(scenario, plan)), []);
  Object.assign(pallet(plan, 'P-tents-1').placements[0], { l: 1.2, w: 0.8, h: 1 }); // width vertical
  const v = check(scenario, reweigh(scenario, plan));
  expectOnly(v, 'pallet.orientation');
  expectViolation(v, 'pallet.orientation', /unit tents \(unit 1\) stands 1 m high \(1.2 × 0.8 × 1 m\), but only its length 1.2 m or height 0.8 m may stand vertical/);
});

test('grossKg is tare plus units', () => {
  const { scenario, plan } = tinyCase();
  pallet(plan, 'P-tents-1').grossKg = 300;
  const v = check(scenario, plan);
  expectOnly(v, 'pallet.weight');
  expectViolation(v, 'pallet.weight', /pallet P-tents-1: grossKg 300 but tare 130 kg \+ units 200 kg = 330 kg/);
  assert.deepEqual(figuresOf(v, 'pallet.weight', /grossKg/), { amount: 300, limit: 330, unit: 'kg' });
});

test('a pallet within its gross limit', () => {
  const { scenario, plan } = tinyCase();
  scenario.items.find((i) => i.id === 'gen')!.unitWeightKg = 4500;
  const v = check(scenario, reweigh(scenario, plan));
  expectViolation(v, 'pallet.weight', /pallet P-gen-1: 4630 kg gross exceeds the 463L limit of 4536 kg/);
  assert.deepEqual(figuresOf(v, 'pallet.weight', /limit/), { amount: 4630, limit: 4536, unit: 'kg' });
});

test('sensitive units do not share a pallet with other cargo', () => {
  const { scenario, plan } = tinyCase();
  const tent = pallet(plan, 'P-tents-1').placements.pop()!;
  pallet(plan, 'P-ammo-1').placements.push({ ...tent, x: 1, y: 0, z: 0 });
  const v = check(scenario, reweigh(scenario, plan));
  expectOnly(v, 'pallet.content');
  expectViolation(v, 'pallet.content', /pallet P-ammo-1 mixes sensitive ammo with non-sensitive tents/);
});

test('vehicles never go on pallets', () => {
  const { scenario, plan } = tinyCase();
  scenario.items.find((i) => i.id === 'gen')!.kind = 'vehicle';
  const v = check(scenario, plan);
  expectOnly(v, 'pallet.content');
  expectViolation(v, 'pallet.content', /pallet P-gen-1 carries vehicle gen/);
});

test('a pallet carries units of its own site only', () => {
  const { scenario, plan } = tinyCase();
  pallet(plan, 'P-gen-1').site = 'alpha';
  const v = check(scenario, plan);
  expectViolation(v, 'pallet.content', /pallet P-gen-1 is built at alpha but carries gen from bravo/);
});
