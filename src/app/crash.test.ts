// kill -9 at random moments (issue 14): a workspace in a child process takes a stream of writes
// and is killed mid-stream, twenty times over one database file. Every write it acknowledged
// must be there afterwards, and the next start must recover the plans it left running.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startChild, type ChildAck, type ChildCommand } from './child-kit.ts';
import { LOST_MESSAGE } from './planning.ts';
import { BUILTIN_SCENARIO } from './paths.ts';
import { Workspace } from './workspace.ts';
import { rng } from '../generate/random.ts';

const tiny = readFileSync(join(BUILTIN_SCENARIO, '..', 'tiny.yaml'), 'utf8');
const ROUNDS = 20;
const LEASE_MS = 150;

test(`${ROUNDS} rounds of kill -9: no acknowledged write is lost, and the next start recovers the plans left running`, { timeout: 180_000 }, async () => {
  const db = join(mkdtempSync(join(tmpdir(), 'drawdown-kill9-')), 'drawdown.db');
  const rnd = rng(14).next; // seeded, so a failing round can be run again as it was
  const acked = { versions: new Map<string, string>(), plans: new Set<number>() };
  let writes = 0;
  let midStream = 0;
  for (let round = 0; round < ROUNDS; round++) {
    const child = await startChild(db, LEASE_MS, 'never');
    const texts = new Map<number, string>();
    // a stream of writes: new scenarios, versions of the first, plans; each text unique
    const commands: ChildCommand[] = [];
    for (let n = 0; n < 60; n++) {
      const text = tiny.replace('name: "Tiny', `name: "Tiny r${round} n${n}`);
      // at most 15 plans a round: the queue takes 16, and a refusal is no write
      const kind = !acked.versions.has('1/1') || n % 3 === 0 ? 'create' : n % 3 === 1 || n >= 45 ? 'version' : 'plan';
      if (kind === 'create') commands.push({ op: 'create', format: 'yaml', text });
      else if (kind === 'version') commands.push({ op: 'version', id: 1, format: 'yaml', text });
      else commands.push({ op: 'plan', id: 1, version: 1 });
      texts.set(n, text);
    }
    commands.forEach((c) => child.post(c));
    await new Promise((r) => setTimeout(r, 20 + rnd() * 400));
    await child.kill();
    child.acks.slice(1).forEach((a: ChildAck, n) => {
      if (a.ack === 'create' || a.ack === 'version') acked.versions.set(`${a.id}/${a.version}`, texts.get(n)!);
      else if (a.ack === 'plan') acked.plans.add(a.planId);
      else assert.fail(`round ${round}: ${JSON.stringify(a)}`);
    });
    writes += child.acks.length - 1;
    if (child.acks.length > 1 && child.acks.length - 1 < commands.length) midStream++;

    // the next start: after the dead server's lease has run out
    await new Promise((r) => setTimeout(r, LEASE_MS + 50));
    const ws = Workspace.open({ db, log: () => {} });
    try {
      for (const [key, text] of acked.versions) {
        const [id, version] = key.split('/').map(Number);
        assert.equal(ws.getScenario(id, version)?.text, text, `round ${round}: scenario ${key} was acknowledged`);
      }
      for (const id of acked.plans) {
        const plan = ws.getPlan(id);
        assert.ok(plan, `round ${round}: plan ${id} was acknowledged`);
        assert.deepEqual([plan.status, plan.error], ['failed', LOST_MESSAGE], `round ${round}: plan ${id} recovered`);
      }
    } finally {
      await ws.close();
    }
  }
  // the rounds did write: most were killed mid-stream, after some writes and before the last
  assert.ok(writes > ROUNDS, `only ${writes} writes were acknowledged in ${ROUNDS} rounds`);
  assert.ok(midStream >= ROUNDS / 2, `only ${midStream} of ${ROUNDS} kills came between the first write and the last`);
  assert.ok(acked.plans.size > 0 && acked.versions.size > ROUNDS);
});
