// Numbered schema migrations. Each runs once, in order, inside a transaction together with its
// row in schema_migrations, so a failed migration leaves the database as it was.
// Never edit a shipped migration: add the next number.

import { inTransaction, type SqlHandle } from './sql.ts';

export interface Migration {
  id: number;
  name: string;
  sql: string;
}

export const MIGRATIONS: readonly Migration[] = [
  {
    id: 1,
    name: 'scenarios, versions and plans',
    sql: `
      CREATE TABLE scenarios (
        id INTEGER PRIMARY KEY,
        created_at TEXT NOT NULL
      );
      -- every save is a new row: nothing is overwritten
      CREATE TABLE scenario_versions (
        scenario_id INTEGER NOT NULL REFERENCES scenarios(id),
        version INTEGER NOT NULL CHECK (version >= 1),
        name TEXT NOT NULL,
        format TEXT NOT NULL CHECK (format IN ('yaml', 'json')),
        text TEXT NOT NULL,
        scenario_json TEXT NOT NULL,
        created_at TEXT NOT NULL,
        PRIMARY KEY (scenario_id, version)
      );
      CREATE TABLE plans (
        id INTEGER PRIMARY KEY,
        scenario_id INTEGER NOT NULL,
        version INTEGER NOT NULL,
        status TEXT NOT NULL CHECK (status IN ('running', 'done', 'failed')),
        seed INTEGER,
        plan_json TEXT,
        problems_json TEXT,
        error TEXT,
        feasible INTEGER,
        closure TEXT,
        sorties INTEGER,
        cost_usd REAL,
        created_at TEXT NOT NULL,
        finished_at TEXT,
        FOREIGN KEY (scenario_id, version) REFERENCES scenario_versions(scenario_id, version)
      );
      CREATE INDEX plans_by_scenario ON plans(scenario_id, id);
    `,
  },
  {
    id: 2,
    name: 'users, tokens, sessions, and who saved and planned',
    sql: `
      CREATE TABLE users (
        id INTEGER PRIMARY KEY,
        name TEXT NOT NULL UNIQUE COLLATE NOCASE,
        role TEXT NOT NULL CHECK (role IN ('viewer', 'planner', 'admin')),
        -- scrypt$N$r$p$salt$hash: the parameters travel with the hash so they can be raised later
        password_hash TEXT NOT NULL,
        created_at TEXT NOT NULL,
        password_changed_at TEXT NOT NULL,
        disabled_at TEXT
      );
      -- bearer tokens for scripts act as their user; only a SHA-256 of the secret is kept
      CREATE TABLE tokens (
        id INTEGER PRIMARY KEY,
        user_id INTEGER NOT NULL REFERENCES users(id),
        label TEXT NOT NULL,
        hash TEXT NOT NULL UNIQUE,
        created_at TEXT NOT NULL,
        last_used_at TEXT,
        revoked_at TEXT
      );
      -- a session is a SHA-256 of the cookie's secret; user_id is null for the one-time start link
      -- and DRAWDOWN_TOKEN, whose name and role are kept here instead
      CREATE TABLE sessions (
        id TEXT PRIMARY KEY,
        user_id INTEGER REFERENCES users(id),
        principal TEXT NOT NULL,
        role TEXT NOT NULL CHECK (role IN ('viewer', 'planner', 'admin')),
        via TEXT NOT NULL,
        remote TEXT NOT NULL,
        created_at TEXT NOT NULL,
        last_seen_at TEXT NOT NULL,
        expires_at TEXT NOT NULL
      );
      CREATE INDEX sessions_by_user ON sessions(user_id);
      ALTER TABLE scenario_versions ADD COLUMN created_by TEXT;
      ALTER TABLE plans ADD COLUMN requested_by TEXT;
    `,
  },
  {
    id: 3,
    name: 'the audit trail, append-only and hash-chained',
    sql: `
      CREATE TABLE audit (
        id INTEGER PRIMARY KEY,
        at TEXT NOT NULL,
        user TEXT NOT NULL,
        role TEXT NOT NULL,
        via TEXT NOT NULL,
        action TEXT NOT NULL,
        target TEXT NOT NULL,
        detail TEXT NOT NULL,
        remote TEXT NOT NULL,
        -- SHA-256 of the previous row's hash and this row's fields: editing any row breaks every hash after it
        prev_hash TEXT NOT NULL,
        hash TEXT NOT NULL UNIQUE
      );
      CREATE INDEX audit_by_user ON audit(user, id);
      CREATE TRIGGER audit_no_update BEFORE UPDATE ON audit
        BEGIN SELECT RAISE(ABORT, 'the audit trail is append-only'); END;
      CREATE TRIGGER audit_no_delete BEFORE DELETE ON audit
        BEGIN SELECT RAISE(ABORT, 'the audit trail is append-only'); END;
    `,
  },
  {
    id: 4,
    name: 'plan leases',
    // Which server runs a plan, and until when its claim holds unless renewed (ms since the
    // epoch): a server starting on the same file recovers only plans whose lease ran out.
    // Rows from before have no lease: their server is gone.
    sql: `
      ALTER TABLE plans ADD COLUMN lease_owner TEXT;
      ALTER TABLE plans ADD COLUMN lease_until INTEGER;
      CREATE INDEX plans_running ON plans(status, lease_until);
    `,
  },
];

/** Applies the migrations not yet recorded; returns the ids it applied. */
export function migrate(db: SqlHandle, migrations: readonly Migration[] = MIGRATIONS): number[] {
  db.exec(`CREATE TABLE IF NOT EXISTS schema_migrations (
    id INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)`);
  const done = new Set((db.prepare('SELECT id FROM schema_migrations').all() as { id: number }[]).map((r) => r.id));
  const applied: number[] = [];
  for (const m of [...migrations].sort((a, b) => a.id - b.id)) {
    if (done.has(m.id)) continue;
    inTransaction(db, () => {
      db.exec(m.sql);
      db.prepare('INSERT INTO schema_migrations (id, name, applied_at) VALUES (?, ?, ?)').run(m.id, m.name, new Date().toISOString());
    });
    applied.push(m.id);
  }
  return applied;
}
