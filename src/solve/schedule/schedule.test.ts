import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Scenario, Sortie } from '../../model/index.ts';
import { deadlineEndMs, flightHours, toMs } from '../../model/index.ts';
import type { CargoPiece } from '../types.ts';
import { schedule } from './index.ts';
import { Lane, WorkSite } from './work.ts';
import { BIG, SMALL, line, pallets, problems, rowLoad, scenario, site } from './testkit.ts';

const H = 3_600_000;
const run = (sc: Scenario, pieces: CargoPiece[]) => schedule({ scenario: sc, pieces, buildLoad: rowLoad, seed: 1 });
const dep = (s: Sortie) => toMs(s.departs);
const arr = (s: Sortie) => toMs(s.arrives);
const [NIM, DST] = [site('NIM', 'origin', 13.48, 2.18), site('DST', 'destination', 49.44, 7.6)];
const legH = flightHours(NIM, DST, BIG.cruiseKmh);

test('a tail positions, turns and chains its sorties', () => {
  const sc = scenario();
  const pieces = pallets('NIM', 25); // 10 positions a load: three sorties
  const r = run(sc, pieces);
  assert.deepEqual(problems(sc, pieces, r.sorties), []);
  assert.equal(r.sorties.length, 3);
  assert.deepEqual(r.sorties.map((s) => s.id), ['S1', 'S2', 'S3']);
  const [a, b, c] = r.sorties;
  // base DST -> NIM empty, load, fly back: first departure is asOf + leg + turn
  assert.ok(Math.abs(dep(a) - (toMs(sc.asOf) + (legH + BIG.turnHours) * H)) <= 1000);
  assert.ok(Math.abs(arr(a) - dep(a) - legH * H) <= 1000);
  // unload at DST, fly empty, load at NIM
  for (const [x, y] of [[a, b], [b, c]]) assert.ok(Math.abs(dep(y) - (arr(x) + (2 * BIG.turnHours + legH) * H)) <= 1000);
  assert.deepEqual(r.sorties.map((s) => s.loads.length), [10, 10, 5]);
  assert.equal(a.payloadKg, 30_000);
  assert.ok(a.cgM !== null && Math.abs(a.cgM - (10 * 2.74) / 2) < 1e-9);
  assert.deepEqual(r.stranded, []);
});

test('mog 1 serialises two tails on the ground', () => {
  const sc = scenario({ sites: [{ ...NIM, mog: 1 }, DST], aircraft: [line(BIG, 'NIM', 2)] });
  const pieces = pallets('NIM', 20);
  const r = run(sc, pieces);
  assert.deepEqual(problems(sc, pieces, r.sorties), []);
  const [a, b] = [...r.sorties].sort((x, y) => dep(x) - dep(y));
  assert.notEqual(a.tail, b.tail);
  assert.equal(dep(a), toMs(sc.asOf) + BIG.turnHours * H);
  assert.equal(dep(b), dep(a) + BIG.turnHours * H); // loads only once the first has gone
});

test('maxDeparturesPerDay spreads departures over days', () => {
  const sc = scenario({ sites: [{ ...NIM, maxDeparturesPerDay: 1 }, DST], aircraft: [line(BIG, 'NIM', 3)] });
  const pieces = pallets('NIM', 30);
  const r = run(sc, pieces);
  assert.deepEqual(problems(sc, pieces, r.sorties), []);
  const days = r.sorties.map((s) => s.departs.slice(0, 10));
  assert.equal(r.sorties.length, 3);
  assert.equal(new Set(days).size, 3);
});

test('a small-aircraft origin goes through a hub and the big jet takes it on', () => {
  const hub = site('DKR', 'hub', 14.74, -17.49, { country: 'SN' });
  const sc = scenario({
    sites: [{ ...NIM, accepts: ['SMALL'] }, hub, { ...DST, accepts: ['BIG'] }],
    aircraft: [line(SMALL, 'NIM', 2), line(BIG, 'DST', 1)],
    personnel: [{ site: 'NIM', count: 12, role: 'support' }],
  });
  const pieces = pallets('NIM', 10);
  const r = run(sc, pieces);
  assert.deepEqual(problems(sc, pieces, r.sorties), []);
  const leg1 = r.sorties.filter((s) => s.from === 'NIM');
  const leg2 = r.sorties.filter((s) => s.from === 'DKR');
  assert.ok(leg1.length >= 2 && leg1.every((s) => s.aircraft === 'SMALL' && s.to === 'DKR'));
  assert.ok(leg2.every((s) => s.aircraft === 'BIG' && s.to === 'DST'));
  // the hub consolidates: 10 pallets and 12 people fit one big jet
  assert.equal(leg2.length, 1);
  assert.equal(leg2[0].loads.length, 10);
  assert.equal(leg2[0].passengers, 12);
  const lastIn = Math.max(...leg1.map(arr));
  assert.ok(dep(leg2[0]) >= lastIn + SMALL.turnHours * H);
});

test('the deadline is met when the fleet can make it', () => {
  const sc = scenario({
    aircraft: [line(BIG, 'DST', 3)],
    agreements: [{ country: 'NE', deadline: '2024-06-05' }],
    personnel: [{ site: 'NIM', count: 80, role: 'operations' }],
  });
  const pieces = pallets('NIM', 60);
  const r = run(sc, pieces);
  assert.deepEqual(problems(sc, pieces, r.sorties), []);
  assert.ok(r.sorties.every((s) => dep(s) <= deadlineEndMs('2024-06-05')));
  assert.deepEqual(r.stranded, []);
});

test('when the fleet is short, the schedule carries on past the deadline and moves everything', () => {
  const sc = scenario({
    agreements: [{ country: 'NE', deadline: '2024-06-01' }],
    personnel: [{ site: 'NIM', count: 30, role: 'operations' }],
  });
  const pieces = pallets('NIM', 40);
  const r = run(sc, pieces);
  assert.deepEqual(problems(sc, pieces, r.sorties), []);
  assert.ok(r.sorties.some((s) => dep(s) > deadlineEndMs('2024-06-01')));
  assert.deepEqual(r.stranded, []);
});

test('the guard stays while sensitive cargo remains, and sensitive cargo leaves before the last people', () => {
  const sc = scenario({
    aircraft: [line(BIG, 'DST', 2)],
    personnel: [{ site: 'NIM', count: 20, role: 'security' }],
    policy: { transferWhenShipCostOverValue: 1, minSecurityPerSite: 8, passengerKg: 100 },
  });
  const sens = pallets('NIM', 12, 3000, { sensitive: true });
  const pieces = [...pallets('NIM', 30), ...sens];
  const r = run(sc, pieces);
  assert.deepEqual(problems(sc, pieces, r.sorties), []);
  const sensRefs = new Set(sens.map((p) => p.ref));
  const out = r.sorties.filter((s) => s.from === 'NIM').sort((a, b) => dep(a) - dep(b));
  const lastSensitive = Math.max(...out.filter((s) => s.loads.some((l) => sensRefs.has(l.ref))).map(dep));
  const lastPeople = Math.max(...out.filter((s) => s.passengers > 0).map(dep));
  assert.ok(lastSensitive <= lastPeople);
  let left = 20;
  for (const s of out) {
    left -= s.passengers;
    if (dep(s) < lastSensitive) assert.ok(left >= 8, `${left} people after ${s.id}`);
  }
  assert.equal(left, 0);
});

test('every person and piece reaches a destination, people-only sorties included', () => {
  const sc = scenario({
    sites: [NIM, site('AGZ', 'origin', 16.96, 7.99), DST],
    aircraft: [line(BIG, 'DST', 2)],
    personnel: [{ site: 'NIM', count: 90, role: 'support' }, { site: 'AGZ', count: 130, role: 'support' }],
  });
  const pieces = [...pallets('NIM', 15), ...pallets('AGZ', 4)];
  const r = run(sc, pieces);
  assert.deepEqual(problems(sc, pieces, r.sorties), []);
  const carried = r.sorties.reduce((n, s) => n + s.passengers, 0);
  assert.equal(carried, 220);
  assert.deepEqual(r.stranded, []);
});

test('cargo no aircraft can carry, or no tail left to carry, is reported stranded', () => {
  const huge = pallets('NIM', 1, 50_000);
  const sc = scenario({ aircraft: [line(BIG, 'DST', 1, { availableTo: '2024-06-02' })] });
  const pieces = [...huge, ...pallets('NIM', 100)];
  const r = run(sc, pieces);
  assert.deepEqual(problems(sc, pieces.filter((p) => r.sorties.some((s) => s.loads.some((l) => l.ref === p.ref))), r.sorties), []);
  const tooBig = r.stranded.find((s) => s.pieces.includes(huge[0]));
  assert.match(tooBig!.reason, /can carry/);
  const noTail = r.stranded.find((s) => /availableTo/.test(s.reason));
  const moved = r.sorties.reduce((n, s) => n + s.loads.length, 0);
  assert.equal(noTail!.pieces.length + moved, 100);
  assert.ok(r.sorties.every((s) => arr(s) <= deadlineEndMs('2024-06-02')));
});

test('the same input gives the same schedule', () => {
  const hub = site('DKR', 'hub', 14.74, -17.49, { country: 'SN', mog: 2 });
  const sc = scenario({
    sites: [{ ...NIM, accepts: ['SMALL'], mog: 2 }, site('AGZ', 'origin', 16.96, 7.99), hub, DST],
    aircraft: [line(SMALL, 'NIM', 3), line(BIG, 'DST', 2)],
    personnel: [{ site: 'NIM', count: 40, role: 'support' }, { site: 'AGZ', count: 25, role: 'support' }],
    agreements: [{ country: 'NE', deadline: '2024-06-04' }],
  });
  const pieces = [...pallets('NIM', 30), ...pallets('AGZ', 25, 2500, { sensitive: true })];
  const a = run(sc, pieces);
  const b = run(sc, pieces);
  assert.deepEqual(a, b);
  assert.deepEqual(problems(sc, pieces, a.sorties), []);
});

test('a smaller type keeps off an origin a bigger one serves, unless its deadline is at risk', () => {
  const OTH = site('OTH', 'origin', 16.95, 8.01, { accepts: ['SMALL'] });
  const fleet = [line(BIG, 'DST', 1), line(SMALL, 'DST', 2)];
  const pieces = [...pallets('NIM', 40), ...pallets('OTH', 10)];
  const relaxed = scenario({ sites: [NIM, OTH, DST], aircraft: fleet });
  const r = run(relaxed, pieces);
  assert.deepEqual(problems(relaxed, pieces, r.sorties), []);
  assert.ok(r.sorties.filter((s) => s.from === 'NIM').every((s) => s.aircraft === 'BIG'), 'only the big jet at NIM');
  assert.ok(r.sorties.some((s) => s.from === 'OTH' && s.aircraft === 'SMALL'), 'the small type serves its own site');
  // Two days for six big-jet loads, at most four of them in time: the small type must help at NIM.
  const tight = scenario({ sites: [NIM, OTH, DST], aircraft: fleet, agreements: [{ country: 'NE', deadline: '2024-06-02' }] });
  const more = [...pallets('NIM', 60), ...pallets('OTH', 10)];
  const t = run(tight, more);
  assert.deepEqual(problems(tight, more, t.sorties), []);
  assert.ok(t.sorties.some((s) => s.from === 'NIM' && s.aircraft === 'SMALL'), 'the small type helps at NIM');
});

test('at an origin whose departure cap the big jets fill, a smaller type never takes a slot, even at risk', () => {
  // One departure a day, two big jets (a 14-hour cycle needs fewer than one): the airfield sets
  // the pace, so a small-prop sortie would only take a day's slot from a fuller big jet.
  const capped = { ...NIM, maxDeparturesPerDay: 1 };
  // the small props wait at the origin itself, so they are first in line for each day's slot
  const fleet = [line(BIG, 'DST', 2), line(SMALL, 'NIM', 2)];
  const sc = scenario({ sites: [capped, DST], aircraft: fleet, agreements: [{ country: 'NE', deadline: '2024-06-02' }] });
  const pieces = pallets('NIM', 60);
  const r = run(sc, pieces);
  assert.deepEqual(problems(sc, pieces, r.sorties).filter((p) => !p.includes('deadline')), []);
  assert.ok(r.sorties.every((s) => s.aircraft === 'BIG'), 'only the big jet takes the one slot a day');
  assert.equal(r.sorties.length, 6, 'sixty 3-tonne pallets, ten to a big jet');
});

test('a load is offered the first pieces and a sample of the lighter ones further down', () => {
  const lane = new Lane(0);
  const ws = new WorkSite(0, NIM, false, Infinity);
  ws.lanes.set(0, lane);
  const list = pallets('NIM', 200).map((p, i) => ({ ...p, weightKg: 5000 - i * 20 }));
  for (const p of list) ws.add(p, -Infinity, () => [lane]);
  const w = lane.window(0, 10);
  assert.deepEqual(w.slice(0, 10).map((e) => e.piece.ref), list.slice(0, 10).map((p) => p.ref));
  assert.equal(w.length, 20);
  assert.ok(w[19].piece.weightKg < 1400, 'reaches the light end of the list');
  ws.take(w[0]);
  assert.ok(!lane.window(0, 10).includes(w[0]), 'taken pieces are not offered again');
});

test('a sortie turned over to cargo-aircraft-only pieces that takes none of them flies the people due to leave', () => {
  const sc = scenario({
    aircraft: [line(BIG, 'DST', 2)],
    personnel: [{ site: 'NIM', count: 100, role: 'support' }],
  });
  // Ten 4 t pallets fill a BIG sortie's 40 t; the cargo-aircraft-only piece waits behind them
  // and does not fit beside them (27.4 m of pallets on 30 m of floor).
  const cao: CargoPiece = { ref: 'CAO', kind: 'floor', site: 'NIM', lengthM: 3, widthM: 2, heightM: 2, weightKg: 3000, sensitive: false, tiltable: false, itemIds: ['CAO'], cargoAircraftOnly: true };
  const pieces = [...pallets('NIM', 20, 4000), cao];
  const r = run(sc, pieces);
  assert.deepEqual(problems(sc, pieces, r.sorties), []);
  const out = r.sorties.filter((s) => s.from === 'NIM');
  // 80 t and 3 t of cargo and 100 people at 100 kg: 93 t, three 40 t loads, and seats for 150.
  assert.equal(out.length, 3, out.map((s) => `${s.id} ${s.payloadKg} kg ${s.passengers} people`).join('; '));
  for (const s of out) if (s.loads.some((l) => l.ref === 'CAO')) assert.equal(s.passengers, 0);
  assert.equal(out.reduce((n, s) => n + s.passengers, 0), 100);
});
