import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Scenario } from '../model/index.ts';
import { check, expectOnly, expectViolation, figuresOf, tinyCase } from './fixtures.ts';

const item = (s: Scenario, id: string) => s.items.find((i) => i.id === id)!;

test('cargo-aircraft-only units fly with no passengers', () => {
  const { scenario, plan } = tinyCase();
  assert.deepEqual(check(scenario, plan), []);
  item(scenario, 'shelter').cargoAircraftOnly = true; // a floor unit on S2
  item(scenario, 'gen').cargoAircraftOnly = true; // on pallet P-gen-1: S1 and S4
  const v = check(scenario, plan);
  expectOnly(v, 'load.cargoAircraftOnly');
  expectViolation(v, 'load.cargoAircraftOnly', /^sortie S2 \(C-17A#1\): 8 passengers fly with cargo-aircraft-only shelter$/);
  expectViolation(v, 'load.cargoAircraftOnly', /^sortie S1 \(C-130J-30#1\): 3 passengers fly with cargo-aircraft-only gen$/);
  expectViolation(v, 'load.cargoAircraftOnly', /^sortie S4 \(C-17A#1\): 5 passengers/);
  assert.deepEqual(figuresOf(v, 'load.cargoAircraftOnly', /S2/), { amount: 8, limit: 0, unit: 'people' });
});
