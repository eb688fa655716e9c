import { test } from 'node:test';
import assert from 'node:assert/strict';
import { check, expectOnly, expectViolation, figuresOf, shift, tinyCase } from './fixtures.ts';

test('a sortie after the agreement deadline', () => {
  const { scenario, plan } = tinyCase();
  const s3 = shift(plan, 'S3', 6 * 24);
  shift(plan, 'S4', 6 * 24);
  plan.closure = s3.departs;
  plan.siteClosures[0].lastDeparture = s3.departs;
  plan.handovers[0].date = '2024-09-16';
  const v = check(scenario, plan);
  expectOnly(v, 'deadline.agreement', 'deadline.handover');
  expectViolation(v, 'deadline.agreement', /^sortie S3 \(C-130J-30#1\) departs alpha at 2024-09-16T13:58:00Z, after the NE deadline 2024-09-15$/);
  expectViolation(v, 'deadline.handover', /handover of alpha-runway is dated 2024-09-16, after the NE deadline 2024-09-15/);
  // 13 h 58 min past the end of the deadline day is 0.58 days, rounded up to the tenth.
  assert.deepEqual(figuresOf(v, 'deadline.agreement', /S3/), { amount: 0.6, limit: 0, unit: 'days' });
  assert.deepEqual(figuresOf(v, 'deadline.handover', /alpha-runway/), { amount: 1, limit: 0, unit: 'days' });
});

test('one second late reads a tenth of a day, as the plan\'s slackDays do', () => {
  const { scenario, plan } = tinyCase();
  scenario.agreements[0].deadline = '2024-09-10T13:57:59Z'; // S3 leaves alpha at 13:58:00
  const v = check(scenario, plan);
  expectOnly(v, 'deadline.agreement');
  assert.deepEqual(figuresOf(v, 'deadline.agreement', /S3/), { amount: 0.1, limit: 0, unit: 'days' });
});

test('departures from a site by its handover date', () => {
  const { scenario, plan } = tinyCase();
  scenario.sites.find((s) => s.id === 'bravo')!.handoverBy = '2024-09-09';
  const v = check(scenario, plan);
  expectOnly(v, 'deadline.handover');
  expectViolation(v, 'deadline.handover', /sortie S1 \(C-130J-30#1\) departs bravo at .*, after its handover date 2024-09-09/);
  expectViolation(v, 'deadline.handover', /handover of bravo-camp is dated 2024-09-10, after the site's handover date 2024-09-09/);
  assert.deepEqual(figuresOf(v, 'deadline.handover', /bravo-camp/), { amount: 1, limit: 0, unit: 'days' });
});

test('every piece of infrastructure is handed over once, at its site', () => {
  const { scenario, plan } = tinyCase();
  plan.handovers.pop();
  plan.handovers[0].site = 'bravo';
  const v = check(scenario, plan);
  expectOnly(v, 'deadline.handover');
  expectViolation(v, 'deadline.handover', /infrastructure bravo-camp at bravo has 0 handovers, not one/);
  assert.deepEqual(figuresOf(v, 'deadline.handover', /bravo-camp/), { amount: 0, limit: 1, unit: 'handovers' });
  assert.deepEqual(figuresOf(v, 'deadline.handover', /not at its site/), {});
  expectViolation(v, 'deadline.handover', /handover of alpha-runway is at "bravo", not at its site alpha/);
});

test('a handover comes no earlier than the site\'s last departure', () => {
  const { scenario, plan } = tinyCase();
  plan.handovers[0].date = '2024-09-09';
  const v = check(scenario, plan);
  expectOnly(v, 'deadline.handover');
  expectViolation(v, 'deadline.handover', /handover of alpha-runway is dated 2024-09-09, before the last departure from alpha at 2024-09-10T13:58:00Z/);
  assert.deepEqual(figuresOf(v, 'deadline.handover', /alpha-runway/), { amount: 1, limit: 0, unit: 'days' }, 'a day early');
});
