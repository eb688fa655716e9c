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

const open = new WeakSet<SqlHandle>();

/**
 * Runs fn inside one transaction: all of it is written, or (on a throw) none of it. A call
 * inside another joins it, so a use case can wrap several store writes (a version and its
 * audit row) in one.
 */
export function inTransaction<T>(db: SqlHandle, fn: () => T): T {
  if (open.has(db)) return fn();
  db.exec('BEGIN IMMEDIATE');
  open.add(db);
  try {
    const result = fn();
    db.exec('COMMIT');
    return result;
  } catch (e) {
    db.exec('ROLLBACK');
    throw e;
  } finally {
    open.delete(db);
  }
}
