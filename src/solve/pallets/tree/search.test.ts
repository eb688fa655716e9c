import { test } from 'node:test';
import assert from 'node:assert/strict';
import { rng as generator } from '../../../generate/random.ts';
import { unitsOf } from '../container.ts';
import { fittingOrientations, orientationsOf, type VerticalFlags } from '../../shared/orientations.ts';
import { checkGeometry, samePermutation } from '../testkit.ts';
import { makeBlocks, type BlockType } from './blockset.ts';
import { treeLoad } from './search.ts';

function randomTypes(r: ReturnType<typeof generator>, box: { l: number; w: number; h: number }, kinds: number, most: number): BlockType[] {
  return Array.from({ length: kinds }, () => {
    const d: [number, number, number] = [r.int(10, 60), r.int(10, 50), r.int(10, 50)];
    const vertical: VerticalFlags = [r.chance(0.4), r.chance(0.4), true];
    return { orients: fittingOrientations(orientationsOf(d[0], d[1], d[2], vertical), box), kg: r.int(1, 30), volume: d[0] * d[1] * d[2], count: r.int(1, most) };
  });
}

test('tree loads: inside the box, no overlaps, every unit fully supported, within counts and weight', () => {
  const r = generator(77);
  for (let k = 0; k < 16; k++) {
    const box = { l: r.int(120, 240), w: r.int(80, 140), h: r.int(60, 120), maxKg: k % 4 === 0 ? 600 : Infinity };
    const types = randomTypes(r, box, r.int(1, 12), k % 2 === 0 ? 3 : 30);
    const load = treeLoad(box, types, { work: 4000, general: k % 3 === 0 ? true : undefined });
    const boxes = load.blocks.flatMap((b, i) => [...unitsOf(b)].map((u, j) => ({ ref: `${k}:${i}.${j}`, type: b.type, ...u })));
    assert.deepEqual(checkGeometry(boxes, box.l, box.w, box.h), [], `instance ${k}`);
    for (const u of boxes) {
      const t = types[u.type];
      assert.ok(t.orients.some((o) => samePermutation([u.l, u.w, u.h], [...o]) && o[2] === u.h), `instance ${k}: ${u.ref} stands as allowed`);
      if (u.z === 0) continue;
      let area = 0;
      for (const v of boxes) {
        if (Math.abs(v.z + v.h - u.z) > 1e-9) continue;
        const ox = Math.min(u.x + u.l, v.x + v.l) - Math.max(u.x, v.x);
        const oy = Math.min(u.y + u.w, v.y + v.w) - Math.max(u.y, v.y);
        if (ox > 0 && oy > 0) area += ox * oy;
      }
      assert.ok(area >= u.l * u.w - 1e-9, `instance ${k}: ${u.ref} rests on ${area} of ${u.l * u.w}`);
    }
    const used = new Map<number, number>();
    let kg = 0;
    for (const u of boxes) {
      used.set(u.type, (used.get(u.type) ?? 0) + 1);
      kg += types[u.type].kg;
    }
    for (const [t, n] of used) assert.ok(n <= types[t].count, `instance ${k}: type ${t} used ${n} of ${types[t].count}`);
    assert.deepEqual(load.used, used);
    assert.ok(kg <= box.maxKg + 1e-9);
    assert.ok(Math.abs(load.kg - kg) < 1e-6);
  }
});

test('general blocks are fully supported inside and fill their bounding box to the minimum share', () => {
  const r = generator(5);
  const box = { l: 200, w: 120, h: 100, maxKg: Infinity };
  const types = randomTypes(r, box, 8, 3);
  const set = makeBlocks(box, types, { maxBlocks: 2000, minFill: 0.98 });
  let general = 0;
  for (let b = 0; b < set.n; b++) {
    if (set.kind[b] === 0) continue;
    general++;
    assert.ok(set.vol[b] >= 0.98 * set.l[b] * set.w[b] * set.h[b] - 1e-9, `block ${b} fills its box`);
    assert.ok(set.px[b] + set.ax[b] <= set.l[b] + 1e-9 && set.py[b] + set.ay[b] <= set.w[b] + 1e-9, `block ${b}: packing area inside its top`);
  }
  assert.ok(general > 0, 'some general blocks are made');
});

test('the same input and seed give the same load', () => {
  const box = { l: 200, w: 120, h: 100, maxKg: Infinity };
  const types = randomTypes(generator(9), box, 6, 12);
  assert.deepEqual(treeLoad(box, types, { work: 5000 }), treeLoad(box, types, { work: 5000 }));
  assert.deepEqual(treeLoad(box, types, { work: 5000, seed: 3 }), treeLoad(box, types, { work: 5000, seed: 3 }));
});
