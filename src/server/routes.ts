// Who may call what: one row per route of the API, with the least role it needs. The guard
// (guard.ts) reads this table for every /api request; a test walks every route the app
// registers and checks it is here, that an anonymous call gets 401 and that a viewer cannot write.
// A route missing from the table needs admin (fail closed), so a new route is never open by accident.

import type { Role } from '../app/index.ts';

/** `public`: no sign-in (health answers while planning; sign-in itself). */
export type Need = Role | 'public';

export interface RouteRule {
  method: 'GET' | 'POST' | 'PATCH' | 'DELETE';
  /** Hono's path syntax: `:id` is one segment */
  path: string;
  need: Need;
  /** why, in a few words (docs/security.md prints the table) */
  what: string;
}

export const ROUTES: readonly RouteRule[] = [
  { method: 'GET', path: '/api/health', need: 'public', what: 'liveness and version' },
  { method: 'POST', path: '/api/session', need: 'public', what: 'sign in (name and password, or a token)' },
  { method: 'GET', path: '/api/session', need: 'viewer', what: 'who is signed in' },
  { method: 'DELETE', path: '/api/session', need: 'viewer', what: 'sign out' },
  { method: 'POST', path: '/api/session/password', need: 'viewer', what: 'change your own password' },
  { method: 'GET', path: '/api/openapi.json', need: 'viewer', what: 'the API description' },
  { method: 'GET', path: '/api/scenarios', need: 'viewer', what: 'list scenarios' },
  { method: 'GET', path: '/api/scenarios/:id', need: 'viewer', what: 'read a scenario version' },
  { method: 'GET', path: '/api/scenarios/:id/plans', need: 'viewer', what: 'list the plans of a scenario' },
  { method: 'GET', path: '/api/plans/:id', need: 'viewer', what: 'read a plan' },
  { method: 'GET', path: '/api/plans/:id/meta', need: 'viewer', what: 'read a plan’s status' },
  { method: 'POST', path: '/api/validate', need: 'viewer', what: 'check a scenario (saves nothing)' },
  { method: 'POST', path: '/api/verify', need: 'viewer', what: 'verify a plan (saves nothing)' },
  { method: 'GET', path: '/api/plans/:id/export', need: 'viewer', what: 'export a register or file (audited)' },
  { method: 'GET', path: '/api/scenarios/:id/export', need: 'viewer', what: 'export an inventory (audited)' },
  { method: 'POST', path: '/api/scenarios', need: 'planner', what: 'save a new scenario' },
  { method: 'POST', path: '/api/scenarios/:id/versions', need: 'planner', what: 'save a new version' },
  { method: 'POST', path: '/api/scenarios/:id/plans', need: 'planner', what: 'plan or replan a version' },
  { method: 'POST', path: '/api/plans/:id/cancel', need: 'planner', what: 'cancel a waiting or running plan (audited)' },
  { method: 'POST', path: '/api/import', need: 'planner', what: 'import a spreadsheet' },
  { method: 'GET', path: '/api/audit', need: 'planner', what: 'read the audit trail' },
  { method: 'GET', path: '/api/audit/verify', need: 'planner', what: 'check the audit chain' },
  { method: 'GET', path: '/api/audit.csv', need: 'planner', what: 'export the audit trail (audited)' },
  { method: 'GET', path: '/api/users', need: 'admin', what: 'list users' },
  { method: 'POST', path: '/api/users', need: 'admin', what: 'add a user' },
  { method: 'PATCH', path: '/api/users/:name', need: 'admin', what: 'change a user’s role or password' },
  { method: 'DELETE', path: '/api/users/:name', need: 'admin', what: 'disable a user' },
  { method: 'GET', path: '/api/tokens', need: 'admin', what: 'list tokens' },
  { method: 'POST', path: '/api/tokens', need: 'admin', what: 'create a token' },
  { method: 'DELETE', path: '/api/tokens/:id', need: 'admin', what: 'revoke a token' },
];

const compiled = ROUTES.map((r) => ({
  rule: r,
  re: new RegExp('^' + r.path.replace(/[.]/g, '\\.').replace(/:[A-Za-z]+/g, '[^/]+') + '/?$'),
}));

/** The rule for a request; undefined for a path the table does not name. HEAD is read as GET. */
export function ruleFor(method: string, pathname: string): RouteRule | undefined {
  const m = method === 'HEAD' ? 'GET' : method;
  return compiled.find((c) => c.rule.method === m && c.re.test(pathname))?.rule;
}
