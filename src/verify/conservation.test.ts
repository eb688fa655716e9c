import { test } from 'node:test';
import assert from 'node:assert/strict';
import { HOUR_MS, toIso, toMs } from '../model/index.ts';
import { check, expectOnly, expectViolation, figuresOf, reweigh, sortie, tinyCase } from './fixtures.ts';

test('a pallet never flown out is left behind at its origin', () => {
  const { scenario, plan } = tinyCase();
  for (const id of ['S3', 'S4']) sortie(plan, id).loads = sortie(plan, id).loads.filter((l) => l.ref !== 'P-ammo-1');
  const v = check(scenario, reweigh(scenario, plan));
  expectOnly(v, 'conservation.item');
  expectViolation(v, 'conservation.item', /pallet P-ammo-1 is left behind at alpha \(origin, never flown out\)/);
  assert.deepEqual(figuresOf(v, 'conservation.item', /P-ammo-1/), { amount: 1, limit: 0, unit: 'pallets' });
});

test('a floor unit never loaded is left behind', () => {
  const { scenario, plan } = tinyCase();
  sortie(plan, 'S2').loads = sortie(plan, 'S2').loads.filter((l) => l.ref !== 'truck');
  const v = check(scenario, reweigh(scenario, plan));
  expectOnly(v, 'conservation.item');
  expectViolation(v, 'conservation.item', /item truck: 1 retrograde unit left behind at alpha/);
  assert.deepEqual(figuresOf(v, 'conservation.item', /truck/), { amount: 1, limit: 0, unit: 'units' });
});

test('dispositions must account for every unit of an item', () => {
  const { scenario, plan } = tinyCase();
  plan.dispositions = plan.dispositions.filter((d) => !(d.itemId === 'gen' && d.action === 'demilitarize'));
  plan.metrics.demilitarizedValueUsd = 0;
  const v = check(scenario, plan);
  expectOnly(v, 'conservation.item');
  expectViolation(v, 'conservation.item', /item gen: dispositions account for 1 units of 2/);
  assert.deepEqual(figuresOf(v, 'conservation.item', /gen/), { amount: 1, limit: 2, unit: 'units' });
});

test('more units on pallets than are retrograde', () => {
  const { scenario, plan } = tinyCase();
  const row = plan.dispositions.find((d) => d.itemId === 'tents' && d.action === 'retrograde')!;
  row.quantity = 1;
  plan.dispositions.find((d) => d.itemId === 'tents' && d.action === 'transfer')!.quantity = 2;
  plan.metrics.transferValueUsd = 4000;
  plan.metrics.retrogradeValueUsd -= 2000;
  const v = check(scenario, plan);
  expectOnly(v, 'conservation.item');
  expectViolation(v, 'conservation.item', /item tents: 2 units on pallets but only 1 retrograde/);
  assert.deepEqual(figuresOf(v, 'conservation.item', /tents/), { amount: 2, limit: 1, unit: 'units' });
});

test('a pallet leaves a hub only after it has been unloaded there; people too', () => {
  const { scenario, plan } = tinyCase();
  const s4 = sortie(plan, 'S4');
  const dur = toMs(s4.arrives) - toMs(s4.departs);
  const dep = toMs(sortie(plan, 'S3').arrives) + 1 * HOUR_MS; // the C-130J-30 needs 1.5 h to unload
  s4.departs = toIso(dep);
  s4.arrives = toIso(dep + dur);
  const v = check(scenario, plan);
  expectOnly(v, 'conservation.item', 'conservation.people');
  expectViolation(v, 'conservation.item', /sortie S4 \(C-17A#1\) takes pallet P-ammo-1 from hub at .*, before it is unloaded there at/);
  expectViolation(v, 'conservation.people', /sortie S4 \(C-17A#1\) takes 5 passengers from hub at .*, where only 3 people are/);
  // Half an hour before the 1.5 h unloading ends; five people where three are.
  assert.deepEqual(figuresOf(v, 'conservation.item', /P-ammo-1/), { amount: 0.5, limit: 0, unit: 'h' });
  assert.deepEqual(figuresOf(v, 'conservation.people', /S4/), { amount: 5, limit: 3, unit: 'people' });
});

test('a pallet cannot leave a site it is not at', () => {
  const { scenario, plan } = tinyCase();
  const s1 = sortie(plan, 'S1');
  s1.loads.push({ ref: 'P-tents-1', x: 2, y: 0, l: 2.74, w: 2.24 });
  const v = check(scenario, reweigh(scenario, plan));
  expectViolation(v, 'conservation.item', /sortie S1 \(C-130J-30#1\) takes pallet P-tents-1 from bravo at .*, but the pallet is at alpha/);
});

test('a floor unit taken from a site where none waits', () => {
  const { scenario, plan } = tinyCase();
  sortie(plan, 'S4').loads.push({ ref: 'truck', x: 12, y: 0, l: 6, w: 2.4 });
  const v = check(scenario, reweigh(scenario, plan));
  expectViolation(v, 'conservation.item', /sortie S4 \(C-17A#1\) takes a unit of truck from hub .*, but none is there to take/);
});

test('cargo may end at a hub, unless the hub is in a country with an agreement', () => {
  const { scenario, plan } = tinyCase();
  sortie(plan, 'S4').loads = sortie(plan, 'S4').loads.filter((l) => l.ref !== 'P-gen-1');
  reweigh(scenario, plan);
  assert.deepEqual(check(scenario, plan), []);
  scenario.agreements.push({ country: 'IT', deadline: '2024-12-31' });
  const v = check(scenario, plan);
  expectOnly(v, 'conservation.item');
  expectViolation(v, 'conservation.item', /pallet P-gen-1 is left behind at hub \(hub, after 1 sortie\)/);
});

test('everyone leaves an origin site', () => {
  const { scenario, plan } = tinyCase();
  sortie(plan, 'S3').passengers = 1;
  sortie(plan, 'S4').passengers = 4;
  const v = check(scenario, reweigh(scenario, plan));
  expectOnly(v, 'conservation.people');
  expectViolation(v, 'conservation.people', /^1 people remain at alpha \(origin\) at the end$/);
  assert.deepEqual(figuresOf(v, 'conservation.people', /remain/), { amount: 1, limit: 0, unit: 'people' });
});

test('a sortie cannot take more people than are at the site', () => {
  const { scenario, plan } = tinyCase();
  sortie(plan, 'S1').passengers = 5;
  sortie(plan, 'S4').passengers = 7;
  const v = check(scenario, reweigh(scenario, plan));
  expectOnly(v, 'conservation.people');
  expectViolation(v, 'conservation.people', /sortie S1 \(C-130J-30#1\) takes 5 passengers from bravo at .*, where only 3 people are/);
});
