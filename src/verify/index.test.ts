import { test } from 'node:test';
import assert from 'node:assert/strict';
import { verifyPlan } from './index.ts';
import { tinyCase } from './fixtures.ts';

test('the tiny plan is valid: no violations at all', () => {
  const { scenario, plan } = tinyCase();
  assert.deepEqual(verifyPlan(scenario, plan), []);
});
