import { test } from 'node:test';
import assert from 'node:assert/strict';
import { formatPlanIssues, parsePlan } from './plan-shape.ts';
import { tinyPlan } from './fixtures.ts';

const json = () => JSON.parse(JSON.stringify(tinyPlan()));

test('a valid plan parses, extra fields kept', () => {
  const doc = json();
  doc.generator = 'drawdown 0.1.0';
  doc.sorties[0].note = 'first light';
  const r = parsePlan(doc);
  assert.ok(r.ok);
  assert.deepEqual(r.plan, doc);
});

test('an unreadable time is named by its path', () => {
  const doc = json();
  doc.sorties[3].departs = 'tomorrow';
  const r = parsePlan(doc);
  assert.ok(!r.ok);
  assert.deepEqual(formatPlanIssues(r.issues), ['sorties[3].departs: expected an ISO date-time, got "tomorrow"']);
});

test('every problem is reported at once, each with its path', () => {
  const doc = json();
  doc.formatVersion = 2;
  delete doc.metrics.costUsd;
  doc.dispositions[1].action = 'sell';
  doc.pallets[0].placements[2].z = '0.5';
  doc.sorties[0].cgM = undefined;
  doc.handovers[0].date = '2024-09-31';
  doc.bounds.closure.value = 'soon';
  doc.bounds.sorties.value = true;
  const r = parsePlan(doc);
  assert.ok(!r.ok);
  assert.deepEqual(formatPlanIssues(r.issues).sort(), [
    'bounds.closure.value: expected an ISO date-time, got "soon"',
    'bounds.sorties.value: expected a number, an ISO date-time or null, got true',
    'dispositions[1].action: expected "retrograde" or "transfer" or "demilitarize", got "sell"',
    'formatVersion: expected 1, got 2',
    'handovers[0].date: expected a YYYY-MM-DD date, got "2024-09-31"',
    'metrics.costUsd: expected number, got nothing',
    'pallets[0].placements[2].z: expected number, got "0.5"',
    'sorties[0].cgM: expected number, got nothing',
  ]);
});

test('something that is not a plan at all', () => {
  for (const doc of [null, 'plan', [1, 2]]) {
    const r = parsePlan(doc);
    assert.ok(!r.ok);
    assert.equal(r.issues[0].path, '(plan)');
    assert.match(r.issues[0].message, /^expected object, got /);
  }
});
