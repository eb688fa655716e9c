// SIGTERM while planning (issue 14): `drawdown serve` in a child process is planning a scenario
// that takes many seconds when it gets SIGTERM. It must exit within 10 s, cleanly, with the plan
// it was making marked interrupted (it used to wait for the plan, or forever for one that never
// finished).

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { PACKAGE_ROOT, Workspace } from '../app/index.ts';
import { generateScenario } from '../generate/index.ts';
import { tempDir, TEST_ADMIN_TOKEN } from './testkit.ts';

test('SIGTERM stops a planning server within 10 s and marks its plan interrupted', { timeout: 60_000 }, async () => {
  const db = join(tempDir(), 'drawdown.db');
  const child = spawn(process.execPath, [join(PACKAGE_ROOT, 'bin', 'drawdown.js'), 'serve', '--port', '0', '--db', db], {
    stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, DRAWDOWN_TOKEN: TEST_ADMIN_TOKEN },
  });
  const exited = new Promise<number | null>((r) => child.once('exit', (code) => r(code)));
  try {
    const url = await new Promise<string>((resolve, reject) => {
      createInterface({ input: child.stdout }).on('line', (line) => {
        const m = /serving at (http:\/\/[^/\s]+)/.exec(line); // the address, without its one-time login fragment
        if (m) resolve(m[1]);
      });
      void exited.then(() => reject(new Error('the server exited before serving')));
    });
    const post = (path: string, body: unknown) =>
      fetch(`${url}${path}`, { method: 'POST', body: JSON.stringify(body), headers: { 'content-type': 'application/json', authorization: `Bearer ${TEST_ADMIN_TOKEN}` } });
    // 20,000 item lines: tens of seconds of planning, far longer than the wait below
    const saved = await post('/api/scenarios', generateScenario({ seed: 1, lines: 20_000 }));
    assert.equal(saved.status, 201);
    const { id } = (await saved.json()) as { id: number };
    const started = await post(`/api/scenarios/${id}/plans`, {});
    assert.equal(started.status, 202);
    const plan = (await started.json()) as { id: number };
    // the planning worker starts in well under two seconds; then health is still answered
    await new Promise((r) => setTimeout(r, 2000));
    assert.equal((await fetch(`${url}/api/health`)).status, 200);

    const t0 = Date.now();
    child.kill('SIGTERM');
    const code = await exited;
    const took = Date.now() - t0;
    assert.equal(code, 0);
    assert.ok(took < 10_000, `exited after ${took} ms`);

    const ws = Workspace.open({ db, log: () => {} });
    try {
      const after = ws.getPlan(plan.id)!;
      assert.deepEqual([after.status, after.error], ['failed', 'interrupted: the server stopped while planning; plan again']);
    } finally {
      await ws.close();
    }
  } finally {
    child.kill('SIGKILL');
  }
});
