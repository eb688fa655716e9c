import { test } from 'node:test';
import assert from 'node:assert/strict';
import { check, expectOnly, expectViolation, figuresOf, tinyCase } from './fixtures.ts';

test('aircraft on the ground within the mog', () => {
  const { scenario, plan } = tinyCase();
  scenario.sites.find((s) => s.id === 'hub')!.mog = 1;
  const v = check(scenario, plan);
  expectOnly(v, 'airfield.mog');
  expectViolation(v, 'airfield.mog', /^site hub: 2 aircraft on the ground at .* exceed its mog of 1 \(C-130J-30#1, C-17A#1\)$/);
  assert.deepEqual(figuresOf(v, 'airfield.mog', /hub/), { amount: 2, limit: 1, unit: 'aircraft' });
});

test('turns that do not overlap share a mog of one', () => {
  const { scenario, plan } = tinyCase();
  scenario.sites.find((s) => s.id === 'alpha')!.mog = 1; // C-17A loads 04:52–06:52, C-130J-30 12:28–13:58
  assert.deepEqual(check(scenario, plan), []);
});

test('departures per UTC day', () => {
  const { scenario, plan } = tinyCase();
  scenario.sites.find((s) => s.id === 'alpha')!.maxDeparturesPerDay = 1;
  const v = check(scenario, plan);
  expectOnly(v, 'airfield.departures');
  expectViolation(v, 'airfield.departures', /^site alpha: 2 departures on 2024-09-10 exceed 1 per day$/);
  assert.deepEqual(figuresOf(v, 'airfield.departures', /alpha/), { amount: 2, limit: 1, unit: 'departures' });
});
