// Users, sessions and tokens: who a request is, and the changes an admin makes. Passwords are
// checked with scrypt (passwords.ts); sessions and tokens are random 256-bit secrets of which
// only a SHA-256 is stored. Every change and every failed sign-in goes to the audit trail.

import type { Issue } from '../../model/index.ts';
import { DrawdownError } from '../../model/errors.ts';
import type { Store, TokenRow, UserRow } from '../../store/index.ts';
import type { Audit } from './audit.ts';
import { clean } from './audit.ts';
import { hashPassword, passwordProblems, verifyPassword } from './passwords.ts';
import {
  AUTOMATION_USER, LOCAL_USER, RESERVED_NAMES, ROLES, actorOf, anonymous, isRole, type Actor, type Principal, type Role, type Via,
} from './roles.ts';
import { LINK_PREFIX, TOKEN_PREFIX, newSecret, sameSecret, sha256 } from './secrets.ts';
import { Throttle } from './throttle.ts';

/** A session ends 12 hours after its last request, and 7 days after sign-in whatever happens (ASVS 3.3.2 asks 30 days at most). */
export const SESSION_IDLE_MS = 12 * 3600_000;
export const SESSION_MAX_MS = 7 * 24 * 3600_000;
/** The one-time link `drawdown start` prints works once, within a day. */
export const LINK_TTL_MS = 24 * 3600_000;
/** DRAWDOWN_TOKEN must be long enough not to be guessed. */
export const MIN_ADMIN_TOKEN = 24;
// Writing last-seen on every request would make every read a write: once a minute is enough.
const TOUCH_EVERY_MS = 60_000;

export interface UserInfo {
  name: string;
  role: Role;
  createdAt: string;
  passwordChangedAt: string;
  disabled: boolean;
}

export interface TokenInfo {
  id: number;
  user: string;
  label: string;
  createdAt: string;
  lastUsedAt: string | null;
  revoked: boolean;
}

export type Changed<T> = { ok: true; value: T } | { ok: false; issues: Issue[]; status?: 'not_found' | 'forbidden' };

export type SignIn =
  | { ok: true; session: string; principal: Principal; expiresAt: string }
  | { ok: false; retryAfter?: number };

export interface AccessOptions {
  /** DRAWDOWN_TOKEN: an admin bearer token for automation, never stored */
  adminToken?: string;
  now?: () => Date;
}

const NAME = /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/;

const userInfo = (u: UserRow): UserInfo => ({
  name: u.name, role: u.role, createdAt: u.createdAt, passwordChangedAt: u.passwordChangedAt, disabled: u.disabledAt !== null,
});
const tokenInfo = (t: TokenRow): TokenInfo => ({
  id: t.id, user: t.userName, label: t.label, createdAt: t.createdAt, lastUsedAt: t.lastUsedAt, revoked: t.revokedAt !== null,
});

export function nameProblems(name: string, path = 'name'): Issue[] {
  if (!NAME.test(name)) {
    return [{ path, code: 'value', value: clean(name, 80), message: 'a user name is 1 to 64 letters, digits, dots, dashes or underscores, starting with a letter or digit' }];
  }
  if (RESERVED_NAMES.includes(name.toLowerCase())) return [{ path, code: 'value', value: name, message: `"${name}" is reserved for drawdown itself: choose another name` }];
  return [];
}

function roleProblems(role: string, path = 'role'): Issue[] {
  return isRole(role) ? [] : [{ path, code: 'value', value: clean(role, 80), message: `role must be one of ${ROLES.join(', ')}, got "${clean(role, 40)}"` }];
}

export class Access {
  private readonly throttle: Throttle;
  private readonly links = new Map<string, number>();
  private readonly adminToken: string | undefined;
  private readonly now: () => Date;
  private dummyHash: Promise<string> | undefined;

  constructor(
    private readonly store: Store,
    private readonly audit: Audit,
    options: AccessOptions = {},
  ) {
    this.now = options.now ?? (() => new Date());
    this.throttle = new Throttle(() => this.now().getTime());
    if (options.adminToken !== undefined && options.adminToken.length < MIN_ADMIN_TOKEN) {
      throw new DrawdownError('usage', `DRAWDOWN_TOKEN is too short: give at least ${MIN_ADMIN_TOKEN} random characters (openssl rand -hex 24)`);
    }
    this.adminToken = options.adminToken;
  }

  /** True when at least one user can sign in: serving beyond this machine needs one. */
  hasUsers(): boolean {
    return this.store.access.countActiveUsers() > 0;
  }

  listUsers(): UserInfo[] {
    return this.store.access.listUsers().map(userInfo);
  }

  async addUser(name: string, role: string, password: string, by: Actor): Promise<Changed<UserInfo>> {
    const issues = [...nameProblems(name), ...roleProblems(role), ...passwordProblems(password, name)];
    if (issues.length) return { ok: false, issues };
    if (this.store.access.findUser(name)) return { ok: false, issues: [{ path: 'name', code: 'duplicate', value: name, message: `there is already a user "${name}"` }] };
    const passwordHash = await hashPassword(password);
    return this.store.transaction(() => {
      const user = this.store.access.addUser({ name, role: role as Role, passwordHash });
      if (!user) return { ok: false, issues: [{ path: 'name', code: 'duplicate', value: name, message: `there is already a user "${name}"` }] };
      this.audit.record(by, 'user.add', `user ${user.name}`, { role });
      return { ok: true, value: userInfo(user) };
    });
  }

  setRole(name: string, role: string, by: Actor): Changed<UserInfo> {
    const user = this.store.access.findUser(name);
    if (!user) return notFound(name);
    const issues = roleProblems(role);
    if (issues.length) return { ok: false, issues };
    if (by.user.toLowerCase() === user.name.toLowerCase() && by.via !== 'cli') return forbidden('you cannot change your own role: ask another admin');
    this.store.transaction(() => {
      this.store.access.setRole(user.id, role as Role);
      this.audit.record(by, 'user.role', `user ${user.name}`, { was: user.role, now: role });
    });
    return { ok: true, value: userInfo(this.store.access.getUser(user.id)!) };
  }

  /** An admin sets a user's password; every session of that user ends. */
  async setPassword(name: string, password: string, by: Actor): Promise<Changed<UserInfo>> {
    const user = this.store.access.findUser(name);
    if (!user) return notFound(name);
    const issues = passwordProblems(password, user.name);
    if (issues.length) return { ok: false, issues };
    const hash = await hashPassword(password);
    this.store.transaction(() => {
      this.store.access.setPassword(user.id, hash);
      const ended = this.store.access.deleteSessionsOf(user.id);
      this.audit.record(by, 'user.password', `user ${user.name}`, { sessionsEnded: ended });
    });
    return { ok: true, value: userInfo(this.store.access.getUser(user.id)!) };
  }

  /** The signed-in user changes their own password, giving the current one (ASVS 2.1.6); their other sessions end. */
  async changeOwnPassword(p: Principal, current: string, next: string, from: string): Promise<Changed<null>> {
    const user = p.userId === null ? undefined : this.store.access.getUser(p.userId);
    if (!user) return forbidden(`"${p.user}" has no password to change: it signs in with a token`);
    const retry = this.throttle.retryAfter(user.name, from);
    if (retry > 0) return { ok: false, status: 'forbidden', issues: [{ path: 'current', code: 'limit', message: `too many wrong passwords: try again in ${retry} s` }] };
    if (!(await verifyPassword(current, user.passwordHash))) {
      this.throttle.fail(user.name, from);
      this.audit.record(actorOf(p, from), 'login.failed', `user ${user.name}`, { reason: 'wrong current password on a password change' });
      return { ok: false, status: 'forbidden', issues: [{ path: 'current', code: 'value', message: 'the current password is wrong' }] };
    }
    const issues = passwordProblems(next, user.name, 'password');
    if (issues.length) return { ok: false, issues };
    const hash = await hashPassword(next);
    this.store.transaction(() => {
      this.store.access.setPassword(user.id, hash);
      const ended = this.store.access.deleteSessionsOf(user.id, p.sessionId);
      this.audit.record(actorOf(p, from), 'user.password', `user ${user.name}`, { self: true, otherSessionsEnded: ended });
    });
    return { ok: true, value: null };
  }

  /** Disabling keeps the name in the trail: the user can no longer sign in, their sessions end and their tokens are revoked. */
  disableUser(name: string, by: Actor): Changed<UserInfo> {
    const user = this.store.access.findUser(name);
    if (!user) return notFound(name);
    if (by.user.toLowerCase() === user.name.toLowerCase() && by.via !== 'cli') return forbidden('you cannot disable yourself: ask another admin');
    this.store.transaction(() => {
      this.store.access.disableUser(user.id);
      const sessions = this.store.access.deleteSessionsOf(user.id);
      const tokens = this.store.access.revokeTokensOf(user.id);
      this.audit.record(by, 'user.disable', `user ${user.name}`, { sessionsEnded: sessions, tokensRevoked: tokens });
    });
    return { ok: true, value: userInfo(this.store.access.getUser(user.id)!) };
  }

  listTokens(): TokenInfo[] {
    return this.store.access.listTokens().map(tokenInfo);
  }

  /** A bearer token acting as a user; the secret is returned here once and never stored. */
  createToken(userName: string, label: string, by: Actor): Changed<{ token: string; info: TokenInfo }> {
    const user = this.store.access.findUser(userName);
    if (!user || user.disabledAt) return notFound(userName);
    const cleanLabel = clean(label.trim() || 'token', 80);
    const secret = newSecret(TOKEN_PREFIX);
    return this.store.transaction(() => {
      const row = this.store.access.addToken({ userId: user.id, label: cleanLabel, hash: sha256(secret) });
      this.audit.record(by, 'token.create', `token ${row.id}`, { user: user.name, label: cleanLabel });
      return { ok: true as const, value: { token: secret, info: tokenInfo(row) } };
    });
  }

  revokeToken(id: number, by: Actor): Changed<TokenInfo> {
    const row = this.store.access.getToken(id);
    if (!row || row.revokedAt) return { ok: false, status: 'not_found', issues: [{ path: 'id', code: 'unknown_ref', value: String(id), message: `no live token ${id}` }] };
    this.store.transaction(() => {
      this.store.access.revokeToken(id);
      this.audit.record(by, 'token.revoke', `token ${id}`, { user: row.userName, label: row.label });
    });
    return { ok: true, value: tokenInfo(this.store.access.getToken(id)!) };
  }

  /** A one-time link secret for `drawdown start`: exchanged once for a session of `local` (admin), within a day. */
  issueLink(): string {
    const secret = newSecret(LINK_PREFIX);
    this.links.set(sha256(secret), this.now().getTime() + LINK_TTL_MS);
    return secret;
  }

  /** Sign-in with a name and password: a new session, or nothing (and a row in the trail). */
  async signIn(name: string, password: string, from: string): Promise<SignIn> {
    const tried = clean(name, 64);
    const retryAfter = this.throttle.retryAfter(tried, from);
    if (retryAfter > 0) return { ok: false, retryAfter };
    const user = this.store.access.findUser(name);
    // a missing user costs the same scrypt as a wrong password, so timing does not tell names apart
    this.dummyHash ??= hashPassword(newSecret());
    const good = await verifyPassword(password, user?.passwordHash ?? (await this.dummyHash));
    if (!good || !user || user.disabledAt) {
      this.throttle.fail(tried, from);
      this.audit.record(anonymous('password', from), 'login.failed', `user ${tried}`, {
        reason: !user ? 'no such user' : user.disabledAt ? 'user disabled' : 'wrong password',
      });
      return { ok: false };
    }
    this.throttle.succeed(tried);
    return { ok: true, ...this.openSession({ user: user.name, role: user.role, via: 'password', userId: user.id }, from) };
  }

  /** Sign-in with a token (the one-time link, DRAWDOWN_TOKEN or an API token), exchanged for a session cookie. */
  signInWithToken(token: string, from: string): SignIn {
    const retryAfter = this.throttle.retryAfter(undefined, from);
    if (retryAfter > 0) return { ok: false, retryAfter };
    const hash = sha256(token);
    const link = this.links.get(hash);
    let principal: Principal | undefined;
    if (link !== undefined) {
      this.links.delete(hash); // once only, even when it has expired
      if (link > this.now().getTime()) principal = { user: LOCAL_USER, role: 'admin', via: 'link', userId: null };
    } else {
      principal = this.bearer(token);
    }
    if (!principal) {
      this.throttle.fail(undefined, from);
      this.audit.record(anonymous('token', from), 'login.failed', 'token', {
        reason: link !== undefined ? 'the login link has expired' : 'unknown, used or revoked token',
      });
      return { ok: false };
    }
    return { ok: true, ...this.openSession(principal, from) };
  }

  signOut(p: Principal, from: string): void {
    if (!p.sessionId) return;
    this.store.transaction(() => {
      this.store.access.deleteSession(p.sessionId!);
      this.audit.record(actorOf(p, from), 'logout', `user ${p.user}`);
    });
  }

  /** Who a session cookie's secret is; undefined when unknown, expired or its user is disabled. */
  session(secret: string): Principal | undefined {
    const id = sha256(secret);
    const s = this.store.access.getSession(id);
    if (!s) return undefined;
    const now = this.now().getTime();
    if (Date.parse(s.expiresAt) <= now || Date.parse(s.lastSeenAt) + SESSION_IDLE_MS <= now) {
      this.store.access.deleteSession(id);
      return undefined;
    }
    let role = s.role;
    if (s.userId !== null) {
      // the role is read again on every request, so a change or a disable applies at once
      const user = this.store.access.getUser(s.userId);
      if (!user || user.disabledAt) return undefined;
      role = user.role;
    }
    if (Date.parse(s.lastSeenAt) + TOUCH_EVERY_MS <= now) this.store.access.touchSession(id, new Date(now).toISOString());
    return { user: s.principal, role, via: s.via as Principal['via'], userId: s.userId, sessionId: id };
  }

  /** Who a bearer token is: DRAWDOWN_TOKEN (automation, admin) or a stored API token of a live user. */
  bearer(token: string): Principal | undefined {
    if (this.adminToken !== undefined && sameSecret(token, this.adminToken)) {
      return { user: AUTOMATION_USER, role: 'admin', via: 'env-token', userId: null };
    }
    if (!token.startsWith(TOKEN_PREFIX)) return undefined;
    const row = this.store.access.findTokenByHash(sha256(token));
    if (!row || row.revokedAt) return undefined;
    const user = this.store.access.getUser(row.userId);
    if (!user || user.disabledAt) return undefined;
    if (!row.lastUsedAt || Date.parse(row.lastUsedAt) + TOUCH_EVERY_MS <= this.now().getTime()) this.store.access.touchToken(row.id, this.now().toISOString());
    return { user: user.name, role: user.role, via: 'token', userId: user.id };
  }

  private openSession(p: Principal, from: string): { session: string; principal: Principal; expiresAt: string } {
    const secret = newSecret();
    const id = sha256(secret);
    const now = this.now();
    const expiresAt = new Date(now.getTime() + SESSION_MAX_MS).toISOString();
    this.store.transaction(() => {
      this.store.access.deleteExpiredSessions(now.toISOString());
      this.store.access.addSession({
        id, userId: p.userId, principal: p.user, role: p.role, via: p.via, remote: from,
        createdAt: now.toISOString(), lastSeenAt: now.toISOString(), expiresAt,
      });
      this.audit.record({ user: p.user, role: p.role, via: p.via as Via, from }, 'login', `user ${p.user}`);
    });
    return { session: secret, principal: { ...p, sessionId: id }, expiresAt };
  }
}

function notFound(name: string): { ok: false; issues: Issue[]; status: 'not_found' } {
  return { ok: false, status: 'not_found', issues: [{ path: 'name', code: 'unknown_ref', value: clean(name, 80), message: `no user "${clean(name, 64)}"` }] };
}

function forbidden(message: string): { ok: false; issues: Issue[]; status: 'forbidden' } {
  return { ok: false, status: 'forbidden', issues: [{ path: '', code: 'usage', message }] };
}
