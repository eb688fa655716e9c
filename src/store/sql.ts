// The few methods of a SQLite handle the store needs (Kysely's habit): the store is written
// against these, so better-sqlite3 stays behind one file and another driver can replace it.

export interface SqlStatement {
  run(...params: unknown[]): { changes: number; lastInsertRowid: number | bigint };
  get(...params: unknown[]): unknown;
  all(...params: unknown[]): unknown[];
}

export interface SqlHandle {
  prepare(sql: string): SqlStatement;
  exec(sql: string): unknown;
  close(): unknown;
}

/** Runs fn inside one transaction: all of it is written, or (on a throw) none of it. */
export function inTransaction<T>(db: SqlHandle, fn: () => T): T {
  db.exec('BEGIN IMMEDIATE');
  try {
    const result = fn();
    db.exec('COMMIT');
    return result;
  } catch (e) {
    db.exec('ROLLBACK');
    throw e;
  }
}
