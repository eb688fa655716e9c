import { test } from 'node:test';
import assert from 'node:assert/strict';
import { check, expectOnly, expectViolation, figuresOf, tinyCase } from './fixtures.ts';

const item = (s: ReturnType<typeof tinyCase>['scenario'], id: string) => s.items.find((i) => i.id === id)!;

test('cargo that leaves after it is ready breaks nothing', () => {
  const { scenario, plan } = tinyCase();
  item(scenario, 'ammo').readyFrom = '2024-09-10T12:00:00Z'; // S3 takes it at 13:58Z
  item(scenario, 'truck').readyFrom = '2024-09-10'; // the whole day: ready from midnight
  assert.deepEqual(check(scenario, plan), []);
});

test('item.ready: a pallet and a floor unit that leave before their readyFrom', () => {
  const { scenario, plan } = tinyCase();
  item(scenario, 'ammo').readyFrom = '2024-09-10T15:00:00Z';
  item(scenario, 'truck').readyFrom = '2024-09-10T07:00:00Z';
  const v = check(scenario, plan);
  expectOnly(v, 'item.ready');
  expectViolation(v, 'item.ready', /^sortie S3 \(C-130J-30#1\) departs alpha at 2024-09-10T13:58:00Z with item ammo on pallet P-ammo-1, which is ready only from 2024-09-10T15:00:00Z$/);
  expectViolation(v, 'item.ready', /^sortie S2 \(C-17A#1\) departs alpha at 2024-09-10T06:52:00Z with item truck on the floor, which is ready only from 2024-09-10T07:00:00Z$/);
  assert.deepEqual(figuresOf(v, 'item.ready', /ammo/), { amount: 1.04, limit: 0, unit: 'h' });
  assert.equal(v.filter((x) => x.rule === 'item.ready').length, 2, 'the onward leg from the hub is after 15:00Z');
});
