import assert from 'node:assert/strict';
import test from 'node:test';
import type { FleetLine, Item, Scenario, Site } from '../../model/index.ts';
import { DAY_MS, flightHours, toMs } from '../../model/index.ts';
import { generateScenario } from '../../generate/index.ts';
import { parseScenario } from '../../scenario/load.ts';
import { solve } from '../index.ts';
import { solveModel } from './highs.ts';
import { computeBounds } from './index.ts';
import { binPackingL2 } from '../shared/bin-bounds.ts';
import { rng } from '../../generate/random.ts';

/** Fewest bins by trying every assignment (items few). */
function exactBins(sizes: number[], C: number): number {
  const bins: number[] = [];
  let best = sizes.length;
  const go = (i: number) => {
    if (bins.length >= best) return;
    if (i === sizes.length) return void (best = bins.length);
    for (let b = 0; b < bins.length; b++) {
      if (bins[b] + sizes[i] <= C) {
        bins[b] += sizes[i];
        go(i + 1);
        bins[b] -= sizes[i];
      }
    }
    bins.push(sizes[i]);
    go(i + 1);
    bins.pop();
  };
  go(0);
  return best;
}

test('L2 never exceeds the exact bin count, and beats the sum bound on big items', () => {
  const r = rng(7).next;
  for (let trial = 0; trial < 300; trial++) {
    const n = 1 + Math.floor(r() * 8);
    const sizes = Array.from({ length: n }, () => Math.round(1 + r() * 99));
    const lb = binPackingL2(sizes.map((size) => ({ size, count: 1 })), 100);
    assert.ok(lb <= exactBins(sizes, 100), `${sizes} -> ${lb}`);
  }
  // Three items of 60 fill 1.8 bins by weight, yet no two share a bin.
  assert.equal(binPackingL2([{ size: 60, count: 3 }], 100), 3);
  assert.equal(binPackingL2([{ size: 60, count: 2 }, { size: 40, count: 2 }], 100), 2);
});

const BIG: Omit<FleetLine, 'count' | 'base'> = {
  type: 'BIG', name: 'big', aclKg: 40_000, palletPositions: 10, seats: 20, cruiseKmh: 800, turnHours: 2,
  costPerFlyingHourUsd: 1, floorLengthM: 20, floorWidthM: 5, doorHeightM: 3.5, cgRangeM: [0, 20],
};
const SMALL: Omit<FleetLine, 'count' | 'base'> = {
  type: 'SMALL', name: 'small', aclKg: 15_000, palletPositions: 4, seats: 30, cruiseKmh: 500, turnHours: 1.5,
  costPerFlyingHourUsd: 1, floorLengthM: 12, floorWidthM: 3, doorHeightM: 2.7, cgRangeM: [0, 12],
};

function site(id: string, role: Site['role'], lat: number, lon: number, extra: Partial<Site> = {}): Site {
  return { id, name: id, country: role === 'origin' ? 'NE' : 'DE', lat, lon, role, ...extra };
}

function vehicle(id: string, kg: number, l: number, w: number, h: number, q = 1): Item {
  return {
    id, name: id, site: 'A', quantity: q, unitWeightKg: kg, lengthM: l, widthM: w, heightM: h, unitValueUsd: 1,
    kind: 'vehicle', sensitive: [], hostTransfer: false, demilInPlace: false, tiltable: false, verticalDims: ['height'], cargoAircraftOnly: false,
  };
}

function scenario(items: Item[], people: number, fleet: FleetLine[], a: Partial<Site> = {}): Scenario {
  return {
    name: 't', asOf: '2030-01-01',
    sites: [site('A', 'origin', 13.5, 2.2, a), site('D', 'destination', 49.4, 7.6)],
    aircraft: fleet, palletTypes: [], items, infrastructure: [],
    personnel: people ? [{ site: 'A', count: people, role: 'support' }] : [],
    agreements: [{ country: 'NE', deadline: '2030-12-31' }],
    policy: { transferWhenShipCostOverValue: 1, minSecurityPerSite: 0, passengerKg: 100 },
  };
}

/**
 * The fewest sorties by exact MILP over the same capacities the bound reasons with (payload,
 * floor area, seats, which types each unit fits): a relaxation of the real rules, so a valid
 * bound can never exceed it.
 */
function exactSorties(sc: Scenario): number {
  const units = sc.items.flatMap((it) => Array.from({ length: it.quantity }, () => it));
  const people = sc.personnel.reduce((a, p) => a + p.count, 0);
  const types = sc.aircraft;
  const slots = units.length + Math.ceil(people / 10) + 1;
  const rows: string[] = [];
  const ints: string[] = [];
  const obj: string[] = [];
  types.forEach((T, t) => {
    for (let b = 0; b < slots; b++) {
      const y = `y_${t}_${b}`;
      obj.push(y);
      ints.push(y, `p_${t}_${b}`);
      const kg: string[] = [`100 p_${t}_${b}`];
      const area: string[] = [];
      units.forEach((u, i) => {
        const fits = u.unitWeightKg <= T.aclKg && u.heightM <= T.doorHeightM &&
          Math.max(u.lengthM, u.widthM) <= T.floorLengthM && Math.min(u.lengthM, u.widthM) <= T.floorWidthM;
        if (!fits) return;
        const x = `x_${i}_${t}_${b}`;
        ints.push(x);
        kg.push(`${u.unitWeightKg} ${x}`);
        area.push(`${u.lengthM * u.widthM} ${x}`);
        rows.push(`${x} - ${y} <= 0`);
      });
      rows.push(`${kg.join(' + ')} - ${T.aclKg} ${y} <= 0`);
      if (area.length) rows.push(`${area.join(' + ')} - ${T.floorLengthM * T.floorWidthM} ${y} <= 0`);
      rows.push(`p_${t}_${b} - ${T.seats} ${y} <= 0`);
      rows.push(`${y} <= 1`);
    }
  });
  units.forEach((_, i) => {
    const xs = types.flatMap((_, t) => Array.from({ length: slots }, (_, b) => `x_${i}_${t}_${b}`)).filter((x) => ints.includes(x));
    rows.push(`${xs.join(' + ')} = 1`);
  });
  if (people) rows.push(`${types.flatMap((_, t) => Array.from({ length: slots }, (_, b) => `p_${t}_${b}`)).join(' + ')} >= ${people}`);
  const lp = ['Minimize', ` obj: ${obj.join(' + ')}`, 'Subject To', ...rows.map((r, i) => ` c${i}: ${r}`), 'General', ` ${ints.join(' ')}`, 'End'].join('\n');
  const r = solveModel(lp);
  assert.equal(r.status, 'Optimal');
  return Math.round(r.objective);
}

test('sorties bound never exceeds the exact MILP optimum on small instances', () => {
  const r = rng(11).next;
  for (let trial = 0; trial < 25; trial++) {
    const items = Array.from({ length: 1 + Math.floor(r() * 5) }, (_, i) =>
      vehicle(`v${i}`, Math.round(2_000 + r() * 18_000), 3 + r() * 6, 1.8 + r() * 1.1, 1.5 + r() * 1.6));
    const people = Math.floor(r() * 60);
    const fleet: FleetLine[] = [{ ...BIG, count: 1, base: 'D' }];
    if (r() < 0.6) fleet.push({ ...SMALL, count: 1, base: 'D' });
    const sc = scenario(items, people, fleet, r() < 0.3 ? { accepts: ['SMALL'] } : {});
    const movable = sc.items.every((it) => sc.aircraft.some((T) => (!sc.sites[0].accepts || sc.sites[0].accepts.includes(T.type)) &&
      it.unitWeightKg <= T.aclKg && it.heightM <= T.doorHeightM && it.lengthM <= T.floorLengthM && it.widthM <= T.floorWidthM));
    if (!movable) continue;
    if (sc.sites[0].accepts) sc.aircraft = sc.aircraft.filter((T) => T.type === 'SMALL');
    if (sc.aircraft.length === 0) continue;
    const retro = new Map(sc.items.map((i) => [i.id, i.quantity]));
    const bound = computeBounds(sc, retro).sorties.value;
    const exact = exactSorties(sc);
    assert.ok(bound <= exact, `trial ${trial}: bound ${bound} > optimum ${exact}`);
  }
});

test('on easy cases the bound is the optimum', () => {
  // Six 20 t vehicles, BIG carries two (40 t): 3 sorties, by weight.
  const six = scenario([vehicle('v', 20_000, 4, 2, 2, 6)], 0, [{ ...BIG, count: 2, base: 'D' }]);
  assert.equal(computeBounds(six, new Map([['v', 6]])).sorties.value, 3);
  // 40 people and 40 t over two types: seats bind on BIG, payload on SMALL; the optimum is 2.
  const mix = scenario([vehicle('v', 2_000, 2, 2, 2, 18)], 40, [{ ...BIG, count: 1, base: 'D' }, { ...SMALL, count: 1, base: 'D' }]);
  const b = computeBounds(mix, new Map([['v', 18]])).sorties.value;
  assert.equal(b, exactSorties(mix));
});

test('closure: departures per day and tails each hold back the n-th departure', () => {
  // 6 vehicles of 40 t each need 6 sorties; 2 departures a day: the 6th leaves on the third day.
  const sc = scenario([vehicle('v', 40_000, 4, 2, 2, 6)], 0, [{ ...BIG, count: 6, base: 'A' }], { maxDeparturesPerDay: 2 });
  const b = computeBounds(sc, new Map([['v', 6]]));
  assert.equal(b.sorties.value, 6);
  assert.equal(toMs(b.closure.value!), toMs('2030-01-03'));
  // One tail, no daily limit: first departure after a 2 h turn, then a cycle to D and back.
  const one = scenario([vehicle('v', 40_000, 4, 2, 2, 2)], 0, [{ ...BIG, count: 1, base: 'A' }]);
  const c = computeBounds(one, new Map([['v', 2]]));
  const t = toMs(c.closure.value!) - toMs('2030-01-01');
  assert.ok(t > 2 * 3_600_000 + 10 * 3_600_000 && t < DAY_MS, `second departure at +${t / 3_600_000} h`);
  // ...and the planner can do no better.
  const plan = solve(one).solution;
  assert.ok(plan.closure! >= c.closure.value!);
});

test('closure: crew rest holds back the n-th departure, and the planner meets the bound', () => {
  // One tail based at A, one basic crew (16 h duty, 12 h rest), three 40 t vehicles. A duty period
  // holds one sortie (loading, the 5 h flight, and no room to come back), so the crew departs A at
  // best every 2 legs + a turn + its rest: 24.05 h after the first at 02:00.
  const crew = { crewDutyHours: 16, crewRestHours: 12 };
  const sc = scenario([vehicle('v', 40_000, 4, 2, 2, 3)], 0, [{ ...BIG, count: 1, base: 'A', ...crew }]);
  const b = computeBounds(sc, new Map([['v', 3]]));
  const hop = 4_020 / BIG.cruiseKmh; // A-D, about 4,020 km
  const expected = toMs('2030-01-01') + (2 + 2 * (2 * hop + 2 + 12)) * 3_600_000;
  const at = toMs(b.closure.value!);
  assert.ok(Math.abs(at - expected) < 0.1 * 3_600_000, `${b.closure.value} against ${new Date(expected).toISOString()}`);
  assert.match(b.closure.basis, /crews? (resting|each at best 1 departure from A a duty period, then 12 h rest)/);
  const plan = solve(sc).solution;
  assert.ok(plan.closure! >= b.closure.value!, `${plan.closure} < ${b.closure.value}`);
  assert.ok(toMs(plan.closure!) - at < 5 * 60_000, 'the planner flies it that fast');
});

test('closure: a round trip longer than a duty period rests the crew twice between departures', () => {
  // As above with an 11 h duty: loading and the 5 h flight fit one (7 h), but the flight back can
  // share a duty period neither with it (turn, out, back: 12 h) nor with the next one (back, turn,
  // out): a rest at D and one at A, so departures at best every 2 legs + a turn + two rests.
  const crew = { crewDutyHours: 11, crewRestHours: 12 };
  const sc = scenario([vehicle('v', 40_000, 4, 2, 2, 3)], 0, [{ ...BIG, count: 1, base: 'A', ...crew }]);
  const b = computeBounds(sc, new Map([['v', 3]]));
  const hop = 4_020 / BIG.cruiseKmh;
  const expected = toMs('2030-01-01') + (2 + 2 * (2 * hop + 2 + 2 * 12)) * 3_600_000;
  const at = toMs(b.closure.value!);
  assert.ok(Math.abs(at - expected) < 0.1 * 3_600_000, `${b.closure.value} against ${new Date(expected).toISOString()}`);
  // (the deliveries argument, which paces the crew the same way, may be the one named)
  assert.match(b.closure.basis, /two rests of 12 h \(the round trip outlasts a duty period\)|crews resting between duty periods/);
  const plan = solve(sc).solution;
  assert.ok(plan.closure! >= b.closure.value!, `${plan.closure} < ${b.closure.value}`);
  assert.ok(toMs(plan.closure!) - at < 5 * 60_000, 'the planner flies it that fast');
});

test('closure: a crew that cannot leave its tail where it lands waits out the turn there', () => {
  // One tail and its one crew (16 h duty, 12 h rest, 2 h turns) between A and a destination about
  // 1.5 h away, four 40 t vehicles. The crew changes tails only at a stage, so at D it waits for
  // its tail to unload: within a duty period its departures from A are 2 legs + 2 turns apart
  // (2 fit: loading, out, unloading, back, loading, out is 12.5 h), and across a rest 2 legs + a
  // turn + the rest (the unloading passes in it). Departures at 02:00, +7 h, +17 h, +7 h.
  const crew = { crewDutyHours: 16, crewRestHours: 12 };
  const near = site('D', 'destination', 24.3, 2.2);
  const base = scenario([vehicle('v', 40_000, 4, 2, 2, 4)], 0, [{ ...BIG, count: 1, base: 'A', ...crew }]);
  const sc = { ...base, sites: [base.sites[0], near] };
  const hop = flightHours(sc.sites[0], near, BIG.cruiseKmh);
  assert.ok(hop > 1.3 && hop < 1.7, `hop ${hop} h`);
  const b = computeBounds(sc, new Map([['v', 4]]));
  const expected = toMs('2030-01-01') + (2 + 2 * (2 * hop + 2 * 2) + (2 * hop + 2 + 12)) * 3_600_000;
  const at = toMs(b.closure.value!);
  assert.ok(Math.abs(at - expected) < 0.15 * 3_600_000, `${b.closure.value} against ${new Date(expected).toISOString()}`);
  const plan = solve(sc).solution;
  assert.ok(plan.closure! >= b.closure.value!, `${plan.closure} < ${b.closure.value}`);
  assert.ok(toMs(plan.closure!) - at < 10 * 60_000, `the planner flies it that fast: ${plan.closure}, ${b.closure.basis}`);
  // Where D is a stage a crew could leave its tail there for another already unloaded: the bound
  // may then count 2 legs + 1 turn within a duty period (3 a duty period, the 4th after a rest).
  const staged = computeBounds({ ...sc, sites: [sc.sites[0], { ...near, stage: true }] }, new Map([['v', 4]]));
  const relaxed = toMs('2030-01-01') + (2 + 3 * (2 * hop + 2) + 12) * 3_600_000;
  assert.ok(Math.abs(toMs(staged.closure.value!) - relaxed) < 0.15 * 3_600_000, `${staged.closure.value} against ${new Date(relaxed).toISOString()}`);
});

test('closure: plans that relay through no other origin are bounded with the nearest hub or destination', () => {
  // A second origin B next to A: any plan may relay A's cargo through B (a short hop, the crew
  // back fast); a plan that lands A's sorties only at hubs and destinations pays the long legs to
  // D, the nearest of them. (A transit hub H in the host country, farther than D, keeps the
  // all-origins deliveries argument, which would bind for both, out of the way.)
  const crew = { crewDutyHours: 16, crewRestHours: 12 };
  const base = scenario([vehicle('v', 40_000, 4, 2, 2, 4)], 0, [{ ...BIG, count: 1, base: 'A', ...crew }]);
  const sc = { ...base, sites: [...base.sites, site('B', 'origin', 14.5, 2.2), { ...site('H', 'hub', -25, 2.2), country: 'NE' }] };
  const retro = new Map([['v', 4]]);
  const any = toMs(computeBounds(sc, retro).closure.value!);
  const noRelay = toMs(computeBounds(sc, retro, { noOriginRelay: true }).closure.value!);
  const home = toMs(computeBounds(sc, retro, { straightHome: true }).closure.value!);
  assert.ok(noRelay > any + DAY_MS, `${new Date(noRelay).toISOString()} against ${new Date(any).toISOString()}`);
  assert.equal(noRelay, home, 'H is farther than D: landing only at hubs and destinations is landing at D first');
  // the planner flies straight home, so it is such a plan
  const plan = solve(sc).solution;
  assert.ok(toMs(plan.closure!) >= noRelay, `${plan.closure} before ${new Date(noRelay).toISOString()}`);
});

test('closure: the tails\' departures together must carry what the site sends, by type', () => {
  // 100 t in 10 t vehicles: three big-jet sorties are the fewest, and one big jet and three small
  // props are all at A from the start, so three departures can leave at once; but those four
  // carry 40 + 3 x 15 = 85 t, and the rest waits for a second round trip (the big jet's: out,
  // unloading, back, loading, 14 h on).
  // (A transit hub in the host country, far from A, keeps the all-origins deliveries argument,
  // which would say the same here, out of the way.)
  const base = scenario([vehicle('v', 10_000, 3, 2, 2, 10)], 0, [{ ...BIG, count: 1, base: 'A' }, { ...SMALL, count: 3, base: 'A' }]);
  const sc = { ...base, sites: [...base.sites, site('H', 'hub', -30, 20, { country: 'NE' })] };
  const b = computeBounds(sc, new Map([['v', 10]]));
  assert.equal(b.sorties.value, 3);
  const hop = 4_020 / BIG.cruiseKmh;
  const second = toMs('2030-01-01') + (2 + 2 * hop + 2 * 2) * 3_600_000;
  assert.ok(Math.abs(toMs(b.closure.value!) - second) < 0.1 * 3_600_000, `${b.closure.value} against ${new Date(second).toISOString()}`);
  assert.match(b.closure.basis, /what A must send \(100000 kg, 0 pallets, 0 people\) fills the departures 4 tails can make from it by then/);
  const plan = solve(sc).solution;
  assert.ok(plan.closure! >= b.closure.value!, `${plan.closure} < ${b.closure.value}`);
});

test('closure: a departure falls inside the hours, and the tail must land there before it loads', () => {
  // A open 08:00-10:00Z. The first departure leaves at 08:00; the tail is back after 12 h, lands
  // when A opens the next morning and loads 2 h: it may leave only as A closes. A plan may cut
  // the turn by the verifier's one-second tolerance and leave at 09:59:59Z; the planner keeps the
  // whole turn and leaves when A opens on the third day.
  const sc = scenario([vehicle('v', 40_000, 4, 2, 2, 2)], 0, [{ ...BIG, count: 1, base: 'A' }], { hours: '08:00-10:00' });
  const b = computeBounds(sc, new Map([['v', 2]]));
  assert.equal(b.closure.value, '2030-01-02T09:59:59Z');
  assert.match(b.closure.basis, /inside its hours \(open 08:00-10:00 \(UTC\)\)/);
  const plan = solve(sc).solution;
  assert.equal(plan.closure, '2030-01-03T08:00:00Z');
  assert.ok(plan.sorties[1].positioningArrives, 'it lands the day before and waits');
});

test('closure: one place on the ground holds every loading, each as long as its type\'s turn', () => {
  // Four 40 t vehicles only the big jet carries, four of them based at A, mog 1: the loadings
  // (2 h each) follow each other, although the small prop that could also land turns in 1.5 h.
  const sc = scenario([vehicle('v', 40_000, 4, 2, 2, 4)], 0, [{ ...BIG, count: 4, base: 'A' }, { ...SMALL, count: 1, base: 'D' }], { mog: 1 });
  const b = computeBounds(sc, new Map([['v', 4]]));
  assert.equal(b.closure.value, '2030-01-01T07:59:58Z'); // 8 h, less the tolerances given away
  assert.match(b.closure.basis, /at least 8\.0 h of loading/);
  assert.equal(solve(sc).solution.closure, '2030-01-01T08:00:00Z');
});

test('closure: the last unit to be ready holds its site back', () => {
  const ready = { ...vehicle('v', 40_000, 4, 2, 2, 1), readyFrom: '2030-01-05T12:00:00Z' };
  const b = computeBounds(scenario([ready], 0, [{ ...BIG, count: 1, base: 'A' }]), new Map([['v', 1]]));
  assert.equal(b.closure.value, '2030-01-05T11:59:59Z');
  assert.match(b.closure.basis, /ready only from 2030-01-05T12:00:00Z/);
});

test('on generated scenarios the bounds never exceed the plan', () => {
  for (const seed of [3, 8, 21]) {
    const r = parseScenario(JSON.stringify(generateScenario({ seed, lines: 40 })), { format: 'json' });
    assert.ok(r.ok);
    const { solution: plan, stranded } = solve(r.scenario);
    if (stranded.length) continue;
    assert.ok(plan.bounds.sorties.value !== null && (plan.bounds.sorties.value as number) <= plan.metrics.sorties,
      `seed ${seed}: ${plan.bounds.sorties.value} > ${plan.metrics.sorties}`);
    assert.ok(plan.closure !== null && (plan.bounds.closure.value as string) <= plan.closure,
      `seed ${seed}: ${plan.bounds.closure.value} > ${plan.closure}`);
    assert.ok((plan.bounds.sorties.value as number) > 0);
  }
});

test('units too big to share a pallet each count one; a unit that may lie down or stand beside another does not', async () => {
  const { bigOnEveryPallet, minPallets } = await import('./pallet-count.ts');
  const pallet = { id: '463L', usableLengthM: 2.64, usableWidthM: 2.13, maxHeightM: 2.44, maxGrossKg: 4536, tareKg: 161, footprintLengthM: 2.74, footprintWidthM: 2.24 };
  const unit = (l: number, w: number, h: number, verticalDims: Item['verticalDims']) => ({ lengthM: l, widthM: w, heightM: h, verticalDims }) as Item;
  // more than half of 2.64 x 2.13 x 2.44 whichever way it stands upright
  assert.equal(bigOnEveryPallet(unit(1.68, 1.68, 1.25, ['height']), [pallet]), true);
  // on its side 1.25 m runs along the 2.64 m length, so two fit end to end
  assert.equal(bigOnEveryPallet(unit(1.68, 1.68, 1.25, ['length', 'width', 'height']), [pallet]), false);
  // 0.84 m across: two stand side by side in 2.13 m
  assert.equal(bigOnEveryPallet(unit(2.28, 0.84, 1.13, ['height']), [pallet]), false);
  // 10 big units of 3.5 m3 and 1,100 kg: L2 by weight or volume says 3, each needs its own
  assert.equal(minPallets([{ kg: 1100, m3: 3.5, count: 10 }], [pallet]), 3);
  assert.equal(minPallets([{ kg: 1100, m3: 3.5, count: 10, big: true }], [pallet]), 10);
  // through the plan's bound: 10 pallets' tare in the payload, 10 positions
  const gen: Item = { ...vehicle('gen', 1100, 1.68, 1.68, 1.25, 10), kind: 'cargo' };
  const s = { ...scenario([gen], 0, [{ ...BIG, count: 1, base: 'D' }]), palletTypes: [pallet] };
  const plan = solve(s).solution;
  assert.equal(plan.pallets.length, 10); // the planner's pallets meet it: one a big unit
  const { siteNeeds } = await import('./demand.ts');
  const need = siteNeeds(s, s.sites[0], s.items, new Map([['gen', 10]]), 0);
  assert.equal(need.bySubset.get(need.all)!.pallets, 10);
});
