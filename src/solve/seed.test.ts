import assert from 'node:assert/strict';
import { test } from 'node:test';
import { planScenario } from '../app/plan.ts';
import { generateScenario } from '../generate/index.ts';
import type { Plan } from '../model/index.ts';
import { parseScenario } from '../scenario/index.ts';
import { verifyPlan } from '../verify/index.ts';

const generated = parseScenario(JSON.stringify(generateScenario({ seed: 4, lines: 50 })), { format: 'json' });
if (!generated.ok) throw new Error('the generated scenario does not load');
const sc = generated.scenario;
/** The plan's decisions, without the seed it names. */
const decisions = (p: Plan) => JSON.stringify({ ...p, seed: undefined });

test('two seeds give two different plans, both valid by the verifier', () => {
  const a = planScenario(sc, { seed: 2 });
  const b = planScenario(sc, { seed: 3 });
  assert.notEqual(decisions(a), decisions(b));
  for (const p of [a, b]) {
    assert.deepEqual(p.violations, []);
    assert.deepEqual(verifyPlan(sc, p), [], 'the verifier run again on the plan as written');
    assert.deepEqual(p.problems, []);
    assert.equal(p.feasible, true);
  }
});

test('the same seed gives the same plan, byte for byte', () => {
  for (const seed of [1, 2, 3]) {
    assert.equal(JSON.stringify(planScenario(sc, { seed })), JSON.stringify(planScenario(sc, { seed })), `seed ${seed}`);
  }
});
