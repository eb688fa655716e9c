import { test } from 'node:test';
import assert from 'node:assert/strict';
import { RULES } from '../model/index.ts';
import { verifyPlan } from './index.ts';
import { shift, sortie, tinyCase } from './fixtures.ts';

test('the tiny plan is valid: no violations at all', () => {
  const { scenario, plan } = tinyCase();
  assert.deepEqual(verifyPlan(scenario, plan), []);
});

function brokenCase() {
  const { scenario, plan } = tinyCase();
  sortie(plan, 'S1').passengers = 60;
  shift(plan, 'S3', 6 * 24); // after the NE deadline, and before S4 can take its pallet on
  plan.pallets[0].placements[3].y = 0.25;
  scenario.sites.find((s) => s.id === 'hub')!.mog = 1;
  return { scenario, plan };
}

test('violations come sorted by rule, then message, named from RULES', () => {
  const { scenario, plan } = brokenCase();
  const v = verifyPlan(scenario, plan);
  assert.ok(v.length > 5);
  const keys = v.map((x) => `${x.rule}\u0000${x.message}`);
  assert.deepEqual(keys, [...keys].sort());
  for (const x of v) assert.ok((RULES as readonly string[]).includes(x.rule), x.rule);
});

test('the same plan in another order gives the same report', () => {
  const { scenario, plan } = brokenCase();
  const before = verifyPlan(scenario, plan);
  plan.sorties.reverse();
  plan.pallets.reverse();
  plan.dispositions.reverse();
  scenario.items.reverse();
  assert.deepEqual(verifyPlan(scenario, plan), before);
});
