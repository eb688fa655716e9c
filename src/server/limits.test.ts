// The API under inputs meant to freeze or crash it (issue 14): each is a named 400 or a 429
// with Retry-After, never a 500 or a hang, and the server keeps answering while it reads.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { stringify } from 'yaml';
import { PACKAGE_ROOT, Reader, Workspace, type Planner } from '../app/index.ts';
import { generateScenario } from '../generate/index.ts';
import { workbook } from '../sheets/workbook-kit.ts';
import { createApp, type AppDeps } from './app.ts';
import { signedIn, smallObject, smallYaml, tempDir, TEST_ADMIN_TOKEN } from './testkit.ts';

const never: Planner = () => new Promise<never>(() => {});
const TINY = readFileSync(join(PACKAGE_ROOT, 'scenarios', 'tiny.yaml'), 'utf8');

function setup(deps: Partial<AppDeps> & { planner?: Planner; maxQueued?: number } = {}) {
  const logged: string[] = [];
  const log = (m: string) => void logged.push(m);
  const workspace = Workspace.open({ db: ':memory:', log, planner: deps.planner ?? never, planLimits: { maxQueued: deps.maxQueued ?? 16 }, adminToken: TEST_ADMIN_TOKEN });
  const app = signedIn(createApp({ workspace, webRoot: join(tempDir(), 'no-dist'), log, ...deps }));
  const call = async (method: string, path: string, body?: unknown, type = 'application/json') => {
    const init: RequestInit = { method };
    if (body !== undefined) {
      init.body = typeof body === 'string' || body instanceof Uint8Array || body instanceof FormData ? (body as BodyInit) : JSON.stringify(body);
      if (!(body instanceof FormData)) init.headers = { 'content-type': type };
    }
    const res = await app.request(path, init);
    const text = await res.text();
    let json: any;
    try { json = JSON.parse(text); } catch { json = undefined; }
    return { status: res.status, json, text, headers: res.headers };
  };
  return { workspace, app, call, logged };
}

test('300 plan requests: the queue takes 16, the rest get 429 with Retry-After and make no plan', async () => {
  const { call, workspace } = setup();
  try {
    assert.equal((await call('POST', '/api/scenarios', smallObject())).status, 201);
    const answers = await Promise.all(Array.from({ length: 300 }, () => call('POST', '/api/scenarios/1/plans', {})));
    const byStatus = (s: number) => answers.filter((a) => a.status === s);
    assert.equal(byStatus(202).length, 16);
    assert.equal(byStatus(429).length, 284);
    for (const a of byStatus(429)) {
      assert.match(a.headers.get('retry-after') ?? '', /^[1-9][0-9]*$/);
      assert.equal(a.json.code, 'busy');
    }
    assert.equal((await call('GET', '/api/scenarios/1/plans')).json.length, 16);
  } finally {
    await workspace.close();
  }
});

test('POST /api/plans/:id/cancel stops a plan; a finished one answers 409, an unknown one 404', async () => {
  const { call, workspace } = setup();
  try {
    await call('POST', '/api/scenarios', smallObject());
    const started = await call('POST', '/api/scenarios/1/plans', {});
    const cancelled = await call('POST', `/api/plans/${started.json.id}/cancel`);
    assert.deepEqual([cancelled.status, cancelled.json.status, cancelled.json.error], [200, 'failed', 'cancelled: stopped on request before it finished']);
    const meta = await call('GET', `/api/plans/${started.json.id}/meta`);
    assert.deepEqual([meta.json.status, meta.json.error], ['failed', 'cancelled: stopped on request before it finished']);
    const again = await call('POST', `/api/plans/${started.json.id}/cancel`);
    assert.deepEqual([again.status, again.json.code], [409, 'conflict']);
    assert.equal((await call('POST', '/api/plans/99/cancel')).status, 404);
  } finally {
    await workspace.close();
  }
});

test('inputs that gave HTTP 500 are named 400s: deep JSON, YAML aliases, a non-UTF-8 body', async () => {
  const { call, workspace, logged } = setup();
  try {
    const deep = '['.repeat(10_000) + ']'.repeat(10_000);
    for (const path of ['/api/scenarios', '/api/validate', '/api/verify', '/api/scenarios/1/plans']) {
      const r = await call('POST', path, deep);
      // validate answers 200 with the scenario's issues: the request itself was fine
      assert.equal(r.status, path === '/api/validate' ? 200 : 400, path);
      assert.equal(r.json.issues[0].code, 'limit', path);
      assert.match(r.json.issues[0].message, /^nested more than 64 levels deep/, path);
    }
    const aliases = `${smallYaml()}x: &a [1, 2]\nmany: [${Array(1500).fill('*a').join(', ')}]\n`;
    const a = await call('POST', '/api/scenarios', aliases, 'application/yaml');
    assert.deepEqual([a.status, a.json.issues[0].code], [400, 'limit']);
    const latin1 = Buffer.concat([Buffer.from(smallYaml().replace('Air Base 201', 'Niam')), Buffer.from([0xe9, 0x79, 0x0a])]);
    const l = await call('POST', '/api/scenarios', new Uint8Array(latin1), 'application/yaml');
    assert.deepEqual([l.status, l.json.issues[0].code], [400, 'unreadable']);
    assert.match(l.json.issues[0].message, /^the text is not UTF-8: byte \d+ \(E9 79 0A\)/);
    const v = await call('POST', '/api/verify', `{"scenarioId": 1, "plan": {"sorties": [{"loads": ${deep}}]}}`);
    assert.deepEqual([v.status, v.json.issues[0].code, v.json.issues[0].line], [400, 'limit', 1]);
    assert.deepEqual(logged, [], 'no internal error was logged');
  } finally {
    await workspace.close();
  }
});

test('the numbers of issue 14 are refused at the door: count 1e6, cruiseKmh 1e-9, passengerKg 1e308, quantity 1e9', async () => {
  const { call, workspace } = setup();
  try {
    const changes: [string, (s: any) => void][] = [
      ['aircraft[0].count', (s) => (s.aircraft[0].count = 1_000_000)],
      ['aircraft[0].cruiseKmh', (s) => (s.aircraft[0].cruiseKmh = 1e-9)],
      ['policy.passengerKg', (s) => (s.policy = { passengerKg: 1e308 })],
      ['items[0].quantity', (s) => (s.items[0].quantity = 1e9)],
      ['items[0].unitValueUsd', (s) => (s.items[0].unitValueUsd = 1e308)],
    ];
    for (const [path, change] of changes) {
      const s = smallObject();
      change(s);
      const r = await call('POST', '/api/scenarios', s);
      assert.equal(r.status, 400, path);
      assert.ok(r.json.issues.some((i: any) => i.path === path && i.code === 'range'), path);
    }
    assert.equal((await call('GET', '/api/scenarios')).json.length, 0);
  } finally {
    await workspace.close();
  }
});

test('40,000 unknown policy keys: a quick 400 with the first hundred issues and a count of the rest', async () => {
  const { call, workspace } = setup();
  try {
    const keys = Array.from({ length: 40_000 }, (_, i) => `  k${i}: 1`).join('\n');
    const r = await call('POST', '/api/validate', `${smallYaml()}policy:\n${keys}\n`, 'application/yaml');
    assert.equal(r.status, 200);
    assert.equal(r.json.ok, false);
    assert.equal(r.json.issues.length, 101);
    assert.match(r.json.issues[100].message, /^39,900 more problems not listed/);
  } finally {
    await workspace.close();
  }
});

test('a workbook with a row numbered 2,147,483,648 is a 400 naming the limit', async () => {
  const { call, workspace } = setup();
  try {
    const form = new FormData();
    form.set('items', new File([new Uint8Array(workbook([{ r: 1, cells: [['A1', 'id']] }, { r: 2_147_483_648, cells: [['A2147483648', 'gen']] }]))], 'items.xlsx'));
    form.set('base', TINY);
    const r = await call('POST', '/api/import', form);
    assert.equal(r.status, 400);
    assert.deepEqual([r.json.issues[0].code, r.json.issues[0].line], ['limit', 2_147_483_648]);
    assert.match(r.json.issues[0].text, /row 2,147,483,648 is beyond the 200,000 rows/);
  } finally {
    await workspace.close();
  }
});

/** A scenario that takes the reader a second or more: block YAML of 2,000 item lines (about 0.5 MB). */
let slow: string | undefined;
const slowYaml = () => (slow ??= stringify(generateScenario({ seed: 1, lines: 2000 })));

test('a read over its time limit is a named 400, and the next read has a fresh worker', async () => {
  const reader = new Reader({ timeLimitMs: 100 });
  const { call, workspace } = setup({ reader });
  try {
    const slow = await call('POST', '/api/scenarios', slowYaml(), 'application/yaml');
    assert.equal(slow.status, 400);
    assert.deepEqual(slow.json.issues.map((i: any) => [i.code, i.message]), [['limit', 'reading the scenario: it took longer than 0.1 s, the limit for one input']]);
    const quick = new Reader();
    const after = await quick.scenarioText('yaml', smallYaml());
    assert.ok(after.ok);
    await quick.close();
  } finally {
    await reader.close();
    await workspace.close();
  }
});

test('while a big body is read, health and other requests are answered; more reads than the reader takes get 429', async () => {
  const reader = new Reader({ maxWaiting: 1 });
  const { call, workspace } = setup({ reader });
  try {
    const text = slowYaml();
    let settled = 0;
    const reads = [1, 2, 3].map(() => call('POST', '/api/validate', text, 'application/yaml').then((r) => (settled++, r)));
    const health = await call('GET', '/api/health');
    assert.deepEqual([health.status, settled], [200, 0], 'health answered before any read finished');
    assert.equal((await call('GET', '/api/scenarios')).status, 200);
    const answers = await Promise.all(reads);
    assert.deepEqual(answers.map((a) => a.status).sort(), [200, 200, 429]);
    const busy = answers.find((a) => a.status === 429)!;
    assert.match(busy.headers.get('retry-after') ?? '', /^[1-9][0-9]*$/);
  } finally {
    await reader.close();
    await workspace.close();
  }
});
