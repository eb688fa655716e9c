// SQLite persistence behind a small interface: scenarios with versions, plans with their status,
// users, tokens, sessions and the audit trail.
export { openStore, DEFAULT_DB } from './open.ts';
export { sqliteStore, type StoreOptions } from './sqlite-store.ts';
export { migrate, MIGRATIONS, type Migration } from './migrations.ts';
export { inTransaction, type SqlHandle, type SqlStatement } from './sql.ts';
export type * from './types.ts';
export type * from './access-types.ts';
