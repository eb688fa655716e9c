import { test } from 'node:test';
import assert from 'node:assert/strict';
import { check, expectOnly, expectViolation, figuresOf, reweigh, sortie, tinyCase } from './fixtures.ts';

test('sensitive cargo leaves no later than the last people', () => {
  const { scenario, plan } = tinyCase();
  sortie(plan, 'S2').passengers = 10;
  sortie(plan, 'S3').passengers = 0;
  sortie(plan, 'S4').passengers = 3;
  const v = check(scenario, reweigh(scenario, plan));
  expectOnly(v, 'sensitive.order', 'sensitive.guard');
  expectViolation(v, 'sensitive.order', /site alpha: sensitive cargo leaves on sortie S3 \(C-130J-30#1\) at 2024-09-10T13:58:00Z, after the last people leave on sortie S2 \(C-17A#1\) at 2024-09-10T06:52:00Z/);
  // 06:52 to 13:58: 7.1 h after the last people.
  assert.deepEqual(figuresOf(v, 'sensitive.order', /alpha/), { amount: 7.1, limit: 0, unit: 'h' });
});

test('a guard stays while sensitive cargo waits', () => {
  const { scenario, plan } = tinyCase();
  sortie(plan, 'S2').passengers = 9;
  sortie(plan, 'S3').passengers = 1;
  sortie(plan, 'S4').passengers = 4;
  const v = check(scenario, reweigh(scenario, plan));
  expectOnly(v, 'sensitive.guard');
  expectViolation(v, 'sensitive.guard', /^site alpha: 1 people remain after sortie S2 \(C-17A#1\) leaves at 2024-09-10T06:52:00Z while sensitive cargo waits for sortie S3 \(C-130J-30#1\) at 2024-09-10T13:58:00Z; the guard needs 2$/);
  assert.deepEqual(figuresOf(v, 'sensitive.guard', /alpha/), { amount: 1, limit: 2, unit: 'people' });
});

test('the guard is at most the people who were there', () => {
  const { scenario, plan } = tinyCase();
  scenario.policy.minSecurityPerSite = 50; // alpha has 10: all must stay while the ammunition waits
  const v = check(scenario, plan);
  expectOnly(v, 'sensitive.guard');
  expectViolation(v, 'sensitive.guard', /site alpha: 2 people remain .* the guard needs 10$/);
  assert.deepEqual(figuresOf(v, 'sensitive.guard', /alpha/), { amount: 2, limit: 10, unit: 'people' });
});
