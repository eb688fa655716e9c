import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Item, Plan, Scenario } from '../model/index.ts';
import { check, expectOnly, expectViolation, figuresOf, reweigh, tinyCase } from './fixtures.ts';

const item = (s: Scenario, id: string) => s.items.find((i) => i.id === id)!;
const pallet = (plan: Plan, id: string) => plan.pallets.find((p) => p.id === id)!;

// P-ammo-1: four 200 kg boxes, two on the pallet and two on top of them.

test('the weight on a unit within its limit, shared by contact area', () => {
  const { scenario, plan } = tinyCase();
  item(scenario, 'ammo').maxLoadOnTopKg = 200; // each bottom box carries exactly the one above it
  assert.deepEqual(check(scenario, plan), []);
  item(scenario, 'ammo').maxLoadOnTopKg = 150;
  const v = check(scenario, plan);
  expectOnly(v, 'pallet.stacking');
  expectViolation(v, 'pallet.stacking', /^pallet P-ammo-1: unit ammo \(unit 1\) carries 200 kg on top, over its limit of 150 kg$/);
  assert.deepEqual(figuresOf(v, 'pallet.stacking', /unit 1\)/), { amount: 200, limit: 150, unit: 'kg' });
});

/** A 300 kg crate on top of the two upper boxes, half on each. */
function crateOnTop() {
  const { scenario, plan } = tinyCase();
  const crate: Item = {
    id: 'crate', name: 'crate', site: 'alpha', quantity: 1, unitWeightKg: 300, lengthM: 1, widthM: 1, heightM: 0.5, unitValueUsd: 0,
    kind: 'cargo', sensitive: ['lethal'], hostTransfer: false, demilInPlace: false, tiltable: false, verticalDims: ['height'], cargoAircraftOnly: false,
  };
  scenario.items.push(crate);
  plan.dispositions.push({ itemId: 'crate', quantity: 1, action: 'retrograde', reason: 'retrograde 1' });
  pallet(plan, 'P-ammo-1').placements.push({ itemId: 'crate', x: 0, y: 0, z: 1, l: 1, w: 1, h: 0.5 });
  return { scenario, plan: reweigh(scenario, plan) };
}

test('no unit rests on a lighter one unless the policy allows it', () => {
  const { scenario, plan } = crateOnTop();
  const v = check(scenario, plan);
  expectOnly(v, 'pallet.stacking');
  expectViolation(v, 'pallet.stacking', /^pallet P-ammo-1: unit crate \(unit 5\) of 300 kg rests on the lighter ammo \(unit 3\) of 200 kg$/);
  expectViolation(v, 'pallet.stacking', /crate \(unit 5\) of 300 kg rests on the lighter ammo \(unit 4\)/);
  assert.deepEqual(figuresOf(v, 'pallet.stacking', /unit 3\)/), { amount: 300, limit: 200, unit: 'kg' });
  scenario.policy.heavierOnLighter = true;
  assert.deepEqual(check(scenario, plan), []);
});

test('weight passes down through the stack: the crate half on each upper box, then to the bottom ones', () => {
  const { scenario, plan } = crateOnTop();
  scenario.policy.heavierOnLighter = true;
  item(scenario, 'ammo').maxLoadOnTopKg = 349; // bottom boxes carry 200 + 150
  const v = check(scenario, plan);
  expectOnly(v, 'pallet.stacking');
  assert.deepEqual(v.filter((x) => x.rule === 'pallet.stacking').map((x) => x.message).sort(), [
    'pallet P-ammo-1: unit ammo (unit 1) carries 350 kg on top, over its limit of 349 kg',
    'pallet P-ammo-1: unit ammo (unit 2) carries 350 kg on top, over its limit of 349 kg',
  ]);
  item(scenario, 'ammo').maxLoadOnTopKg = 350;
  assert.deepEqual(check(scenario, plan), []);
  item(scenario, 'crate').maxLoadOnTopKg = 0; // nothing on it: fine, nothing is
  assert.deepEqual(check(scenario, plan), []);
});
