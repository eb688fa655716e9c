// The same API over a real port on 127.0.0.1, as the page and curl see it, including a restart.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PACKAGE_ROOT } from '../app/index.ts';
import { startChild } from '../app/child-kit.ts';
import { serve, type ServerHandle } from './serve.ts';
import { BROKEN_YAML, smallObject, smallYaml, tempDir, TEST_ADMIN_TOKEN, withToken } from './testkit.ts';


function client(h: ServerHandle) {
  return async (method: string, path: string, body?: string | object, type = 'application/json') => {
    const res = await fetch(`http://127.0.0.1:${h.port}${path}`, withToken({
      method,
      ...(body === undefined ? {} : { body: typeof body === 'string' ? body : JSON.stringify(body), headers: { 'content-type': type } }),
    }));
    const text = await res.text();
    let json: any;
    try { json = JSON.parse(text); } catch { json = undefined; }
    return { status: res.status, json, text, type: res.headers.get('content-type') ?? '' };
  };
}

const quiet = () => {};

test('over a real port: create, refuse, version, plan, verify, openapi, 404 and 413', async () => {
  const h = await serve({ port: 0, db: ':memory:', log: quiet, webRoot: join(tempDir(), 'none'), adminToken: TEST_ADMIN_TOKEN });
  try {
    assert.ok(h.port > 0);
    assert.equal(h.url, `http://localhost:${h.port}`);
    const call = client(h);
    assert.equal((await call('GET', '/api/health')).json.ok, true);
    assert.deepEqual((await call('POST', '/api/scenarios', smallObject('json one'))).json, { id: 1, version: 1, warnings: [] });
    const tiny = readFileSync(join(PACKAGE_ROOT, 'scenarios', 'tiny.yaml'), 'utf8');
    assert.equal((await call('POST', '/api/scenarios', tiny, 'application/yaml')).status, 201);
    const broken = await call('POST', '/api/scenarios', BROKEN_YAML, 'application/yaml');
    assert.deepEqual([broken.status, broken.json.issues.length], [400, 3]);
    assert.equal((await call('POST', '/api/scenarios/1/versions?baseVersion=1', smallYaml('json one, edited'), 'text/yaml')).json.version, 2);
    assert.equal((await call('GET', '/api/scenarios/1?version=1')).json.name, 'json one');

    const started = await call('POST', '/api/scenarios/2/plans', {});
    assert.equal(started.status, 202);
    let plan;
    for (let i = 0; i < 600; i++) {
      plan = await call('GET', `/api/plans/${started.json.id}`);
      if (plan.status !== 202) break;
      await new Promise((r) => setTimeout(r, 50));
    }
    assert.equal(plan!.status, 200, plan!.text);
    assert.ok(plan!.json.sorties.length > 0);
    assert.ok(Array.isArray(plan!.json.violations));
    const verdict = await call('POST', '/api/verify', { scenarioId: 2, plan: plan!.json });
    assert.deepEqual(verdict.json.valid, plan!.json.violations.length === 0);

    assert.equal((await call('GET', '/api/openapi.json')).json.openapi, '3.1.0');
    const missing = await call('GET', '/api/missing');
    assert.deepEqual([missing.status, missing.json.code], [404, 'not_found']);
    // just over the default 20 MB limit, sent for real
    const big = await call('POST', '/api/validate', 'a'.repeat(20 * 1024 * 1024 + 1), 'text/yaml');
    assert.equal(big.status, 413);
    assert.match(big.type, /application\/json/);
    assert.equal((await call('GET', '/')).status, 200);
  } finally {
    await h.close();
  }
});

test('a restart loses nothing: scenarios, versions and plans are still there; a cut-off plan is marked failed', async () => {
  const db = join(tempDir(), 'data', 'drawdown.db');
  const first = await serve({ port: 0, db, log: quiet, adminToken: TEST_ADMIN_TOKEN });
  const call1 = client(first);
  await call1('POST', '/api/scenarios', smallYaml('kept', 3), 'application/yaml');
  await call1('POST', '/api/scenarios/1/versions?baseVersion=1', smallYaml('kept', 4), 'application/yaml');
  const started = await call1('POST', '/api/scenarios/1/plans', { version: 1, seed: 2 });
  await first.workspace.idle();
  const before = { list: (await call1('GET', '/api/scenarios')).json, plan: (await call1('GET', `/api/plans/${started.json.id}`)).text };
  await first.close();
  await first.close(); // closing twice is harmless

  // a plan row left running by a process that died: a workspace in a child process queues a
  // plan its planner never finishes, and is killed; its lease (100 ms) runs out unrenewed
  const dying = await startChild(db, 100, 'never');
  const orphan = { id: ((await dying.send({ op: 'plan', id: 1, version: 2 })) as { planId: number }).planId };
  await dying.kill();
  await new Promise((r) => setTimeout(r, 150));

  const second = await serve({ port: 0, db, log: quiet, adminToken: TEST_ADMIN_TOKEN });
  try {
    const call2 = client(second);
    assert.deepEqual((await call2('GET', '/api/scenarios')).json.map((s: any) => ({ ...s, latestPlan: s.latestPlan?.id })),
      before.list.map((s: any) => ({ ...s, latestPlan: orphan.id })));
    assert.equal((await call2('GET', `/api/plans/${started.json.id}`)).text, before.plan);
    assert.equal((await call2('GET', '/api/scenarios/1?version=1')).json.text, smallYaml('kept', 3));
    const cut = await call2('GET', `/api/plans/${orphan.id}`);
    assert.deepEqual([cut.status, cut.json.status], [409, 'failed']);
    assert.match(cut.json.error, /interrupted/);
    assert.deepEqual((await call2('GET', '/api/scenarios/1/plans')).json.map((p: any) => [p.id, p.status]),
      [[orphan.id, 'failed'], [started.json.id, 'done']]);
  } finally {
    await second.close();
  }
});

test('a port in use is refused with a clear message', async () => {
  const a = await serve({ port: 0, db: ':memory:', log: quiet });
  try {
    await assert.rejects(serve({ port: a.port, db: ':memory:', log: quiet }), /port \d+ is in use/);
  } finally {
    await a.close();
  }
});
