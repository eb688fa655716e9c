import { test } from 'node:test';
import assert from 'node:assert/strict';
import { figures, furthestOut, violation } from './format.ts';

test('figures round away from their limit, so a broken limit never reads as met', () => {
  assert.deepEqual(figures(18000.004, 18000, 'kg'), { amount: 18000.01, limit: 18000, unit: 'kg' });
  assert.deepEqual(figures(74.96, 75, '%'), { amount: 74.9, limit: 75, unit: '%' });
  assert.deepEqual(figures(1 / 86400, 0, 'days'), { amount: 0.1, limit: 0, unit: 'days' }, 'one second late');
  assert.deepEqual(figures(0.1 + 0.2, 0, 'kg'), { amount: 0.3, limit: 0, unit: 'kg' }, 'float noise is not rounded up');
  assert.deepEqual(figures(2.7400000001, 2.74, 'm'), { amount: 2.741, limit: 2.74, unit: 'm' });
});

test('figures that are not finite numbers give no figures; huge ones stay as they are', () => {
  assert.equal(figures(NaN, 1, 'kg'), undefined);
  assert.equal(figures(1, Infinity, 'kg'), undefined);
  assert.deepEqual(figures(1e308, 330, 'kg'), { amount: 1e308, limit: 330, unit: 'kg' });
});

test('a box outside its space is measured on the axis where it is furthest out', () => {
  assert.deepEqual(furthestOut([[1.6, 2.8, 2.74], [0, 1, 2.13], [0, 0.8, 2.44]]), { amount: 2.8, limit: 2.74, unit: 'm' });
  assert.deepEqual(furthestOut([[-0.5, 1, 2.74], [0, 2.2, 2.13]]), { amount: -0.5, limit: 0, unit: 'm' });
  assert.equal(furthestOut([[0, 1, 2]]), undefined, 'inside');
});

test('a violation carries figures only when given them', () => {
  assert.deepEqual(violation('runway', 'r', ['b', 'a', 'b']), { rule: 'runway', message: 'r', refs: ['a', 'b'] });
  assert.deepEqual(violation('load.seats', 's', [], figures(3, 2, 'people')), { rule: 'load.seats', message: 's', refs: [], amount: 3, limit: 2, unit: 'people' });
  assert.deepEqual(Object.keys(violation('load.seats', 's', [], undefined)), ['rule', 'message', 'refs']);
});
