import assert from 'node:assert/strict';
import { test } from 'node:test';
import { DAY_MS } from '../../model/index.ts';
import { Airfield } from './airfield.ts';
import { site } from './testkit.ts';

test('mog counts other tails on the ground; touching turns and the same tail do not clash', () => {
  const af = new Airfield(site('A', 'origin', 0, 0, { mog: 2 }));
  af.addGround(0, 100, 1);
  af.addGround(50, 150, 2);
  assert.equal(af.groundConflict(60, 90, 3), 100); // two others there until the first leaves at 100
  assert.equal(af.groundConflict(100, 140, 3), null); // only tail 2 left
  assert.equal(af.groundConflict(150, 200, 3), null);
  assert.equal(af.groundConflict(60, 90, 1), null); // tail 1 itself is not "another"
  af.addGround(100, 120, 1); // merges with its own turn
  assert.equal(af.groundConflict(110, 115, 3), 120);
});

const H = 3_600_000;

test('departures per UTC day are spread: the k-th of a day leaves no earlier than its slot time', () => {
  const af = new Airfield(site('A', 'origin', 0, 0, { maxDeparturesPerDay: 2 }));
  assert.equal(af.nextSlot(1000), 1000); // slot 0 opens at midnight
  af.addDeparture(1000);
  assert.equal(af.nextSlot(5000), 12 * H); // the second slot opens half way through the day
  af.addDeparture(12 * H);
  assert.equal(af.nextSlot(5000), DAY_MS); // full: the next day
  assert.equal(af.nextSlot(DAY_MS + 5), DAY_MS + 5);
});

test('a late booking keeps the early slot for an earlier departure', () => {
  const af = new Airfield(site('A', 'origin', 0, 0, { maxDeparturesPerDay: 2 }));
  af.addDeparture(20 * H); // booked first, but late in the day
  assert.equal(af.nextSlot(3 * H), 3 * H); // an earlier departure still fits slot 0
  assert.equal(af.nextSlot(13 * H), 13 * H); // or slot 1; either way two fit
  af.addDeparture(13 * H);
  assert.equal(af.nextSlot(3 * H), DAY_MS);
});

test('slot times spread over the open hours, in local time', () => {
  // open 06:00-18:00 at UTC+2: 04:00Z-16:00Z; three a day: 04:00Z, 08:00Z, 12:00Z
  const af = new Airfield(site('A', 'origin', 0, 0, { maxDeparturesPerDay: 3, hours: '06:00-18:00', utcOffset: '+02:00' }));
  assert.equal(af.nextSlot(0), 4 * H);
  af.addDeparture(4 * H);
  assert.equal(af.nextSlot(5 * H), 8 * H);
  af.addDeparture(9 * H);
  assert.equal(af.nextSlot(5 * H), 12 * H);
});

test('a run of full days is crossed in one step, and stays right as days fill', () => {
  const af = new Airfield({ id: 'A', name: 'A', country: 'NE', lat: 0, lon: 0, role: 'origin', maxDeparturesPerDay: 1 });
  for (let d = 0; d < 5; d++) af.addDeparture(d * DAY_MS + 3_600_000);
  assert.equal(af.nextSlot(2 * DAY_MS), 5 * DAY_MS);
  assert.equal(af.nextSlot(0), 5 * DAY_MS);
  af.addDeparture(5 * DAY_MS);
  assert.equal(af.nextSlot(3 * DAY_MS), 6 * DAY_MS);
  assert.equal(af.nextSlot(6 * DAY_MS + 1), 6 * DAY_MS + 1);
});
