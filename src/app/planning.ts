// Plans are made in the background, one at a time, so a request returns at once with a plan id
// and the page polls it. The planner is synchronous CPU work: while it runs the event loop
// waits, so jobs start on setImmediate to let the 202 reach the client first.

import { Worker } from 'node:worker_threads';
import type { Plan, Scenario } from '../model/index.ts';
import type { PlanRecord, ScenarioRef, Store } from '../store/index.ts';

export type Planner = (scenario: Scenario, options: { seed?: number }) => Plan | Promise<Plan>;

/**
 * The real planner, in a worker thread so the event loop stays free while it works.
 */
export const defaultPlanner: Planner = (scenario, options) =>
  new Promise<Plan>((resolve, reject) => {
    const worker = new Worker(new URL('./plan-worker.mjs', import.meta.url), { workerData: { scenario, options } });
    let settled = false;
    worker.once('message', (m: { ok: true; outcome: Plan } | { ok: false; message: string; stack?: string }) => {
      settled = true;
      void worker.terminate();
      if (m.ok) resolve(m.outcome);
      else reject(Object.assign(new Error(m.message), { stack: m.stack }));
    });
    worker.once('error', (e) => {
      settled = true;
      reject(e);
    });
    worker.once('exit', (code) => {
      if (!settled) reject(new Error(`the planning worker stopped with exit code ${code}`));
    });
  });

export type Log = (message: string, error?: unknown) => void;

export class PlanQueue {
  private tail: Promise<void> = Promise.resolve();
  private stopped = false;

  constructor(
    private readonly store: Store,
    private readonly planner: Planner = defaultPlanner,
    private readonly log: Log = (m, e) => console.error(m, e ?? ''),
  ) {}

  /** Records a running plan for the version and queues it; `done` settles when the row is final. */
  request(ref: ScenarioRef, seed?: number, by?: string): { plan: PlanRecord; done: Promise<void> } {
    const plan = this.store.startPlan(ref, seed ?? null, by);
    const done = this.tail.then(() => new Promise<void>((r) => setImmediate(r))).then(() => this.run(plan.id, ref, seed));
    this.tail = done;
    return { plan, done };
  }

  /** Settles when every queued plan has finished. */
  idle(): Promise<void> {
    return this.tail;
  }

  /** Plans still queued fail with a clear error; the one being made finishes. */
  stop(): Promise<void> {
    this.stopped = true;
    return this.tail;
  }

  private async run(planId: number, ref: ScenarioRef, seed: number | undefined): Promise<void> {
    try {
      if (this.stopped) return this.store.failPlan(planId, 'the server stopped before this plan was made; plan again');
      const version = this.store.getScenario(ref.id, ref.version);
      if (!version) return this.store.failPlan(planId, `scenario ${ref.id} version ${ref.version} is gone`);
      const outcome = await this.planner(version.scenario, seed === undefined ? {} : { seed });
      this.store.finishPlan(planId, outcome, outcome.problems.map((p) => p.message));
    } catch (e) {
      this.log(`drawdown: planning plan ${planId} (scenario ${ref.id} version ${ref.version}) failed:`, e);
      try {
        // the first line only: a module path list or a stack is for the log, not the page
        this.store.failPlan(planId, `planning failed: ${firstLine(e)}`);
      } catch (e2) {
        this.log(`drawdown: could not record the failure of plan ${planId}:`, e2);
      }
    }
  }
}

function firstLine(e: unknown): string {
  const text = e instanceof Error ? e.message : String(e);
  return text.split('\n')[0].trim() || 'unknown error';
}
