import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { PACKAGE_ROOT, Workspace, type Planner } from '../app/index.ts';
import { createApp, type AppDeps } from './app.ts';
import { BROKEN_YAML, smallObject, smallYaml, tempDir, TEST_ADMIN_TOKEN, withToken } from './testkit.ts';

const version = (JSON.parse(readFileSync(join(PACKAGE_ROOT, 'package.json'), 'utf8')) as { version: string }).version;

function setup(deps: Partial<AppDeps> & { planner?: Planner } = {}) {
  const logged: string[] = [];
  const log = (m: string) => void logged.push(m);
  const workspace = Workspace.open({ db: ':memory:', log, adminToken: TEST_ADMIN_TOKEN, ...(deps.planner ? { planner: deps.planner } : {}) });
  const app = createApp({ workspace, webRoot: join(tempDir(), 'no-dist'), log, ...deps });
  const call = async (method: string, path: string, body?: unknown, type = 'application/json') => {
    const init: RequestInit = { method };
    if (body !== undefined) {
      init.body = typeof body === 'string' ? body : JSON.stringify(body);
      init.headers = { 'content-type': type };
    }
    const res = await app.request(path, withToken(init));
    const text = await res.text();
    let json: any;
    try { json = JSON.parse(text); } catch { json = undefined; }
    return { status: res.status, json, text, type: res.headers.get('content-type') ?? '' };
  };
  return { workspace, app, call, logged };
}

async function untilSettled(call: ReturnType<typeof setup>['call'], planId: number) {
  for (let i = 0; i < 600; i++) {
    const r = await call('GET', `/api/plans/${planId}`);
    if (r.status !== 202) return r;
    await new Promise((res) => setTimeout(res, 50));
  }
  assert.fail(`plan ${planId} still running after 30 s`);
}

test('health answers ok with the package version', async () => {
  const { call } = setup();
  assert.deepEqual((await call('GET', '/api/health')).json, { ok: true, version });
});

test('scenarios are created from JSON and from YAML, listed, and read back with their original text', async () => {
  const { call } = setup();
  const a = await call('POST', '/api/scenarios', smallObject('from json'));
  assert.equal(a.status, 201);
  assert.deepEqual([a.json.id, a.json.version, a.json.warnings], [1, 1, []]);
  const yaml = smallYaml('from yaml');
  for (const type of ['application/yaml', 'text/yaml', 'application/x-yaml; charset=utf-8']) {
    const b = await call('POST', '/api/scenarios', yaml, type);
    assert.equal(b.status, 201, type);
  }
  const list = await call('GET', '/api/scenarios');
  assert.deepEqual(list.json.map((s: any) => [s.id, s.name, s.version, s.versions, s.latestPlan]), [
    [1, 'from json', 1, 1, null], [2, 'from yaml', 1, 1, null], [3, 'from yaml', 1, 1, null], [4, 'from yaml', 1, 1, null],
  ]);
  const got = await call('GET', '/api/scenarios/2');
  assert.equal(got.status, 200);
  assert.equal(got.json.text, yaml);
  assert.equal(got.json.format, 'yaml');
  assert.equal(got.json.scenario.items[0].quantity, 3);
  assert.equal(got.json.scenario.policy.passengerKg, 100, 'the stored scenario is the normalised one');
  assert.equal((await call('GET', '/api/scenarios/1')).json.format, 'json');
});

test('a broken scenario is refused with every mistake, its path and its line, and nothing is saved', async () => {
  const { call } = setup();
  const r = await call('POST', '/api/scenarios', BROKEN_YAML, 'application/yaml');
  assert.equal(r.status, 400);
  assert.deepEqual(r.json.issues.map((i: any) => [i.path, i.line]), [['personnel[0].role', 8], ['items[0].unitWeightKg', 10], ['items[1].site', 11]]);
  assert.match(r.json.issues[1].message, /-4/);
  const badJson = await call('POST', '/api/scenarios', '{"name": "x",', 'application/json');
  assert.equal(badJson.status, 400);
  assert.match(badJson.json.issues[0].message, /^JSON syntax/);
  const wrongType = await call('POST', '/api/scenarios', 'x', 'application/pdf');
  assert.equal(wrongType.status, 400);
  assert.match(wrongType.json.issues[0].message, /Content-Type/);
  assert.equal((await call('POST', '/api/scenarios', '', 'application/yaml')).status, 400);
  assert.deepEqual((await call('GET', '/api/scenarios')).json, []);
});

test('validate reports issues or warnings without saving', async () => {
  const { call } = setup();
  const bad = await call('POST', '/api/validate', BROKEN_YAML, 'text/yaml');
  assert.equal(bad.status, 200);
  assert.equal(bad.json.ok, false);
  assert.equal(bad.json.issues.length, 3);
  assert.deepEqual(bad.json.warnings, []);
  const good = await call('POST', '/api/validate', smallObject());
  assert.deepEqual([good.json.ok, good.json.issues], [true, []]);
  assert.ok(Array.isArray(good.json.warnings));
  assert.deepEqual((await call('GET', '/api/scenarios')).json, []);
});

test('a new version is added, the old one still reads, and bad ids or versions are refused', async () => {
  const { call } = setup();
  await call('POST', '/api/scenarios', smallYaml('first', 3), 'application/yaml');
  const v2 = await call('POST', '/api/scenarios/1/versions?baseVersion=1', smallYaml('second', 7), 'application/yaml');
  assert.equal(v2.status, 201);
  assert.deepEqual([v2.json.id, v2.json.version], [1, 2]);
  const latest = await call('GET', '/api/scenarios/1');
  assert.deepEqual([latest.json.version, latest.json.name, latest.json.scenario.items[0].quantity], [2, 'second', 7]);
  assert.deepEqual(latest.json.versions.map((v: any) => v.version), [1, 2]);
  const old = await call('GET', '/api/scenarios/1?version=1');
  assert.deepEqual([old.json.version, old.json.name, old.json.text], [1, 'first', smallYaml('first', 3)]);
  assert.equal((await call('GET', '/api/scenarios/1?version=3')).status, 404);
  assert.deepEqual((await call('GET', '/api/scenarios/1?version=two')).json.issues.map((i: any) => i.path), ['version']);
  assert.equal((await call('POST', '/api/scenarios/9/versions?baseVersion=1', smallYaml(), 'application/yaml')).status, 404);
  const broken = await call('POST', '/api/scenarios/1/versions?baseVersion=2', BROKEN_YAML, 'application/yaml');
  assert.deepEqual([broken.status, broken.json.issues.length], [400, 3]);
  assert.equal((await call('GET', '/api/scenarios')).json[0].versions, 2);
});

test('a plan that fails is recorded as failed with the first line of its error; the details go to the log', async () => {
  const { call, logged } = setup({ planner: () => { throw new Error('ran out of tails\n    at schedule (scheduler.ts:1:1)'); } });
  await call('POST', '/api/scenarios', smallObject());
  const started = await call('POST', '/api/scenarios/1/plans', { seed: 5 });
  assert.equal(started.status, 202);
  assert.deepEqual(started.json, { id: 1, status: 'running', scenarioId: 1, version: 1 });
  const settled = await untilSettled(call, 1);
  assert.equal(settled.status, 409);
  assert.deepEqual(settled.json, { id: 1, status: 'failed', error: 'planning failed: ran out of tails' });
  assert.equal(logged.length, 1);
  const meta = await call('GET', '/api/plans/1/meta');
  assert.deepEqual([meta.json.status, meta.json.seed, meta.json.scenarioId, meta.json.version], ['failed', 5, 1, 1]);
  assert.ok(meta.json.finishedAt >= meta.json.createdAt);
  const list = await call('GET', '/api/scenarios/1/plans');
  assert.deepEqual(list.json.map((p: any) => [p.id, p.status, p.sorties]), [[1, 'failed', null]]);
});

test('plan requests are checked: unknown scenario or version, bad body', async () => {
  const { call } = setup();
  await call('POST', '/api/scenarios', smallObject());
  assert.equal((await call('POST', '/api/scenarios/2/plans', {})).status, 404);
  assert.equal((await call('POST', '/api/scenarios/1/plans', { version: 4 })).status, 404);
  const bad = await call('POST', '/api/scenarios/1/plans', { seed: 'x', version: 0 });
  assert.equal(bad.status, 400);
  assert.deepEqual(bad.json.issues.map((i: any) => i.path).sort(), ['seed', 'version']);
  assert.equal((await call('POST', '/api/scenarios/1/plans', '{', 'application/json')).status, 400);
  assert.equal((await call('GET', '/api/scenarios/2/plans')).status, 404);
  assert.deepEqual((await call('GET', '/api/scenarios/1/plans')).json, []);
});

test('a plan of scenarios/tiny.yaml runs to done and reads back in the formats.md shape', async () => {
  const { call } = setup();
  const text = readFileSync(join(PACKAGE_ROOT, 'scenarios', 'tiny.yaml'), 'utf8');
  const created = await call('POST', '/api/scenarios', text, 'application/yaml');
  assert.equal(created.status, 201, JSON.stringify(created.json));
  const started = await call('POST', '/api/scenarios/1/plans', { seed: 1 });
  assert.equal(started.status, 202);
  const done = await untilSettled(call, started.json.id);
  assert.equal(done.status, 200, done.text);
  assert.match(done.type, /application\/json/);
  assert.equal(done.json.formatVersion, 1);
  assert.ok(done.json.sorties.length > 0);
  assert.ok(Array.isArray(done.json.violations));
  const meta = (await call('GET', `/api/plans/${started.json.id}/meta`)).json;
  assert.deepEqual([meta.status, meta.sorties, meta.feasible, meta.closure, meta.costUsd],
    ['done', done.json.sorties.length, done.json.feasible, done.json.closure, done.json.metrics.costUsd]);
  const listed = (await call('GET', '/api/scenarios')).json[0].latestPlan;
  assert.deepEqual(listed, { id: started.json.id, version: 1, status: 'done', feasible: done.json.feasible, closure: done.json.closure });

  const verdict = await call('POST', '/api/verify', { scenarioText: text, plan: done.json });
  assert.equal(verdict.status, 200);
  assert.deepEqual(verdict.json, { valid: done.json.violations.length === 0, violations: done.json.violations });
  const late = structuredClone(done.json);
  late.sorties[0].departs = '2023-01-01T00:00:00Z';
  const caught = await call('POST', '/api/verify', { scenarioId: 1, plan: late });
  assert.equal(caught.json.valid, false);
  assert.ok(caught.json.violations.length > 0);
});

test('verify checks a plan against a scenario given as an object, as text, or by id', async () => {
  const { call } = setup();
  await call('POST', '/api/scenarios', smallObject());
  // a well-formed plan that moves nothing: the verifier must find the people and generators left behind
  const empty = {
    formatVersion: 1, scenario: 'small', feasible: true, closure: null, siteClosures: [], dispositions: [], handovers: [],
    pallets: [], sorties: [],
    metrics: { sorties: 0, flyingHours: 0, costUsd: 0, transferValueUsd: 0, retrogradeValueUsd: 0, demilitarizedValueUsd: 0, palletsBuilt: 0 },
    bounds: { sorties: { value: 0, basis: 'x' }, closure: { value: null, basis: 'x' } }, violations: [],
  };
  for (const given of [{ scenario: smallObject() }, { scenarioText: smallYaml() }, { scenarioId: 1 }, { scenarioId: 1, version: 1 }]) {
    const r = await call('POST', '/api/verify', { ...given, plan: empty });
    assert.equal(r.status, 200, JSON.stringify(r.json));
    assert.equal(r.json.valid, false);
    assert.ok(r.json.violations.some((v: any) => v.rule.startsWith('conservation')), JSON.stringify(r.json.violations));
    assert.ok(r.json.violations.some((v: any) => v.rule === 'claims.feasible'));
  }
  assert.equal((await call('POST', '/api/verify', { scenarioId: 7, plan: empty })).status, 404);
});

test('verify names every problem of both documents in one 400', async () => {
  const { call } = setup();
  const r = await call('POST', '/api/verify', { scenarioText: BROKEN_YAML, plan: { formatVersion: 2, sorties: 'none' } });
  assert.equal(r.status, 400);
  const paths = r.json.issues.map((i: any) => i.path);
  assert.deepEqual(paths.slice(0, 3), ['scenario.personnel[0].role', 'scenario.items[0].unitWeightKg', 'scenario.items[1].site']);
  assert.equal(r.json.issues[1].line, 10);
  assert.ok(paths.includes('plan.formatVersion') && paths.includes('plan.sorties'), paths.join(' '));
  const neither = await call('POST', '/api/verify', { plan: {} });
  assert.equal(neither.status, 400);
  assert.match(neither.json.issues[0].message, /exactly one of/);
  const stray = await call('POST', '/api/verify', { scenarioId: 1, plan: {}, extra: true });
  assert.equal(stray.status, 400);
});

test('the OpenAPI document is 3.1, names every route, and every reference resolves', async () => {
  const { call } = setup();
  const doc = (await call('GET', '/api/openapi.json')).json;
  assert.equal(doc.openapi, '3.1.0');
  assert.equal(doc.info.version, version);
  assert.deepEqual(Object.keys(doc.paths).sort(), [
    '/api/audit', '/api/audit.csv', '/api/audit/verify',
    '/api/health', '/api/import', '/api/openapi.json', '/api/plans/{id}', '/api/plans/{id}/cancel', '/api/plans/{id}/export', '/api/plans/{id}/meta',
    '/api/scenarios', '/api/scenarios/{id}', '/api/scenarios/{id}/export', '/api/scenarios/{id}/plans', '/api/scenarios/{id}/versions',
    '/api/session', '/api/session/password', '/api/tokens', '/api/tokens/{id}', '/api/users', '/api/users/{name}',
    '/api/validate', '/api/verify',
  ]);
  const refs = JSON.stringify(doc).match(/"\$ref":"[^"]+"/g) ?? [];
  assert.ok(refs.length > 10);
  for (const r of refs) {
    const name = r.slice('"$ref":"#/components/schemas/'.length, -1);
    assert.ok(doc.components.schemas[name], `${r} resolves`);
  }
  assert.ok(doc.components.schemas.Plan.properties.sorties);
  assert.ok(doc.components.schemas.ScenarioFile.properties.items);
  assert.ok(doc.paths['/api/import'].post.requestBody.content['multipart/form-data'].schema.properties.items);
  assert.deepEqual(doc.paths['/api/plans/{id}/export'].get.parameters.map((p: any) => p.name), ['id', 'what', 'format']);
});

test('unknown API routes are 404 JSON; a body over the limit is 413 JSON', async () => {
  const { call } = setup({ maxBodyBytes: 1000 });
  for (const [method, path] of [['GET', '/api/nope'], ['DELETE', '/api/scenarios'], ['GET', '/api/plans/12'], ['GET', '/api/scenarios/abc'], ['GET', '/api/plans/1/meta'], ['POST', '/elsewhere']]) {
    const r = await call(method, path);
    assert.equal(r.status, 404, `${method} ${path}`);
    assert.match(r.type, /application\/json/);
    assert.equal(typeof r.json.error, 'string');
  }
  const big = await call('POST', '/api/validate', 'x'.repeat(2000), 'text/yaml');
  assert.equal(big.status, 413);
  assert.match(big.json.error, /1000 bytes/);
});

test('an internal failure is a bare 500 JSON; the details go to the log only', async () => {
  const { call, workspace, logged } = setup();
  await workspace.close(); // the database going away under the server is an environment failure
  const r = await call('GET', '/api/scenarios');
  assert.equal(r.status, 500);
  assert.deepEqual(r.json, { error: 'internal error', code: 'internal' });
  assert.doesNotMatch(r.text, /at |\.ts/);
  assert.equal(logged.length, 1);
  assert.match(logged[0], /GET \/api\/scenarios/);
});

test('the built page is served with content types; page routes get index.html; nothing outside it leaks', async () => {
  const root = join(tempDir(), 'dist');
  mkdirSync(join(root, 'assets'), { recursive: true });
  writeFileSync(join(root, 'index.html'), '<!doctype html><title>drawdown</title>');
  writeFileSync(join(root, 'assets', 'app-1234.js'), 'console.log(1)');
  writeFileSync(join(root, 'assets', 'app-1234.css'), 'body{}');
  writeFileSync(join(root, '..', 'secret.txt'), 'secret');
  const { app } = setup({ webRoot: root });
  const get = (p: string) => app.request(p);
  const home = await get('/');
  assert.deepEqual([home.status, home.headers.get('content-type'), await home.text()], [200, 'text/html; charset=utf-8', '<!doctype html><title>drawdown</title>']);
  const js = await get('/assets/app-1234.js');
  assert.deepEqual([js.status, js.headers.get('content-type')], [200, 'text/javascript; charset=utf-8']);
  assert.match(js.headers.get('cache-control')!, /immutable/);
  assert.equal((await get('/assets/app-1234.css')).headers.get('content-type'), 'text/css; charset=utf-8');
  const route = await get('/scenarios/3/plans/9');
  assert.deepEqual([route.status, await route.text()], [200, '<!doctype html><title>drawdown</title>']);
  assert.equal((await get('/assets/missing.js')).status, 404);
  for (const p of ['/../secret.txt', '/%2e%2e/secret.txt', '/assets/..%2f..%2fsecret.txt', '/%00']) {
    const r = await get(p);
    assert.notEqual(await r.text(), 'secret', p);
  }
});

test('without a built page, / says how to build it', async () => {
  const { app } = setup();
  const r = await app.request('/');
  assert.equal(r.status, 200);
  assert.match(await r.text(), /npm run build:web/);
});
