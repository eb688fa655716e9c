import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Scenario, Sortie } from '../../model/index.ts';
import { deadlineEndMs, toMs } from '../../model/index.ts';
import type { CargoPiece } from '../types.ts';
import { schedule, scheduleWithShuttles } from './index.ts';
import { BIG, SMALL, line, pallets, problems, rowLoad, scenario, site } from './testkit.ts';

// A small-prop origin near Niamey, a hub at Dakar (about 2,150 km) and home in Germany (about
// 4,000 km); the big jet may not land at the origin. Twenty 3-tonne pallets: five small loads,
// the last leaving on day 4 straight home, on day 3 when a quarter of them go to the hub.
const OTH = site('OTH', 'origin', 13.48, 2.18, { accepts: ['SMALL'] });
const DKR = site('DKR', 'hub', 14.74, -17.49, { country: 'SN' });
const DST = site('DST', 'destination', 49.44, 7.6);
const fleet = [line(SMALL, 'OTH', 1), line(BIG, 'DST', 2)];
const lastFrom = (r: { sorties: Sortie[] }, id: string) => Math.max(...r.sorties.filter((s) => s.from === id).map((s) => toMs(s.departs)));
const input = (sc: Scenario, pieces: CargoPiece[]) => ({ scenario: sc, pieces, buildLoad: rowLoad, seed: 1 });

test('a late small-prop site shuttles part of its loads to a nearer hub and so meets its deadline', () => {
  const sc = scenario({ sites: [OTH, DKR, DST], aircraft: fleet, agreements: [{ country: 'NE', deadline: '2024-06-03' }] });
  const pieces = pallets('OTH', 20);
  const due = deadlineEndMs('2024-06-03');
  const straight = schedule(input(sc, pieces));
  assert.ok(straight.sorties.every((s) => s.to === 'DST'), 'straight home by default');
  assert.ok(lastFrom(straight, 'OTH') > due, 'straight home, one small tail is late');

  const { result, shuttle, note } = scheduleWithShuttles(input(sc, pieces));
  // the least share that makes the deadline: fewer onward sorties than a larger one
  assert.deepEqual(shuttle, { site: 'OTH', share: 0.25 });
  assert.equal(note?.kind, 'schedule.shuttle');
  assert.equal(note?.cause, 'shuttle');
  assert.deepEqual(note?.refs, ['OTH', 'DKR']);
  assert.equal(note?.figures?.share, 0.25);
  assert.equal(note?.figures?.lateHoursAfter, 0);
  assert.equal(note?.figures?.lateHours, Math.round((lastFrom(straight, 'OTH') - due) / 36_000) / 100);
  assert.deepEqual([note?.figures?.sorties, note?.figures?.sortiesAfter], [straight.sorties.length, result.sorties.length]);
  assert.deepEqual(problems(sc, pieces, result.sorties), []);
  assert.ok(lastFrom(result, 'OTH') <= due, 'the site empties by its deadline');
  const toHub = result.sorties.filter((s) => s.from === 'OTH' && s.to === 'DKR');
  const onward = result.sorties.filter((s) => s.from === 'DKR');
  assert.ok(toHub.length > 0 && toHub.every((s) => s.aircraft === 'SMALL'));
  assert.ok(onward.length > 0 && onward.every((s) => s.aircraft === 'BIG' && s.to === 'DST'), 'the big jet flies the onward legs');
  const viaHub = toHub.reduce((n, s) => n + s.loads.length, 0);
  assert.equal(onward.reduce((n, s) => n + s.loads.length, 0), viaHub, 'every pallet landed at the hub flies on');
  assert.ok(result.sorties.length > straight.sorties.length, 'the onward legs are the price');
});

test('a site on time keeps flying straight home: no sorties are spent on shuttles', () => {
  const sc = scenario({ sites: [OTH, DKR, DST], aircraft: fleet, agreements: [{ country: 'NE', deadline: '2024-06-10' }] });
  const pieces = pallets('OTH', 20);
  const { result, shuttle, note } = scheduleWithShuttles(input(sc, pieces));
  assert.equal(shuttle, null);
  assert.deepEqual(result, schedule(input(sc, pieces)));
  assert.equal(note?.cause, 'on-time');
  assert.ok(note!.figures!.slackHours > 0);
});

test('a late site with no hub to shuttle through keeps flying straight home, and the note says why', () => {
  const sc = scenario({ sites: [OTH, DST], aircraft: fleet, agreements: [{ country: 'NE', deadline: '2024-06-03' }] });
  const pieces = pallets('OTH', 20);
  const { shuttle, note } = scheduleWithShuttles(input(sc, pieces));
  assert.equal(shuttle, null);
  assert.equal(note?.cause, 'no-hub');
  assert.equal(note?.subject, 'OTH');
  assert.ok(note!.figures!.lateHours > 0);
});

test('a late site whose departure cap binds keeps flying straight home: shorter trips cannot help', () => {
  const capped = { ...OTH, maxDeparturesPerDay: 1 };
  const sc = scenario({ sites: [capped, DKR, DST], aircraft: [line(SMALL, 'OTH', 3), line(BIG, 'DST', 2)], agreements: [{ country: 'NE', deadline: '2024-06-03' }] });
  const { shuttle, note } = scheduleWithShuttles(input(sc, pallets('OTH', 20)));
  assert.equal(shuttle, null);
  assert.equal(note?.cause, 'departure-cap');
  assert.ok(note!.figures!.departures >= 0.9 * note!.figures!.slots);
});

test('a shuttle that would leave cargo at the hub is not taken: straight home, and the note says so', () => {
  // the big jet is gone before the first shuttle could reach the hub
  const gone = [line(SMALL, 'OTH', 1), line(BIG, 'DST', 1, { availableTo: '2024-05-31' })];
  const sc = scenario({ sites: [OTH, DKR, DST], aircraft: gone, agreements: [{ country: 'NE', deadline: '2024-06-03' }] });
  const { shuttle, note } = scheduleWithShuttles(input(sc, pallets('OTH', 20)));
  assert.equal(shuttle, null);
  assert.equal(note?.cause, 'straight-home');
  assert.deepEqual(note?.refs, ['OTH', 'DKR']);
  assert.match(note!.message, /SMALL sorties through DKR/);
});

// A neighbouring origin the big jet serves, 160 km from the small-prop site: the small prop may
// land its cargo there for the big jet to fly home (a relay), but no people or sensitive cargo.
const NBR = site('NBR', 'origin', 14.9, 2.2);

test('a late small-prop site relays its cargo through a neighbouring origin a big jet serves; people and sensitive cargo fly straight home', () => {
  const sc = scenario({
    sites: [OTH, NBR, DST], aircraft: fleet, agreements: [{ country: 'NE', deadline: '2024-06-03' }],
    personnel: [{ site: 'OTH', count: 6, role: 'support' }], policy: { transferWhenShipCostOverValue: 1, minSecurityPerSite: 2, passengerKg: 100 },
  });
  const pieces = [...pallets('OTH', 18), ...pallets('OTH', 2, 3000, { sensitive: true }), ...pallets('NBR', 4)];
  const sensitive = new Set(pieces.filter((p) => p.sensitive).map((p) => p.ref));
  const straight = schedule(input(sc, pieces));
  assert.ok(lastFrom(straight, 'OTH') > deadlineEndMs('2024-06-03'), 'straight home, one small tail is late');

  const { result, shuttle, note } = scheduleWithShuttles(input(sc, pieces));
  assert.equal(shuttle?.relay, true);
  assert.equal(shuttle?.site, 'OTH');
  assert.match(note!.message, /land their cargo at NBR \(cargo only/);
  assert.deepEqual(note?.refs, ['OTH', 'NBR']);
  assert.deepEqual(problems(sc, pieces, result.sorties), []);
  assert.ok(lastFrom(result, 'OTH') < lastFrom(straight, 'OTH'), 'the site empties sooner');
  const relayed = result.sorties.filter((s) => s.from === 'OTH' && s.to === 'NBR');
  assert.ok(relayed.length > 0 && relayed.every((s) => s.aircraft === 'SMALL' && s.passengers === 0), 'relays carry cargo only');
  assert.ok(relayed.every((s) => s.loads.every((l) => !sensitive.has(l.ref))), 'no sensitive cargo is relayed');
  // every relayed pallet flies on from NBR on the big jet, after it landed there
  const landed = new Map(relayed.flatMap((s) => s.loads.map((l) => [l.ref, toMs(s.arrives)] as const)));
  const onward = result.sorties.filter((s) => s.from === 'NBR').flatMap((s) => s.loads.map((l) => ({ ref: l.ref, s })));
  for (const [ref, at] of landed) {
    const leg = onward.find((o) => o.ref === ref);
    assert.ok(leg && leg.s.aircraft === 'BIG' && leg.s.to === 'DST' && toMs(leg.s.departs) >= at, `${ref} flies on from NBR`);
  }
  // the people and the sensitive cargo leave OTH straight home, the guard with the last of it
  const home = result.sorties.filter((s) => s.from === 'OTH' && s.to === 'DST');
  assert.equal(home.reduce((n, s) => n + s.passengers, 0), 6);
  assert.ok([...sensitive].every((ref) => home.some((s) => s.loads.some((l) => l.ref === ref))));
});
