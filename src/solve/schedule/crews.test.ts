// Crews, airfield hours, readyFrom and the spread of work: the schedule plans for them and the
// independent verifier (src/verify) finds nothing to say about its crews and hours.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { FleetLine, PlanNote, Scenario, Sortie } from '../../model/index.ts';
import { SiteHours, flightHours, toMs } from '../../model/index.ts';
import { verifyPlan } from '../../verify/index.ts';
import type { CargoPiece } from '../types.ts';
import { schedule } from './index.ts';
import { BIG, SMALL, asPlan, line, pallets, problems, rowLoad, scenario, site } from './testkit.ts';

const H = 3_600_000;
const run = (sc: Scenario, pieces: CargoPiece[]) => schedule({ scenario: sc, pieces, buildLoad: rowLoad, seed: 1 });
const dep = (s: Sortie) => toMs(s.departs);
const arr = (s: Sortie) => toMs(s.arrives);
const NIM = site('NIM', 'origin', 13.48, 2.18);
const DST = site('DST', 'destination', 49.44, 7.6);
const SIG = site('SIG', 'destination', 37.4, 14.92);
const crewed = (extra: Partial<FleetLine> = {}) => ({ crewDutyHours: 16, crewRestHours: 12, ...extra });
const CREW_RULES = new Set(['crew.duty', 'crew.rest', 'airfield.hours', 'item.ready', 'tail.continuity', 'tail.availability']);
const ruleViolations = (sc: Scenario, sorties: Sortie[]) => verifyPlan(sc, asPlan(sc, sorties)).filter((v) => CREW_RULES.has(v.rule));
const timing = (notes: PlanNote[]) => notes.filter((n) => n.kind === 'sortie.timing');
const legH = flightHours(NIM, DST, BIG.cruiseKmh);

test('a crew rests 12 h after a duty period that leaves no room for another sortie', () => {
  const sc = scenario({ aircraft: [line(BIG, 'DST', 1, crewed())] });
  const pieces = pallets('NIM', 25);
  const r = run(sc, pieces);
  assert.deepEqual(problems(sc, pieces, r.sorties), []);
  assert.deepEqual(ruleViolations(sc, r.sorties), []);
  const [a, b] = r.sorties;
  assert.equal(a.crew, 'BIG crew 1');
  assert.equal(b.crew, 'BIG crew 1');
  // positioning, loading and the flight (12 h) twice would be 26 h: it rests 12 h from landing first
  const rested = arr(a) + 12 * H + (legH + BIG.turnHours) * H;
  assert.ok(Math.abs(dep(b) - rested) <= 2000, `${b.departs}`);
  assert.equal(timing(r.notes)[1].cause, 'crew-rest');
});

test('at a stage a rested crew takes the tail, and the crews alternate', () => {
  const sc = scenario({ sites: [NIM, { ...DST, stage: true }], aircraft: [line(BIG, 'DST', 1, crewed({ crewsPerTail: 2 }))] });
  const pieces = pallets('NIM', 25);
  const r = run(sc, pieces);
  assert.deepEqual(problems(sc, pieces, r.sorties), []);
  assert.deepEqual(ruleViolations(sc, r.sorties), []);
  assert.deepEqual(r.sorties.map((s) => s.crew), ['BIG crew 1', 'BIG crew 2', 'BIG crew 1']);
  const [a, b] = r.sorties;
  // no rest to wait for: unload, position, load
  assert.ok(Math.abs(dep(b) - (arr(a) + (2 * BIG.turnHours + legH) * H)) <= 2000);
});

test('every movement falls inside the hours; a tail positions early and its crew rests at the origin overnight', () => {
  // NIM open 05:00-17:00Z. The tail lands at SIG 10:36Z, unloads, and can still position the same
  // afternoon in its crew's duty period; the crew rests at NIM and flies out at dawn.
  const nim = { ...NIM, hours: '06:00-18:00', utcOffset: '+01:00' };
  const sc = scenario({ sites: [nim, SIG], aircraft: [line(BIG, 'SIG', 1, crewed())] });
  const pieces = pallets('NIM', 25);
  const r = run(sc, pieces);
  assert.deepEqual(problems(sc, pieces, r.sorties), []);
  assert.deepEqual(ruleViolations(sc, r.sorties), []);
  const open = new SiteHours(nim);
  for (const s of r.sorties) assert.ok(open.isOpen(dep(s)), `${s.id} departs ${s.departs}`);
  const [a, b] = r.sorties;
  assert.equal(a.departs, '2024-06-01T07:00:00Z', 'the first waits for NIM to open, lands 05:00Z and loads');
  assert.ok(b.positioningArrives, 'the second positions early');
  const pos = flightHours(SIG, NIM, BIG.cruiseKmh);
  assert.ok(Math.abs(toMs(b.positioningArrives!) - (arr(a) + (BIG.turnHours + pos) * H)) <= 2000, b.positioningArrives);
  assert.ok(Math.abs(dep(b) - (toMs(b.positioningArrives!) + (12 + BIG.turnHours) * H)) <= 2000, b.departs);
  assert.ok(dep(b) < toMs('2024-06-02T07:00:00Z'), 'earlier than positioning after a rest at SIG');
});

test('a day of departure slots is spread over the day, not stacked at its first minute', () => {
  const sc = scenario({ sites: [{ ...NIM, maxDeparturesPerDay: 3 }, DST], aircraft: [line(BIG, 'NIM', 3)] });
  const pieces = pallets('NIM', 30);
  const r = run(sc, pieces);
  assert.deepEqual(problems(sc, pieces, r.sorties), []);
  assert.deepEqual(r.sorties.map((s) => s.departs), ['2024-06-01T02:00:00Z', '2024-06-01T08:00:00Z', '2024-06-01T16:00:00Z']);
});

test('sister tails share a capped airfield evenly', () => {
  const sc = scenario({ sites: [{ ...NIM, maxDeparturesPerDay: 1 }, DST], aircraft: [line(BIG, 'DST', 2)] });
  const pieces = pallets('NIM', 60);
  const r = run(sc, pieces);
  assert.deepEqual(problems(sc, pieces, r.sorties), []);
  const per = (tail: string) => r.sorties.filter((s) => s.tail === tail).length;
  assert.deepEqual([per('BIG#1'), per('BIG#2')], [3, 3]);
  const spread = r.notes.find((n) => n.kind === 'fleet.use' && n.subject === 'BIG')!;
  assert.equal(spread.cause, 'spread');
  assert.deepEqual(spread.figures, { sorties: 6, tails: 2, tailsFlown: 2, most: 3, fewest: 3 });
});

test('cargo waits for its readyFrom, and the sortie says so', () => {
  const gen = { ref: 'GEN', kind: 'floor' as const, site: 'NIM', lengthM: 3, widthM: 2, heightM: 2, weightKg: 5000, sensitive: false, tiltable: false, itemIds: ['GEN'] };
  const sc = scenario({
    aircraft: [line(BIG, 'DST', 2)],
    items: [{ id: 'GEN', name: 'generator', site: 'NIM', quantity: 1, unitWeightKg: 5000, lengthM: 3, widthM: 2, heightM: 2, unitValueUsd: 1, kind: 'cargo',
      sensitive: [], hostTransfer: false, demilInPlace: false, tiltable: false, verticalDims: ['height'], cargoAircraftOnly: false, readyFrom: '2024-06-04T12:00:00Z' }],
  });
  const pieces = [...pallets('NIM', 10), gen];
  const r = run(sc, pieces);
  assert.deepEqual(problems(sc, pieces, r.sorties), []);
  const i = r.sorties.findIndex((s) => s.loads.some((l) => l.ref === 'GEN'));
  assert.equal(r.sorties[i].departs, '2024-06-04T12:00:00Z');
  assert.equal(timing(r.notes)[i].cause, 'item-ready');
  assert.ok(r.sorties.filter((s) => s !== r.sorties[i]).every((s) => dep(s) < toMs('2024-06-02')), 'the rest does not wait');
});

test('every idle type or tail has its reason as a fleet.use note', () => {
  const use = (notes: PlanNote[], subject: string) => notes.find((n) => n.kind === 'fleet.use' && n.subject === subject);
  // a bigger type serves the site with time to spare: the small props stay home
  const relaxed = run(scenario({ aircraft: [line(BIG, 'DST', 1), line(SMALL, 'DST', 2)] }), pallets('NIM', 30));
  assert.equal(use(relaxed.notes, 'SMALL')?.cause, 'bigger-type');
  assert.match(use(relaxed.notes, 'SMALL')!.message, /^SMALL flies nothing: the BIG serves NIM with time to spare/);
  // the big jets fill the one slot a day: a small sortie would only take a fuller jet's slot
  const capped = run(scenario({ sites: [{ ...NIM, maxDeparturesPerDay: 1 }, DST], aircraft: [line(BIG, 'DST', 2), line(SMALL, 'NIM', 2)], agreements: [{ country: 'NE', deadline: '2024-06-02' }] }), pallets('NIM', 40));
  const slot = use(capped.notes, 'SMALL')!;
  assert.equal(slot.cause, 'slot-bound');
  assert.match(slot.message, /the BIG fills every departure slot at NIM \(1 departure a day\)/);
  assert.equal(slot.figures!.tailsOfType, 2);
  // 20-tonne pieces: too heavy for a small prop
  const heavy = run(scenario({ aircraft: [line(BIG, 'DST', 1), line(SMALL, 'DST', 1)] }), pallets('NIM', 4, 20_000));
  assert.equal(use(heavy.notes, 'SMALL')?.cause, 'too-small');
  // available only once everything has gone
  const late = run(scenario({ aircraft: [line(BIG, 'DST', 1), line(SMALL, 'DST', 1, { availableFrom: '2024-07-01' })] }), pallets('NIM', 10));
  assert.equal(use(late.notes, 'SMALL')?.cause, 'not-available');
  // three jets for two days of one slot a day: the third waits while its sisters fly
  const spare = run(scenario({ sites: [{ ...NIM, maxDeparturesPerDay: 1 }, DST], aircraft: [line(BIG, 'DST', 3)] }), pallets('NIM', 20));
  const third = use(spare.notes, 'BIG#3')!;
  assert.equal(third.cause, 'sisters');
  assert.match(third.message, /^BIG#3 flies nothing: its sisters BIG#1 and BIG#2 were ready first for the work at NIM; NIM takes 1 departure a day$/);
});

test('at a late site with one ground place, a small type is kept off while big jets could be loading there', () => {
  // The small props are at NIM from the start and fly first; once the big jets can be there,
  // a small prop loading would hold NIM's one place a jet carrying more needs.
  const late = [{ country: 'NE', deadline: '2024-06-02' }];
  const sc = scenario({ sites: [{ ...NIM, mog: 1 }, DST], aircraft: [line(BIG, 'DST', 2), line(SMALL, 'NIM', 2)], agreements: late });
  const pieces = pallets('NIM', 120);
  const r = run(sc, pieces);
  assert.deepEqual(problems(sc, pieces, r.sorties), []);
  const big = r.sorties.filter((s) => s.aircraft === 'BIG');
  const small = r.sorties.filter((s) => s.aircraft === 'SMALL');
  assert.ok(big.length > 0 && small.length > 0, 'both types fly');
  // the jets can be loading at NIM from their first arrival on; no small prop loads after that
  const firstJetLoading = Math.min(...big.map((s) => dep(s))) - BIG.turnHours * 3_600_000;
  for (const s of small) assert.ok(dep(s) <= firstJetLoading, `${s.id} leaves NIM at ${s.departs}, after the jets could be loading there`);
  // based with the jets, the small props are never first at NIM: they fly nothing, and say why
  const based = run(scenario({ sites: [{ ...NIM, mog: 1 }, DST], aircraft: [line(BIG, 'DST', 2), line(SMALL, 'DST', 2)], agreements: late }), pallets('NIM', 120));
  assert.equal(based.sorties.filter((s) => s.aircraft === 'SMALL').length, 0);
  const note = based.notes.find((n) => n.kind === 'fleet.use' && n.subject === 'SMALL');
  assert.equal(note?.cause, 'ground-place');
  assert.match(note!.message, /^SMALL flies nothing: NIM \(mog 1\) is late, but the BIG could be loading in every ground place there while a SMALL loaded/);
  // with room for all on the ground the small props keep flying (the rule is about the ground place)
  const open = run(scenario({ sites: [NIM, DST], aircraft: [line(BIG, 'DST', 2), line(SMALL, 'NIM', 2)], agreements: late }), pallets('NIM', 120));
  assert.ok(open.sorties.filter((s) => s.aircraft === 'SMALL').some((s) => dep(s) > firstJetLoading));
});
