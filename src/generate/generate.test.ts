import { test } from 'node:test';
import assert from 'node:assert/strict';
import { generateScenario } from './index.ts';
import { parseScenario } from '../scenario/load.ts';

test('the same seed gives the same scenario, another seed another', () => {
  const a = JSON.stringify(generateScenario({ seed: 7, lines: 200 }));
  const b = JSON.stringify(generateScenario({ seed: 7, lines: 200 }));
  const c = JSON.stringify(generateScenario({ seed: 8, lines: 200 }));
  assert.equal(a, b);
  assert.notEqual(a, c);
});

test('generated scenarios pass the loader with the requested shape', () => {
  for (let seed = 1; seed <= 12; seed++) {
    const origins = ((seed - 1) % 5) + 1;
    const file = generateScenario({ seed, lines: 150, origins });
    const result = parseScenario(JSON.stringify(file), { format: 'json' });
    assert.ok(result.ok, `seed ${seed}: ${!result.ok ? result.issues.map((i) => `${i.path}: ${i.message}`).join('; ') : ''}`);
    const s = result.scenario;
    assert.equal(s.items.length, 150);
    const originSites = s.sites.filter((x) => x.role === 'origin');
    assert.equal(originSites.length, origins);
    assert.ok(new Set(originSites.map((x) => x.country)).size <= 3);
    if (origins >= 2) assert.deepEqual(originSites.at(-1)!.accepts, ['C-130J-30']);
    assert.ok(s.items.some((i) => i.kind === 'vehicle') && s.items.some((i) => i.kind === 'cargo'));
    assert.ok(s.items.some((i) => i.sensitive.length > 0));
  }
});
