// What the store keeps for access control and the audit trail: users with a role and a password
// hash, bearer tokens and sessions as hashes of their secrets, and the audit rows. The checks
// (hashing, expiry, roles) live in src/app/access; the store only reads and writes rows.

export type Role = 'viewer' | 'planner' | 'admin';

export interface UserRow {
  id: number;
  name: string;
  role: Role;
  passwordHash: string;
  createdAt: string;
  passwordChangedAt: string;
  disabledAt: string | null;
}

export interface TokenRow {
  id: number;
  userId: number;
  /** the user the token acts as */
  userName: string;
  label: string;
  createdAt: string;
  lastUsedAt: string | null;
  revokedAt: string | null;
}

export interface SessionRow {
  /** SHA-256 (hex) of the cookie's secret: a stolen database holds no usable session */
  id: string;
  userId: number | null;
  principal: string;
  role: Role;
  via: string;
  remote: string;
  createdAt: string;
  lastSeenAt: string;
  expiresAt: string;
}

export interface AccessStore {
  /** undefined when the name is taken (names are compared without case) */
  addUser(user: { name: string; role: Role; passwordHash: string }): UserRow | undefined;
  findUser(name: string): UserRow | undefined;
  getUser(id: number): UserRow | undefined;
  listUsers(): UserRow[];
  /** users that are not disabled */
  countActiveUsers(): number;
  setRole(id: number, role: Role): void;
  setPassword(id: number, passwordHash: string): void;
  disableUser(id: number): void;

  addToken(token: { userId: number; label: string; hash: string }): TokenRow;
  findTokenByHash(hash: string): TokenRow | undefined;
  getToken(id: number): TokenRow | undefined;
  listTokens(): TokenRow[];
  touchToken(id: number, at: string): void;
  /** false when there is no such live token */
  revokeToken(id: number): boolean;
  revokeTokensOf(userId: number): number;

  addSession(session: SessionRow): void;
  getSession(id: string): SessionRow | undefined;
  touchSession(id: string, at: string): void;
  deleteSession(id: string): boolean;
  /** every session of the user except `keep` */
  deleteSessionsOf(userId: number, keep?: string): number;
  deleteExpiredSessions(now: string): number;
}

export interface AuditRow {
  id: number;
  at: string;
  user: string;
  role: string;
  via: string;
  action: string;
  target: string;
  /** JSON text of the details */
  detail: string;
  remote: string;
  prevHash: string;
  hash: string;
}

export interface AuditQuery {
  /** newest first, at most this many */
  limit: number;
  /** rows with a smaller id (the next page) */
  before?: number;
  user?: string;
  action?: string;
}

export interface AuditStore {
  last(): { id: number; hash: string } | undefined;
  insert(row: AuditRow): void;
  list(query: AuditQuery): AuditRow[];
  /** every row, oldest first */
  all(): AuditRow[];
  count(): number;
}
