// Plans are made in the background, one at a time, so a request returns at once with a plan id
// and the page polls it. The planner runs in a worker thread (the event loop stays free) with
// a time and a memory limit, and can be stopped at any moment: cancelled by a user, stopped at
// its time limit, or interrupted when the server stops. The queue is bounded: a request beyond
// it is refused with a time to retry. Each plan row is leased by this server and the lease
// renewed while it waits or runs, so a second server on the same file recovers only plans
// whose server has really gone (docs/limits.md).

import { randomUUID } from 'node:crypto';
import { Worker } from 'node:worker_threads';
import type { Plan, Scenario } from '../model/index.ts';
import type { PlanRecord, ScenarioRef, Store } from '../store/index.ts';

/** What the queue hands a planner: stop when `signal` aborts; keep within `memoryMb` of heap. */
export interface PlanControl {
  signal: AbortSignal;
  memoryMb: number;
}

export type Planner = (scenario: Scenario, options: { seed?: number }, control: PlanControl) => Plan | Promise<Plan>;

export interface PlanLimits {
  /** plans waiting or running at once; one more is refused with a time to retry */
  maxQueued: number;
  /** a plan still running after this long is stopped and marked failed */
  timeLimitMs: number;
  /** heap of the planning worker, MB; a plan that needs more fails, the server stays */
  memoryMb: number;
  /** how long a lease holds without renewal, ms; renewed every third of it */
  leaseMs: number;
}

export const DEFAULT_PLAN_LIMITS: PlanLimits = {
  // A planning cell queues a handful of plans; sixteen of the largest scenario are four hours.
  maxQueued: 16,
  // The largest scenario the limits allow (100,000 item lines) took 6 min with its remedies
  // on 2 shared CPUs: 15 min leaves room for a busier machine.
  timeLimitMs: 15 * 60_000,
  // That scenario peaked at 3.4 GB resident, its heap under 3 GB.
  memoryMb: 4096,
  // Renewed every 20 s; a server silent for a minute has stopped.
  leaseMs: 60_000,
};

/** Why a plan stopped before it finished: the reason a user reads on the plan. */
export type StopReason = 'cancelled' | 'time_limit' | 'interrupted' | 'cancelled_elsewhere';

class PlanStopped extends Error {
  constructor(readonly why: StopReason) {
    super(why);
  }
}

/**
 * The real planner, in a worker thread so the event loop stays free while it works; an abort
 * terminates the thread at once (the planner is synchronous and cannot be asked to stop).
 * `onWorker` sees each thread started (tests watch it exit).
 */
export function workerPlanner(hooks: { onWorker?: (worker: Worker) => void } = {}): Planner {
  return (scenario, options, control) => new Promise<Plan>((resolve, reject) => {
    if (control.signal.aborted) return reject(control.signal.reason);
    const worker = new Worker(new URL('./plan-worker.mjs', import.meta.url), {
      workerData: { scenario, options },
      resourceLimits: { maxOldGenerationSizeMb: control.memoryMb },
    });
    hooks.onWorker?.(worker);
    let settled = false;
    const settle = (f: () => void) => {
      if (settled) return;
      settled = true;
      control.signal.removeEventListener('abort', onAbort);
      void worker.terminate();
      f();
    };
    const onAbort = () => settle(() => reject(control.signal.reason));
    control.signal.addEventListener('abort', onAbort, { once: true });
    worker.once('message', (m: { ok: true; outcome: Plan } | { ok: false; message: string; stack?: string }) =>
      settle(() => (m.ok ? resolve(m.outcome) : reject(Object.assign(new Error(m.message), { stack: m.stack })))));
    worker.once('error', (e) => settle(() => reject((e as NodeJS.ErrnoException).code === 'ERR_WORKER_OUT_OF_MEMORY'
      ? new Error(`the plan needed more than ${control.memoryMb.toLocaleString('en-US')} MB of memory (the planning worker's limit)`)
      : e)));
    worker.once('exit', (code) => settle(() => reject(new Error(`the planning worker stopped with exit code ${code}`))));
  });
}

export const defaultPlanner: Planner = workerPlanner();

export type Log = (message: string, error?: unknown) => void;

export type PlanRequest =
  | { ok: true; plan: PlanRecord; done: Promise<void> }
  | { ok: false; full: true; retryAfterS: number; message: string };

export type CancelOutcome =
  | { ok: true; plan: PlanRecord }
  | { ok: false; plan: PlanRecord | undefined; message: string };

interface Job {
  planId: number;
  ref: ScenarioRef;
  seed: number | undefined;
  settle: () => void;
}

export class PlanQueue {
  private readonly limits: PlanLimits;
  /** this server's name on its leases */
  readonly owner = randomUUID();
  private readonly waiting: Job[] = [];
  private current: { job: Job; abort: AbortController } | undefined;
  private stopped = false;
  private readonly idlers: (() => void)[] = [];
  private readonly durations: number[] = [];
  private readonly timer: NodeJS.Timeout;

  constructor(
    private readonly store: Store,
    private readonly planner: Planner = defaultPlanner,
    private readonly log: Log = (m, e) => console.error(m, e ?? ''),
    limits: Partial<PlanLimits> = {},
  ) {
    this.limits = { ...DEFAULT_PLAN_LIMITS, ...limits };
    this.timer = setInterval(() => this.tick(), Math.max(10, Math.floor(this.limits.leaseMs / 3)));
    this.timer.unref();
  }

  /** Records a running plan for the version and queues it, or says when to ask again. */
  request(ref: ScenarioRef, seed?: number, by?: string): PlanRequest {
    const queued = this.waiting.length + (this.current ? 1 : 0);
    if (this.stopped || queued >= this.limits.maxQueued) {
      const retryAfterS = this.retryAfterS();
      const message = this.stopped
        ? 'the server is stopping: plan again when it is back'
        : `${queued} plans are already queued, the most this server takes (${this.limits.maxQueued}); ask again in ${retryAfterS} s`;
      return { ok: false, full: true, retryAfterS, message };
    }
    const plan = this.store.startPlan(ref, seed ?? null, { by, lease: { owner: this.owner, untilMs: Date.now() + this.limits.leaseMs } });
    let settle!: () => void;
    const done = new Promise<void>((r) => (settle = r));
    this.waiting.push({ planId: plan.id, ref, seed, settle });
    // setImmediate lets the 202 reach the client before a planner that runs in-thread (tests) starts
    if (!this.current) setImmediate(() => void this.next());
    return { ok: true, plan, done };
  }

  /** Stops a waiting or running plan, here or on another server on the same file. */
  cancel(planId: number): CancelOutcome {
    const at = this.waiting.findIndex((j) => j.planId === planId);
    if (at >= 0) {
      const [job] = this.waiting.splice(at, 1);
      this.fail(job.planId, stopMessage('cancelled'));
      job.settle();
      this.checkIdle();
      return { ok: true, plan: this.store.getPlan(planId)! };
    }
    if (this.current?.job.planId === planId) {
      // the row first, so the answer to the request already says cancelled
      this.fail(planId, stopMessage('cancelled'));
      this.current.abort.abort(new PlanStopped('cancelled'));
      return { ok: true, plan: this.store.getPlan(planId)! };
    }
    const plan = this.store.getPlan(planId);
    if (plan?.status !== 'running') {
      return { ok: false, plan, message: plan ? `plan ${planId} is ${plan.status}: there is nothing to cancel` : `plan ${planId} not found` };
    }
    // another server runs it: the row says so, and that server stops it at its next lease tick
    this.fail(planId, stopMessage('cancelled'));
    return { ok: true, plan: this.store.getPlan(planId)! };
  }

  /** Settles when no plan waits or runs. */
  idle(): Promise<void> {
    if (!this.current && this.waiting.length === 0) return Promise.resolve();
    return new Promise((r) => this.idlers.push(r));
  }

  /** The running plan is stopped and every waiting one marked interrupted; settles when all are. */
  stop(): Promise<void> {
    this.stopped = true;
    clearInterval(this.timer);
    for (const job of this.waiting.splice(0)) {
      this.fail(job.planId, 'interrupted: the server stopped before this plan was made; plan again');
      job.settle();
    }
    if (this.current) {
      this.fail(this.current.job.planId, stopMessage('interrupted'));
      this.current.abort.abort(new PlanStopped('interrupted'));
    }
    return this.idle();
  }

  private async next(): Promise<void> {
    if (this.current) return;
    const job = this.waiting.shift();
    if (!job) return this.checkIdle();
    const abort = new AbortController();
    this.current = { job, abort };
    try {
      await this.run(job, abort);
    } finally {
      this.current = undefined;
      job.settle();
      if (this.waiting.length > 0) setImmediate(() => void this.next());
      else this.checkIdle();
    }
  }

  private async run(job: Job, abort: AbortController): Promise<void> {
    const { planId, ref, seed } = job;
    const started = Date.now();
    const limit = setTimeout(() => abort.abort(new PlanStopped('time_limit')), this.limits.timeLimitMs);
    try {
      const version = this.store.getScenario(ref.id, ref.version);
      if (!version) return this.fail(planId, `scenario ${ref.id} version ${ref.version} is gone`);
      // the queue never waits on a planner that ignores the signal: an abort settles the race
      const stopped = new Promise<never>((_, reject) => abort.signal.addEventListener('abort', () => reject(abort.signal.reason), { once: true }));
      const control: PlanControl = { signal: abort.signal, memoryMb: this.limits.memoryMb };
      const outcome = await Promise.race([Promise.resolve().then(() => this.planner(version.scenario, seed === undefined ? {} : { seed }, control)), stopped]);
      this.store.finishPlan(planId, outcome, outcome.problems.map((p) => p.message));
      this.durations.push(Date.now() - started);
      if (this.durations.length > 10) this.durations.shift();
    } catch (e) {
      if (e instanceof PlanStopped) {
        if (e.why !== 'cancelled_elsewhere') this.fail(planId, stopMessage(e.why, this.limits.timeLimitMs));
        return;
      }
      this.log(`drawdown: planning plan ${planId} (scenario ${ref.id} version ${ref.version}) failed:`, e);
      // the first line only: a module path list or a stack is for the log, not the page
      this.fail(planId, `planning failed: ${firstLine(e)}`);
    } finally {
      clearTimeout(limit);
    }
  }

  /** Marks a plan failed; a row another server or a cancel already closed stays as it is. */
  private fail(planId: number, error: string): void {
    try {
      if (this.store.getPlan(planId)?.status === 'running') this.store.failPlan(planId, error);
    } catch (e) {
      this.log(`drawdown: could not record the end of plan ${planId}:`, e);
    }
  }

  /**
   * Every third of a lease: renew this server's leases, stop a plan that was cancelled from
   * another server, and fail the plans of servers whose leases ran out.
   */
  private tick(): void {
    try {
      this.store.renewLeases(this.owner, Date.now() + this.limits.leaseMs);
      const current = this.current;
      if (current && this.store.getPlan(current.job.planId)?.status !== 'running') current.abort.abort(new PlanStopped('cancelled_elsewhere'));
      const lost = this.store.failExpiredPlans(Date.now(), LOST_MESSAGE);
      if (lost.length > 0) this.log(`drawdown: plans ${lost.join(', ')} were left running by a server that stopped; marked interrupted`);
    } catch (e) {
      this.log('drawdown: could not renew the plan leases:', e);
    }
  }

  /** When a slot is likely to free: the mean time of the last plans, at least a second. */
  private retryAfterS(): number {
    const mean = this.durations.length ? this.durations.reduce((a, b) => a + b, 0) / this.durations.length : 10_000;
    return Math.min(3600, Math.max(1, Math.ceil(mean / 1000)));
  }

  private checkIdle(): void {
    if (this.current || this.waiting.length > 0) return;
    for (const r of this.idlers.splice(0)) r();
  }
}

/** The error a plan left running by a server that stopped (its lease ran out) gets. */
export const LOST_MESSAGE = 'interrupted: the server planning it stopped; plan again';

function stopMessage(why: StopReason, timeLimitMs = 0): string {
  switch (why) {
    case 'cancelled':
    case 'cancelled_elsewhere':
      return 'cancelled: stopped on request before it finished';
    case 'time_limit':
      return `time limit: planning took longer than ${minutes(timeLimitMs)}, the limit for one plan; plan a smaller scenario or ask for a longer limit (DRAWDOWN_PLAN_TIME_LIMIT)`;
    case 'interrupted':
      return 'interrupted: the server stopped while planning; plan again';
  }
}

function minutes(ms: number): string {
  return ms >= 60_000 && ms % 60_000 === 0 ? `${ms / 60_000} min` : `${Math.round(ms / 100) / 10} s`;
}

function firstLine(e: unknown): string {
  const text = e instanceof Error ? e.message : String(e);
  return text.split('\n')[0].trim() || 'unknown error';
}
