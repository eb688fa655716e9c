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
    assert.equal(r.issues.length, 1);
    assert.equal(r.issues[0].path, '', 'the whole document');
    assert.equal(r.issues[0].code, 'type');
    assert.match(r.issues[0].message, /^expected object, got /);
    assert.deepEqual(formatPlanIssues(r.issues), [r.issues[0].message], 'no path to print');
  }
});

test('issues are the one Issue shape: a code, and the offending value when it is a scalar', () => {
  const doc = json();
  delete doc.metrics.costUsd;
  doc.sorties[3].departs = 'tomorrow';
  doc.sorties[1].passengers = '7';
  doc.sorties[2].loads = 'none';
  doc.dispositions[1].action = 'sell';
  doc.pallets[0].id = '';
  doc.bounds.sorties.value = true;
  const r = parsePlan(doc);
  assert.ok(!r.ok);
  const byPath = Object.fromEntries(r.issues.map(({ path, code, value }) => [path, { code, value }]));
  assert.deepEqual(byPath, {
    'metrics.costUsd': { code: 'required', value: undefined },
    'sorties[3].departs': { code: 'value', value: 'tomorrow' },
    'sorties[1].passengers': { code: 'type', value: '7' },
    'sorties[2].loads': { code: 'type', value: 'none' },
    'dispositions[1].action': { code: 'value', value: 'sell' },
    'pallets[0].id': { code: 'required', value: '' },
    'bounds.sorties.value': { code: 'type', value: true },
  });
  assert.ok(!r.issues.some((i) => 'value' in i && i.value === undefined), 'no value key where nothing was given');
});

test('a list or an object in the wrong place is named, not quoted as a value', () => {
  const doc = json();
  doc.sorties[0].tail = ['C-17A#1'];
  doc.closure = { at: 'noon' };
  const r = parsePlan(doc);
  assert.ok(!r.ok);
  assert.deepEqual(r.issues.map((i) => [i.path, i.code, 'value' in i]), [['closure', 'type', false], ['sorties[0].tail', 'type', false]]);
  assert.deepEqual(formatPlanIssues(r.issues), ['closure: expected string, got an object', 'sorties[0].tail: expected string, got a list']);
});

test('a plan without problems and notes (older, or from another tool) has none', () => {
  const doc = json();
  delete doc.problems;
  delete doc.notes;
  const r = parsePlan(doc);
  assert.ok(r.ok);
  assert.deepEqual(r.plan.problems, []);
  assert.deepEqual(r.plan.notes, []);
});

test('problems and notes, when given, are read as the plan writes them', () => {
  const doc = json();
  doc.problems = [{ kind: 'item.blocked', subject: 'gen', message: 'no type takes it', refs: ['bravo'], figures: { units: 2 } }];
  doc.notes = [{ kind: 'sortie.timing', cause: 'tail-ready', subject: 'S3', message: 'waits for its tail' }];
  let r = parsePlan(doc);
  assert.ok(r.ok);
  assert.deepEqual(r.plan.problems, doc.problems);
  assert.deepEqual(r.plan.notes, [{ ...doc.notes[0], refs: [] }], 'refs default to none');
  doc.notes[0].message = 7;
  doc.problems[0].figures.units = 'two';
  r = parsePlan(doc);
  assert.ok(!r.ok);
  assert.deepEqual(formatPlanIssues(r.issues), ['problems[0].figures.units: expected number, got "two"', 'notes[0].message: expected string, got 7']);
});

test('a violation names a rule of docs/rules.md, with its figures as numbers', () => {
  const doc = json();
  doc.violations = [{ rule: 'load.payload', message: 'over the ACL', refs: ['S1'], amount: 9330, limit: 9000, unit: 'kg' }];
  const ok = parsePlan(doc);
  assert.ok(ok.ok);
  assert.deepEqual(ok.plan.violations, doc.violations);
  doc.violations = [{ rule: 'load.paylod', message: 'over the ACL', refs: [], amount: 'a lot' }];
  const r = parsePlan(doc);
  assert.ok(!r.ok);
  assert.deepEqual(r.issues.map(({ path, code, value, hint }) => ({ path, code, value, hint })), [
    { path: 'violations[0].rule', code: 'value', value: 'load.paylod', hint: 'did you mean "load.payload"?' },
    { path: 'violations[0].amount', code: 'type', value: 'a lot', hint: undefined },
  ]);
  assert.equal(formatPlanIssues(r.issues)[0],
    'violations[0].rule: expected a rule named in docs/rules.md, got "load.paylod" (did you mean "load.payload"?)');
});
