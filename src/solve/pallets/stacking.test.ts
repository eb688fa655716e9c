import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Pallet, Scenario } from '../../model/index.ts';
import { packPallets } from './index.ts';
import { Stacking, maxLayers } from './stacking.ts';
import { allOf, checkPack, item, scenarioWith } from './testkit.ts';
import { rng } from '../../generate/random.ts';

const EPS = 1e-6;
const grid = (x: [number, number], y: [number, number], zs: number[]) => ({ xs: x, ys: y, zs });

test('blocks: no unit on a lighter one unless the policy allows it; beside or below is fine', () => {
  const s = new Stacking({ heavierOnLighter: false }, false);
  assert.ok(s.mayPlace(grid([0, 1], [0, 1], [0, 0.5]), 100, Infinity));
  s.place(grid([0, 1], [0, 1], [0, 0.5]), 100, Infinity);
  assert.equal(s.mayPlace(grid([0, 1], [0, 1], [0.5, 1]), 200, Infinity), false, '200 kg on 100 kg');
  assert.ok(s.mayPlace(grid([0, 1], [0, 1], [0.5, 1]), 100, Infinity), 'equal weights');
  assert.ok(s.mayPlace(grid([1, 2], [0, 1], [0, 0.5]), 300, Infinity), 'beside it, on the pallet');
  // a heavy block slid under a lighter one already overhanging: fine; a light one under a heavy one: not
  s.place(grid([0.5, 1.5], [0, 1], [0.5, 1]), 80, Infinity);
  assert.ok(s.mayPlace(grid([1, 1.5], [0, 1], [0, 0.5]), 90, Infinity));
  assert.equal(s.mayPlace(grid([1, 1.5], [0, 1], [0, 0.5]), 70, Infinity), false, '80 kg would rest on 70 kg');
  const lax = new Stacking({ heavierOnLighter: true }, false);
  assert.ok(lax.idle);
});

test('weight limits: a column within its limit, and weight handed down by contact area', () => {
  assert.equal(maxLayers(60, 120), 3);
  assert.equal(maxLayers(60, 0), 1);
  assert.equal(maxLayers(60, Infinity), Infinity);
  const s = new Stacking({ heavierOnLighter: true }, true);
  assert.equal(s.mayPlace(grid([0, 1], [0, 1], [0, 1, 2, 3]), 60, 100), false, 'three high: the bottom one carries 120 kg');
  assert.ok(s.mayPlace(grid([0, 1], [0, 1], [0, 1, 2]), 60, 100));
  s.place(grid([0, 1], [0, 1], [0, 1, 2]), 60, 100); // bottom carries 60 of its 100
  s.place(grid([1, 2], [0, 1], [0, 2]), 500, Infinity);
  // a 100 kg box half on the column, half on the big crate: 50 kg more on the column's top, and down
  assert.ok(s.mayPlace(grid([0.5, 1.5], [0, 1], [2, 2.5]), 80, Infinity), 'bottom: 60 + 40');
  assert.equal(s.mayPlace(grid([0.5, 1.5], [0, 1], [2, 2.5]), 90, Infinity), false, 'bottom: 60 + 45 > 100');
});

/** Weight on each unit and who rests on whom, as formats.md defines it, written here afresh. */
function stackProblems(scenario: Scenario, pallets: readonly Pallet[]): string[] {
  const items = new Map(scenario.items.map((i) => [i.id, i]));
  const bad: string[] = [];
  for (const p of pallets) {
    const u = p.placements.map((q) => ({ ...q, kg: items.get(q.itemId)!.unitWeightKg, cap: items.get(q.itemId)!.maxLoadOnTopKg ?? Infinity, load: 0 }));
    for (const a of [...u].sort((x, y) => y.z - x.z)) {
      if (a.z <= EPS) continue;
      const under = u.map((b) => ({ b, area: Math.abs(b.z + b.h - a.z) <= EPS ? Math.max(0, Math.min(a.x + a.l, b.x + b.l) - Math.max(a.x, b.x)) * Math.max(0, Math.min(a.y + a.w, b.y + b.w) - Math.max(a.y, b.y)) : 0 })).filter((c) => c.area > EPS * EPS);
      const total = under.reduce((t, c) => t + c.area, 0);
      for (const { b, area } of under) {
        b.load += ((a.kg + a.load) * area) / total;
        if (!scenario.policy.heavierOnLighter && a.kg > b.kg + EPS) bad.push(`${p.id}: ${a.itemId} (${a.kg}) on ${b.itemId} (${b.kg})`);
      }
    }
    for (const a of u) if (a.load > a.cap + EPS) bad.push(`${p.id}: ${a.itemId} carries ${a.load} over ${a.cap}`);
  }
  return bad;
}

test('the palletiser never stands UPS cabinets on laptops, nor more on a laptop than it takes', () => {
  const s = scenarioWith([
    item('laptops', 'AGA', 40, 60, [0.7, 0.6, 0.6], { sensitive: ['classified'], maxLoadOnTopKg: 120 }),
    item('ups', 'AGA', 4, 800, [1, 0.8, 1.8], { sensitive: ['dangerous'], maxLoadOnTopKg: 0 }),
    item('comsec', 'AGA', 12, 120, [0.8, 0.6, 0.6], { sensitive: ['classified'] }),
  ]);
  const r = packPallets(s, allOf(s));
  assert.deepEqual(checkPack(s, allOf(s), r), []);
  assert.deepEqual(stackProblems(s, r.pallets), []);
  // laptops do go three high where nothing heavier is on them
  const laptops = r.pallets.flatMap((p) => p.placements).filter((u) => u.itemId === 'laptops');
  assert.ok(laptops.some((u) => u.z > 1.1), 'stacked three high');
  assert.ok(!laptops.some((u) => u.z > 1.3), 'never four high');
});

test('with the policy allowing it, heavy units may rest on lighter ones; the limits still hold', () => {
  const s = scenarioWith([
    item('light', 'AGA', 30, 50, [0.6, 0.5, 0.5]),
    item('heavy', 'AGA', 30, 150, [0.6, 0.5, 0.5], { maxLoadOnTopKg: 300 }),
  ]);
  s.policy.heavierOnLighter = true;
  const r = packPallets(s, allOf(s));
  assert.deepEqual(checkPack(s, allOf(s), r), []);
  assert.deepEqual(stackProblems(s, r.pallets), []);
  s.policy.heavierOnLighter = false;
  const strict = packPallets(s, allOf(s));
  assert.deepEqual(stackProblems(s, strict.pallets), []);
});

test('small groups, where the tree search loads the pallets, keep the stacking rule too', () => {
  // the tree search itself knows nothing of weights on top; its loads stand only where they keep the
  // rule. Half the instances have one weight for all (the tree search runs, the weight limits bind),
  // half mixed weights (heavier may not rest on lighter).
  const g = rng(11);
  for (let k = 0; k < 16; k++) {
    const types = 2 + g.int(0, 3);
    const same = k % 2 === 0 ? 20 + g.int(0, 200) : null;
    const items = Array.from({ length: types }, (_, i) =>
      item(`t${i}`, 'AGA', 4 + g.int(0, 30), same ?? 20 + g.int(0, 400), [0.3 + 0.9 * g.next(), 0.3 + 0.7 * g.next(), 0.2 + 0.8 * g.next()], g.next() < 0.5 ? { maxLoadOnTopKg: g.int(0, 2) * (same ?? 100) } : {}),
    );
    const s = scenarioWith(items);
    const r = packPallets(s, allOf(s), { seed: 1 + k });
    assert.deepEqual(checkPack(s, allOf(s), r), [], `instance ${k}`);
    assert.deepEqual(stackProblems(s, r.pallets), [], `instance ${k}`);
  }
});
