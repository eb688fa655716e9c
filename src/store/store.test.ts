import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import type { Plan, Scenario } from '../model/index.ts';
import { parseScenario } from '../scenario/load.ts';
import { MIGRATIONS } from './migrations.ts';
import { openStore } from './open.ts';
import type { ScenarioInput } from './types.ts';

function yaml(name: string, generators = 3): string {
  return `name: ${name}
asOf: 2024-06-01
sites:
  - { id: agadez, name: Air Base 201, country: NE, lat: 16.96, lon: 8.0, role: origin }
  - { id: rota, name: Rota, country: ES, lat: 36.64, lon: -6.35, role: destination }
aircraft:
  - { type: C-17A, count: 2, base: rota }
personnel:
  - { site: agadez, count: 40, role: security }
items:
  - { id: gen, name: Generator, site: agadez, quantity: ${generators}, unitWeightKg: 1200, lengthM: 2, widthM: 1, heightM: 1.5, unitValueUsd: 30000, kind: cargo }
agreements:
  - { country: NE, deadline: 2024-09-15 }
`;
}

function input(name: string, generators = 3): ScenarioInput {
  const text = yaml(name, generators);
  const r = parseScenario(text);
  if (!r.ok) throw new Error(JSON.stringify(r.issues));
  return { format: 'yaml', text, scenario: r.scenario };
}

// A small plan document: only the fields the store summarises matter here.
function plan(scenario: Scenario, sorties: number): Plan {
  return {
    formatVersion: 1, scenario: scenario.name, feasible: true, closure: '2024-06-03T10:00:00Z', siteClosures: [],
    dispositions: [], handovers: [], pallets: [],
    sorties: Array.from({ length: sorties }, (_, i) => ({
      id: `S${i + 1}`, aircraft: 'C-17A', tail: 'C-17A#1', from: 'agadez', to: 'rota',
      departs: '2024-06-03T10:00:00Z', arrives: '2024-06-03T16:00:00Z', passengers: 40, payloadKg: 4000, cgM: null, loads: [],
    })),
    metrics: { sorties, flyingHours: 12, costUsd: 250000, transferValueUsd: 0, retrogradeValueUsd: 90000, demilitarizedValueUsd: 0, palletsBuilt: 0 },
    bounds: { sorties: { value: 1, basis: 'weight' }, closure: { value: '2024-06-02T00:00:00Z', basis: 'flight time' } },
    violations: [],
    problems: [],
    notes: [],
  };
}

function tempDb(): string {
  return join(mkdtempSync(join(tmpdir(), 'drawdown-store-')), 'nested', 'drawdown.db');
}

let tick = 0;
const clock = () => new Date(Date.UTC(2024, 5, 1, 0, 0, tick++)).toISOString();

test('a second save makes version 2 and version 1 still reads back unchanged', () => {
  const store = openStore(':memory:', { now: clock });
  const first = input('Niger drawdown', 3);
  const ref = store.createScenario(first);
  assert.equal(ref.version, 1);
  const second = store.addVersion(ref.id, { ...input('Niger drawdown v2', 5), format: 'yaml' }, { by: 'alice' });
  assert.deepEqual(second, { ok: true, ref: { id: ref.id, version: 2 } });

  const v1 = store.getScenario(ref.id, 1)!;
  assert.equal(v1.text, first.text);
  assert.equal(v1.format, 'yaml');
  assert.equal(v1.name, 'Niger drawdown');
  assert.deepEqual(v1.scenario, first.scenario);
  assert.equal(v1.scenario.items[0].quantity, 3);
  const latest = store.getScenario(ref.id)!;
  assert.equal(latest.version, 2);
  assert.equal(latest.scenario.items[0].quantity, 5);
  assert.deepEqual(store.listVersions(ref.id).map((v) => v.version), [1, 2]);
  assert.ok(store.listVersions(ref.id)[0].createdAt < store.listVersions(ref.id)[1].createdAt);
  assert.equal(store.getScenario(ref.id, 3), undefined);
  assert.equal(store.addVersion(ref.id + 99, first), undefined);

  const [listed] = store.listScenarios();
  assert.deepEqual({ ...listed, createdAt: undefined }, {
    id: ref.id, name: 'Niger drawdown v2', version: 2, versions: 2, createdAt: undefined, latestPlan: null,
  });
  assert.equal(listed.createdAt, v1.createdAt);
  assert.deepEqual(store.findScenarioByName('Niger drawdown v2'), { id: ref.id, version: 2 });
  assert.equal(store.findScenarioByName('Niger drawdown'), undefined, 'only the latest name counts');
  store.close();
});

test('a plan runs, then is done with its summary or failed with its error; only a running plan can finish', () => {
  const store = openStore(':memory:');
  const s = input('one');
  const ref = store.createScenario(s);
  const running = store.startPlan(ref, 7);
  assert.equal(running.status, 'running');
  assert.equal(running.seed, 7);
  assert.equal(running.finishedAt, null);
  assert.equal(store.planText(running.id), undefined);

  store.finishPlan(running.id, plan(s.scenario, 2), ['2 loads stranded']);
  const done = store.getPlan(running.id)!;
  assert.equal(done.status, 'done');
  assert.deepEqual([done.feasible, done.closure, done.sorties, done.costUsd], [true, '2024-06-03T10:00:00Z', 2, 250000]);
  assert.deepEqual(done.problems, ['2 loads stranded']);
  assert.ok(done.finishedAt);
  assert.deepEqual(JSON.parse(store.planText(running.id)!), plan(s.scenario, 2));
  assert.throws(() => store.failPlan(running.id, 'late'), /not running/);

  const second = store.startPlan(ref, null);
  store.failPlan(second.id, 'the planner crashed');
  assert.deepEqual([store.getPlan(second.id)!.status, store.getPlan(second.id)!.error], ['failed', 'the planner crashed']);
  assert.deepEqual(store.listPlans(ref.id).map((p) => p.id), [second.id, running.id]);
  assert.deepEqual(store.listScenarios()[0].latestPlan, { id: second.id, version: 1, status: 'failed', feasible: null, closure: null });

  const third = store.startPlan(ref, null);
  assert.equal(store.failRunningPlans('interrupted by a restart'), 1);
  assert.equal(store.getPlan(third.id)!.error, 'interrupted by a restart');
  store.close();
});

test('foreign keys hold: a plan needs an existing scenario version', () => {
  const store = openStore(':memory:');
  const ref = store.createScenario(input('one'));
  assert.throws(() => store.startPlan({ id: ref.id, version: 2 }, null), /FOREIGN KEY/);
  assert.throws(() => store.startPlan({ id: ref.id + 1, version: 1 }, null), /FOREIGN KEY/);
  store.close();
});

test('a reopened file keeps everything, in WAL mode, and its migrations ran once', () => {
  const path = tempDb();
  const first = openStore(path);
  const s = input('kept');
  const ref = first.createScenario(s);
  first.addVersion(ref.id, input('kept', 4));
  const p = first.startPlan({ id: ref.id, version: 1 }, 3);
  first.finishPlan(p.id, plan(s.scenario, 1), []);
  const before = { list: first.listScenarios(), v1: first.getScenario(ref.id, 1), plans: first.listPlans(ref.id) };
  first.close();
  assert.ok(existsSync(path));

  const again = openStore(path);
  assert.deepEqual(again.listScenarios(), before.list);
  assert.deepEqual(again.getScenario(ref.id, 1), before.v1);
  assert.deepEqual(again.listPlans(ref.id), before.plans);
  assert.deepEqual(JSON.parse(again.planText(p.id)!), plan(s.scenario, 1));
  again.close();

  const raw = new Database(path);
  assert.equal(raw.pragma('journal_mode', { simple: true }), 'wal');
  assert.deepEqual(raw.prepare('SELECT id FROM schema_migrations').all(), MIGRATIONS.map((m) => ({ id: m.id })));
  raw.close();
});

test('a save based on an old version is refused inside the write, and says what the latest is', () => {
  const store = openStore(':memory:');
  const ref = store.createScenario(input('shared'), 'alice');
  assert.equal(store.getScenario(ref.id)!.createdBy, 'alice');
  assert.deepEqual(store.addVersion(ref.id, input('shared', 4), { baseVersion: 1, by: 'bob' }), { ok: true, ref: { id: ref.id, version: 2 } });
  // carol also started from version 1: her save must not land on top of bob's unseen
  assert.deepEqual(store.addVersion(ref.id, input('shared', 9), { baseVersion: 1, by: 'carol' }), { ok: false, latest: 2 });
  assert.deepEqual(store.listVersions(ref.id).map((v) => [v.version, v.createdBy]), [[1, 'alice'], [2, 'bob']]);
  assert.equal(store.addVersion(ref.id + 1, input('x'), { baseVersion: 1 }), undefined);
  const plan = store.startPlan(ref, null, { by: 'bob' });
  assert.equal(store.getPlan(plan.id)!.requestedBy, 'bob');
  store.close();
});

test('transactions nest: a throw inside rolls back the writes of the outer one too', () => {
  const store = openStore(':memory:');
  assert.throws(() => store.transaction(() => {
    store.createScenario(input('kept?'));
    store.transaction(() => store.createScenario(input('inner')));
    throw new Error('changed my mind');
  }), /changed my mind/);
  assert.deepEqual(store.listScenarios(), []);
  store.transaction(() => store.transaction(() => store.createScenario(input('both'))));
  assert.equal(store.listScenarios().length, 1);
  store.close();
});

test('users are unique without case; tokens and sessions are rows of hashes', () => {
  const store = openStore(':memory:', { now: clock });
  const a = store.access;
  const alice = a.addUser({ name: 'Alice', role: 'planner', passwordHash: 'scrypt$x' })!;
  assert.equal(a.addUser({ name: 'alice', role: 'viewer', passwordHash: 'scrypt$y' }), undefined);
  assert.equal(a.findUser('ALICE')!.id, alice.id);
  assert.equal(a.countActiveUsers(), 1);
  const t = a.addToken({ userId: alice.id, label: 'ci', hash: 'h1' });
  assert.deepEqual([t.userName, t.label, t.revokedAt], ['Alice', 'ci', null]);
  assert.equal(a.findTokenByHash('h1')!.id, t.id);
  assert.equal(a.revokeToken(t.id), true);
  assert.equal(a.revokeToken(t.id), false, 'a token is revoked once');
  const at = clock();
  for (const id of ['s1', 's2']) {
    a.addSession({ id, userId: alice.id, principal: 'Alice', role: 'planner', via: 'password', remote: '10.0.0.2', createdAt: at, lastSeenAt: at, expiresAt: '2030-01-01T00:00:00.000Z' });
  }
  assert.equal(a.deleteSessionsOf(alice.id, 's2'), 1);
  assert.ok(a.getSession('s2') && !a.getSession('s1'));
  assert.equal(a.deleteExpiredSessions('2031-01-01T00:00:00.000Z'), 1);
  a.disableUser(alice.id);
  assert.equal(a.countActiveUsers(), 0);
  assert.throws(() => a.setRole(alice.id, 'boss' as never), /CHECK/);
  store.close();
});

test('the database refuses to change or delete an audit row', () => {
  const store = openStore(':memory:');
  const row = { id: 1, at: clock(), user: 'alice', role: 'planner', via: 'password', action: 'login', target: 'user alice', detail: '{}', remote: '::1', prevHash: '0'.repeat(64), hash: 'a'.repeat(64) };
  store.audit.insert(row);
  assert.deepEqual(store.audit.last(), { id: 1, hash: row.hash });
  assert.deepEqual(store.audit.all(), [row]);
  store.audit.insert({ ...row, id: 2, action: 'scenario.version', hash: 'b'.repeat(64) });
  assert.deepEqual(store.audit.list({ limit: 10, action: 'scenario' }).map((r) => r.id), [2]);
  assert.deepEqual(store.audit.list({ limit: 10, before: 2 }).map((r) => r.id), [1]);
  assert.deepEqual(store.audit.list({ limit: 10, action: 'scen%' }), [], 'a filter is text, not a pattern');
  store.close();
  const path = tempDb();
  const s2 = openStore(path);
  s2.audit.insert(row);
  s2.close();
  const raw = new Database(path);
  assert.throws(() => raw.prepare("UPDATE audit SET user = 'mallory'").run(), /append-only/);
  assert.throws(() => raw.prepare('DELETE FROM audit').run(), /append-only/);
  raw.close();
});
