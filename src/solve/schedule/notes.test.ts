import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { PlanNote, Scenario } from '../../model/index.ts';
import type { CargoPiece } from '../types.ts';
import { schedule } from './index.ts';
import { BIG, SMALL, line, pallets, rowLoad, scenario, site } from './testkit.ts';

const run = (sc: Scenario, pieces: CargoPiece[]) => schedule({ scenario: sc, pieces, buildLoad: rowLoad, seed: 1 });
const [NIM, DST] = [site('NIM', 'origin', 13.48, 2.18), site('DST', 'destination', 49.44, 7.6)];
const timing = (notes: PlanNote[]) => notes.filter((n) => n.kind === 'sortie.timing');
const causes = (notes: PlanNote[]) => timing(notes).map((n) => n.cause);

test('each sortie has one timing note, in sortie order, naming what fixed its departure', () => {
  const sc = scenario({ sites: [{ ...NIM, mog: 1 }, DST], aircraft: [line(BIG, 'NIM', 2)] });
  const r = run(sc, pallets('NIM', 20));
  assert.deepEqual(timing(r.notes).map((n) => n.subject), r.sorties.map((s) => s.id));
  assert.deepEqual(r.notes.slice(0, r.sorties.length), timing(r.notes), 'the timing notes come first, in sortie order');
  const [first, second] = r.notes;
  assert.deepEqual(first, {
    kind: 'sortie.timing', cause: 'tail-ready', subject: 'S1', refs: ['NIM', r.sorties[0].tail],
    message: `S1 leaves NIM as soon as ${r.sorties[0].tail} is there and loaded`,
  });
  // the second tail loads only once the first has gone: it waited one turn for ground room
  assert.equal(second.cause, 'mog-origin');
  assert.deepEqual(second.refs, ['NIM']);
  assert.deepEqual(second.figures, { waitHours: BIG.turnHours, mog: 1 });
  assert.equal(second.message, 'S2 waits 2.0 h for ground room to load at NIM (mog 1)');
});

test('a departure cap, a full destination and a hub waiting for cargo each name their site', () => {
  const capped = run(scenario({ sites: [{ ...NIM, maxDeparturesPerDay: 1 }, DST], aircraft: [line(BIG, 'NIM', 2)] }), pallets('NIM', 20));
  assert.deepEqual(causes(capped.notes), ['tail-ready', 'departure-cap']);
  assert.equal(capped.notes[1].figures?.maxDeparturesPerDay, 1);
  assert.equal(capped.sorties[1].departs, '2024-06-02T00:00:00Z', 'the next day');
  assert.ok(capped.notes[1].figures!.waitHours > 0);

  const full = run(scenario({ sites: [NIM, { ...DST, mog: 1 }], aircraft: [line(BIG, 'NIM', 2)] }), pallets('NIM', 20));
  assert.deepEqual(causes(full.notes), ['tail-ready', 'mog-destination']);
  assert.deepEqual(full.notes[1].refs, ['DST']);
  assert.equal(full.notes[1].figures?.waitHours, BIG.turnHours);

  const hub = site('DKR', 'hub', 14.74, -17.49, { country: 'SN' });
  const viaHub = run(scenario({
    sites: [{ ...NIM, accepts: ['SMALL'] }, hub, { ...DST, accepts: ['BIG'] }],
    aircraft: [line(SMALL, 'NIM', 2), line(BIG, 'DKR', 1)],
  }), pallets('NIM', 10));
  const onward = timing(viaHub.notes).filter((_, i) => viaHub.sorties[i].from === 'DKR');
  assert.equal(onward.length, 1);
  assert.equal(onward[0].cause, 'cargo-ready');
  assert.deepEqual(onward[0].refs, ['DKR']);
  assert.ok(onward[0].figures!.waitHours > 0);
});
