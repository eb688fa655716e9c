import { test } from 'node:test';
import assert from 'node:assert/strict';
import { fieldChanges } from './changes.ts';

test('changes are listed by path; lists of things with ids are matched by id', () => {
  const before = {
    name: 'Niger', policy: { passengerKg: 100 },
    items: [{ id: 'gen', quantity: 3 }, { id: 'tent', quantity: 10 }],
    agreements: [{ country: 'NE', deadline: '2024-09-15' }],
    notes: ['a', 'b'],
  };
  const after = {
    name: 'Niger', policy: { passengerKg: 100, reserve: 0.1 },
    items: [{ id: 'truck', quantity: 1 }, { id: 'gen', quantity: 4 }],
    agreements: [{ country: 'NE', deadline: '2024-08-31' }],
    notes: ['a'],
  };
  assert.deepEqual(fieldChanges(before, after), [
    { path: 'policy.reserve', after: '0.1' },
    { path: 'items[gen].quantity', before: '3', after: '4' },
    { path: 'items[tent]', before: '{"id":"tent","quantity":10}' },
    { path: 'items[truck]', after: '{"id":"truck","quantity":1}' },
    { path: 'agreements[NE].deadline', before: '"2024-09-15"', after: '"2024-08-31"' },
    { path: 'notes[1]', before: '"b"' },
  ]);
  assert.deepEqual(fieldChanges(before, structuredClone(before)), []);
  assert.match(fieldChanges({ text: 'x'.repeat(500) }, { text: 'y' })[0].before!, /^"x{118}…$/);
});
