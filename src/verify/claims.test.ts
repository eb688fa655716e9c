import { test } from 'node:test';
import assert from 'node:assert/strict';
import { toIso, toMs } from '../model/index.ts';
import { check, expectOnly, expectViolation, figuresOf, sortie, tinyCase } from './fixtures.ts';

test('closure is the last departure from an origin site', () => {
  const { scenario, plan } = tinyCase();
  plan.closure = sortie(plan, 'S4').departs; // the hub is not an origin
  const v = check(scenario, plan);
  expectOnly(v, 'claims.closure');
  expectViolation(v, 'claims.closure', /^closure "2024-09-10T20:05:00Z" but the last departure from an origin site is 2024-09-10T13:58:00Z$/);
});

test('siteClosures give each origin site\'s last departure', () => {
  const { scenario, plan } = tinyCase();
  plan.siteClosures[0].lastDeparture = sortie(plan, 'S2').departs;
  plan.siteClosures.pop();
  const v = check(scenario, plan);
  expectOnly(v, 'claims.closure');
  expectViolation(v, 'claims.closure', /site alpha: lastDeparture "2024-09-10T06:52:00Z" but its last departure is 2024-09-10T13:58:00Z/);
  expectViolation(v, 'claims.closure', /origin site bravo has 0 siteClosures entries, not one/);
  assert.deepEqual(figuresOf(v, 'claims.closure', /bravo/), { amount: 0, limit: 1, unit: 'entries' });
  assert.deepEqual(figuresOf(v, 'claims.closure', /alpha/), {}, 'instants carry no figures');
});

test('flyingHours counts positioning legs, to 0.01 h', () => {
  const { scenario, plan } = tinyCase();
  plan.metrics.flyingHours += 0.005;
  assert.deepEqual(check(scenario, plan), []);
  // Only the loaded legs: forgets the flights from base and between sites.
  const legs = plan.sorties.reduce((t, s) => t + (toMs(s.arrives) - toMs(s.departs)) / 3_600_000, 0);
  plan.metrics.flyingHours = legs;
  const v = check(scenario, plan);
  expectOnly(v, 'claims.metrics');
  expectViolation(v, 'claims.metrics', /^metrics.flyingHours is \d+\.\d+ but the plan gives 2\d\.\d+ h$/);
});

test('costUsd, counts and values as the plan gives them', () => {
  const { scenario, plan } = tinyCase();
  plan.metrics.costUsd += 0.5;
  assert.deepEqual(check(scenario, plan), []);
  plan.metrics.costUsd += 5;
  plan.metrics.sorties = 3;
  plan.metrics.palletsBuilt = 4;
  plan.metrics.transferValueUsd = 0;
  const v = check(scenario, plan);
  expectOnly(v, 'claims.metrics');
  expectViolation(v, 'claims.metrics', /metrics.costUsd is .* but the plan gives .* USD/);
  expectViolation(v, 'claims.metrics', /^metrics.sorties is 3 but the plan gives 4$/);
  expectViolation(v, 'claims.metrics', /^metrics.palletsBuilt is 4 but the plan gives 3$/);
  expectViolation(v, 'claims.metrics', /^metrics.transferValueUsd is 0 but the plan gives 2000 USD$/);
  assert.deepEqual(figuresOf(v, 'claims.metrics', /sorties/), { amount: 3, limit: 4, unit: 'sorties' });
  assert.deepEqual(figuresOf(v, 'claims.metrics', /palletsBuilt/), { amount: 4, limit: 3, unit: 'pallets' });
  assert.deepEqual(figuresOf(v, 'claims.metrics', /transferValueUsd/), { amount: 0, limit: 2000, unit: 'USD' });
});

test('bounds are not above the plan', () => {
  const { scenario, plan } = tinyCase();
  plan.bounds.sorties.value = 4;
  plan.bounds.closure.value = plan.closure;
  assert.deepEqual(check(scenario, plan), []);
  plan.bounds.sorties.value = 5;
  plan.bounds.closure.value = toIso(toMs(plan.closure!) + 3_600_000);
  const v = check(scenario, plan);
  expectOnly(v, 'claims.bounds');
  expectViolation(v, 'claims.bounds', /^bounds.sorties 5 is not a lower bound: the plan flies 4 sorties$/);
  assert.deepEqual(figuresOf(v, 'claims.bounds', /sorties/), { amount: 5, limit: 4, unit: 'sorties' });
  expectViolation(v, 'claims.bounds', /^bounds.closure "2024-09-10T14:58:00Z" is not a lower bound: the plan closes at 2024-09-10T13:58:00Z$/);
});

test('bounds speak of plans that move everything: a plan that leaves cargo behind is judged by conservation', () => {
  const { scenario, plan } = tinyCase();
  // a bound of five sorties over a plan of four that leaves a pallet behind
  plan.bounds.sorties.value = 5;
  for (const s of plan.sorties) s.loads = s.loads.filter((l) => l.ref !== plan.pallets[0].id);
  const v = check(scenario, plan);
  assert.ok(v.some((x) => x.rule.startsWith('conservation.')), JSON.stringify(v.map((x) => x.rule)));
  assert.deepEqual(v.filter((x) => x.rule === 'claims.bounds'), []);
});

test('feasible only with no violation, found or listed', () => {
  const { scenario, plan } = tinyCase();
  plan.violations = [{ rule: 'load.cg', message: 'the planner was unsure', refs: [] }];
  let v = check(scenario, plan);
  expectOnly(v);
  expectViolation(v, 'claims.feasible', /claims to be feasible, but the verifier finds 0 violations and the plan lists 1/);

  plan.violations = [];
  sortie(plan, 'S1').passengers = 4;
  v = check(scenario, plan);
  expectViolation(v, 'claims.feasible', /claims to be feasible, but the verifier finds \d+ violations/);
  plan.feasible = false;
  assert.ok(!check(scenario, plan).some((x) => x.rule === 'claims.feasible'));
});
