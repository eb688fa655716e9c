// Opens the drawdown database with better-sqlite3 (the only file that knows the driver):
// WAL so the page can read while a plan is written, foreign keys on, migrations applied.

import Database from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { migrate } from './migrations.ts';
import { sqliteStore, type StoreOptions } from './sqlite-store.ts';
import type { Store } from './types.ts';

export const DEFAULT_DB = './data/drawdown.db';

/** A store on a file (its folder is created), or ':memory:'; the default is ./data/drawdown.db. */
export function openStore(path: string = DEFAULT_DB, options: StoreOptions = {}): Store {
  const memory = path === ':memory:';
  if (!memory) mkdirSync(dirname(resolve(path)), { recursive: true });
  const db = new Database(memory ? ':memory:' : resolve(path));
  try {
    if (!memory) db.pragma('journal_mode = WAL');
    db.pragma('foreign_keys = ON');
    // a second process (the CLI beside a server) waits for a lock instead of failing at once
    db.pragma('busy_timeout = 5000');
    migrate(db);
  } catch (e) {
    db.close();
    throw e;
  }
  return sqliteStore(db, options);
}
