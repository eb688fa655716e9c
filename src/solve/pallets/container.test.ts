import { test } from 'node:test';
import assert from 'node:assert/strict';
import { packContainer, packContainerAt, type ContainerUnit, type SearchOptions } from './container.ts';
import { rng as generator } from '../../generate/random.ts';
import { checkGeometry, samePermutation } from './testkit.ts';

/** a full-support check of its own: every unit off the floor rests on its whole base */
function fullySupported(ps: readonly { id: string; x: number; y: number; z: number; l: number; w: number; h: number }[]): string[] {
  const bad: string[] = [];
  for (const p of ps) {
    if (p.z <= 1e-9) continue;
    let area = 0;
    for (const q of ps) {
      if (Math.abs(q.z + q.h - p.z) > 1e-9) continue;
      const ox = Math.min(p.x + p.l, q.x + q.l) - Math.max(p.x, q.x);
      const oy = Math.min(p.y + p.w, q.y + q.w) - Math.max(p.y, q.y);
      if (ox > 0 && oy > 0) area += ox * oy;
    }
    if (area < p.l * p.w - 1e-9) bad.push(`${p.id} rests on ${((100 * area) / (p.l * p.w)).toFixed(1)}%`);
  }
  return bad;
}

const QUICK: SearchOptions = { work: 3000 };

function check(box: { l: number; w: number; h: number; maxKg: number }, units: ContainerUnit[], opts: SearchOptions = QUICK) {
  const r = packContainer(box, units, opts);
  const all = [...r.packedIds, ...r.unpackedIds].sort();
  assert.deepEqual(all, units.map((u) => u.id).sort(), 'every unit packed or unpacked exactly once');
  const byId = new Map(units.map((u) => [u.id, u]));
  let kg = 0;
  for (const p of r.placements) {
    const u = byId.get(p.id)!;
    kg += u.kg;
    assert.ok(samePermutation([p.l, p.w, p.h], [u.l, u.w, u.h]), `${p.id} keeps its extents`);
    const vertical = u.vertical ?? (u.tiltable ? [true, true, true] : [false, false, true]);
    const allowed = [u.l, u.w, u.h].filter((_, i) => vertical[i]);
    assert.ok(allowed.some((d) => Math.abs(d - p.h) < 1e-9), `${p.id} stands on an allowed face`);
  }
  assert.ok(kg <= box.maxKg + 1e-9, 'weight limit');
  assert.deepEqual(checkGeometry(r.placements.map((p) => ({ ref: p.id, ...p })), box.l, box.w, box.h), []);
  if (opts.support === 1) assert.deepEqual(fullySupported(r.placements), []);
  return r;
}

test('identical cubes that exactly fill the box are all packed', () => {
  const units = Array.from({ length: 16 }, (_, i) => ({ id: `c${i}`, l: 1, w: 1, h: 1, kg: 1 }));
  const r = check({ l: 4, w: 2, h: 2, maxKg: Infinity }, units);
  assert.equal(r.unpackedIds.length, 0);
  assert.equal(r.volume, 16);
});

test('a tiltable long thin unit lies down when that is the only way in; an upright one stays out', () => {
  const box = { l: 4, w: 2, h: 1, maxKg: Infinity };
  const lying = check(box, [{ id: 'pole', l: 0.5, w: 0.5, h: 3, kg: 10, tiltable: true }]);
  assert.deepEqual(lying.packedIds, ['pole']);
  assert.equal(lying.placements[0].l, 3);
  const upright = check(box, [{ id: 'pole', l: 0.5, w: 0.5, h: 3, kg: 10 }]);
  assert.deepEqual(upright.unpackedIds, ['pole']);
});

test('the weight limit stops loading before the volume does', () => {
  const units = Array.from({ length: 10 }, (_, i) => ({ id: `u${i}`, l: 0.5, w: 0.5, h: 0.5, kg: 100 }));
  const r = check({ l: 2, w: 2, h: 2, maxKg: 350 }, units);
  assert.equal(r.packedIds.length, 3);
});

test('an overhanging unit is never placed on too small a support', () => {
  // a small cube leaves no support for a wide plate except the floor
  const units = [
    { id: 'cube', l: 1, w: 1, h: 1, kg: 1 },
    { id: 'plate', l: 2, w: 2, h: 0.1, kg: 1 },
  ];
  const r = check({ l: 2, w: 2, h: 2, maxKg: Infinity }, units);
  const plate = r.placements.find((p) => p.id === 'plate');
  if (plate) assert.ok(plate.z === 0 || plate.z >= 0.99, 'the plate is on the floor or on the cube');
});

test('random mixes of boxes always satisfy every geometric rule (seeded)', () => {
  const rng = generator(42).next;
  for (let k = 0; k < 40; k++) {
    const box = { l: 5 + 5 * rng(), w: 2 + 2 * rng(), h: 2 + 2 * rng(), maxKg: k % 3 === 0 ? 2000 : Infinity };
    const units: ContainerUnit[] = [];
    const kinds = 1 + Math.floor(rng() * 6);
    for (let t = 0; t < kinds; t++) {
      const l = 0.2 + 1.5 * rng();
      const w = 0.2 + 1.2 * rng();
      const h = 0.2 + 1.2 * rng();
      const kg = 5 + 200 * rng();
      const mode = Math.floor(rng() * 3);
      const n = 1 + Math.floor(rng() * 40);
      for (let i = 0; i < n; i++) {
        units.push({
          id: `${t}.${i}`,
          l,
          w,
          h,
          kg,
          tiltable: mode === 1,
          vertical: mode === 2 ? [rng() < 0.5, rng() < 0.5, true] : undefined,
        });
      }
    }
    check(box, units, { ...QUICK, support: k % 2 === 0 ? 1 : undefined });
  }
});

test('at 100% support every unit rests on its whole base; at 75% the same search may add overhanging units', () => {
  // a 3 x 2 x 2 box; 2 x 2 x 1 slabs, 1 x 1 x 1 cubes: slabs cannot stand on cubes fully
  const units: ContainerUnit[] = [
    ...Array.from({ length: 2 }, (_, i) => ({ id: `slab${i}`, l: 2, w: 2, h: 1, kg: 1 })),
    ...Array.from({ length: 6 }, (_, i) => ({ id: `cube${i}`, l: 1, w: 1, h: 1, kg: 1 })),
  ];
  const box = { l: 3, w: 2, h: 2, maxKg: Infinity };
  const [at75, at100] = packContainerAt(box, units, [0.75, 1], QUICK);
  assert.deepEqual(fullySupported(at100.placements), []);
  assert.deepEqual(checkGeometry(at75.placements.map((p) => ({ ref: p.id, ...p })), box.l, box.w, box.h), []);
  assert.ok(at75.volume >= at100.volume, 'the looser rule never loads less');
  assert.equal(at100.volume, 12, 'slabs on the floor and on each other, cubes in the 1 x 2 x 2 column');
});

test('same input and seed, same load; another seed, a load just as valid', () => {
  const units = Array.from({ length: 60 }, (_, i) => ({ id: `u${i}`, l: 0.3 + (i % 7) * 0.1, w: 0.4, h: 0.3 + (i % 3) * 0.2, kg: 10 }));
  const box = { l: 2, w: 1.5, h: 1.2, maxKg: Infinity };
  const opts = { work: 20_000 };
  assert.deepEqual(packContainer(box, units, opts), packContainer(box, units, opts));
  const other = check(box, units, { ...opts, seed: 2 });
  assert.deepEqual(packContainer(box, units, { ...opts, seed: 2 }), other);
});
