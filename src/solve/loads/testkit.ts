// Shared by the loads tests: the catalogue's railed types as fleet lines, a pallet and a vehicle
// as the load planner sees them, and the station rules read independently of the planner.

import assert from 'node:assert/strict';
import { catalogAircraft } from '../../catalog/index.ts';
import type { AircraftType, FleetLine } from '../../model/index.ts';
import type { AircraftLoad, CargoPiece } from '../types.ts';

export const catalogLine = (id: string): FleetLine => {
  const { id: type, ...spec } = catalogAircraft(id) as AircraftType;
  return { ...structuredClone(spec), type, count: 1, base: 'home' };
};
export const C17 = catalogLine('C-17A');
export const C130 = catalogLine('C-130J-30');

export const pallet = (ref: string, kg: number, more: Partial<CargoPiece> = {}): CargoPiece => ({
  ref, kind: 'pallet', site: 's', lengthM: 2.74, widthM: 2.24, heightM: 1.8, weightKg: kg, sensitive: false, tiltable: false, itemIds: [ref], ...more,
});
export const vehicle = (ref: string, kg: number, l: number, w: number): CargoPiece => ({
  ref, kind: 'floor', site: 's', lengthM: l, widthM: w, heightM: 2, weightKg: kg, sensitive: false, tiltable: false, itemIds: [ref], vehicle: true,
});

const EPS = 1e-6;

/** Do two rectangles of floor overlap (more than touch)? */
export const overlap = (a: { x: number; y: number; l: number; w: number }, b: { x: number; y: number; l: number; w: number }) =>
  Math.min(a.x + a.l, b.x + b.l) - Math.max(a.x, b.x) > EPS && Math.min(a.y + a.w, b.y + b.w) - Math.max(a.y, b.y) > EPS;

/**
 * A load on a railed type checked by the rules read independently of the planner: every piece on
 * the floor and none overlapping another, vehicles driven on, every pallet on a station of its own
 * within the station's weight and with no floor piece over that station, within the ACL, the
 * centre of gravity in range and as the load states it.
 */
export function checkStationLoad(load: AircraftLoad, a: FleetLine): void {
  const st = a.palletStations!;
  const used = new Set<number>();
  let kg = 0;
  let moment = 0;
  load.pieces.forEach((p, i) => {
    const l = load.loads[i];
    assert.ok(l.x >= -EPS && l.x + l.l <= a.floorLengthM + EPS && l.y >= -EPS && l.y + l.w <= a.floorWidthM + EPS, `${p.ref} on the floor`);
    for (let j = 0; j < i; j++) assert.ok(!overlap(l, load.loads[j]), `${p.ref} overlaps ${load.pieces[j].ref}`);
    kg += p.weightKg;
    moment += p.weightKg * (l.x + l.l / 2);
    if (p.kind !== 'pallet') {
      if (p.vehicle) assert.deepEqual([l.l, l.w], [p.lengthM, p.widthM], `${p.ref} drives on`);
      return;
    }
    const k = st.findIndex((s) => Math.abs(s.x - l.x) < EPS && Math.abs(s.y - l.y) < EPS && Math.abs(s.l - l.l) < EPS && Math.abs(s.w - l.w) < EPS);
    assert.ok(k >= 0, `${p.ref} on a station`);
    assert.ok(!used.has(k), `${p.ref}: station ${k + 1} once`);
    used.add(k);
    assert.ok(p.weightKg <= st[k].maxKg + EPS, `${p.ref} within station ${k + 1}'s ${st[k].maxKg} kg`);
    load.pieces.forEach((q, j) => {
      if (q.kind === 'floor') assert.ok(!overlap(load.loads[j], st[k]), `${q.ref} over station ${k + 1} of ${p.ref}`);
    });
  });
  assert.ok(kg <= a.aclKg + EPS, 'within the ACL');
  if (kg > 0) {
    const cg = moment / kg;
    assert.ok(cg >= a.cgRangeM[0] - EPS && cg <= a.cgRangeM[1] + EPS, `CG ${cg} in range`);
    assert.ok(Math.abs((load.cgM ?? 0) - cg) < 1e-6);
  }
}
