// Issue 11 end to end: the built-in Niger plan and generated scenarios with dangerous goods obey
// every new rule by the verifier, and the cargo the rules are about is really there to be tested.

import assert from 'node:assert/strict';
import { test } from 'node:test';
import { planScenario } from '../app/plan.ts';
import { generateScenario } from '../generate/index.ts';
import type { Plan, Scenario } from '../model/index.ts';
import { loadScenarioFile, parseScenario } from '../scenario/index.ts';
import { verifyPlan } from '../verify/index.ts';

const NEW_RULES = ['pallet.segregation', 'pallet.stacking', 'load.segregation', 'load.station', 'load.vehicle', 'load.cargoAircraftOnly'];

function itemsOn(plan: Plan, sortie: Plan['sorties'][number]): string[] {
  const pallets = new Map(plan.pallets.map((p) => [p.id, p]));
  return sortie.loads.flatMap((l) => pallets.get(l.ref)?.placements.map((u) => u.itemId) ?? [l.ref]);
}

function checkPlan(scenario: Scenario, plan: Plan): void {
  const found = verifyPlan(scenario, plan);
  assert.deepEqual(found.filter((v) => NEW_RULES.includes(v.rule)), []);
  assert.deepEqual(found, [], 'and every other rule');
  assert.equal(plan.feasible, true);
  // the rules had something to bite on
  const items = new Map(scenario.items.map((i) => [i.id, i]));
  const cao = plan.sorties.filter((s) => itemsOn(plan, s).some((id) => items.get(id)!.cargoAircraftOnly));
  assert.ok(cao.length > 0 && cao.every((s) => s.passengers === 0), 'cargo-aircraft-only cargo flew, with nobody aboard');
  assert.ok(plan.sorties.some((s) => s.loads.some((l) => items.get(l.ref)?.kind === 'vehicle')), 'vehicles flew');
  assert.ok(plan.pallets.some((p) => p.placements.some((u) => items.get(u.itemId)!.hazard !== undefined)), 'dangerous goods on pallets');
  assert.ok(plan.pallets.some((p) => p.placements.some((u) => u.z > 0 && items.get(u.itemId)!.maxLoadOnTopKg !== undefined)), 'stacked units with limits');
}

test('the Niger plan obeys the dangerous-goods, stacking, station and vehicle rules', () => {
  const r = loadScenarioFile(new URL('../../scenarios/niger-2024.yaml', import.meta.url).pathname);
  assert.ok(r.ok);
  const s = r.scenario;
  assert.ok(s.items.some((i) => i.hazard?.startsWith('1.1')) && s.items.some((i) => i.hazard === '9' && i.unNumber === 'UN3480'));
  checkPlan(s, planScenario(s, { remedies: false }));
});

test('generated scenarios with dangerous goods obey them too', () => {
  for (const [seed, lines] of [[11, 150], [12, 250]] as const) {
    const r = parseScenario(JSON.stringify(generateScenario({ seed, lines, hazardous: 0.25 })), { format: 'json' });
    assert.ok(r.ok);
    assert.ok(r.scenario.items.filter((i) => i.hazard).length > lines / 8);
    checkPlan(r.scenario, planScenario(r.scenario, { remedies: false }));
  }
});
