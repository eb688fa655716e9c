import { test } from 'node:test';
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { startWorkspace } from './start.ts';
import { smallYaml, tempDir, TEST_ADMIN_TOKEN, withToken } from './testkit.ts';


test('start creates the database, loads the scenario once, plans it once, and says where it is served', async () => {
  const dir = tempDir();
  const file = join(dir, 'small.yaml');
  writeFileSync(file, smallYaml('Small drawdown'));
  const db = join(dir, 'data', 'drawdown.db');
  const lines: string[] = [];
  const opts = { port: 0, db, scenarioFile: file, label: 'Small', print: (l: string) => lines.push(l), log: () => {}, adminToken: TEST_ADMIN_TOKEN };

  const first = await startWorkspace(opts);
  let firstPlan: number;
  try {
    assert.deepEqual(lines, [`drawdown is serving the Small plan at ${first.loginUrl}`]);
    assert.match(first.loginUrl, new RegExp(`^http://localhost:${first.port}/#token=ddl_[\\w-]{43}$`));
    const meta = await (await fetch(`http://127.0.0.1:${first.port}/api/plans/${first.planId}/meta`, withToken())).json() as any;
    assert.deepEqual([meta.status, meta.scenarioId], ['done', first.scenarioId]);
    firstPlan = first.planId;
  } finally {
    await first.close();
  }

  const second = await startWorkspace(opts);
  try {
    assert.equal(second.planId, firstPlan, 'a done plan is not made again');
    const list = await (await fetch(`http://127.0.0.1:${second.port}/api/scenarios`, withToken())).json() as any[];
    assert.deepEqual(list.map((s) => [s.name, s.versions, s.latestPlan.status]), [['Small drawdown', 1, 'done']]);
  } finally {
    await second.close();
  }
});

test('start refuses an unreadable or invalid scenario file with its path', async () => {
  const dir = tempDir();
  await assert.rejects(startWorkspace({ port: 0, db: ':memory:', scenarioFile: join(dir, 'none.yaml'), print: () => {} }), /cannot read .*none\.yaml/);
  const bad = join(dir, 'bad.yaml');
  writeFileSync(bad, 'name: x\n');
  await assert.rejects(startWorkspace({ port: 0, db: ':memory:', scenarioFile: bad, print: () => {} }), /bad\.yaml is not a valid scenario/);
});
