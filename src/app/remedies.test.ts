import assert from 'node:assert/strict';
import { test } from 'node:test';
import { join } from 'node:path';
import type { Plan, Scenario } from '../model/index.ts';
import { loadScenarioFile } from '../scenario/load.ts';
import { PACKAGE_ROOT } from './paths.ts';
import { planOnce } from './plan.ts';
import { findRemedies, replanBudget } from './remedies.ts';

function tinyLate(): Scenario {
  const r = loadScenarioFile(join(PACKAGE_ROOT, 'scenarios', 'tiny.yaml'));
  if (!r.ok) throw new Error('tiny.yaml does not load');
  // the aircraft come two days after the deadline: no number of them can make it
  return {
    ...r.scenario,
    agreements: r.scenario.agreements.map((a) => ({ ...a, deadline: '2024-06-02' })),
    aircraft: r.scenario.aircraft.map((l) => ({ ...l, availableFrom: '2024-06-04' })),
  };
}

test('the replan budget shrinks as plans grow, between 4 and 40 replans', () => {
  const withSorties = (n: number) => ({ sorties: Array.from({ length: n }) }) as unknown as Plan;
  assert.equal(replanBudget(withSorties(36)), 40);
  assert.equal(replanBudget(withSorties(3_000)), 5);
  assert.equal(replanBudget(withSorties(30_000)), 4);
});

test('remedy searches never replan more than the budget, and a later deadline comes first', () => {
  const scenario = tinyLate();
  const plan = planOnce(scenario, {});
  assert.equal(plan.feasible, false);
  const budget = replanBudget(plan);
  let calls = 0;
  // A replan that never succeeds: every search runs until it gives up or the budget is spent.
  const failing = (s: Scenario) => {
    calls++;
    return { ...planOnce(s, {}), feasible: false };
  };
  assert.deepEqual(findRemedies(scenario, plan, failing), []);
  assert.ok(calls > 0 && calls <= budget, `${calls} replans for a budget of ${budget}`);

  // With a budget of one replan's worth, the cheap remedy is still found.
  calls = 0;
  const big = { ...plan, sorties: Array.from({ length: 20_000 }, () => plan.sorties[0]) };
  const counted = (s: Scenario) => {
    calls++;
    return planOnce(s, {});
  };
  const remedies = findRemedies(scenario, big, counted);
  assert.ok(remedies.some((r) => r.kind === 'deadline'), 'the later deadline is found first');
  assert.ok(calls <= replanBudget(big));
});
