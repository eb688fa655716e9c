import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Plan, Scenario } from '../model/index.ts';
import { check, expectOnly, expectViolation, figuresOf, reweigh, sortie, tinyCase } from './fixtures.ts';

const load = (plan: Plan, id: string, ref: string) => sortie(plan, id).loads.find((l) => l.ref === ref)!;
const c17 = (s: Scenario) => s.aircraft.find((a) => a.type === 'C-17A')!;

/** The fixture's C-17 with three stations, and its pallets on them (P-tents-1 moved aft of the truck). */
function stationCase() {
  const { scenario, plan } = tinyCase();
  c17(scenario).palletStations = [
    { x: 8, y: 0, l: 2.74, w: 2.24, maxKg: 4000 },
    { x: 8, y: 2.24, l: 2.74, w: 2.24, maxKg: 4000 },
    { x: 13, y: 2.24, l: 2.74, w: 2.24, maxKg: 2000 },
  ];
  Object.assign(load(plan, 'S2', 'P-tents-1'), { x: 13, y: 2.24 });
  return { scenario, plan: reweigh(scenario, plan) };
}

test('pallets on stations, one a station, within their weight', () => {
  const { scenario, plan } = stationCase();
  assert.deepEqual(check(scenario, plan), []);
});

test('a pallet off its station', () => {
  const { scenario, plan } = stationCase();
  load(plan, 'S2', 'P-tents-1').x = 13.1;
  const v = check(scenario, reweigh(scenario, plan));
  expectOnly(v, 'load.station');
  expectViolation(v, 'load.station', /^sortie S2 \(C-17A#1\): pallet P-tents-1 at x 13\.1, y 2\.24 m \(2\.74 × 2\.24 m\) sits on no pallet station; the nearest is station 3 at x 13, y 2\.24 m$/);
  assert.deepEqual(figuresOf(v, 'load.station', /P-tents-1/), { amount: 0.1, limit: 0, unit: 'm' });
});

test('a pallet heavier than its station takes (a ramp station)', () => {
  const { scenario, plan } = stationCase();
  c17(scenario).palletStations![2].maxKg = 300;
  const v = check(scenario, plan);
  expectOnly(v, 'load.station');
  expectViolation(v, 'load.station', /sortie S2 \(C-17A#1\): pallet P-tents-1 of 330 kg sits on station 3, which takes at most 300 kg/);
  assert.deepEqual(figuresOf(v, 'load.station', /330/), { amount: 330, limit: 300, unit: 'kg' });
});

test('two pallets on one station', () => {
  const { scenario, plan } = stationCase();
  Object.assign(load(plan, 'S4', 'P-ammo-1'), { x: 8, y: 0 });
  const v = check(scenario, reweigh(scenario, plan));
  expectOnly(v, 'load.station', 'load.floor');
  expectViolation(v, 'load.station', /sortie S4 \(C-17A#1\): pallets P-gen-1 and P-ammo-1 both sit on station 1/);
  assert.deepEqual(figuresOf(v, 'load.station', /both/), { amount: 2, limit: 1, unit: 'pallets' });
});

test('a station a vehicle stands over carries no pallet', () => {
  const { scenario, plan } = stationCase();
  c17(scenario).palletStations![2].x = 12.5;
  load(plan, 'S2', 'P-tents-1').x = 12.5; // the truck runs to x 13 at y 0-2.4
  const v = check(scenario, reweigh(scenario, plan));
  expectOnly(v, 'load.station', 'load.floor');
  expectViolation(v, 'load.station', /sortie S2 \(C-17A#1\): pallet P-tents-1 sits on station 3, which floor load truck stands over/);
  assert.deepEqual(figuresOf(v, 'load.station', /stands over/), { amount: 0.08, limit: 0, unit: 'm2' });
});

test('a type without stations lets pallets sit anywhere on the floor', () => {
  const { scenario, plan } = tinyCase();
  assert.equal(c17(scenario).palletStations, undefined);
  load(plan, 'S4', 'P-ammo-1').x = 8.37;
  assert.deepEqual(check(scenario, reweigh(scenario, plan)), []);
});
