import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Item, Plan, Scenario } from '../model/index.ts';
import { check, expectOnly, expectViolation, figuresOf, reweigh, tinyCase } from './fixtures.ts';

const TABLE: Scenario['segregation'] = [
  { a: '1', b: '3', segregate: true, reason: 'IATA DGR Table 9.3.A' },
  { a: '1.4S', b: '*', segregate: false, reason: 'IATA DGR Table 9.3.A' },
];

const item = (s: Scenario, id: string) => s.items.find((i) => i.id === id)!;
const pallet = (plan: Plan, id: string) => plan.pallets.find((p) => p.id === id)!;

/** The fixture with its ammunition as 1.4S and a can of fuel (class 3) riding on the ammunition pallet. */
function hazardCase() {
  const { scenario, plan } = tinyCase();
  scenario.segregation = TABLE;
  Object.assign(item(scenario, 'ammo'), { hazard: '1.4S', unNumber: 'UN0012', sensitive: ['lethal', 'dangerous'] });
  const fuel: Item = {
    id: 'fuel', name: 'JP-8 cans', site: 'alpha', quantity: 1, unitWeightKg: 40, lengthM: 0.5, widthM: 0.5, heightM: 0.5, unitValueUsd: 0,
    kind: 'cargo', sensitive: ['dangerous'], hostTransfer: false, demilInPlace: false, tiltable: false, verticalDims: ['height'],
    cargoAircraftOnly: false, hazard: '3', unNumber: 'UN1863',
  };
  scenario.items.push(fuel);
  plan.dispositions.push({ itemId: 'fuel', quantity: 1, action: 'retrograde', reason: 'retrograde 1' });
  pallet(plan, 'P-ammo-1').placements.push({ itemId: 'fuel', x: 1.2, y: 0, z: 0, l: 0.5, w: 0.5, h: 0.5 });
  return { scenario, plan: reweigh(scenario, plan) };
}

test('hazards the table allows together may share a pallet and touch', () => {
  const { scenario, plan } = hazardCase();
  assert.deepEqual(check(scenario, plan), []);
});

test('a pallet mixing hazards that must be segregated', () => {
  const { scenario, plan } = hazardCase();
  item(scenario, 'ammo').hazard = '1.1D';
  const v = check(scenario, plan);
  expectOnly(v, 'pallet.segregation');
  expectViolation(v, 'pallet.segregation', /^pallet P-ammo-1: ammo \(1\.1D\) and fuel \(3\) share the pallet but must be segregated \(IATA DGR Table 9\.3\.A\)$/);
  assert.deepEqual(figuresOf(v, 'pallet.segregation', /P-ammo-1/), {}, 'a categorical rule: no figures');
});

test('a subsidiary risk is segregated like the hazard itself', () => {
  const { scenario, plan } = hazardCase();
  item(scenario, 'fuel').hazard = '2.2';
  item(scenario, 'fuel').subsidiaryHazards = ['3'];
  assert.deepEqual(check(scenario, plan), [], 'the table has no entry for 2.2 itself');
  item(scenario, 'ammo').hazard = '1.2C';
  expectViolation(check(scenario, plan), 'pallet.segregation', /ammo \(1\.2C\) and fuel \(3\)/);
});

test('segregated loads touching on the floor', () => {
  const { scenario, plan } = tinyCase();
  scenario.segregation = TABLE;
  Object.assign(item(scenario, 'ammo'), { hazard: '1.4S', sensitive: ['lethal', 'dangerous'] });
  Object.assign(item(scenario, 'gen'), { hazard: '3', sensitive: ['dangerous'] });
  // S4 carries P-gen-1 and P-ammo-1 side by side: 1.4S and 3 may touch
  assert.deepEqual(check(scenario, plan), []);
  item(scenario, 'ammo').hazard = '1.1D';
  const v = check(scenario, plan);
  expectOnly(v, 'load.segregation');
  expectViolation(v, 'load.segregation', /^sortie S4 \(C-17A#1\): loads P-gen-1 \(3\) and P-ammo-1 \(1\.1D\) touch on the floor but must be segregated \(IATA DGR Table 9\.3\.A\)$/);
  // half a metre of floor between them keeps them apart; a few centimetres do not
  const s4 = plan.sorties.find((s) => s.id === 'S4')!;
  s4.loads[1].y = 2.24 + 0.5;
  assert.deepEqual(check(scenario, reweigh(scenario, plan)), []);
  s4.loads[1].y = 2.24 + 0.45;
  expectOnly(check(scenario, reweigh(scenario, plan)), 'load.segregation');
  // corner to corner is touching too
  s4.loads[1].x = 8 + 2.74 + 0.05;
  s4.loads[1].y = 2.24 + 0.05;
  expectOnly(check(scenario, reweigh(scenario, plan)), 'load.segregation');
});
