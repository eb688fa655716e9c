// Who may do what: three roles in a line (each can do what the one before it can), and the actor
// every change is recorded with. The route table in src/server/routes.ts names one role per route.

import type { Role } from '../../store/index.ts';

export type { Role };

/** viewer reads; planner edits scenarios, plans, imports and replans; admin manages users and tokens */
export const ROLES: readonly Role[] = ['viewer', 'planner', 'admin'];

export function isRole(value: unknown): value is Role {
  return typeof value === 'string' && (ROLES as readonly string[]).includes(value);
}

/** true when a holder of `has` may do what needs `needs` */
export function allows(has: Role, needs: Role): boolean {
  return ROLES.indexOf(has) >= ROLES.indexOf(needs);
}

/** how a request proved who it is */
export type Via = 'password' | 'token' | 'link' | 'env-token' | 'cli' | 'system';

/** who did something, and from where: the audit trail's who and where */
export interface Actor {
  user: string;
  role: Role | 'system' | 'anonymous';
  via: Via;
  /** the remote address, or `local` for the CLI and the server itself */
  from: string;
}

/** A signed-in request: the actor plus what the session or token is. */
export interface Principal {
  user: string;
  role: Role;
  via: Exclude<Via, 'cli' | 'system'>;
  /** null for the one-time start link (`local`) and DRAWDOWN_TOKEN (`automation`) */
  userId: number | null;
  /** the session row (a hash), when signed in by cookie */
  sessionId?: string;
}

/** The server itself: the scenario `drawdown start` loads and plans. */
export const SYSTEM: Actor = { user: 'drawdown', role: 'system', via: 'system', from: 'local' };

/** The names of the principals that have no user row; no user may take them. */
export const LOCAL_USER = 'local';
export const AUTOMATION_USER = 'automation';
export const RESERVED_NAMES: readonly string[] = [LOCAL_USER, AUTOMATION_USER, SYSTEM.user, 'system', 'anonymous', '-'];

/** Someone not signed in (a failed sign-in). */
export function anonymous(via: Via, from: string): Actor {
  return { user: 'anonymous', role: 'anonymous', via, from };
}

export function actorOf(p: Principal, from: string): Actor {
  return { user: p.user, role: p.role, via: p.via, from };
}
