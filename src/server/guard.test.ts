// The API as an attacker probes it: every route without a sign-in, every write as a viewer, writes
// from another site, Host headers of another name, and the headers every answer carries.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PACKAGE_ROOT, Workspace, type Role } from '../app/index.ts';
import { createApp } from './app.ts';
import { ROUTES, ruleFor } from './routes.ts';
import { serve } from './serve.ts';
import { smallYaml, tempDir, TEST_ADMIN_TOKEN, withToken } from './testkit.ts';

const PASSWORD = 'correct horse battery staple';
const CLI = { user: 'cli:test', role: 'admin' as const, via: 'cli' as const, from: 'local' };

/** A workspace with one scenario, a viewer and a planner (each with an API token). */
async function setup(roles: readonly ('viewer' | 'planner')[] = ['viewer', 'planner']) {
  const workspace = Workspace.open({ db: ':memory:', log: () => {}, adminToken: TEST_ADMIN_TOKEN });
  const app = createApp({ workspace, webRoot: join(tempDir(), 'no-dist'), log: () => {}, clientAddress: () => '::ffff:10.0.0.9' });
  const tokens = {} as Record<Role, string>;
  for (const [name, role] of ([['vera', 'viewer'], ['paul', 'planner']] as const).filter(([, r]) => roles.includes(r))) {
    assert.ok((await workspace.access.addUser(name, role, PASSWORD, CLI)).ok);
    const t = workspace.access.createToken(name, 'test', CLI);
    assert.ok(t.ok);
    tokens[role] = t.value.token;
  }
  tokens.admin = TEST_ADMIN_TOKEN;
  assert.ok(workspace.createScenario('yaml', smallYaml('shared')).ok);
  const as = (role: Role | null, method: string, path: string, init: RequestInit = {}) =>
    app.request(path, role ? withToken({ method, ...init }, tokens[role]) : { method, ...init });
  return { workspace, app, tokens, as };
}

// the tests that only read share one workspace: each user costs a scrypt hash (about 0.7 s)
let shared: ReturnType<typeof setup> | undefined;
const readOnly = () => (shared ??= setup());

const concrete = (path: string) => path.replace(':id', '1').replace(':name', 'vera');

test('every route the app registers is in the role table, and the table names no route the app lacks', async () => {
  const { app } = await readOnly();
  const registered = new Set(app.routes.filter((r) => !r.path.includes('*')).map((r) => `${r.method} ${r.path}`));
  const table = new Set(ROUTES.map((r) => `${r.method} ${r.path}`));
  assert.deepEqual([...registered].filter((r) => !table.has(r)), [], 'routes without a role');
  assert.deepEqual([...table].filter((r) => !registered.has(r)), [], 'roles for routes that do not exist');
  assert.equal(ruleFor('GET', '/api/nothing-here'), undefined);
  const { openApiDocument } = await import('./openapi.ts');
  const documented = Object.entries(openApiDocument('x').paths).flatMap(([path, item]) => Object.keys(item).map((m) => `${m.toUpperCase()} ${path.replace(/\{(\w+)\}/g, ':$1')}`));
  assert.deepEqual(documented.sort(), [...table].sort(), 'the OpenAPI document names every route of the table');
});

test('docs/security.md lists the role of every route exactly as routes.ts has it', () => {
  const doc = readFileSync(join(PACKAGE_ROOT, 'docs', 'security.md'), 'utf8');
  const rows = [...doc.matchAll(/^\| `(GET|POST|PATCH|DELETE)` \| `([^`]+)` \| (\w+) \|/gm)].map((m) => `${m[1]} ${m[2]} ${m[3]}`);
  assert.deepEqual(rows, ROUTES.map((r) => `${r.method} ${r.path} ${r.need}`));
});

test('anonymous: 401 on every route but health and sign-in; an unknown API path needs a sign-in too', async () => {
  const { as } = await readOnly();
  for (const r of ROUTES) {
    const res = await as(null, r.method, concrete(r.path));
    if (r.need === 'public') {
      assert.notEqual(res.status, 401, `${r.method} ${r.path} is open`);
      continue;
    }
    assert.equal(res.status, 401, `${r.method} ${r.path}`);
    assert.equal(res.headers.get('www-authenticate'), 'Bearer realm="drawdown"');
    assert.equal(((await res.json()) as { code: string }).code, 'unauthenticated');
  }
  assert.equal((await as(null, 'GET', '/api/health')).status, 200);
  assert.equal((await as(null, 'GET', '/api/nothing-here')).status, 401);
  assert.equal((await as(null, 'GET', '/api/scenarios', { headers: { authorization: 'Bearer ddt_forged' } })).status, 401);
  assert.equal((await as(null, 'GET', '/')).status, 200, 'the page itself (its sign-in form) is open');
});

test('a viewer reads but cannot write; a planner writes but cannot manage users; each refusal is audited', async () => {
  const { as, workspace } = await readOnly();
  const rank: Role[] = ['viewer', 'planner', 'admin'];
  for (const role of ['viewer', 'planner'] as const) {
    for (const r of ROUTES) {
      if (r.need === 'public') continue;
      const res = await as(role, r.method, concrete(r.path));
      if (rank.indexOf(r.need) > rank.indexOf(role)) assert.equal(res.status, 403, `${role} ${r.method} ${r.path}`);
      else assert.ok(res.status !== 401 && res.status !== 403, `${role} ${r.method} ${r.path}: ${res.status}`);
    }
  }
  const viewerWrites = ROUTES.filter((r) => r.method !== 'GET' && r.need !== 'viewer' && r.need !== 'public');
  assert.ok(viewerWrites.length >= 7);
  const denied = workspace.audit.list({ action: 'denied', user: 'vera', limit: 1000 });
  assert.equal(denied.length, ROUTES.filter((r) => r.need === 'planner' || r.need === 'admin').length);
  assert.deepEqual([denied[0].from, denied[0].role], ['10.0.0.9', 'viewer']);
  assert.equal((await as('viewer', 'POST', '/api/scenarios', { body: smallYaml('sneaky'), headers: { 'content-type': 'application/yaml' } })).status, 403);
  assert.equal(workspace.listScenarios().length, 1, 'nothing was saved');
  assert.equal((await as('admin', 'GET', '/api/nothing-here')).status, 404);
  assert.equal((await as('planner', 'GET', '/api/nothing-here')).status, 403, 'a route missing from the table needs admin');
});

test('writes from another site are refused even with a valid session cookie; text/plain and form bodies are refused', async () => {
  const { app, workspace } = await setup([]);
  const signedIn = await app.request('/api/session', { method: 'POST', body: JSON.stringify({ token: workspace.access.issueLink() }), headers: { 'content-type': 'application/json', origin: 'http://localhost' } });
  assert.equal(signedIn.status, 200);
  const cookie = signedIn.headers.get('set-cookie')!;
  assert.match(cookie, /^__Host-drawdown=[\w-]{43}; Path=\/; HttpOnly; SameSite=Strict; Max-Age=604800; Secure$/);
  const session = cookie.split(';')[0];
  const save = (headers: Record<string, string>, body = smallYaml('from a page')) =>
    app.request('/api/scenarios', { method: 'POST', body, headers: { cookie: session, 'content-type': 'application/yaml', ...headers } });

  assert.equal((await save({ origin: 'http://localhost', 'sec-fetch-site': 'same-origin' })).status, 201, 'our own page may');
  for (const headers of <Record<string, string>[]>[
    { origin: 'http://evil.example', 'sec-fetch-site': 'cross-site' },
    { origin: 'http://evil.example' },
    { origin: 'null' },
    { origin: 'http://localhost:9999' },
    { 'sec-fetch-site': 'same-site' },
    {}, // a cookie without Origin is no page of ours
  ]) {
    const r = await save(headers);
    assert.equal(r.status, 403, JSON.stringify(headers));
    assert.equal(((await r.json()) as { code: string }).code, 'cross_site');
  }
  for (const type of ['text/plain', 'text/plain; charset=utf-8', 'application/x-www-form-urlencoded']) {
    const r = await save({ origin: 'http://localhost', 'content-type': type });
    assert.equal(r.status, 415, type);
  }
  // reads stay fine with the cookie, and a script with a token needs no Origin
  assert.equal((await app.request('/api/scenarios', { headers: { cookie: session } })).status, 200);
  assert.equal((await app.request('/api/scenarios', withToken({ method: 'POST', body: smallYaml('script'), headers: { 'content-type': 'application/yaml' } }))).status, 201);
  assert.deepEqual(workspace.listScenarios().map((s) => s.name), ['shared', 'from a page', 'script']);
});

test('a Host the server does not answer for is 421 (DNS rebinding), in memory and over a real port', async () => {
  const { app } = await readOnly();
  const r = await app.request('http://attacker.example/api/health');
  assert.equal(r.status, 421);
  assert.match(((await r.json()) as { error: string }).error, /attacker\.example/);
  assert.equal((await app.request('http://127.0.0.1/api/health')).status, 200);
  const h = await serve({ port: 0, db: ':memory:', log: () => {} });
  try {
    const { request } = await import('node:http');
    const status = (host: string) => new Promise<number>((resolve, reject) => {
      request({ port: h.port, host: '127.0.0.1', path: '/api/health', headers: { host } }, (res) => (res.resume(), resolve(res.statusCode!))).on('error', reject).end();
    });
    assert.equal(await status(`rebound.attacker.example:${h.port}`), 421);
    assert.equal(await status(`localhost:${h.port}`), 200);
    assert.equal(await status(`127.0.0.1:${h.port}`), 200);
  } finally {
    await h.close();
  }
});

test('every answer carries the CSP without inline script, frame-ancestors none, nosniff and a referrer policy', async () => {
  const { as } = await readOnly();
  for (const [role, path] of [[null, '/'], [null, '/api/health'], [null, '/api/scenarios'], ['viewer', '/api/scenarios'], ['viewer', '/api/nope'], [null, '/missing.js']] as const) {
    const r = await as(role, 'GET', path);
    const csp = r.headers.get('content-security-policy')!;
    assert.match(csp, /script-src 'self'(;|$)/, path);
    assert.doesNotMatch(csp, /unsafe-inline|unsafe-eval/);
    assert.match(csp, /frame-ancestors 'none'/);
    assert.equal(r.headers.get('x-content-type-options'), 'nosniff');
    assert.equal(r.headers.get('referrer-policy'), 'no-referrer');
    assert.equal(r.headers.get('x-frame-options'), 'DENY');
    if (path.startsWith('/api/')) assert.equal(r.headers.get('cache-control'), 'no-store');
  }
});

test('sign-in: the start link once, then a cookie; sign-out ends it; 30 bad tokens from one address get 429', async () => {
  const { app, workspace } = await setup(['planner']);
  const post = (body: unknown) => app.request('/api/session', { method: 'POST', body: JSON.stringify(body), headers: { 'content-type': 'application/json', origin: 'http://localhost' } });
  const link = workspace.access.issueLink();
  const first = await post({ token: link });
  assert.equal(first.status, 200);
  const who = (await first.json()) as { user: string; role: string; via: string };
  assert.deepEqual([who.user, who.role, who.via], ['local', 'admin', 'link']);
  const cookie = first.headers.get('set-cookie')!.split(';')[0];
  const again = await post({ token: link });
  assert.equal(again.status, 401, 'a login link works once');
  const me = await app.request('/api/session', { headers: { cookie } });
  assert.deepEqual(((await me.json()) as { user: string }).user, 'local');
  const out = await app.request('/api/session', { method: 'DELETE', headers: { cookie, origin: 'http://localhost' } });
  assert.equal(out.status, 200);
  assert.match(out.headers.get('set-cookie')!, /__Host-drawdown=; .*Max-Age=0/);
  assert.equal((await app.request('/api/session', { headers: { cookie } })).status, 401, 'the cookie is useless after sign-out');
  assert.equal((await post({ name: 'paul', password: 'not his password' })).status, 401);
  assert.equal((await post({ name: 'paul', extra: 1 })).status, 400);
  for (let i = 0; i < 28; i++) assert.equal((await post({ token: `ddt_guess${i}` })).status, 401);
  const limited = await post({ token: workspace.access.issueLink() });
  assert.equal(limited.status, 429);
  assert.ok(Number(limited.headers.get('retry-after')) > 0);
  const failed = workspace.audit.list({ action: 'login.failed', limit: 1000 });
  assert.equal(failed.length, 30);
  assert.ok(failed.every((r) => r.from === '10.0.0.9'));
});

test('a cookie on a plain-http network address is not Secure (the browser would drop it) and has no __Host- prefix', async () => {
  const workspace = Workspace.open({ db: ':memory:', log: () => {} });
  const app = createApp({ workspace, webRoot: join(tempDir(), 'none'), log: () => {}, hosts: ['10.0.0.5'] });
  const r = await app.request('http://10.0.0.5/api/session', { method: 'POST', body: JSON.stringify({ token: workspace.access.issueLink() }), headers: { 'content-type': 'application/json', origin: 'http://10.0.0.5' } });
  assert.equal(r.status, 200);
  assert.match(r.headers.get('set-cookie')!, /^drawdown=[\w-]{43}; Path=\/; HttpOnly; SameSite=Strict; Max-Age=604800$/);
  assert.equal((await app.request('http://localhost/api/health')).status, 421, 'only the hosts given');
});

test('every change made through the API is in the trail with its user, readable as JSON and CSV, and the chain verifies', async () => {
  const { as, workspace } = await setup(['planner']);
  const json = async (r: Response | Promise<Response>) => (await (await r).json()) as any;
  const yaml = { 'content-type': 'application/yaml' };
  assert.equal((await as('planner', 'POST', '/api/scenarios/1/versions?baseVersion=1', { body: smallYaml('shared', 5), headers: yaml })).status, 201);
  const plan = await json(as('planner', 'POST', '/api/scenarios/1/plans', { body: '{}', headers: { 'content-type': 'application/json' } }));
  await workspace.idle();
  assert.equal((await as('planner', 'GET', `/api/plans/${plan.id}/export?what=transfers&format=csv`)).status, 200);
  assert.equal((await as('planner', 'GET', '/api/scenarios/1/export?format=csv')).status, 200);
  const made = await json(as('admin', 'POST', '/api/users', { body: JSON.stringify({ name: 'nina', role: 'viewer', password: PASSWORD }), headers: { 'content-type': 'application/json' } }));
  assert.deepEqual([made.name, made.role], ['nina', 'viewer']);
  const token = await json(as('admin', 'POST', '/api/tokens', { body: JSON.stringify({ user: 'nina', label: 'laptop' }), headers: { 'content-type': 'application/json' } }));
  assert.match(token.token, /^ddt_/);
  assert.equal((await as('admin', 'DELETE', `/api/tokens/${token.id}`)).status, 200);
  assert.equal((await as('admin', 'PATCH', '/api/users/nina', { body: JSON.stringify({ role: 'planner' }), headers: { 'content-type': 'application/json' } })).status, 200);
  assert.equal((await as('admin', 'DELETE', '/api/users/nina')).status, 200);

  const rows = await json(as('planner', 'GET', '/api/audit?limit=50'));
  const seen = rows.map((r: any) => [r.user, r.action, r.target]).reverse().filter((r: string[]) => r[0] !== 'cli:test');
  assert.deepEqual(seen, [
    ['drawdown', 'scenario.create', 'scenario 1 version 1'],
    ['paul', 'scenario.version', 'scenario 1 version 2'],
    ['paul', 'plan.request', `plan ${plan.id}`],
    ['paul', 'export', `plan ${plan.id}`],
    ['paul', 'export', 'scenario 1 version 2'],
    ['automation', 'user.add', 'user nina'],
    ['automation', 'token.create', `token ${token.id}`],
    ['automation', 'token.revoke', `token ${token.id}`],
    ['automation', 'user.role', 'user nina'],
    ['automation', 'user.disable', 'user nina'],
  ]);
  for (const r of rows) {
    assert.deepEqual(Object.keys(r).sort(), ['action', 'at', 'detail', 'from', 'hash', 'id', 'role', 'target', 'user', 'via']);
  }
  assert.deepEqual(rows.find((r: any) => r.action === 'export' && r.target.startsWith('plan')).detail, { what: 'transfers', format: 'csv', scenario: 1, version: 2 });
  assert.equal(rows.find((r: any) => r.action === 'scenario.version').from, '10.0.0.9');
  assert.deepEqual((await json(as('planner', 'GET', '/api/audit?user=paul&action=plan'))).map((r: any) => r.action), ['plan.request']);
  assert.equal((await as('planner', 'GET', '/api/audit?limit=0')).status, 400);
  const check = await json(as('planner', 'GET', '/api/audit/verify'));
  assert.deepEqual([check.ok, check.rows], [true, rows.length]);
  const csv = await as('planner', 'GET', '/api/audit.csv');
  assert.match(csv.headers.get('content-disposition')!, /^attachment; filename="drawdown-audit-\d{4}-\d\d-\d\d\.csv"$/);
  const lines = (await csv.text()).trim().split('\r\n');
  assert.equal(lines.length, rows.length + 2, 'a header, every row, and the export itself');
  assert.match(lines.at(-1)!, /,paul,planner,token,audit\.export,audit trail,/);
});

test('a save based on an old version answers 409 with who saved what since; nothing is overwritten', async () => {
  const { as, workspace } = await setup(['planner']);
  const yaml = { 'content-type': 'application/yaml' };
  const edited = smallYaml('shared', 3).replace('deadline: 2024-09-15', 'deadline: 2024-08-31');
  assert.equal((await as('planner', 'POST', '/api/scenarios/1/versions?baseVersion=1', { body: edited, headers: yaml })).status, 201);
  const late = await as('admin', 'POST', '/api/scenarios/1/versions?baseVersion=1', { body: smallYaml('shared', 9), headers: yaml });
  assert.equal(late.status, 409);
  const body = (await late.json()) as any;
  assert.equal(body.code, 'conflict');
  assert.match(body.error, /^version 2 was saved by paul at .* after version 1, which this edit started from: nothing was saved$/);
  assert.deepEqual([body.baseVersion, body.latest.version, body.latest.createdBy, body.since.map((v: any) => v.version)], [1, 2, 'paul', [2]]);
  assert.deepEqual(body.changes, [{ path: 'agreements[NE].deadline', before: '"2024-09-15"', after: '"2024-08-31"' }]);
  assert.equal(workspace.getScenario(1)!.scenario.items[0].quantity, 3, 'the later save did not land');
  const missing = await as('planner', 'POST', '/api/scenarios/1/versions', { body: smallYaml('shared', 9), headers: yaml });
  assert.equal(missing.status, 400);
  assert.match(((await missing.json()) as any).issues[0].message, /baseVersion=N \(the latest is 2\)/);
  assert.equal((await as('planner', 'POST', '/api/scenarios/1/versions?baseVersion=2', { body: smallYaml('shared', 9), headers: yaml })).status, 201);
});

test('serving beyond this machine needs a user first; then it answers for this machine\'s names', async () => {
  const db = join(tempDir(), 'w.db');
  await assert.rejects(serve({ port: 0, db, hostname: '0.0.0.0', log: () => {} }), /needs users first: drawdown users add NAME --role admin --db/);
  const w = Workspace.open({ db, log: () => {} });
  assert.ok((await w.access.addUser('admin1', 'admin', PASSWORD, CLI)).ok);
  await w.close();
  const h = await serve({ port: 0, db, hostname: '0.0.0.0', allowHosts: ['drawdown.cell.example'], log: () => {} });
  try {
    assert.ok(h.hosts.includes('localhost') && h.hosts.includes('drawdown.cell.example'), h.hosts.join(' '));
    assert.ok(h.hosts.some((x) => /^\d+\.\d+\.\d+\.\d+$/.test(x) && x !== '127.0.0.1') || h.hosts.length > 4, 'the machine\'s own addresses');
  } finally {
    await h.close();
  }
});
