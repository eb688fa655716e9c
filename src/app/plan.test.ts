// End-to-end: scenarios in, verified plans out. The verifier is the judge of every plan here;
// these tests assert what the plan must be, not the numbers a better solver will change.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { planScenario } from './plan.ts';
import { loadScenarioFile, parseScenario } from '../scenario/load.ts';
import { generateScenario } from '../generate/index.ts';
import { PACKAGE_ROOT } from './paths.ts';
import type { Scenario } from '../model/index.ts';

function load(name: string): Scenario {
  const r = loadScenarioFile(join(PACKAGE_ROOT, 'scenarios', name));
  assert.ok(r.ok, `${name} must load`);
  return r.scenario;
}

function generated(seed: number, lines: number, extra: object = {}): Scenario {
  const r = parseScenario(JSON.stringify(generateScenario({ seed, lines, ...extra })), { format: 'json' });
  assert.ok(r.ok);
  return r.scenario;
}

const DATE_RULES = new Set(['deadline.agreement', 'deadline.handover']);

test('the tiny scenario plans feasible and verifier-clean', () => {
  const plan = planScenario(load('tiny.yaml'));
  assert.deepEqual(plan.violations, []);
  assert.deepEqual(plan.problems, []);
  assert.equal(plan.feasible, true);
  assert.ok(plan.sorties.length > 0);
  assert.ok(plan.deadlines!.every((d) => d.met));
});

test('the Niger 2024 plan is feasible, verifier-clean and closes before 2024-09-15', () => {
  const plan = planScenario(load('niger-2024.yaml'));
  assert.deepEqual(plan.violations.slice(0, 5), []);
  assert.deepEqual(plan.problems, []);
  assert.equal(plan.feasible, true);
  assert.ok(plan.closure! <= '2024-09-15T23:59:59Z', `closure ${plan.closure}`);
  assert.ok(plan.metrics.transferValueUsd > 0, 'some items are left to the host, as in the seed report');
});

test('the same scenario and seed give the same plan, byte for byte', () => {
  const s = generated(3, 300, { origins: 3 });
  const a = JSON.stringify(planScenario(s, { seed: 5 }));
  const b = JSON.stringify(planScenario(s, { seed: 5 }));
  assert.equal(a, b);
});

test('generated scenarios are feasible and clean, or infeasible with only dates broken and a remedy', () => {
  for (let seed = 1; seed <= 10; seed++) {
    const s = generated(seed, 100 + seed * 37, { origins: ((seed - 1) % 5) + 1, deadline: seed % 2 ? 'tight' : 'loose' });
    const plan = planScenario(s, { seed });
    assert.deepEqual(plan.problems, [], `seed ${seed}`);
    if (plan.feasible) {
      assert.deepEqual(plan.violations, [], `seed ${seed}`);
    } else {
      const other = plan.violations.filter((v) => !DATE_RULES.has(v.rule));
      assert.deepEqual(other, [], `seed ${seed}: only dates may break`);
      assert.ok(plan.deadlines!.some((d) => !d.met), `seed ${seed}: a missed deadline is reported`);
      assert.ok((plan.remedies ?? []).length > 0, `seed ${seed}: at least one remedy`);
    }
  }
});

test('a deadline the fleet cannot make is reported with the days missed and remedies checked by replanning', () => {
  const s = generated(11, 400, { origins: 2, deadline: 'tight' });
  // Squeeze the deadline to two days after asOf: no fleet of this size can make it.
  const squeezed: Scenario = { ...s, agreements: s.agreements.map((a) => ({ ...a, deadline: '2030-03-03' })) };
  const plan = planScenario(squeezed);
  assert.equal(plan.feasible, false);
  const missed = plan.deadlines!.filter((d) => !d.met);
  assert.ok(missed.length > 0);
  assert.ok(missed.every((d) => d.slackDays! < 0));
  assert.deepEqual(plan.violations.filter((v) => !DATE_RULES.has(v.rule)), []);
  // Every unit still moves: dates are the only thing broken.
  const remedies = plan.remedies ?? [];
  assert.ok(remedies.length > 0);
  const later = remedies.find((r) => r.kind === 'deadline');
  assert.ok(later, 'a later deadline always works');
  assert.ok(later.closure! > '2030-03-03T23:59:59Z');
});

test('every person leaves even when the cargo weights add up to decimal dust', () => {
  // These generated cases once left people behind: the kilograms left at a site summed to a
  // hair above zero, so the site never counted as empty of cargo and no passenger sortie flew.
  for (const seed of [1, 2024]) {
    const plan = planScenario(generated(seed, 22, { unitsPerLine: 20 }), { remedies: false });
    assert.deepEqual(plan.problems, [], `seed ${seed}`);
    assert.deepEqual(plan.violations.filter((v) => v.rule === 'conservation.people'), [], `seed ${seed}`);
  }
});
