// The benchmark's own plumbing: argument parsing, instance readers, baselines and the bin
// packing mapping. Fast on purpose: the benchmarks themselves never run under `npm test`.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseArgs, parseSize } from './args.ts';
import { bppScenario, firstFitBins, parseBpp, runInstance } from './bpp1d.ts';
import { brScenarioFile, loadValid, parseBr } from './br.ts';
import { parseScenario } from '../src/scenario/index.ts';
import { columnBaseline } from './br-baseline.ts';
import { piecesByWeight } from './scale-pieces.ts';
import type { Plan, Scenario } from '../src/model/index.ts';
import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { FLOOR_AREA, SINGLE_FILE, floorLengthBound, laneShare, singleClassNeed } from './scale-floor-lp.ts';
import { REPO_ROOT } from './paths.ts';

test('sizes and options parse as the README shows them', () => {
  assert.equal(parseSize('1k'), 1_000);
  assert.equal(parseSize('1m'), 1_000_000);
  assert.equal(parseSize('2500'), 2_500);
  assert.throws(() => parseSize('ten'));
  const a = parseArgs(['--only', 'bpp,scale', '--sizes', '1k,100k', '--quick']);
  assert.deepEqual(a.sections, ['bpp', 'scale']);
  assert.deepEqual(a.sizes, [1_000, 100_000]);
  assert.equal(a.quick, true);
  assert.throws(() => parseArgs(['--only', 'nope']));
  assert.throws(() => parseArgs(['--frobnicate']));
  assert.deepEqual(parseArgs(['--br-classes', 'br1,BR15']).brClasses, ['BR1', 'BR15']);
});

test('a BPPLIB file reads as n, capacity and weights, CRLF included', () => {
  const inst = parseBpp('x', '3\r\n10\r\n6\r\n5\r\n4\r\n');
  assert.deepEqual(inst, { name: 'x', capacity: 10, weights: [6, 5, 4] });
  assert.throws(() => parseBpp('y', '3\n10\n6\n'));
});

test('first fit in input order opens a bin only when no open bin takes the weight', () => {
  assert.equal(firstFitBins(10, [6, 5, 4]), 2); // 6+4, 5
  assert.equal(firstFitBins(10, [5, 6, 5, 4]), 2); // 5+5, 6+4
  assert.equal(firstFitBins(10, [7, 7, 7]), 3);
});

test('the bin packing scenario lets weight bind, never volume', () => {
  const weights = Array.from({ length: 1000 }, (_, i) => 1 + (i % 100));
  const { scenario, retrograde } = bppScenario({ name: 'big', capacity: 150, weights });
  const pt = scenario.palletTypes[0];
  const units = [...retrograde.values()].reduce((a, b) => a + b, 0);
  assert.equal(units, 1000);
  const it = scenario.items[0];
  const perPallet =
    Math.floor(pt.usableLengthM / it.lengthM) * Math.floor(pt.usableWidthM / it.widthM) * Math.floor(pt.maxHeightM / it.heightM);
  assert.ok(perPallet >= units, `one pallet holds ${perPallet} cubes, the instance has ${units}`);
  assert.equal(pt.tareKg, 0);
  assert.equal(pt.maxGrossKg, 150);
});

test('through the palletiser, a small instance with a perfect packing uses the optimum', () => {
  // 3 bins of exactly 10: {3,7}, {5,5}, {6,4}; first fit in this order needs 4 ({3,5}, {7}, {6,4}, {5})
  const inst = { name: 'tiny', capacity: 10, weights: [3, 5, 7, 6, 4, 5] };
  assert.equal(firstFitBins(10, inst.weights), 4);
  const r = runInstance(inst, 3);
  assert.equal(r.valid, true);
  assert.equal(r.pallets, 3);
});

test('a BR problem reads with its orientation flags per dimension', () => {
  const [p] = parseBr(' 1\n 1 2502505\n 587 233 220\n 2\n 1 108 0 76 1 30 1 40\n 2 110 1 43 0 25 0 33\n');
  assert.deepEqual(p.container, [587, 233, 220]);
  assert.deepEqual(p.boxes[0], { type: 1, dims: [108, 76, 30], vertical: [false, true, true], qty: 40 });
  assert.deepEqual(p.boxes[1].vertical, [true, false, false]);
});

test('the column baseline stacks identical boxes and stops when the floor is full', () => {
  // 10 x 10 x 10 container, 5 x 5 x 5 cubes: 4 columns of 2 fill it exactly; extra cubes stay out
  const cube = { type: 1, dims: [5, 5, 5] as [number, number, number], vertical: [true, true, true] as [boolean, boolean, boolean], qty: 9 };
  assert.equal(columnBaseline([10, 10, 10], [cube]), 1000);
  // a box that may only stand on its 2-high side: columns of 5 in a 10-high container
  const flat = { type: 1, dims: [10, 10, 2] as [number, number, number], vertical: [false, false, true] as [boolean, boolean, boolean], qty: 3 };
  assert.equal(columnBaseline([10, 10, 10], [flat]), 600);
});

test('a BR problem becomes a scenario the loader reads, the flags as verticalDims', () => {
  const [p] = parseBr(' 1\n 1 2502505\n 587 233 220\n 2\n 1 108 0 76 1 30 1 40\n 2 110 1 43 0 25 0 33\n');
  const r = parseScenario(JSON.stringify(brScenarioFile(p)), { format: 'json' });
  assert.ok(r.ok, JSON.stringify(!r.ok && r.issues));
  const pt = r.scenario.palletTypes.find((t) => t.id === 'container')!;
  assert.deepEqual([pt.usableLengthM, pt.usableWidthM, pt.maxHeightM], [5.87, 2.33, 2.2]);
  const [a, b] = r.scenario.items;
  assert.deepEqual([a.quantity, a.lengthM, a.verticalDims], [40, 1.08, ['width', 'height']]);
  assert.deepEqual([b.quantity, b.verticalDims, b.tiltable], [33, ['length'], false]);
});

test('the load check finds overlaps, units outside, wrong faces and thin support', () => {
  const cube = { dims: [1, 1, 1] as const, vertical: [true, true, true] as const };
  const flat = { dims: [2, 1, 1] as const, vertical: [false, false, true] as const };
  const unit = (id: string) => (id.startsWith('c') ? cube : flat);
  const floor = [{ id: 'c1', x: 0, y: 0, z: 0, l: 1, w: 1, h: 1 }];
  assert.equal(loadValid(floor, [2, 2, 2], unit, 1), true);
  assert.equal(loadValid([...floor, { id: 'c2', x: 0.5, y: 0, z: 0, l: 1, w: 1, h: 1 }], [2, 2, 2], unit, 1), false, 'overlap');
  assert.equal(loadValid([{ id: 'c1', x: 1.5, y: 0, z: 0, l: 1, w: 1, h: 1 }], [2, 2, 2], unit, 1), false, 'outside');
  assert.equal(loadValid([{ id: 'f1', x: 0, y: 0, z: 0, l: 1, w: 1, h: 2 }], [2, 2, 2], unit, 1), false, 'on its end');
  // a 2 x 1 slab on a single cube: half its base rests, so neither rule accepts it; on two cubes both do
  const slab = { id: 'f1', x: 0, y: 0, z: 1, l: 2, w: 1, h: 1 };
  assert.equal(loadValid([...floor, slab], [2, 2, 2], unit, 0.75), false);
  assert.equal(loadValid([...floor, { id: 'c2', x: 1, y: 0, z: 0, l: 1, w: 1, h: 1 }, slab], [2, 2, 2], unit, 1), true);
  // 80% of the base (a cube and a 0.6-long box under a 2-long slab): the plans' rule accepts it, full support does not
  const short = { dims: [0.6, 1, 1] as const, vertical: [true, true, true] as const };
  const part = [...floor, { id: 's1', x: 1, y: 0, z: 0, l: 0.6, w: 1, h: 1 }, slab];
  const units = (id: string) => (id.startsWith('s') ? short : unit(id));
  assert.equal(loadValid(part, [2, 2, 2], units, 0.75), true);
  assert.equal(loadValid(part, [2, 2, 2], units, 1), false);
});

test("the plan's own pieces: weights over a quarter of the payload go three to a sortie, however light the rest", () => {
  const sc = {
    items: [{ id: 'truck', unitWeightKg: 4_400 }, { id: 'crate', unitWeightKg: 300 }],
    policy: { passengerKg: 100 },
  } as unknown as Scenario;
  const sortie = (id: string, from: string, refs: string[], passengers: number) => ({ id, from, passengers, loads: refs.map((ref) => ({ ref })) });
  // Seven 4,400 kg pieces (five trucks, two pallets at 4,300 kg gross) and light cargo: by total
  // weight 2 sorties of 16,000 kg, but no sortie takes four of the heavy ones (17,200 kg).
  const plan = {
    pallets: [{ id: 'P1', grossKg: 4_300 }, { id: 'P2', grossKg: 4_300 }],
    sorties: [
      sortie('S1', 'A', ['truck', 'truck', 'truck', 'crate'], 2),
      sortie('S2', 'A', ['truck', 'truck', 'P1'], 0),
      sortie('S3', 'A', ['P2', 'crate'], 5),
      sortie('S4', 'B', ['truck'], 0),
    ],
  } as unknown as Plan;
  const a = piecesByWeight(sc, plan, 'A', 16_000);
  assert.deepEqual(a, { lowerBound: 3, optimal: true, pieces: 9, people: 7 });
  // The same weights lighter by a tenth: four heavy ones fit a sortie, and two sorties do.
  const light = { ...plan, pallets: [{ id: 'P1', grossKg: 3_800 }, { id: 'P2', grossKg: 3_800 }] } as unknown as Plan;
  const lighter = { ...sc, items: [{ id: 'truck', unitWeightKg: 3_800 }, { id: 'crate', unitWeightKg: 300 }] } as unknown as Scenario;
  assert.equal(piecesByWeight(lighter, light, 'A', 16_000).lowerBound, 2);
  assert.throws(() => piecesByWeight(sc, { ...plan, sorties: [sortie('S9', 'A', ['ghost'], 0)] } as unknown as Plan, 'A', 16_000), /S9 carries ghost/);
});

test('lane widths: pieces side by side across the floor never count more than one floor width', () => {
  // a dual feasible function: any widths that fit abreast (shares adding up to at most 1) count at most 1
  fc.assert(
    fc.property(fc.integer({ min: 1, max: 5 }), fc.array(fc.double({ min: 0.001, max: 1, noNaN: true }), { minLength: 1, maxLength: 8 }), (k, raw) => {
      const total = raw.reduce((a, b) => a + b, 0);
      const shares = total > 1 ? raw.map((x) => x / total) : raw;
      const u = laneShare(k);
      return shares.reduce((a, x) => a + u(x), 0) <= 1 + 1e-9;
    }),
  );
  // single file is u_1 but at exactly half the floor; two abreast count a half each, three a third
  assert.equal(SINGLE_FILE(0.51), 1);
  assert.equal(SINGLE_FILE(0.49), 0);
  assert.equal(laneShare(1)(0.51), 1);
  assert.equal(laneShare(2)(0.34), 0.5);
  assert.equal(laneShare(2)(0.3), 0);
  assert.equal(laneShare(3)(0.3), 1 / 3);
  assert.equal(FLOOR_AREA(0.3), 0.3);
});

test('the configuration LP with lane widths sees pickups two abreast on a C-17 floor', () => {
  // 40 pickups of 1 t, 5.33 x 1.86 m, at Timbuktu: by weight one C-17A takes them all, single
  // file sees no length (each is narrower than half the 5.49 m floor), but no more than two stand
  // abreast (three are 5.58 m) and five one behind another (26.65 of 26.8 m): ten a sortie, four sorties.
  const text = readFileSync(join(REPO_ROOT, 'scenarios/tiny.yaml'), 'utf8');
  const r = parseScenario(text, { format: 'yaml' });
  assert.ok(r.ok);
  const scenario = {
    ...r.scenario,
    items: r.scenario.items.map((it) => (it.id === 'timbuktu-pickup' ? { ...it, quantity: 40, unitWeightKg: 1_000 } : it)),
  };
  const retrograde = new Map([['timbuktu-pickup', 40]]);
  const line = scenario.aircraft.find((l) => l.type === 'C-17A')!;
  const bound = (share: Parameters<typeof singleClassNeed>[4]) => floorLengthBound(singleClassNeed(scenario, 'timbuktu', line, retrograde, share));
  assert.equal(bound(SINGLE_FILE), 1);
  assert.equal(bound(laneShare(2)), 4);
  assert.equal(bound(FLOOR_AREA), 3); // 9.9 m2 each on 147 m2
});
