import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { openStore } from '../../store/index.ts';
import { Audit, csvCell, GENESIS } from './audit.ts';
import type { Actor } from './roles.ts';

const alice: Actor = { user: 'alice', role: 'planner', via: 'password', from: '10.0.0.7' };

function trail(path = ':memory:') {
  const store = openStore(path);
  return { store, audit: new Audit(store) };
}

test('rows carry who, when, what and from where, newest first, each hashing the one before', () => {
  const { audit, store } = trail();
  const a = audit.record(alice, 'scenario.version', 'scenario 1 version 2', { baseVersion: 1 });
  const b = audit.record({ ...alice, user: 'bob' }, 'plan.request', 'plan 4', { scenario: 1, version: 2 });
  assert.deepEqual(audit.list().map((r) => [r.id, r.user, r.action, r.target, r.from]), [
    [2, 'bob', 'plan.request', 'plan 4', '10.0.0.7'],
    [1, 'alice', 'scenario.version', 'scenario 1 version 2', '10.0.0.7'],
  ]);
  assert.match(a.at, /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
  assert.deepEqual(a.detail, { baseVersion: 1 });
  const rows = store.audit.all();
  assert.equal(rows[0].prevHash, GENESIS);
  assert.equal(rows[1].prevHash, a.hash);
  assert.notEqual(a.hash, b.hash);
  assert.deepEqual(audit.verify(), { ok: true, rows: 2, head: b.hash });
  assert.deepEqual(audit.list({ user: 'alice' }).map((r) => r.id), [1]);
  assert.deepEqual(audit.list({ action: 'plan' }).map((r) => r.id), [2]);
  assert.deepEqual(audit.list({ limit: 1 }).map((r) => r.id), [2]);
});

test('editing a row in the file breaks the chain at that row; removing one leaves a gap verify names', () => {
  const path = join(mkdtempSync(join(tmpdir(), 'drawdown-audit-')), 'w.db');
  const first = trail(path);
  for (let i = 1; i <= 5; i++) first.audit.record(alice, 'scenario.version', `scenario 1 version ${i}`);
  assert.equal(first.audit.verify().ok, true);
  first.store.close();

  // someone with the file drops the guard and rewrites history: mallory, not alice, made version 3
  const raw = new Database(path);
  raw.exec('DROP TRIGGER audit_no_update; DROP TRIGGER audit_no_delete');
  raw.prepare("UPDATE audit SET user = 'mallory' WHERE id = 3").run();
  raw.close();
  const edited = trail(path);
  assert.deepEqual(edited.audit.verify().broken, { id: 3, reason: 'row 3 was changed after it was written: its hash no longer matches its fields' });
  edited.store.close();

  const raw2 = new Database(path);
  raw2.prepare("UPDATE audit SET user = 'alice' WHERE id = 3").run();
  raw2.prepare('DELETE FROM audit WHERE id = 2').run();
  raw2.close();
  const cut = trail(path);
  const check = cut.audit.verify();
  assert.equal(check.ok, false);
  assert.deepEqual(check.broken, { id: 3, reason: 'row 2 is missing: the rows jump from 1 to 3' });
  cut.store.close();
});

test('names an attacker chooses are cleaned, and the CSV export cannot carry a spreadsheet formula', () => {
  const { audit } = trail();
  audit.record({ user: 'anonymous', role: 'anonymous', via: 'password', from: '10.0.0.9' }, 'login.failed', 'user =HYPERLINK("http://x","y")\nforged line');
  audit.record(alice, 'export', 'plan 1', { what: 'transfers' });
  const [failed] = audit.list({ action: 'login' });
  assert.equal(failed.target, 'user =HYPERLINK("http://x","y")?forged line');
  const lines = audit.csv().split('\r\n');
  assert.equal(lines[0], 'id,at,user,role,via,action,target,from,detail,hash');
  assert.equal(lines.length, 4);
  assert.match(lines[1], /,"user =HYPERLINK\(""http:\/\/x"",""y""\)\?forged line",/);
  assert.match(lines[2], /,plan 1,10\.0\.0\.7,"\{""what"":""transfers""\}",/);
  for (const [cell, out] of [['=1+1', "'=1+1"], ['+4', "'+4"], ['-2', "'-2"], ['@SUM(A1)', "'@SUM(A1)"], ['\tx', "'\tx"], ['a,b', '"a,b"'], ['plain', 'plain']]) {
    assert.equal(csvCell(cell), out);
  }
});
