// The plan queue under pressure (issue 14): bounded, every plan time-limited and cancellable,
// stopped cleanly on close, and leased so that two servers on one file leave each other's
// work alone while a dead server's plans are recovered.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Worker } from 'node:worker_threads';
import { generateScenario } from '../generate/index.ts';
import { startChild } from './child-kit.ts';
import { workerPlanner, type Planner } from './planning.ts';
import { BUILTIN_SCENARIO } from './paths.ts';
import { planScenario } from './plan.ts';
import { parseScenarioText } from './scenario.ts';
import { Workspace } from './workspace.ts';

const quiet = () => {};
const never: Planner = () => new Promise<never>(() => {});
const tiny = readFileSync(join(BUILTIN_SCENARIO, '..', 'tiny.yaml'), 'utf8');
const tempDb = () => join(mkdtempSync(join(tmpdir(), 'drawdown-queue-')), 'drawdown.db');
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

function withScenario(ws: Workspace) {
  const saved = ws.createScenario('yaml', tiny);
  assert.ok(saved.ok);
  return saved.ref;
}

function requested(ws: Workspace, ref: { id: number; version: number }) {
  const r = ws.requestPlan(ref);
  assert.ok(r.ok, 'the request is queued');
  return r;
}

/** Waits until the condition holds, polling; fails after `ms`. */
async function until(what: string, ok: () => boolean, ms = 5000): Promise<void> {
  const end = Date.now() + ms;
  while (!ok()) {
    if (Date.now() > end) assert.fail(`timed out waiting for ${what}`);
    await sleep(10);
  }
}

test('the queue is bounded: a request beyond it is refused with a time to retry, and no row is made', async () => {
  const ws = Workspace.open({ db: ':memory:', log: quiet, planner: never, planLimits: { maxQueued: 3 } });
  try {
    const ref = withScenario(ws);
    const ids = [1, 2, 3].map(() => requested(ws, ref).plan.id);
    const refused = ws.requestPlan(ref);
    assert.ok(!refused.ok);
    assert.ok(Number.isInteger(refused.retryAfterS) && refused.retryAfterS >= 1);
    assert.match(refused.message, /^3 plans are already queued, the most this server takes \(3\)/);
    assert.deepEqual(ws.listPlans(ref.id).map((p) => p.id), [...ids].reverse());
    // a cancelled plan frees its place
    assert.ok(ws.cancelPlan(ids[2]).ok);
    assert.ok(ws.requestPlan(ref).ok);
  } finally {
    await ws.close();
  }
});

test('a plan over its time limit is stopped and marked failed with the reason; the next one runs', async () => {
  // the second plan is made beforehand, so its turn in the queue takes no time at all
  const parsed = parseScenarioText('yaml', tiny);
  assert.ok(parsed.ok);
  const made = planScenario(parsed.scenario, {});
  let calls = 0;
  const planner: Planner = (scenario, options, control) => (++calls === 1 ? never(scenario, options, control) : made);
  const ws = Workspace.open({ db: ':memory:', log: quiet, planner, planLimits: { timeLimitMs: 200 } });
  try {
    const ref = withScenario(ws);
    const slow = requested(ws, ref);
    const next = requested(ws, ref);
    await slow.done;
    const stopped = ws.getPlan(slow.plan.id)!;
    assert.equal(stopped.status, 'failed');
    assert.match(stopped.error ?? '', /^time limit: planning took longer than 0\.2 s, the limit for one plan/);
    await next.done;
    assert.equal(ws.getPlan(next.plan.id)!.status, 'done');
  } finally {
    await ws.close();
  }
});

test('waiting and running plans can be cancelled; a finished one cannot', async () => {
  const ws = Workspace.open({ db: ':memory:', log: quiet, planner: never });
  try {
    const ref = withScenario(ws);
    const running = requested(ws, ref);
    const waiting = requested(ws, ref);
    const third = requested(ws, ref);
    await sleep(20);
    const w = ws.cancelPlan(waiting.plan.id);
    assert.ok(w.ok);
    assert.deepEqual([w.plan.status, w.plan.error], ['failed', 'cancelled: stopped on request before it finished']);
    const r = ws.cancelPlan(running.plan.id);
    assert.ok(r.ok);
    assert.equal(r.plan.status, 'failed', 'the answer already says so');
    await running.done;
    await waiting.done;
    // the queue moved on to the third plan
    assert.equal(ws.getPlan(third.plan.id)!.status, 'running');
    const again = ws.cancelPlan(running.plan.id);
    assert.ok(!again.ok);
    assert.match(again.message, /is failed: there is nothing to cancel/);
    assert.ok(!ws.cancelPlan(999).ok);
  } finally {
    await ws.close();
  }
});

test('cancelling a real plan terminates its worker thread', async () => {
  const workers: Worker[] = [];
  const exited: number[] = [];
  const planner = workerPlanner({ onWorker: (w) => (workers.push(w), w.once('exit', (code) => exited.push(code))) });
  const ws = Workspace.open({ db: ':memory:', log: quiet, planner });
  try {
    // ten thousand item lines: seconds of planning, far longer than this test waits
    const saved = ws.createScenario('json', JSON.stringify(generateScenario({ seed: 1, lines: 10_000 })));
    assert.ok(saved.ok);
    const plan = requested(ws, saved.ref);
    await until('the worker to start', () => workers.length === 1);
    assert.ok(ws.cancelPlan(plan.plan.id).ok);
    await plan.done;
    await until('the worker to exit', () => exited.length === 1);
    assert.equal(ws.getPlan(plan.plan.id)!.status, 'failed');
  } finally {
    await ws.close();
  }
});

test('closing stops the running plan and marks it and the waiting ones interrupted', async () => {
  const db = tempDb();
  const ws = Workspace.open({ db, log: quiet, planner: never });
  const ref = withScenario(ws);
  const running = requested(ws, ref);
  const waiting = requested(ws, ref);
  await sleep(20);
  await ws.close();
  await running.done;
  const reopened = Workspace.open({ db, log: quiet });
  try {
    assert.deepEqual([running, waiting].map((r) => reopened.getPlan(r.plan.id)!.error), [
      'interrupted: the server stopped while planning; plan again',
      'interrupted: the server stopped before this plan was made; plan again',
    ]);
  } finally {
    await reopened.close();
  }
});

test('two servers on one file: neither marks the other\'s running plans failed, a dead one\'s are recovered', async () => {
  const db = tempDb();
  const a = Workspace.open({ db, log: quiet, planner: never, planLimits: { leaseMs: 150 } });
  const ref = withScenario(a);
  const mine = requested(a, ref);
  // a second server starting on the same file leaves a's plan alone, now and after many leases
  const b = Workspace.open({ db, log: quiet, planner: never, planLimits: { leaseMs: 150 } });
  try {
    await sleep(600);
    assert.equal(b.getPlan(mine.plan.id)!.status, 'running');
    assert.equal(a.getPlan(mine.plan.id)!.status, 'running');

    // a third server in a child process queues a plan and dies without a word (kill -9)
    const child = await startChild(db, 150, 'never');
    const orphan = await child.send({ op: 'plan', id: ref.id, version: ref.version });
    assert.equal(orphan.ack, 'plan');
    const orphanId = (orphan as { planId: number }).planId;
    assert.equal(b.getPlan(orphanId)!.status, 'running');
    await child.kill();
    // b's lease tick recovers it once its lease runs out, without a restart
    await until('the dead server\'s plan to be recovered', () => b.getPlan(orphanId)!.status === 'failed');
    assert.equal(b.getPlan(orphanId)!.error, 'interrupted: the server planning it stopped; plan again');
    assert.equal(b.getPlan(mine.plan.id)!.status, 'running', 'a\'s plan is still its own');

    // a plan cancelled on b stops on a too: a's queue lets go of it at its next tick
    assert.ok(b.cancelPlan(mine.plan.id).ok);
    await mine.done;
    assert.equal(a.getPlan(mine.plan.id)!.error, 'cancelled: stopped on request before it finished');
  } finally {
    await b.close();
    await a.close();
  }
});
