// At the edges of the ranges (src/scenario/limits.ts) the planner still finishes and its plan
// still passes the verifier: `unitValueUsd: 1e308` once gave a plan whose value sums were
// Infinity, which the verifier rightly refused; the largest values now allowed add up exactly.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { planScenario } from './plan.ts';
import { parseScenarioText } from './scenario.ts';

function scenario(change: (s: Record<string, any>) => void) {
  const s: Record<string, any> = {
    name: 'edges',
    asOf: '2024-06-01',
    sites: [
      { id: 'a', name: 'A', country: 'NE', lat: 16.96, lon: 8.0, role: 'origin' },
      { id: 'b', name: 'B', country: 'ES', lat: 36.64, lon: -6.35, role: 'destination' },
    ],
    aircraft: [{ type: 'C-17A', count: 4, base: 'b' }],
    personnel: [{ site: 'a', count: 50, role: 'security' }],
    items: [
      { id: 'gold', name: 'Gold', site: 'a', quantity: 899, unitWeightKg: 10, lengthM: 0.3, widthM: 0.3, heightM: 0.3, unitValueUsd: 30_000, kind: 'cargo', sensitive: ['classified'] },
      { id: 'cheap', name: 'Cheap', site: 'a', quantity: 1000, unitWeightKg: 1, lengthM: 0.2, widthM: 0.2, heightM: 0.2, unitValueUsd: 0.01, kind: 'cargo', hostTransfer: true },
    ],
    infrastructure: [{ id: 'i', site: 'a', name: 'I', valueUsd: 1000 }],
    agreements: [{ country: 'NE', deadline: '2024-12-31' }],
  };
  change(s);
  const r = parseScenarioText('json', JSON.stringify(s));
  if (!r.ok) assert.fail(JSON.stringify(r.issues));
  return r.scenario;
}

test('the largest values, costs and rates allowed plan to a plan the verifier accepts', () => {
  const plan = planScenario(scenario((s) => {
    s.items[0].unitValueUsd = 1e9; // the range's maximum; 899 of them with the rest stay under USD 1 trillion
    s.infrastructure[0].valueUsd = 1e11;
    s.aircraft[0].costPerFlyingHourUsd = 1_000_000;
  }), { remedies: false });
  assert.deepEqual(plan.violations, []);
  assert.equal(plan.feasible, true);
  assert.equal(plan.metrics.retrogradeValueUsd, 899e9);
  assert.ok(Number.isFinite(plan.metrics.costUsd));
});

test('the slowest aircraft, heaviest passengers and longest turns allowed still plan and verify', () => {
  const plan = planScenario(scenario((s) => {
    s.aircraft[0].cruiseKmh = 50;
    s.aircraft[0].turnHours = 24;
    s.aircraft[0].crewDutyHours = 48; // the longest duty period allowed
    s.policy = { passengerKg: 1000 };
  }), { remedies: false });
  // 3,000 km at 50 km/h is a 60-hour leg: no crew flies it within 48 h, and the plan says so
  assert.equal(plan.feasible, false);
  assert.deepEqual(plan.problems.map((p) => [p.kind, /duty period/.test(p.message)]), [['cargo.stranded', true]]);
  assert.deepEqual([...new Set(plan.violations.map((v) => v.rule))], ['conservation.item', 'conservation.people']);
});

test('the longest turns allowed, with legs a crew can fly, still plan and verify', () => {
  const plan = planScenario(scenario((s) => {
    s.aircraft[0].turnHours = 20; // a duty of 48 h takes a 20 h loading turn, a 4 h leg and the unloading turn
    s.aircraft[0].crewDutyHours = 48;
    s.policy = { passengerKg: 1000 };
  }), { remedies: false });
  assert.deepEqual(plan.violations, []);
  assert.ok(plan.sorties.length > 0);
  // 3,000 km at 50 km/h: each leg lasts days, and the times are still real times
  assert.ok(plan.sorties.every((s) => Number.isFinite(Date.parse(s.departs)) && Number.isFinite(Date.parse(s.arrives))));
});
