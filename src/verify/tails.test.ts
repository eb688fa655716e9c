import { test } from 'node:test';
import assert from 'node:assert/strict';
import { HOUR_MS, toIso, toMs } from '../model/index.ts';
import { check, expectOnly, expectViolation, figuresOf, shift, sortie, tinyCase } from './fixtures.ts';

test('one airframe in two places at once: in the air', () => {
  const { scenario, plan } = tinyCase();
  const s4 = sortie(plan, 'S4');
  const dur = toMs(s4.arrives) - toMs(s4.departs);
  const dep = toMs(sortie(plan, 'S2').departs) + 1 * HOUR_MS;
  Object.assign(s4, { departs: toIso(dep), arrives: toIso(dep + dur) });
  const v = check(scenario, plan);
  expectViolation(v, 'tail.continuity', /tail C-17A#1 is in two places: sortie S4 departs hub at .* while S2 flies alpha–home until/);
});

test('one airframe in two places at once: on the ground unloading', () => {
  const { scenario, plan } = tinyCase();
  const s4 = sortie(plan, 'S4');
  const dur = toMs(s4.arrives) - toMs(s4.departs);
  const dep = toMs(sortie(plan, 'S2').arrives) + 1 * HOUR_MS; // still turning at home
  Object.assign(s4, { departs: toIso(dep), arrives: toIso(dep + dur) });
  const v = check(scenario, plan);
  expectViolation(v, 'tail.continuity', /tail C-17A#1 is in two places: sortie S4 departs hub at .* while S2 lands at home at .* until /);
});

test('the next sortie elsewhere waits for turn, positioning flight and turn', () => {
  const { scenario, plan } = tinyCase();
  const s3 = shift(plan, 'S3', -1);
  plan.closure = s3.departs;
  plan.siteClosures[0].lastDeparture = s3.departs;
  const v = check(scenario, plan);
  expectOnly(v, 'tail.continuity');
  expectViolation(v, 'tail.continuity', /tail C-130J-30#1: sortie S3 departs alpha at .*, before .*: S1 lands at hub at .*, then 1.5 h turn \+ 4.\d+ h positioning \+ 1.5 h turn/);
});

test('the next sortie from the same site waits for the turn', () => {
  const { scenario, plan } = tinyCase();
  // S4 by the C-130J-30 right after it lands at the hub with S3: 1.5 h turn needed.
  const s4 = sortie(plan, 'S4');
  s4.aircraft = 'C-130J-30';
  s4.tail = 'C-130J-30#1';
  const dep = toMs(sortie(plan, 'S3').arrives) + 1 * HOUR_MS;
  Object.assign(s4, { departs: toIso(dep) });
  const v = check(scenario, plan);
  expectViolation(v, 'tail.continuity', /tail C-130J-30#1: sortie S4 departs hub at .*, before the 1.5 h turn after S3 lands at .* ends at/);
  // Half an hour early, none allowed.
  assert.deepEqual(figuresOf(v, 'tail.continuity', /S4 departs hub/), { amount: 0.5, limit: 0, unit: 'h' });
});

test('a tail starts from its base when it is available', () => {
  const { scenario, plan } = tinyCase();
  const s1 = shift(plan, 'S1', -1);
  plan.siteClosures[1].lastDeparture = s1.departs;
  const v = check(scenario, plan);
  expectOnly(v, 'tail.availability');
  expectViolation(v, 'tail.availability', /tail C-130J-30#1: first sortie S1 \(C-130J-30#1\) departs bravo at .*, before .* \(available 2024-09-10T00:00:00Z at alpha \+ 1.\d+ h positioning \+ 1.5 h turn\)/);
});

test('availableFrom and availableTo bound a tail', () => {
  const { scenario, plan } = tinyCase();
  scenario.aircraft[0].availableFrom = '2024-09-10T03:00:00Z';
  let v = check(scenario, plan);
  expectOnly(v, 'tail.availability');
  expectViolation(v, 'tail.availability', /tail C-17A#1: first sortie S2 .* \(available 2024-09-10T03:00:00Z at home/);

  delete scenario.aircraft[0].availableFrom;
  scenario.aircraft[0].availableTo = '2024-09-10';
  assert.deepEqual(check(scenario, plan), []);
  scenario.aircraft[0].availableTo = '2024-09-09';
  v = check(scenario, plan);
  expectOnly(v, 'tail.availability');
  expectViolation(v, 'tail.availability', /tail C-17A#1: sortie S4 \(C-17A#1\) lands at .*, after the tail is available \(to 2024-09-09\)/);
});

test('nothing departs before asOf', () => {
  const { scenario, plan } = tinyCase();
  scenario.asOf = '2024-09-10T07:00:00Z';
  const v = check(scenario, plan);
  expectViolation(v, 'tail.availability', /sortie S2 \(C-17A#1\) departs 2024-09-10T06:52:00Z, before the plan starts at 2024-09-10T07:00:00Z/);
  // 8 minutes early, rounded up to the hundredth of an hour.
  assert.deepEqual(figuresOf(v, 'tail.availability', /S2.*before the plan starts/), { amount: 0.14, limit: 0, unit: 'h' });
});

test('tails are numbered within the fleet', () => {
  const { scenario, plan } = tinyCase();
  sortie(plan, 'S4').tail = 'C-17A#2';
  const v = check(scenario, plan);
  expectOnly(v, 'fleet.size');
  expectViolation(v, 'fleet.size', /sortie S4 \(C-17A#2\): tail C-17A#2 is not in the fleet, which has 1 C-17A/);
  assert.deepEqual(figuresOf(v, 'fleet.size', /S4/), { amount: 2, limit: 1, unit: 'aircraft' });
});

test('a tail flies as its own type', () => {
  const { scenario, plan } = tinyCase();
  sortie(plan, 'S2').tail = 'C-130J-30#1';
  const v = check(scenario, plan);
  expectViolation(v, 'fleet.size', /sortie S2 \(C-130J-30#1\): tail C-130J-30#1 is a C-130J-30, not a C-17A/);
});
