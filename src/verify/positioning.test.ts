import { test } from 'node:test';
import assert from 'node:assert/strict';
import { check, expectOnly, expectViolation, figuresOf, sortie, tinyCase } from './fixtures.ts';

// C-130J-30#1 starts at alpha and positions to bravo before S1 (02:39Z); with the plan starting
// at 20:00Z the day before, it may fly there early and wait.
function early() {
  const { scenario, plan } = tinyCase();
  scenario.asOf = '2024-09-09T20:00:00Z';
  return { scenario, plan };
}

test('a tail that positions early and waits at the origin breaks nothing', () => {
  const { scenario, plan } = early();
  sortie(plan, 'S1').positioningArrives = '2024-09-09T22:00:00Z';
  assert.deepEqual(check(scenario, plan), []);
});

test('the early positioning flight takes off before the tail is available', () => {
  const { scenario, plan } = early();
  sortie(plan, 'S1').positioningArrives = '2024-09-09T20:30:00Z';
  const v = check(scenario, plan);
  expectOnly(v, 'tail.availability');
  expectViolation(v, 'tail.availability', /^sortie S1 \(C-130J-30#1\): C-130J-30#1's positioning flight lands at bravo at 2024-09-09T20:30:00Z, so it takes off from alpha at 2024-09-09T19:2\d:\d\dZ, before the tail is free there at 2024-09-09T20:00:00Z$/);
  const f = figuresOf(v, 'tail.availability', /positioning/);
  assert.deepEqual(f, { amount: 0.65, limit: 0, unit: 'h' }); // it takes off 0.65 h before 20:00Z
});

test('the positioning flight lands less than a turn before the departure', () => {
  const { scenario, plan } = early();
  sortie(plan, 'S1').positioningArrives = '2024-09-10T02:00:00Z';
  const v = check(scenario, plan);
  expectOnly(v, 'tail.continuity');
  expectViolation(v, 'tail.continuity', /^sortie S1 \(C-130J-30#1\): C-130J-30#1's positioning flight lands at bravo at 2024-09-10T02:00:00Z, less than its 1.5 h loading turn before it departs at 2024-09-10T02:39:00Z$/);
  assert.deepEqual(figuresOf(v, 'tail.continuity', /positioning/), { amount: 0.85, limit: 0, unit: 'h' });
});

test('a sortie from where the tail already is has no positioning time', () => {
  const { scenario, plan } = early();
  scenario.aircraft.find((l) => l.type === 'C-130J-30')!.base = 'bravo';
  sortie(plan, 'S1').positioningArrives = '2024-09-09T22:00:00Z';
  const v = check(scenario, plan);
  expectViolation(v, 'tail.availability', /^sortie S1 \(C-130J-30#1\) gives positioningArrives 2024-09-09T22:00:00Z, but C-130J-30#1 is at bravo already: it does not position$/);
});
