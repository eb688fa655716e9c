import { test } from 'node:test';
import assert from 'node:assert/strict';
import Database from 'better-sqlite3';
import { migrate, MIGRATIONS, type Migration } from './migrations.ts';

const tables = (db: Database.Database) =>
  (db.prepare(`SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name`).all() as { name: string }[]).map((r) => r.name);

test('migrations apply in id order, once each', () => {
  const db = new Database(':memory:');
  const steps: Migration[] = [
    { id: 2, name: 'add a column', sql: 'ALTER TABLE t ADD COLUMN b TEXT' },
    { id: 1, name: 'make t', sql: 'CREATE TABLE t (a INTEGER)' },
  ];
  assert.deepEqual(migrate(db, steps), [1, 2]);
  assert.deepEqual(migrate(db, steps), []);
  assert.deepEqual((db.prepare('PRAGMA table_info(t)').all() as { name: string }[]).map((c) => c.name), ['a', 'b']);
  assert.deepEqual(db.prepare('SELECT id, name FROM schema_migrations ORDER BY id').all(), [
    { id: 1, name: 'make t' }, { id: 2, name: 'add a column' },
  ]);
  db.close();
});

test('a failing migration leaves no trace, and the ones before it stay applied', () => {
  const db = new Database(':memory:');
  const steps: Migration[] = [
    { id: 1, name: 'make t', sql: 'CREATE TABLE t (a INTEGER)' },
    { id: 2, name: 'half done', sql: 'CREATE TABLE u (a INTEGER); CREATE TABLE t (a INTEGER)' },
  ];
  assert.throws(() => migrate(db, steps), /already exists/);
  assert.deepEqual(tables(db), ['schema_migrations', 't']);
  assert.deepEqual(db.prepare('SELECT id FROM schema_migrations').all(), [{ id: 1 }]);
  db.close();
});

test('the shipped migrations make the tables the store uses', () => {
  const db = new Database(':memory:');
  assert.deepEqual(migrate(db), MIGRATIONS.map((m) => m.id));
  assert.deepEqual(tables(db), ['audit', 'plans', 'scenario_versions', 'scenarios', 'schema_migrations', 'sessions', 'tokens', 'users']);
  db.close();
});

test('a database of the first release keeps its scenarios and plans through the later migrations', () => {
  const db = new Database(':memory:');
  migrate(db, MIGRATIONS.filter((m) => m.id === 1));
  db.prepare(`INSERT INTO scenarios (id, created_at) VALUES (1, 'then')`).run();
  db.prepare(`INSERT INTO scenario_versions VALUES (1, 1, 'old', 'yaml', 'name: old', '{}', 'then')`).run();
  db.prepare(`INSERT INTO plans (scenario_id, version, status, created_at) VALUES (1, 1, 'running', 'then')`).run();
  assert.deepEqual(migrate(db), MIGRATIONS.filter((m) => m.id > 1).map((m) => m.id));
  assert.deepEqual(db.prepare('SELECT name, created_by FROM scenario_versions').all(), [{ name: 'old', created_by: null }]);
  assert.deepEqual(db.prepare('SELECT status, requested_by FROM plans').all(), [{ status: 'running', requested_by: null }]);
  db.close();
});
