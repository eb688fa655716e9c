import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Load } from '../../model/index.ts';
import type { AircraftLoad } from '../types.ts';
import { buildLoad } from './index.ts';
import { C130, C17, checkStationLoad, pallet, vehicle } from './testkit.ts';

const EPS = 1e-6;

const at = (load: AircraftLoad, ref: string): Load => load.loads[load.pieces.findIndex((p) => p.ref === ref)];
const apart = (a: Load, b: Load) =>
  !(a.x < b.x + b.l + 0.5 - EPS && b.x < a.x + a.l + 0.5 - EPS && a.y < b.y + b.w + 0.5 - EPS && b.y < a.y + a.w + 0.5 - EPS);

test('a full C-17 of pallets: one a station, the heavy ones off the ramp, balanced', () => {
  const pieces = Array.from({ length: 18 }, (_, i) => pallet(`P${i + 1}`, i < 14 ? 3500 : 2400));
  const load = buildLoad({ pieces, aircraft: C17, maxCargoKg: C17.aclKg });
  assert.equal(load.pieces.length, 18);
  checkStationLoad(load, C17);
});

test('vehicles drive on in lanes and block the stations under them; pallets take the rest', () => {
  const pieces = [vehicle('matv-1', 12500, 6.27, 2.49), vehicle('matv-2', 12500, 6.27, 2.49), ...Array.from({ length: 10 }, (_, i) => pallet(`P${i + 1}`, 3000))];
  const load = buildLoad({ pieces, aircraft: C17, maxCargoKg: C17.aclKg });
  assert.equal(load.pieces.length, 12);
  checkStationLoad(load, C17);
  const [a, b] = [at(load, 'matv-1'), at(load, 'matv-2')];
  assert.ok(a.y !== b.y || a.x !== b.x);
});

test('on a floor too narrow for two side by side, vehicles go one behind the other', () => {
  const pieces = [vehicle('hmmwv-1', 2700, 4.93, 2.18), vehicle('hmmwv-2', 2700, 4.93, 2.18), vehicle('hmmwv-3', 2700, 4.93, 2.18)];
  const load = buildLoad({ pieces, aircraft: C130, maxCargoKg: C130.aclKg });
  assert.equal(load.pieces.length, 3);
  checkStationLoad(load, C130);
  const xs = load.loads.map((l) => l.x).sort((p, q) => p - q);
  for (let i = 1; i < xs.length; i++) assert.ok(xs[i] >= xs[i - 1] + 4.93 - EPS, 'one lane');
  // two side by side where the floor allows
  const c17 = buildLoad({ pieces, aircraft: C17, maxCargoKg: C17.aclKg });
  assert.ok(new Set(c17.loads.map((l) => l.y)).size > 1, 'two lanes on a C-17');
});

test('in one lane, vehicles stand at the front and at the aft end where that frees a station for a pallet', () => {
  // Two 5.07 m vehicles one behind the other cover five of a C-130J-30's eight stations; one
  // against the front and one against the aft end use the floor ahead of the first station and
  // behind the last, and cover four.
  const pieces = [vehicle('truck-1', 2300, 5.07, 2.4), vehicle('truck-2', 2300, 5.07, 2.4), ...Array.from({ length: 5 }, (_, i) => pallet(`P${i + 1}`, 2000))];
  const load = buildLoad({ pieces, aircraft: C130, maxCargoKg: C130.aclKg });
  assert.equal(load.pieces.length, 6);
  checkStationLoad(load, C130);
  const ends = [at(load, 'truck-1'), at(load, 'truck-2')].map((l) => [l.x, l.x + l.l]).sort((p, q) => p[0] - q[0]);
  assert.ok(ends[0][0] <= EPS && ends[1][1] >= C130.floorLengthM - EPS, 'one at each end');
});

test('hazards that must be segregated sit at least half a metre apart; cargo-aircraft-only pieces wait when passengers fly', () => {
  const boom = { hazards: ['1.1D'], clashes: ['3'] };
  const fuel = { hazards: ['3'], clashes: ['1.1D'] };
  const pieces = [pallet('bombs-1', 3500, boom), pallet('bombs-2', 3500, boom), pallet('fuel-1', 3000, fuel), pallet('fuel-2', 3000, fuel),
    ...Array.from({ length: 8 }, (_, i) => pallet(`gen-${i}`, 2000))];
  const load = buildLoad({ pieces, aircraft: C17, maxCargoKg: C17.aclKg });
  assert.equal(load.pieces.length, 12);
  checkStationLoad(load, C17);
  for (const b of ['bombs-1', 'bombs-2']) for (const f of ['fuel-1', 'fuel-2']) assert.ok(apart(at(load, b), at(load, f)), `${b} and ${f} apart`);

  const cao = [pallet('lithium', 1000, { cargoAircraftOnly: true, hazards: ['9'] }), pallet('tools', 2000)];
  assert.deepEqual(buildLoad({ pieces: cao, aircraft: C17, maxCargoKg: C17.aclKg, passengers: true }).pieces.map((p) => p.ref), ['tools']);
  assert.deepEqual(buildLoad({ pieces: cao, aircraft: C17, maxCargoKg: C17.aclKg }).pieces.map((p) => p.ref).sort(), ['lithium', 'tools']);
});

test('a helicopter too wide for one column of stations leaves the other side for narrow vehicles', () => {
  const pieces = [vehicle('uh60', 5700, 12.6, 2.9), vehicle('pickup-1', 2100, 5.33, 1.86), vehicle('pickup-2', 2100, 5.33, 1.86)];
  const load = buildLoad({ pieces, aircraft: C17, maxCargoKg: C17.aclKg });
  assert.equal(load.pieces.length, 3);
  checkStationLoad(load, C17);
  const heli = at(load, 'uh60');
  assert.ok(heli.y <= EPS || heli.y + heli.w >= C17.floorWidthM - EPS, 'against a wall');
});

test('a pallet no station takes (too heavy for every one) is not loaded on a railed type', () => {
  const ramp = { ...C130, palletStations: C130.palletStations!.map((s) => ({ ...s, maxKg: 2000 })) };
  const load = buildLoad({ pieces: [pallet('heavy', 3000), pallet('light', 1500)], aircraft: ramp, maxCargoKg: ramp.aclKg });
  assert.deepEqual(load.pieces.map((p) => p.ref), ['light']);
  checkStationLoad(load, ramp);
});

test('a copied station layout goes on as the original would, and neither changes the other', async () => {
  const { StationLayout } = await import('./stations.ts');
  const { floorOrientations } = await import('../shared/orientations.ts');
  const pieces = [vehicle('V1', 9000, 7.4, 2.7), pallet('P1', 4000), vehicle('V2', 6000, 5.0, 2.4), pallet('P2', 3000), pallet('P3', 2500)];
  const put = (layout: InstanceType<typeof StationLayout>, from: number, to: number) =>
    pieces.slice(from, to).map((p, k) => layout.place(from + k, p.weightKg, floorOrientations(p, C17), p));
  const whole = new StationLayout(C17);
  const placedWhole = put(whole, 0, pieces.length);
  const start = new StationLayout(C17);
  put(start, 0, 2);
  const copy = start.clone();
  const placedCopy = put(copy, 2, pieces.length);
  assert.deepEqual(placedCopy, placedWhole.slice(2), 'the copy takes the rest as a fresh layout would');
  assert.deepEqual(copy.arrange(), whole.arrange(), 'and arranges them the same');
  assert.equal(start.floor.length + start.pallets.length, 2, 'the original still holds its first two pieces only');
  assert.ok(put(start, 2, pieces.length).every((x, k) => x === placedWhole[2 + k]), 'and can go on by itself');
  assert.deepEqual(start.arrange(), whole.arrange());
});
