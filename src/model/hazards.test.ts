import { test } from 'node:test';
import assert from 'node:assert/strict';
import { hazardsConflict, itemHazards, mustSegregate, selects, type SegregationEntry } from './hazards.ts';

const table = (pairs: [string, string, boolean][]): SegregationEntry[] => pairs.map(([a, b, segregate]) => ({ a, b, segregate, reason: 'test' }));

test('a selector covers its class, division or division with group', () => {
  assert.ok(selects('1', '1.1D') && selects('1.1', '1.1D') && selects('1.1D', '1.1D') && selects('*', '8'));
  assert.ok(selects('2', '2.3') && selects('5', '5.1') && selects('3', '3'));
  assert.ok(!selects('2.1', '2.2') && !selects('1.1', '1.4S') && !selects('1.4S', '1.4G') && !selects('3', '8'));
  assert.ok(selects('1*D', '1.1D') && selects('1*D', '1.3D') && !selects('1*D', '1.1E') && !selects('1*D', '3'));
});

test('the most specific entry decides; at a tie the later one; no entry: not segregated', () => {
  const t = table([['1', '3', true], ['1.4S', '*', false], ['3', '8', true], ['3', '8', false]]);
  assert.equal(mustSegregate('1.1D', '3', t), true);
  assert.equal(mustSegregate('3', '1.2E', t), true, 'either way round');
  assert.equal(mustSegregate('1.4S', '3', t), false, 'a division with its group is more specific than a class');
  assert.equal(mustSegregate('3', '8', t), false, 'the later of two equal entries (a scenario override) wins');
  assert.equal(mustSegregate('9', '8', t), false);
});

test('explosives by compatibility group: a group entry beats the class, an exact entry beats both', () => {
  const t = table([['1', '1', true], ['1*C', '1*D', false], ['1*D', '1*D', false], ['1.4S', '*', false], ['1.1B', '1.1D', false]]);
  assert.equal(mustSegregate('1.1C', '1.2D', t), false, 'C and D may mix');
  assert.equal(mustSegregate('1.1D', '1.3D', t), false, 'one group');
  assert.equal(mustSegregate('1.4S', '1.1A', t), false, 'S goes with all');
  assert.equal(mustSegregate('1.1E', '1.1D', t), true, 'E is not listed with D here');
  assert.equal(mustSegregate('1.1B', '1.1D', t), false, 'an exact entry beats the groups');
});

test('a unit bears its hazard and its subsidiary risks', () => {
  assert.deepEqual(itemHazards({ hazard: '2.2', subsidiaryHazards: ['5.1'] }), ['2.2', '5.1']);
  assert.deepEqual(itemHazards({ subsidiaryHazards: ['5.1'] }), []);
  const t = table([['3', '5.1', true]]);
  assert.equal(hazardsConflict(['2.2', '5.1'], ['3'], t), true, 'oxygen (2.2 with 5.1) is kept from fuel');
  assert.equal(hazardsConflict(['2.2'], ['3'], t), false);
});
