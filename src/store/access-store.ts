// Users, tokens, sessions and audit rows over any SqlHandle: plain SQL, no checks of their own.

import type { SqlHandle } from './sql.ts';
import type { AccessStore, AuditRow, AuditStore, Role, SessionRow, TokenRow, UserRow } from './access-types.ts';

interface UserSql { id: number; name: string; role: Role; password_hash: string; created_at: string; password_changed_at: string; disabled_at: string | null }
interface TokenSql { id: number; user_id: number; user_name: string; label: string; created_at: string; last_used_at: string | null; revoked_at: string | null }
interface SessionSql { id: string; user_id: number | null; principal: string; role: Role; via: string; remote: string; created_at: string; last_seen_at: string; expires_at: string }
interface AuditSql { id: number; at: string; user: string; role: string; via: string; action: string; target: string; detail: string; remote: string; prev_hash: string; hash: string }

const userOf = (r: UserSql): UserRow => ({
  id: r.id, name: r.name, role: r.role, passwordHash: r.password_hash, createdAt: r.created_at,
  passwordChangedAt: r.password_changed_at, disabledAt: r.disabled_at,
});
const tokenOf = (r: TokenSql): TokenRow => ({
  id: r.id, userId: r.user_id, userName: r.user_name, label: r.label, createdAt: r.created_at, lastUsedAt: r.last_used_at, revokedAt: r.revoked_at,
});
const sessionOf = (r: SessionSql): SessionRow => ({
  id: r.id, userId: r.user_id, principal: r.principal, role: r.role, via: r.via, remote: r.remote,
  createdAt: r.created_at, lastSeenAt: r.last_seen_at, expiresAt: r.expires_at,
});
const auditOf = (r: AuditSql): AuditRow => ({
  id: r.id, at: r.at, user: r.user, role: r.role, via: r.via, action: r.action, target: r.target, detail: r.detail,
  remote: r.remote, prevHash: r.prev_hash, hash: r.hash,
});

const TOKEN_SELECT = `SELECT t.id, t.user_id, u.name AS user_name, t.label, t.created_at, t.last_used_at, t.revoked_at
  FROM tokens t JOIN users u ON u.id = t.user_id`;

export function accessStore(db: SqlHandle, now: () => string): AccessStore {
  return {
    addUser({ name, role, passwordHash }) {
      if (db.prepare('SELECT 1 FROM users WHERE name = ?').get(name)) return undefined;
      const at = now();
      const id = Number(db.prepare('INSERT INTO users (name, role, password_hash, created_at, password_changed_at) VALUES (?, ?, ?, ?, ?)')
        .run(name, role, passwordHash, at, at).lastInsertRowid);
      return this.getUser(id);
    },
    findUser(name) {
      const r = db.prepare('SELECT * FROM users WHERE name = ?').get(name) as UserSql | undefined;
      return r ? userOf(r) : undefined;
    },
    getUser(id) {
      const r = db.prepare('SELECT * FROM users WHERE id = ?').get(id) as UserSql | undefined;
      return r ? userOf(r) : undefined;
    },
    listUsers() {
      return (db.prepare('SELECT * FROM users ORDER BY name').all() as UserSql[]).map(userOf);
    },
    countActiveUsers() {
      return (db.prepare('SELECT COUNT(*) AS n FROM users WHERE disabled_at IS NULL').get() as { n: number }).n;
    },
    setRole(id, role) {
      db.prepare('UPDATE users SET role = ? WHERE id = ?').run(role, id);
    },
    setPassword(id, passwordHash) {
      db.prepare('UPDATE users SET password_hash = ?, password_changed_at = ? WHERE id = ?').run(passwordHash, now(), id);
    },
    disableUser(id) {
      db.prepare('UPDATE users SET disabled_at = ? WHERE id = ? AND disabled_at IS NULL').run(now(), id);
    },

    addToken({ userId, label, hash }) {
      const id = Number(db.prepare('INSERT INTO tokens (user_id, label, hash, created_at) VALUES (?, ?, ?, ?)').run(userId, label, hash, now()).lastInsertRowid);
      return this.getToken(id)!;
    },
    findTokenByHash(hash) {
      const r = db.prepare(`${TOKEN_SELECT} WHERE t.hash = ?`).get(hash) as TokenSql | undefined;
      return r ? tokenOf(r) : undefined;
    },
    getToken(id) {
      const r = db.prepare(`${TOKEN_SELECT} WHERE t.id = ?`).get(id) as TokenSql | undefined;
      return r ? tokenOf(r) : undefined;
    },
    listTokens() {
      return (db.prepare(`${TOKEN_SELECT} ORDER BY t.id`).all() as TokenSql[]).map(tokenOf);
    },
    touchToken(id, at) {
      db.prepare('UPDATE tokens SET last_used_at = ? WHERE id = ?').run(at, id);
    },
    revokeToken(id) {
      return db.prepare('UPDATE tokens SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL').run(now(), id).changes === 1;
    },
    revokeTokensOf(userId) {
      return db.prepare('UPDATE tokens SET revoked_at = ? WHERE user_id = ? AND revoked_at IS NULL').run(now(), userId).changes;
    },

    addSession(s) {
      db.prepare(`INSERT INTO sessions (id, user_id, principal, role, via, remote, created_at, last_seen_at, expires_at)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`).run(s.id, s.userId, s.principal, s.role, s.via, s.remote, s.createdAt, s.lastSeenAt, s.expiresAt);
    },
    getSession(id) {
      const r = db.prepare('SELECT * FROM sessions WHERE id = ?').get(id) as SessionSql | undefined;
      return r ? sessionOf(r) : undefined;
    },
    touchSession(id, at) {
      db.prepare('UPDATE sessions SET last_seen_at = ? WHERE id = ?').run(at, id);
    },
    deleteSession(id) {
      return db.prepare('DELETE FROM sessions WHERE id = ?').run(id).changes === 1;
    },
    deleteSessionsOf(userId, keep) {
      return db.prepare('DELETE FROM sessions WHERE user_id = ? AND id IS NOT ?').run(userId, keep ?? null).changes;
    },
    deleteExpiredSessions(at) {
      return db.prepare('DELETE FROM sessions WHERE expires_at <= ?').run(at).changes;
    },
  };
}

export function auditStore(db: SqlHandle): AuditStore {
  return {
    last() {
      return db.prepare('SELECT id, hash FROM audit ORDER BY id DESC LIMIT 1').get() as { id: number; hash: string } | undefined;
    },
    insert(r) {
      db.prepare(`INSERT INTO audit (id, at, user, role, via, action, target, detail, remote, prev_hash, hash)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`).run(r.id, r.at, r.user, r.role, r.via, r.action, r.target, r.detail, r.remote, r.prevHash, r.hash);
    },
    list({ limit, before, user, action }) {
      const where: string[] = [];
      const params: unknown[] = [];
      if (before !== undefined) where.push('id < ?'), params.push(before);
      if (user !== undefined) where.push('user = ?'), params.push(user);
      // an action filter names a family: 'scenario' matches scenario.create and scenario.version
      if (action !== undefined) where.push("(action = ? OR action LIKE ? ESCAPE '\\')"), params.push(action, action.replace(/[\\%_]/g, '\\$&') + '.%');
      const sql = `SELECT * FROM audit ${where.length ? 'WHERE ' + where.join(' AND ') : ''} ORDER BY id DESC LIMIT ?`;
      return (db.prepare(sql).all(...params, limit) as AuditSql[]).map(auditOf);
    },
    all() {
      return (db.prepare('SELECT * FROM audit ORDER BY id').all() as AuditSql[]).map(auditOf);
    },
    count() {
      return (db.prepare('SELECT COUNT(*) AS n FROM audit').get() as { n: number }).n;
    },
  };
}
