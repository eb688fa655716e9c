import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Plan, Scenario } from '../model/index.ts';
import { check, expectOnly, expectViolation, figuresOf, reweigh, sortie, tinyCase } from './fixtures.ts';

const load = (plan: Plan, id: string, ref: string) => sortie(plan, id).loads.find((l) => l.ref === ref)!;
const item = (s: Scenario, id: string) => s.items.find((i) => i.id === id)!;

/** A short 2.6 m truck, so it would fit across the floor as well as along it. */
function shortTruck() {
  const { scenario, plan } = tinyCase();
  Object.assign(item(scenario, 'truck'), { lengthM: 2.6, widthM: 2.4 });
  Object.assign(load(plan, 'S2', 'truck'), { l: 2.6, w: 2.4 });
  load(plan, 'S2', 'shelter').y = 2.6;
  return { scenario, plan: reweigh(scenario, plan) };
}

test('a vehicle with its length along the floor', () => {
  const { scenario, plan } = shortTruck();
  assert.deepEqual(check(scenario, plan), []);
});

test('a vehicle standing across the floor', () => {
  const { scenario, plan } = shortTruck();
  Object.assign(load(plan, 'S2', 'truck'), { l: 2.4, w: 2.6 });
  const v = check(scenario, reweigh(scenario, plan));
  expectOnly(v, 'load.vehicle');
  expectViolation(v, 'load.vehicle', /^sortie S2 \(C-17A#1\): vehicle truck \(2\.6 m long, 2\.4 m wide\) takes 2\.4 m along and 2\.6 m across the floor; it drives on, so its length runs along the floor$/);
  assert.deepEqual(figuresOf(v, 'load.vehicle', /truck/), {}, 'an orientation, not a limit');
});

test('floor cargo that is not a vehicle may stand either way round', () => {
  const { scenario, plan } = tinyCase();
  Object.assign(load(plan, 'S2', 'shelter'), { l: 2, w: 3.2, y: 2.4, x: 7 });
  const v = check(scenario, reweigh(scenario, plan));
  assert.ok(!v.some((x) => x.rule === 'load.vehicle'));
});
