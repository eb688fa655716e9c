// The scenario fields of issue 11: pallet stations, heavier-on-lighter, the segregation table
// and its overrides, subsidiary hazards, read and normalised, bad ones named by path.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { catalogAircraft } from '../catalog/index.ts';
import { mustSegregate } from '../model/index.ts';
import { formatIssue, parseScenario, type ScenarioResult } from './load.ts';

function small(): Record<string, any> {
  return {
    name: 'small',
    asOf: '2024-06-01',
    sites: [
      { id: 'agadez', name: 'Air Base 201', country: 'NE', lat: 16.96, lon: 8.0, role: 'origin' },
      { id: 'rota', name: 'Rota', country: 'ES', lat: 36.64, lon: -6.35, role: 'destination' },
    ],
    aircraft: [{ type: 'C-17A', count: 1, base: 'rota' }],
    items: [
      { id: 'o2', name: 'Oxygen', site: 'agadez', quantity: 2, unitWeightKg: 80, lengthM: 1, widthM: 0.5, heightM: 1.4, unitValueUsd: 300, kind: 'cargo', hazard: '2.2', subsidiaryHazards: ['5.1'], unNumber: 'UN1072' },
    ],
    agreements: [{ country: 'NE', deadline: '2024-09-15' }],
  };
}

function ok(r: ScenarioResult) {
  if (!r.ok) assert.fail(r.issues.map((i) => formatIssue(i)).join('\n'));
  return r.scenario;
}
const problems = (r: ScenarioResult) => (r.ok ? [] : r.issues.map((i) => formatIssue(i)));

test('catalog types bring their stations; a line may give its own, or [] for none', () => {
  const s = small();
  s.aircraft = [
    { type: 'C-17A', count: 1, base: 'rota' },
    { type: 'C-17A', count: 1, base: 'rota', palletStations: [{ x: 5, y: 0, l: 2.24, w: 2.74, maxKg: 4000 }] },
    { type: 'C-130J-30', count: 1, base: 'rota', palletStations: [] },
  ];
  const scenario = ok(parseScenario(JSON.stringify(s), { format: 'json' }));
  assert.deepEqual(scenario.aircraft[0].palletStations, catalogAircraft('C-17A')!.palletStations);
  assert.notEqual(scenario.aircraft[0].palletStations, catalogAircraft('C-17A')!.palletStations, 'a copy, not the catalog itself');
  assert.deepEqual(scenario.aircraft[1].palletStations, [{ x: 5, y: 0, l: 2.24, w: 2.74, maxKg: 4000 }]);
  assert.equal(scenario.aircraft[2].palletStations, undefined);
});

test('stations off the floor or on top of each other are named by path', () => {
  const s = small();
  s.aircraft = [
    { type: 'C-17A', count: 1, base: 'rota', palletStations: [{ x: 25, y: 0, l: 2.24, w: 2.74, maxKg: 4000 }, { x: 1, y: 0, l: 2.24, w: 2.74, maxKg: 4000 }, { x: 2, y: 1, l: 2.24, w: 2.74, maxKg: 4000 }] },
    { type: 'C-17A', count: 1, base: 'rota', floorLengthM: 12 },
  ];
  const got = problems(parseScenario(JSON.stringify(s), { format: 'json' }));
  assert.ok(got.some((m) => /aircraft\[0\]\.palletStations\[0\]: must lie on the 26\.8 × 5\.49 m floor, got x 25–27\.24/.test(m)), got.join('\n'));
  assert.ok(got.some((m) => /aircraft\[0\]\.palletStations\[2\]: overlaps pallet station 2/.test(m)), got.join('\n'));
  assert.ok(got.some((m) => /aircraft\[1\]\.type: the catalog's pallet station \d+ .* lies off the overridden 12 × 5\.49 m floor/.test(m)), got.join('\n'));
});

test('heavier on lighter is refused unless the policy allows it', () => {
  assert.equal(ok(parseScenario(JSON.stringify(small()), { format: 'json' })).policy.heavierOnLighter, false);
  const s = small();
  s.policy = { heavierOnLighter: true };
  assert.equal(ok(parseScenario(JSON.stringify(s), { format: 'json' })).policy.heavierOnLighter, true);
});

test('the segregation table is the catalog with the scenario entries after it', () => {
  const s = small();
  s.segregation = [{ a: '3', b: '5.1', segregate: false, reason: 'unit SOP 12' }, { a: '9', b: '8', segregate: true }];
  const scenario = ok(parseScenario(JSON.stringify(s), { format: 'json' }));
  const t = scenario.segregation!;
  assert.equal(mustSegregate('3', '5.1', t), false);
  assert.equal(mustSegregate('9', '8', t), true);
  assert.equal(mustSegregate('1.1D', '3', t), true, 'the catalog entries stay');
  assert.deepEqual(t.slice(-2).map((p) => p.reason), ['unit SOP 12', undefined]);
  assert.deepEqual(scenario.items[0].subsidiaryHazards, ['5.1']);
  assert.ok(scenario.items[0].sensitive.includes('dangerous'));

  const bad = small();
  bad.segregation = [{ a: '3.7', b: '1.4', segregate: true }];
  bad.items[0].subsidiaryHazards = ['5.3'];
  const got = problems(parseScenario(JSON.stringify(bad), { format: 'json' }));
  assert.ok(got.some((m) => /^segregation\[0\]\.a: must be a hazard class/.test(m)), got.join('\n'));
  assert.ok(got.some((m) => /^items\[0\]\.subsidiaryHazards\[0\]: must be a UN hazard class/.test(m)), got.join('\n'));
});
