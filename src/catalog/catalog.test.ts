import { test } from 'node:test';
import assert from 'node:assert/strict';
import { AIRCRAFT, PALLETS, catalogAircraft, catalogPallet, catalogSources } from './index.ts';

test('the planning figures of domain.md', () => {
  const c17 = catalogAircraft('C-17A');
  const c130 = catalogAircraft('C-130J-30');
  assert.ok(c17 && c130);
  assert.equal(c17.aclKg, 58_967); // 65 short tons
  assert.equal(c130.aclKg, 16_329); // 18 short tons
  assert.equal(c130.cruiseKmh, 530); // 286 kt
  assert.deepEqual([c17.palletPositions, c130.palletPositions], [18, 8]);
  assert.deepEqual(catalogPallet('463L'), {
    id: '463L',
    usableLengthM: 2.64,
    usableWidthM: 2.13,
    maxHeightM: 2.44,
    maxGrossKg: 4536,
    tareKg: 161,
    footprintLengthM: 2.74,
    footprintWidthM: 2.24,
  });
});

test('every value but the id names its source', () => {
  for (const entry of [...Object.values(AIRCRAFT), ...Object.values(PALLETS)]) {
    const fields = Object.keys(entry.spec).filter((k) => k !== 'id').sort();
    assert.deepEqual(Object.keys(entry.sources).sort(), fields, entry.spec.id);
    for (const s of Object.values(entry.sources) as string[]) assert.ok(s.length > 10, `${entry.spec.id}: "${s}"`);
  }
});

test('values without a public source are marked as assumptions', () => {
  const assumed = catalogSources()
    .filter((s) => s.assumption)
    .map((s) => `${s.id}.${s.field}`);
  for (const id of Object.keys(AIRCRAFT)) {
    assert.ok(assumed.includes(`${id}.costPerFlyingHourUsd`));
    assert.ok(assumed.includes(`${id}.cgRangeM`));
  }
  assert.ok(assumed.includes('C-130J-30.seats'));
  assert.ok(!assumed.includes('C-17A.aclKg'));
  const c17acl = catalogSources().find((s) => s.id === 'C-17A' && s.field === 'aclKg');
  assert.equal(c17acl?.value, 58_967);
});

test('each type carries its full pallet load on its floor, under its door, with a CG range on the floor', () => {
  const p = PALLETS['463L'].spec;
  for (const { spec: a } of Object.values(AIRCRAFT)) {
    // pallets stand with their long side across the floor, in rows along it
    const across = Math.floor(a.floorWidthM / p.footprintLengthM);
    const along = Math.floor(a.floorLengthM / p.footprintWidthM);
    assert.ok(across * along >= a.palletPositions, `${a.id}: ${across} x ${along} < ${a.palletPositions}`);
    assert.ok(p.maxHeightM <= a.doorHeightM, a.id);
    const [lo, hi] = a.cgRangeM;
    assert.ok(0 <= lo && lo < hi && hi <= a.floorLengthM, a.id);
  }
});

test('the catalog cannot be changed by a caller and has no inherited ids', () => {
  assert.equal(catalogAircraft('toString'), undefined);
  assert.equal(catalogPallet('constructor'), undefined);
  assert.throws(() => {
    (AIRCRAFT['C-17A'].spec as { aclKg: number }).aclKg = 1;
  });
  assert.throws(() => {
    (AIRCRAFT['C-17A'].spec.cgRangeM as number[])[0] = 0;
  });
});

test('pallet stations: one per pallet position, inside the floor, apart, the ramp ones carrying less', () => {
  const p = PALLETS['463L'].spec;
  for (const { spec: a } of Object.values(AIRCRAFT)) {
    const st = a.palletStations ?? [];
    assert.equal(st.length, a.palletPositions, a.id);
    for (const s of st) {
      assert.ok(s.x >= 0 && s.y >= 0 && s.x + s.l <= a.floorLengthM + 1e-9 && s.y + s.w <= a.floorWidthM + 1e-9, `${a.id} station inside the floor`);
      // a 463L covers a station exactly, short side along the floor
      assert.deepEqual([s.l, s.w], [p.footprintWidthM, p.footprintLengthM], a.id);
      assert.ok(s.maxKg > 0);
    }
    for (let i = 0; i < st.length; i++)
      for (let j = i + 1; j < st.length; j++) {
        const [u, v] = [st[i], st[j]];
        const ox = Math.min(u.x + u.l, v.x + v.l) - Math.max(u.x, v.x);
        const oy = Math.min(u.y + u.w, v.y + v.w) - Math.max(u.y, v.y);
        assert.ok(ox <= 1e-9 || oy <= 1e-9, `${a.id}: stations ${i} and ${j} overlap`);
      }
    const maxKg = Math.max(...st.map((s) => s.maxKg));
    const ramp = st.filter((s) => s.maxKg < maxKg);
    assert.ok(ramp.length >= 1, `${a.id} has ramp stations with a lower limit`);
    assert.ok(ramp.every((r) => st.every((s) => s.maxKg < maxKg || s.x < r.x)), `${a.id}: the ramp stations are aft of the rest`);
    // a full load of equal pallets balances inside the range
    const cg = st.reduce((t, s) => t + s.x + s.l / 2, 0) / st.length;
    assert.ok(cg >= a.cgRangeM[0] && cg <= a.cgRangeM[1], `${a.id}: full-load CG ${cg}`);
  }
  const assumed = catalogSources().filter((s) => s.field === 'palletStations');
  assert.equal(assumed.length, Object.keys(AIRCRAFT).length);
  for (const s of assumed) assert.ok(s.assumption && /rampKg: assumption:/.test(s.source), 'the ramp limits are marked as assumptions');
});

test('the catalog stations cannot be changed by a caller', () => {
  assert.throws(() => {
    (AIRCRAFT['C-17A'].spec.palletStations![0] as { maxKg: number }).maxKg = 1;
  });
});
