// The reading worker (offthread.ts): one task at a time from the main thread, answered with
// its result; an exception is a bug and goes back as one. Limits are kept by the main thread,
// which terminates this worker when a task runs over them.

import { parentPort } from 'node:worker_threads';
import type { Reply, Task, VerifyRead } from './offthread.ts';
import { parseScenarioObject, parseScenarioText } from './scenario.ts';
import { importSheets } from './sheets.ts';
import { readPlanValue, verifyPlanAgainst } from './verify.ts';

async function perform(t: Task): Promise<unknown> {
  switch (t.task) {
    case 'scenario':
      return parseScenarioText(t.format, t.text);
    case 'scenarioObject':
      return parseScenarioObject(t.value);
    case 'verify': {
      const shaped = readPlanValue(t.plan);
      if (!shaped.ok) return shaped satisfies VerifyRead;
      return { ok: true, ...(t.scenario ? { verified: verifyPlanAgainst(t.scenario, shaped.plan) } : {}) } satisfies VerifyRead;
    }
    case 'import':
      return importSheets(t.request);
  }
}

parentPort!.on('message', (t: Task) => {
  perform(t).then(
    (result) => parentPort!.postMessage({ ok: true, result } satisfies Reply),
    (e: unknown) => parentPort!.postMessage({ ok: false, message: e instanceof Error ? e.message : String(e), stack: e instanceof Error ? e.stack : undefined } satisfies Reply),
  );
});
