// Runs one plan in a worker thread, so the server keeps answering (the page polls the plan's
// status, other requests go on) while the planner's synchronous CPU work runs.

import { parentPort, workerData } from 'node:worker_threads';
import { planScenario } from './plan.ts';
import type { Scenario } from '../model/index.ts';

const { scenario, options } = workerData as { scenario: Scenario; options: { seed?: number } };
try {
  parentPort!.postMessage({ ok: true, outcome: planScenario(scenario, options) });
} catch (e) {
  parentPort!.postMessage({ ok: false, message: e instanceof Error ? e.message : String(e), stack: e instanceof Error ? e.stack : undefined });
}
