import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { FleetLine, Item, PalletType } from '../../model/index.ts';
import type { CargoPiece } from '../types.ts';
import { accepts, carryProblem, couldCarry } from './capability.ts';
import { fitsSomePallet, floorPiece, heightOnPallet, ridesOnFloor } from './floor.ts';
import { itemOrientations, pieceOrientations } from './orientations.ts';
import { tieRanks } from './random.ts';

const P463L: PalletType = {
  id: '463L', usableLengthM: 2.235, usableWidthM: 2.743, maxHeightM: 2.44, maxGrossKg: 4536, tareKg: 130,
  footprintLengthM: 2.235, footprintWidthM: 2.743,
};
const C130: FleetLine = {
  type: 'C-130J-30', name: 'C-130J-30', count: 1, base: 'a', aclKg: 15_000, palletPositions: 8, seats: 92, cruiseKmh: 600,
  turnHours: 2, costPerFlyingHourUsd: 1, floorLengthM: 16.9, floorWidthM: 3.0, doorHeightM: 2.74, cgRangeM: [7, 10],
};
const item = (over: Partial<Item>): Item => ({
  id: 'x', name: 'x', site: 'a', quantity: 1, unitWeightKg: 100, lengthM: 1, widthM: 0.5, heightM: 0.4, unitValueUsd: 1,
  kind: 'cargo', sensitive: [], hostTransfer: false, demilInPlace: false, tiltable: false, verticalDims: ['height'],
  cargoAircraftOnly: false, ...over,
});
const piece = (over: Partial<CargoPiece>): CargoPiece => ({
  ref: 'p', kind: 'floor', site: 'a', lengthM: 2, widthM: 3, heightM: 1, weightKg: 1000, sensitive: false, tiltable: false,
  itemIds: ['p'], ...over,
});

test('a unit turns about the vertical axis; a tiltable one lies on any face, upright first', () => {
  assert.deepEqual(itemOrientations(item({ lengthM: 3, widthM: 2, heightM: 1 })), [[3, 2, 1], [2, 3, 1]]);
  assert.deepEqual(itemOrientations(item({ lengthM: 3, widthM: 2, heightM: 1, tiltable: true })),
    [[3, 2, 1], [2, 3, 1], [3, 1, 2], [1, 3, 2], [2, 1, 3], [1, 2, 3]]);
  assert.deepEqual(itemOrientations(item({ lengthM: 2, widthM: 2, heightM: 2, tiltable: true })), [[2, 2, 2]]);
});

test('on an aircraft floor a pallet goes short side along, a floor unit long side along', () => {
  assert.deepEqual(pieceOrientations(piece({ kind: 'pallet', lengthM: 2.235, widthM: 2.743 }))[0], { l: 2.235, w: 2.743, h: 1 });
  assert.deepEqual(pieceOrientations(piece({ kind: 'pallet', lengthM: 2.743, widthM: 2.235 }))[0], { l: 2.235, w: 2.743, h: 1 });
  assert.deepEqual(pieceOrientations(piece({ lengthM: 2, widthM: 6 }))[0], { l: 6, w: 2, h: 1 });
  // tiltable: upright, then on its length, then on its width
  assert.deepEqual(pieceOrientations(piece({ lengthM: 3, widthM: 2, heightM: 1, tiltable: true })).map((o) => o.h), [1, 1, 3, 3, 2, 2]);
  // a pallet never tilts
  assert.equal(pieceOrientations(piece({ kind: 'pallet', tiltable: true })).length, 2);
});

test('cargo rides on the floor only when it fits no pallet type; vehicles always do', () => {
  assert.equal(ridesOnFloor(item({}), [P463L]), false);
  assert.equal(ridesOnFloor(item({ kind: 'vehicle' }), [P463L]), true);
  assert.equal(ridesOnFloor(item({ lengthM: 3, widthM: 2.5, heightM: 1 }), [P463L]), true, 'too long and too wide both ways');
  assert.equal(ridesOnFloor(item({ unitWeightKg: 4407 }), [P463L]), true, 'heavier than the net load');
  assert.equal(fitsSomePallet(item({ unitWeightKg: 4406 }), [P463L]), true, 'exactly the net load');
  // lying down it fits: a tiltable unit goes on a pallet, the same unit upright goes to the floor
  const pole = { lengthM: 2.0, widthM: 0.3, heightM: 2.6 };
  assert.equal(heightOnPallet(item({ ...pole, tiltable: true }), P463L), 0.3);
  assert.equal(ridesOnFloor(item(pole), [P463L]), true);
  // the verifier's tolerance: a micrometre over the usable length still fits
  assert.equal(fitsSomePallet(item({ lengthM: 2.235 + 5e-7, widthM: 2.743 }), [P463L]), true);
  assert.deepEqual(floorPiece(item({ id: 'gen', sensitive: ['lethal'] })).sensitive, true);
});

test('what a type can carry: runway, door, floor, weight, positions, balance', () => {
  assert.equal(accepts({ id: 's', name: 's', country: 'NE', lat: 0, lon: 0, role: 'origin', accepts: ['C-17A'] }, 'C-130J-30'), false);
  assert.equal(accepts({ id: 's', name: 's', country: 'NE', lat: 0, lon: 0, role: 'origin' }, 'C-130J-30'), true);
  assert.equal(carryProblem(piece({ heightM: 3 }), C130), 'door');
  assert.equal(carryProblem(piece({ lengthM: 18, widthM: 1 }), C130), 'floor');
  assert.equal(carryProblem(piece({ weightKg: 16_000 }), C130), 'weight');
  assert.equal(carryProblem(piece({ kind: 'pallet' }), { ...C130, palletPositions: 0 }), 'positions');
  // 16 m long, its centre is at least 8 m from the front: behind a balance range of 2-4 m
  const nose = { ...C130, cgRangeM: [2, 4] as [number, number] };
  assert.equal(carryProblem(piece({ lengthM: 16, widthM: 1 }), nose), 'balance');
  assert.equal(carryProblem(piece({}), C130), null);
  // among other cargo the load planner may still balance it
  assert.equal(couldCarry(piece({ lengthM: 16, widthM: 1 }), nose), true);
  assert.equal(couldCarry(piece({ heightM: 3 }), C130), false);
  // a tiltable unit too tall upright goes through the door on its side
  assert.equal(couldCarry(piece({ heightM: 3, tiltable: true }), C130), true);
});

test('tie ranks: none for the default seed, else a seeded permutation that repeats', () => {
  assert.equal(tieRanks(1, 10, 0), null);
  const r = tieRanks(2, 10, 0)!;
  assert.deepEqual([...r].sort((a, b) => a - b), [0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
  assert.deepEqual(tieRanks(2, 10, 0), r);
  assert.notDeepEqual(tieRanks(3, 10, 0), r);
  assert.notDeepEqual(tieRanks(2, 10, 1), r, 'each stream its own order');
});
