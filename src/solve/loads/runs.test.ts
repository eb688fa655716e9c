// Loads chosen by runs on a single-file station floor (runs.ts): which vehicles stand together at
// each end decides how many stations are left for pallets.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { FleetLine } from '../../model/index.ts';
import type { AircraftLoad, CargoPiece } from '../types.ts';
import { floorOrientations } from '../shared/orientations.ts';
import { buildLoad } from './index.ts';
import { runProposals } from './runs.ts';
import { columnProposals, resplit } from './columns.ts';
import { C130, C17, checkStationLoad, overlap, pallet, vehicle } from './testkit.ts';

const EPS = 1e-6;

const candidates = (pieces: CargoPiece[], a: FleetLine) => pieces.map((piece, rank) => ({ piece, rank, options: floorOrientations(piece, a) }));

test('a C-130J-30 takes three 4.46 m vehicles and two heavy pallets: one vehicle at the front, two at the aft end', () => {
  // Placed one at a time, the vehicles go one behind the other from the front and leave the
  // pallets stations 7 and 8, and the ramp station takes no 4.5 t pallet: two vehicles flew.
  const pieces = [vehicle('V1', 2414.7, 4.46, 2.27), vehicle('V2', 2414.7, 4.46, 2.27), vehicle('V3', 2414.7, 4.46, 2.27), pallet('P1', 4500), pallet('P2', 4400)];
  const load = buildLoad({ pieces, aircraft: C130, maxCargoKg: C130.aclKg });
  checkStationLoad(load, C130);
  assert.deepEqual(load.pieces.map((p) => p.ref).sort(), ['P1', 'P2', 'V1', 'V2', 'V3']);
  // offered more of both, it still mixes them rather than taking vehicles alone
  const more = [...pieces, vehicle('V4', 2414.7, 4.46, 2.27), vehicle('V5', 2414.7, 4.46, 2.27), pallet('P3', 4000)];
  const mixed = buildLoad({ pieces: more, aircraft: C130, maxCargoKg: C130.aclKg });
  checkStationLoad(mixed, C130);
  assert.equal(mixed.pieces.filter((p) => p.vehicle).length, 3);
  assert.equal(mixed.pieces.filter((p) => p.kind === 'pallet').length, 2);
});

test('runs: the split between the ends that leaves the most stations, pallets first, then the front run, then the aft run', () => {
  // 5.02 + 5.02 m from the front reach the fifth station's edge (10.04 m) and 5.38 m from the aft
  // end reaches the seventh's: stations 5 and 6 stay free for the two pallets.
  const pieces = [vehicle('A', 2178, 5.38, 2.24), vehicle('B', 2513, 5.02, 2.24), vehicle('C', 2513, 5.02, 2.24), pallet('P1', 4526), pallet('P2', 4494)];
  const sets = runProposals(candidates(pieces, C130), C130.aclKg, C130, 2, 0);
  assert.deepEqual(sets[0].map((c) => c.piece.ref), ['P1', 'P2', 'B', 'C', 'A']);
  const load = buildLoad({ pieces, aircraft: C130, maxCargoKg: C130.aclKg });
  checkStationLoad(load, C130);
  assert.equal(load.pieces.length, 5);
  const aft = load.loads[load.pieces.findIndex((p) => p.ref === 'A')];
  assert.ok(Math.abs(aft.x + aft.l - C130.floorLengthM) < EPS, 'the 5.38 m vehicle at the aft end');
});

test('runs: none where the floor is not single-file, nor past the value to beat', () => {
  const pieces = [vehicle('V1', 2414.7, 4.46, 2.27), vehicle('V2', 2414.7, 4.46, 2.27), pallet('P1', 4500)];
  // two columns of stations on the C-17: room beside a vehicle
  assert.deepEqual(runProposals(candidates(pieces, C17), C17.aclKg, C17, 2, 0), []);
  // a piece narrower than half the C-130's floor
  const narrow = [...pieces, vehicle('Q', 500, 2.0, 1.2)];
  assert.deepEqual(runProposals(candidates(narrow, C130), C130.aclKg, C130, 2, 0), []);
  // no set can take more than the whole weight limit and floor
  assert.deepEqual(runProposals(candidates(pieces, C130), C130.aclKg, C130, 2, 2), []);
  assert.ok(runProposals(candidates(pieces, C130), C130.aclKg, C130, 2, 0).length > 0);
});

// Runs in two columns (columns.ts): on the C-17A each column has 2.86 m of floor ahead of its
// first station and 3.78 m behind its last that carry no pallet.
const stationsUnder = (load: AircraftLoad, a: FleetLine) =>
  a.palletStations!.filter((s) =>
    load.loads.some((f, i) => load.pieces[i].kind !== 'pallet' && overlap(f, s)),
  ).length;

test('two columns: the load\'s vehicles split between the margins of both columns free two stations for pallets', () => {
  // The greedy fills take the 2.75 m and 3.29 m vehicles (the 5.83 m and 6.88 m ones would cover
  // stations the pallets need) but stand a 3.29 m one behind a 2.75 m one at the front, over two
  // stations (2.75 to 6.04 m); each of the four fits a margin of its own (2.86 m ahead of the
  // first station, 3.78 m behind the last, in each column), which leaves all 18 stations.
  const pieces = [
    vehicle('A', 2500, 3.29, 2.3), vehicle('B', 2500, 6.88, 2.3), vehicle('C', 2500, 2.75, 2.3), vehicle('D', 2500, 5.83, 2.3),
    vehicle('E', 2500, 3.29, 2.3), vehicle('F', 2500, 6.88, 2.3), vehicle('G', 2500, 2.75, 2.3),
  ];
  for (let i = 1; i <= 19; i++) pieces.push(pallet(`P${i}`, 2000));
  const greedy = buildLoad({ pieces, aircraft: C17, maxCargoKg: C17.aclKg }, { columnRuns: 'off' });
  checkStationLoad(greedy, C17);
  assert.equal(stationsUnder(greedy, C17), 2);
  const load = buildLoad({ pieces, aircraft: C17, maxCargoKg: C17.aclKg });
  checkStationLoad(load, C17);
  assert.equal(stationsUnder(load, C17), 0);
  const vehicles = (l: AircraftLoad) => l.pieces.filter((p) => p.kind !== 'pallet').map((p) => p.ref).sort();
  assert.deepEqual(vehicles(load), vehicles(greedy));
  assert.deepEqual(vehicles(load), ['A', 'C', 'E', 'G']);
  assert.equal(load.pieces.length, greedy.pieces.length + 2);
  assert.equal(load.pieces.filter((p) => p.kind === 'pallet').length, 18);
});

test('two columns: resplit covers the fewest stations, and gives none where it frees nothing or on one column', () => {
  const vs = [vehicle('A', 2500, 3.29, 2.3), vehicle('B', 2500, 2.75, 2.3), vehicle('C', 2500, 3.29, 2.3), vehicle('D', 2500, 2.75, 2.3)];
  const waiting = [pallet('P1', 2000), pallet('P2', 2000), pallet('P3', 9000)];
  const split = resplit(candidates(vs, C17), [], candidates(waiting, C17), 2, C17.aclKg, C17);
  assert.ok(split);
  // every run within its margin: the 3.29 m vehicles behind, the 2.75 m ahead
  for (const [k, run] of split.runs.entries()) {
    const len = run.reduce((t, c) => t + c.piece.lengthM, 0);
    assert.ok(len <= (k % 2 === 0 ? 2.86 : 3.78) + EPS, `run ${k}: ${len} m`);
  }
  // the two pallets a station takes, not the 9 t one
  assert.deepEqual(split.pallets.map((c) => c.piece.ref), ['P1', 'P2']);
  // already the fewest stations: nothing to gain
  assert.equal(resplit(candidates(vs, C17), [], candidates(waiting, C17), 0, C17.aclKg, C17), null);
  // no waiting pallet within the weight left
  assert.equal(resplit(candidates(vs, C17), [], candidates(waiting, C17), 2, 10_000 + 1_000, C17), null);
  // one column of stations: the single-file runs apply (runs.ts), not these
  assert.equal(resplit(candidates(vs.slice(0, 2), C130), [], candidates(waiting, C130), 2, C130.aclKg, C130), null);
});

test('two columns: the sets of up to three floor pieces leave the most stations for the heaviest pallets', () => {
  const pieces = [vehicle('A', 2500, 3.29, 2.3), vehicle('B', 2500, 2.75, 2.3), vehicle('L', 9000, 9.0, 2.3), pallet('P1', 4000), pallet('P2', 3000)];
  const sets = columnProposals(candidates(pieces, C17), C17.aclKg, C17, 2, 0);
  assert.ok(sets.length > 0);
  const [best] = sets;
  assert.deepEqual(best.pallets.map((c) => c.piece.ref), ['P1', 'P2']);
  assert.deepEqual(best.runs.flat().map((c) => c.piece.ref).sort(), ['A', 'B', 'L']);
  // past the value to beat: none
  assert.deepEqual(columnProposals(candidates(pieces, C17), C17.aclKg, C17, 2, 2), []);
  assert.deepEqual(columnProposals(candidates(pieces, C130), C130.aclKg, C130, 2, 0), []);
  const load = buildLoad({ pieces, aircraft: C17, maxCargoKg: C17.aclKg }, { columnRuns: 'sets' });
  checkStationLoad(load, C17);
  assert.equal(load.pieces.length, 5);
});
