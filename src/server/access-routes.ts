// Signing in and out, your own password, users and tokens (admin), and the audit trail: thin
// routes over workspace.access and workspace.audit. The role each needs is in routes.ts.

import type { Context, Hono } from 'hono';
import { z } from 'zod';
import { SESSION_MAX_MS, type Changed, type Workspace } from '../app/index.ts';
import { actor, clearedCookies, sessionCookie, type AppEnv } from './guard.ts';
import { jsonBody, positiveInt, zodIssues } from './input.ts';

const SignInSchema = z.union([
  z.strictObject({ name: z.string().max(200), password: z.string().max(1000) }),
  z.strictObject({ token: z.string().min(1).max(500) }),
]);
const PasswordSchema = z.strictObject({ current: z.string().max(1000), password: z.string().max(1000) });
const NewUserSchema = z.strictObject({ name: z.string().max(200), role: z.string().max(40), password: z.string().max(1000) });
const UserChangeSchema = z.strictObject({ role: z.string().max(40).optional(), password: z.string().max(1000).optional() });
const NewTokenSchema = z.strictObject({ user: z.string().max(200), label: z.string().max(200).optional() });
const AuditQuerySchema = z.strictObject({
  limit: z.coerce.number().int().min(1).max(1000).optional(),
  before: z.coerce.number().int().positive().optional(),
  user: z.string().max(200).optional(),
  action: z.string().max(80).optional(),
});

type Ctx = Context<AppEnv>;

async function body<T>(c: Ctx, schema: z.ZodType<T>): Promise<{ ok: true; value: T } | { ok: false; res: Response }> {
  const raw = await jsonBody(c);
  if (!raw.ok) return { ok: false, res: c.json({ issues: raw.issues }, 400) };
  const parsed = schema.safeParse(raw.value);
  if (!parsed.success) return { ok: false, res: c.json({ issues: zodIssues(parsed.error) }, 400) };
  return { ok: true, value: parsed.data };
}

function answer<T>(c: Ctx, r: Changed<T>, status: 200 | 201 = 200): Response {
  if (r.ok) return c.json(r.value as object, status);
  return c.json({ issues: r.issues }, r.status === 'not_found' ? 404 : r.status === 'forbidden' ? 403 : 400);
}

export function registerAccessRoutes(app: Hono<AppEnv>, workspace: Workspace): void {
  const { access, audit } = workspace;

  app.post('/api/session', async (c) => {
    const b = await body(c, SignInSchema);
    if (!b.ok) return b.res;
    const from = c.get('from');
    const r = 'token' in b.value ? access.signInWithToken(b.value.token, from) : await access.signIn(b.value.name, b.value.password, from);
    if (!r.ok) {
      if (r.retryAfter) {
        return c.json({ error: `too many failed sign-ins: try again in ${r.retryAfter} s`, code: 'rate_limited' }, 429, { 'retry-after': String(r.retryAfter) });
      }
      // the same answer for an unknown name and a wrong password: nobody learns which names exist
      return c.json({ error: 'token' in b.value ? 'this link or token is not valid (a login link works once): sign in with your user name and password, or restart drawdown start for a new link' : 'wrong user name or password', code: 'unauthenticated' }, 401);
    }
    c.header('set-cookie', sessionCookie(c, r.session, Math.floor(SESSION_MAX_MS / 1000)));
    return c.json({ user: r.principal.user, role: r.principal.role, via: r.principal.via, expiresAt: r.expiresAt });
  });

  app.get('/api/session', (c) => {
    const p = c.get('principal')!;
    return c.json({ user: p.user, role: p.role, via: p.via, hasPassword: p.userId !== null && p.via !== 'token' });
  });

  app.delete('/api/session', (c) => {
    access.signOut(c.get('principal')!, c.get('from'));
    for (const cookie of clearedCookies()) c.header('set-cookie', cookie, { append: true });
    return c.json({ ok: true });
  });

  app.post('/api/session/password', async (c) => {
    const b = await body(c, PasswordSchema);
    if (!b.ok) return b.res;
    return answer(c, await access.changeOwnPassword(c.get('principal')!, b.value.current, b.value.password, c.get('from')));
  });

  app.get('/api/users', (c) => c.json(access.listUsers()));

  app.post('/api/users', async (c) => {
    const b = await body(c, NewUserSchema);
    if (!b.ok) return b.res;
    return answer(c, await access.addUser(b.value.name, b.value.role, b.value.password, actor(c)), 201);
  });

  app.patch('/api/users/:name', async (c) => {
    const b = await body(c, UserChangeSchema);
    if (!b.ok) return b.res;
    const name = c.req.param('name');
    if (b.value.role === undefined && b.value.password === undefined) {
      return c.json({ issues: [{ path: '', code: 'required', message: 'give role, password or both' }] }, 400);
    }
    let r: Changed<unknown> | undefined;
    if (b.value.password !== undefined) r = await access.setPassword(name, b.value.password, actor(c));
    if (b.value.role !== undefined && (!r || r.ok)) r = access.setRole(name, b.value.role, actor(c));
    return answer(c, r!);
  });

  app.delete('/api/users/:name', (c) => answer(c, access.disableUser(c.req.param('name'), actor(c))));

  app.get('/api/tokens', (c) => c.json(access.listTokens()));

  app.post('/api/tokens', async (c) => {
    const b = await body(c, NewTokenSchema);
    if (!b.ok) return b.res;
    const r = access.createToken(b.value.user, b.value.label ?? 'token', actor(c));
    if (!r.ok) return answer(c, r);
    return c.json({ token: r.value.token, ...r.value.info }, 201);
  });

  app.delete('/api/tokens/:id', (c) => {
    const id = positiveInt(c.req.param('id'));
    if (id === undefined) return c.json({ issues: [{ path: 'id', code: 'value', value: c.req.param('id'), message: 'a token id is a number' }] }, 400);
    return answer(c, access.revokeToken(id, actor(c)));
  });

  app.get('/api/audit', (c) => {
    const q = AuditQuerySchema.safeParse(c.req.query());
    if (!q.success) return c.json({ issues: zodIssues(q.error) }, 400);
    return c.json(audit.list(q.data));
  });

  app.get('/api/audit/verify', (c) => c.json(audit.verify()));

  app.get('/api/audit.csv', (c) => {
    // recorded first, so the export holds its own row
    audit.record(actor(c), 'audit.export', 'audit trail', { rows: audit.count() + 1 });
    const day = new Date().toISOString().slice(0, 10);
    return c.body(audit.csv(), 200, {
      'content-type': 'text/csv; charset=utf-8',
      'content-disposition': `attachment; filename="drawdown-audit-${day}.csv"`,
      'cache-control': 'no-store',
    });
  });
}
