import { test } from 'node:test';
import assert from 'node:assert/strict';
import { check, expectOnly, expectViolation, figuresOf, reweigh, tinyCase } from './fixtures.ts';

test('a sensitive item is never given away', () => {
  const { scenario, plan } = tinyCase();
  plan.dispositions.find((d) => d.itemId === 'ammo')!.quantity = 3;
  plan.dispositions.push({ itemId: 'ammo', quantity: 1, action: 'transfer', reason: 'cheaper to leave' });
  plan.pallets.find((p) => p.id === 'P-ammo-1')!.placements.pop();
  plan.metrics.transferValueUsd += 5000;
  plan.metrics.retrogradeValueUsd -= 5000;
  const v = check(scenario, reweigh(scenario, plan));
  expectOnly(v, 'disposition.permission');
  expectViolation(v, 'disposition.permission', /item ammo is sensitive \(lethal\) yet 1 unit is given to the host nation/);
  assert.deepEqual(figuresOf(v, 'disposition.permission', /ammo/), { amount: 1, limit: 0, unit: 'units' });
});

test('transfer only when hostTransfer', () => {
  const { scenario, plan } = tinyCase();
  scenario.items.find((i) => i.id === 'tents')!.hostTransfer = false;
  const v = check(scenario, plan);
  expectOnly(v, 'disposition.permission');
  expectViolation(v, 'disposition.permission', /item tents may not be transferred \(hostTransfer is false\)/);
});

test('demilitarise only when demilInPlace', () => {
  const { scenario, plan } = tinyCase();
  scenario.items.find((i) => i.id === 'gen')!.demilInPlace = false;
  const v = check(scenario, plan);
  expectOnly(v, 'disposition.permission');
  expectViolation(v, 'disposition.permission', /item gen may not be destroyed in place \(demilInPlace is false\) yet 1 unit is demilitarised/);
  assert.deepEqual(figuresOf(v, 'disposition.permission', /gen/), { amount: 1, limit: 0, unit: 'units' });
});
