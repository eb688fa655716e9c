import { test } from 'node:test';
import assert from 'node:assert/strict';
import { toIso, toMs } from '../model/index.ts';
import { check, expectOnly, expectViolation, figuresOf, sortie, tinyCase } from './fixtures.ts';

test('a leg lasts the great-circle distance over cruise speed, to the minute', () => {
  const { scenario, plan } = tinyCase();
  const s2 = sortie(plan, 'S2');
  s2.arrives = toIso(toMs(s2.arrives) + 30_000);
  assert.deepEqual(check(scenario, plan), []);
  s2.arrives = toIso(toMs(s2.arrives) + 10 * 60_000);
  const v = check(scenario, plan);
  expectOnly(v, 'flight.time');
  expectViolation(v, 'flight.time', /sortie S2 \(C-17A#1\): arrives 2024-09-10T11:53:46Z but alpha–home is 40\d\d\.\d km at 830 km\/h/);
  // The leg as flown against the leg as computed: 10.5 minutes (0.175 h) too long.
  const { amount, limit, unit } = figuresOf(v, 'flight.time', /S2/);
  assert.equal(unit, 'h');
  assert.ok(Math.abs(amount! - limit! - 0.175) < 0.01, `${amount} h flown against ${limit} h`);
});
