import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Scenario } from '../model/index.ts';
import { check, expectOnly, expectViolation, figuresOf, reweigh, sortie, tinyCase } from './fixtures.ts';

const line = (s: Scenario, type: string) => s.aircraft.find((a) => a.type === type)!;
const load = (plan: ReturnType<typeof tinyCase>['plan'], id: string, ref: string) => sortie(plan, id).loads.find((l) => l.ref === ref)!;

test('too many passengers for the seats', () => {
  const { scenario, plan } = tinyCase();
  line(scenario, 'C-130J-30').seats = 2;
  const v = check(scenario, plan);
  expectOnly(v, 'load.seats');
  expectViolation(v, 'load.seats', /^sortie S1 \(C-130J-30#1\): 3 passengers exceed 2 seats$/);
  assert.deepEqual(figuresOf(v, 'load.seats', /S1/), { amount: 3, limit: 2, unit: 'people' });
});

test('pallets within the pallet positions', () => {
  const { scenario, plan } = tinyCase();
  line(scenario, 'C-17A').palletPositions = 1;
  const v = check(scenario, plan);
  expectOnly(v, 'load.positions');
  expectViolation(v, 'load.positions', /sortie S4 \(C-17A#1\): 2 pallets exceed 1 pallet positions/);
  assert.deepEqual(figuresOf(v, 'load.positions', /S4/), { amount: 2, limit: 1, unit: 'pallets' });
});

test('payload within the ACL, and as claimed', () => {
  const { scenario, plan } = tinyCase();
  line(scenario, 'C-17A').aclKg = 9000;
  let v = check(scenario, plan);
  expectOnly(v, 'load.payload');
  expectViolation(v, 'load.payload', /sortie S2 \(C-17A#1\): payload 9330 kg exceeds the ACL of 9000 kg/);
  assert.deepEqual(figuresOf(v, 'load.payload', /S2/), { amount: 9330, limit: 9000, unit: 'kg' });

  const fresh = tinyCase();
  sortie(fresh.plan, 'S4').payloadKg = 2000;
  v = check(fresh.scenario, fresh.plan);
  expectOnly(v, 'load.payload');
  expectViolation(v, 'load.payload', /sortie S4 \(C-17A#1\): payloadKg 2000 but cargo 1860 kg \+ 5 passengers 500 kg = 2360 kg/);
  // A claim against the figure recomputed: the claim is the amount, the recomputed figure the limit.
  assert.deepEqual(figuresOf(v, 'load.payload', /S4/), { amount: 2000, limit: 2360, unit: 'kg' });
});

test('loads fit through the door', () => {
  const { scenario, plan } = tinyCase();
  line(scenario, 'C-17A').doorHeightM = 2.5;
  const v = check(scenario, plan);
  expectOnly(v, 'load.door');
  expectViolation(v, 'load.door', /sortie S2 \(C-17A#1\): load truck stands 2.6 m tall, above the 2.5 m door/);
  assert.deepEqual(figuresOf(v, 'load.door', /truck/), { amount: 2.6, limit: 2.5, unit: 'm' });
});

test('a load whose centre of gravity is out of range', () => {
  const { scenario, plan } = tinyCase();
  load(plan, 'S2', 'truck').x = 0;
  const v = check(scenario, reweigh(scenario, plan));
  expectOnly(v, 'load.cg');
  expectViolation(v, 'load.cg', /sortie S2 \(C-17A#1\): cargo centre of gravity 4.119 m is outside the 8–12 m range/);
  // Forward of the range: the limit is its forward end.
  assert.deepEqual(figuresOf(v, 'load.cg', /outside/), { amount: 4.119, limit: 8, unit: 'm' });
});

test('cgM reports the centre of gravity, and is null only without cargo', () => {
  const { scenario, plan } = tinyCase();
  sortie(plan, 'S1').cgM = 9;
  sortie(plan, 'S3').cgM = null;
  const v = check(scenario, plan);
  expectOnly(v, 'load.cg');
  expectViolation(v, 'load.cg', /sortie S1 \(C-130J-30#1\): reports cgM 9 but its cargo balances at 8.37 m/);
  expectViolation(v, 'load.cg', /sortie S3 \(C-130J-30#1\): reports cgM null but its cargo balances at 8.37 m/);
});

test('loads stay on the floor', () => {
  const { scenario, plan } = tinyCase();
  load(plan, 'S1', 'P-gen-1').y = 1;
  const v = check(scenario, plan);
  expectOnly(v, 'load.floor');
  expectViolation(v, 'load.floor', /sortie S1 \(C-130J-30#1\): load P-gen-1 spans .* y 1–3.24 m, outside the 16.9 × 3.12 m floor/);
  assert.deepEqual(figuresOf(v, 'load.floor', /P-gen-1/), { amount: 3.24, limit: 3.12, unit: 'm' });
});

test('loads do not overlap on the floor', () => {
  const { scenario, plan } = tinyCase();
  load(plan, 'S2', 'P-tents-1').x = 9;
  const v = check(scenario, reweigh(scenario, plan));
  expectOnly(v, 'load.floor');
  expectViolation(v, 'load.floor', /sortie S2 \(C-17A#1\): loads shelter and P-tents-1 overlap on the floor/);
  // 1.2 m along (9–10.2) by 2 m across (2.4–4.4) of shared floor.
  assert.deepEqual(figuresOf(v, 'load.floor', /overlap/), { amount: 2.4, limit: 0, unit: 'm2' });
});

test('a load takes its own footprint, either way round', () => {
  const { scenario, plan } = tinyCase();
  Object.assign(load(plan, 'S1', 'P-gen-1'), { l: 2.24, w: 2.74 }); // turned: fine
  assert.deepEqual(check(scenario, reweigh(scenario, plan)), []);
  load(plan, 'S2', 'shelter').l = 3; // (a vehicle's wrong footprint is also load.vehicle's: see vehicles.test.ts)
  const v = check(scenario, reweigh(scenario, plan));
  expectOnly(v, 'load.floor');
  expectViolation(v, 'load.floor', /sortie S2 \(C-17A#1\): load shelter takes 3 × 2 m of floor, not its footprint 3.2 × 2 m/);
  assert.deepEqual(figuresOf(v, 'load.floor', /footprint/), {}, 'a wrong shape breaks no limit');
});

test('cargo rides on the floor only when it fits no pallet', () => {
  const { scenario, plan } = tinyCase();
  Object.assign(scenario.items.find((i) => i.id === 'shelter')!, { lengthM: 2, widthM: 1.5 });
  Object.assign(load(plan, 'S2', 'shelter'), { l: 2, w: 1.5 });
  const v = check(scenario, reweigh(scenario, plan));
  expectOnly(v, 'load.floor');
  expectViolation(v, 'load.floor', /sortie S2 \(C-17A#1\): cargo shelter rides on the floor but fits pallet type 463L/);
});

test('cargo too tall upright may still fit a pallet on its side when tiltable', () => {
  const { scenario, plan } = tinyCase();
  // 2.6 m tall does not fit under 2.44 m upright; on its side (2.6 × 2.0 × 1.6) it does.
  Object.assign(scenario.items.find((i) => i.id === 'shelter')!, { lengthM: 2, widthM: 1.6, heightM: 2.6 });
  Object.assign(load(plan, 'S2', 'shelter'), { l: 2, w: 1.6 });
  assert.deepEqual(check(scenario, reweigh(scenario, plan)), []);
  scenario.items.find((i) => i.id === 'shelter')!.tiltable = true;
  expectViolation(check(scenario, plan), 'load.floor', /cargo shelter rides on the floor but fits pallet type 463L/);
});
