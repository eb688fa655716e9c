// Plan quality against the proven bounds (docs/schedule.md, objective): the whole planner on the
// Niger scenario and on generated ones must stay within 5% of the sortie bound, and Niger within
// 5% of the closure bound in days from asOf, with every plan clean under the verifier.

import assert from 'node:assert/strict';
import { test } from 'node:test';
import { generateScenario } from '../../generate/index.ts';
import type { Scenario } from '../../model/index.ts';
import { toMs } from '../../model/index.ts';
import { loadScenarioFile, parseScenario } from '../../scenario/load.ts';
import { verifyPlan } from '../../verify/index.ts';
import { solve } from '../index.ts';

const DAY = 86_400_000;

function check(scenario: Scenario, closureToo: boolean): void {
  const { plan } = solve(scenario);
  assert.deepEqual(verifyPlan(scenario, plan).map((v) => v.message), []);
  const bound = Number(plan.bounds.sorties.value);
  assert.ok(plan.metrics.sorties <= Math.floor(1.05 * bound), `${scenario.name}: ${plan.metrics.sorties} sorties, bound ${bound}`);
  if (!closureToo) return;
  const days = (iso: unknown) => (toMs(String(iso)) - toMs(scenario.asOf)) / DAY;
  const got = days(plan.closure);
  const best = days(plan.bounds.closure.value);
  assert.ok(got <= 1.05 * best, `${scenario.name}: closure day ${got.toFixed(2)}, bound day ${best.toFixed(2)}`);
}

test('Niger: sorties and closure within 5% of their bounds', () => {
  const r = loadScenarioFile(new URL('../../../scenarios/niger-2024.yaml', import.meta.url).pathname);
  assert.ok(r.ok);
  check(r.scenario, true);
});

test('generated scenarios: sorties within 5% of the bound', () => {
  for (const [seed, lines] of [[3, 200], [4, 200], [1, 2000]] as const) {
    const r = parseScenario(JSON.stringify(generateScenario({ seed, lines })), { format: 'json' });
    assert.ok(r.ok);
    check(r.scenario, false);
  }
});
