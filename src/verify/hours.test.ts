import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Scenario, Site } from '../model/index.ts';
import { check, expectOnly, expectViolation, figuresOf, tinyCase } from './fixtures.ts';

// The tiny plan at alpha: C-130J-30#1 takes off 00:03Z to position to bravo; C-17A#1 lands 04:52Z
// (positioning) and departs 06:52Z; C-130J-30#1 lands 12:28Z (positioning) and departs 13:58Z.
const at = (s: Scenario, id: string): Site => s.sites.find((x) => x.id === id)!;

test('movements inside the hours, local time, break nothing', () => {
  const { scenario, plan } = tinyCase();
  Object.assign(at(scenario, 'alpha'), { hours: '00:00-16:00', utcOffset: '+01:00' }); // 23:00Z-15:00Z
  Object.assign(at(scenario, 'bravo'), { hours: '23:00-04:00', utcOffset: '+01:00' }); // overnight: 22:00Z-03:00Z takes 01:09Z and 02:39Z
  Object.assign(at(scenario, 'home'), { quietHours: '03:00-04:00', timeZone: 'Europe/Berlin' }); // 01:00Z-02:00Z: nothing moves then
  assert.deepEqual(check(scenario, plan), []);
});

test('a departure in the quiet period', () => {
  const { scenario, plan } = tinyCase();
  Object.assign(at(scenario, 'alpha'), { quietHours: '14:30-15:30', utcOffset: '+01:00' }); // 13:30Z-14:30Z
  const v = check(scenario, plan);
  expectOnly(v, 'airfield.hours');
  expectViolation(v, 'airfield.hours', /^sortie S3 \(C-130J-30#1\) departs at alpha at 2024-09-10T13:58:00Z, when it is closed \(quiet 14:30-15:30 \(\+01:00\)\)$/);
  assert.deepEqual(figuresOf(v, 'airfield.hours', /S3/), { amount: 0.54, limit: 0, unit: 'h' }); // opens 14:30Z
});

test('a landing after the field closes, and a positioning take-off before it opens', () => {
  const { scenario, plan } = tinyCase();
  Object.assign(at(scenario, 'home'), { hours: '06:00-22:00', timeZone: 'Europe/Berlin' }); // 04:00Z-20:00Z in September
  const v = check(scenario, plan);
  expectOnly(v, 'airfield.hours');
  expectViolation(v, 'airfield.hours', /^sortie S4 \(C-17A#1\) lands at home at 2024-09-10T21:50:40Z, when it is closed \(open 06:00-22:00 \(Europe\/Berlin\)\)$/);
  expectViolation(v, 'airfield.hours', /^the positioning flight of C-17A#1 before S2 takes off at home at 2024-09-10T00:00:\d\dZ, when it is closed/);
  assert.equal(v.filter((x) => x.rule === 'airfield.hours').length, 2);
});

test('a positioning flight lands a turn before the departure, and that landing counts', () => {
  const { scenario, plan } = tinyCase();
  Object.assign(at(scenario, 'alpha'), { quietHours: '13:20-13:40', utcOffset: '+01:00' }); // 12:20Z-12:40Z
  const v = check(scenario, plan);
  expectOnly(v, 'airfield.hours');
  expectViolation(v, 'airfield.hours', /^the positioning flight of C-130J-30#1 before S3 lands at alpha at 2024-09-10T12:28:00Z, when it is closed/);
  assert.deepEqual(figuresOf(v, 'airfield.hours', /lands at alpha/), { amount: 0.2, limit: 0, unit: 'h' });
});
