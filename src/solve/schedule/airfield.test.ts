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

test('departures per UTC day: a full day points at the next midnight', () => {
  const af = new Airfield(site('A', 'origin', 0, 0, { maxDeparturesPerDay: 2 }));
  af.addDeparture(1000);
  assert.equal(af.departureDayFull(5000), null);
  af.addDeparture(2000);
  assert.equal(af.departureDayFull(5000), DAY_MS);
  assert.equal(af.departureDayFull(DAY_MS + 5), null);
});

test('a run of full days is crossed in one step, and stays right as days fill', () => {
  const af = new Airfield({ id: 'A', name: 'A', country: 'NE', lat: 0, lon: 0, role: 'origin', maxDeparturesPerDay: 1 });
  for (let d = 0; d < 5; d++) af.addDeparture(d * DAY_MS + 3_600_000);
  assert.equal(af.departureDayFull(2 * DAY_MS), 5 * DAY_MS);
  assert.equal(af.departureDayFull(0), 5 * DAY_MS);
  af.addDeparture(5 * DAY_MS);
  assert.equal(af.departureDayFull(3 * DAY_MS), 6 * DAY_MS);
  assert.equal(af.departureDayFull(6 * DAY_MS + 1), null);
});
