// Reading input off the main thread, for the server: scenario text, a plan to verify, and
// spreadsheets to import are handed to a worker thread with a time and a memory limit, so no
// request body can hold up the others, however it was made. Reading is linear in the input
// (src/scenario/read.ts), so the limits are a second line of defence: a worker over its time
// is terminated and replaced, and the request gets a named limit issue. One worker reads one
// input at a time; a bounded number wait, more are refused with a time to retry.

import { Worker } from 'node:worker_threads';
import type { Issue, Scenario } from '../model/index.ts';
import type { ScenarioFormat, ScenarioRead } from './scenario.ts';
import type { ImportOutcome, ImportRequest } from './sheets.ts';
import type { VerifyResult } from './verify.ts';

export interface ReaderLimits {
  /** a read still running after this long is stopped: its request gets a limit issue */
  timeLimitMs: number;
  /** heap of the reading worker, MB */
  memoryMb: number;
  /** reads waiting for the worker; one more is refused (busy) */
  maxWaiting: number;
}

export const DEFAULT_READER_LIMITS: ReaderLimits = {
  // The largest body the server takes (20 MB) as block YAML read in 40 s and 1.6 GB; JSON in 3 s.
  timeLimitMs: 120_000,
  memoryMb: 3072,
  // Each waiting read holds its body (up to 20 MB): 32 of them are 640 MB.
  maxWaiting: 32,
};

/** The reader is full: ask again later. Shaped as a failed read, so a caller that only lists issues still can. */
export interface Busy {
  ok: false;
  busy: true;
  retryAfterS: number;
  issues: Issue[];
}

/** What verifying a plan found: its shape's issues, or (with a scenario) the verdict. */
export type VerifyRead = { ok: false; issues: Issue[] } | { ok: true; verified?: VerifyResult };

export type Task =
  | { task: 'scenario'; format: ScenarioFormat; text: string }
  | { task: 'scenarioObject'; value: unknown }
  | { task: 'verify'; scenario?: Scenario; plan: unknown }
  | { task: 'import'; request: ImportRequest };

export type Reply = { ok: true; result: unknown } | { ok: false; message: string; stack?: string };

interface Job {
  task: Task;
  resolve: (r: Outcome) => void;
  reject: (e: unknown) => void;
}

type Outcome = { done: true; result: unknown } | { done: false; issue: Issue };

export class Reader {
  private readonly limits: ReaderLimits;
  private worker: Worker | undefined;
  private current: { job: Job; timer: NodeJS.Timeout } | undefined;
  private readonly waiting: Job[] = [];

  constructor(limits: Partial<ReaderLimits> = {}) {
    this.limits = { ...DEFAULT_READER_LIMITS, ...limits };
  }

  scenarioText(format: ScenarioFormat, text: string): Promise<ScenarioRead | Busy> {
    return this.run<ScenarioRead>({ task: 'scenario', format, text }, 'reading the scenario');
  }

  /** A scenario given as an object (JSON already parsed), checked as its JSON text would be, without lines. */
  scenarioObject(value: unknown): Promise<ScenarioRead | Busy> {
    return this.run<ScenarioRead>({ task: 'scenarioObject', value }, 'reading the scenario');
  }

  /** A plan's shape, and with a scenario every rule: the plan may be anything a request held. */
  verify(scenario: Scenario | undefined, plan: unknown): Promise<VerifyRead | Busy> {
    return this.run<VerifyRead>({ task: 'verify', ...(scenario ? { scenario } : {}), plan }, 'verifying the plan');
  }

  importSheets(request: ImportRequest): Promise<ImportOutcome | Busy> {
    return this.run<ImportOutcome>({ task: 'import', request }, 'reading the spreadsheets');
  }

  /** Stops the worker; reads in progress are refused as busy. */
  async close(): Promise<void> {
    const w = this.worker;
    this.worker = undefined;
    for (const job of this.waiting.splice(0)) job.resolve({ done: false, issue: stopping() });
    if (this.current) {
      clearTimeout(this.current.timer);
      this.current.job.resolve({ done: false, issue: stopping() });
      this.current = undefined;
    }
    await w?.terminate();
  }

  private async run<T>(task: Task, what: string): Promise<T | Busy> {
    if (this.waiting.length >= this.limits.maxWaiting) {
      const retryAfterS = 5;
      return { ok: false, busy: true, retryAfterS, issues: [{ path: '', code: 'limit', message: `the server is reading ${this.waiting.length + 1} other inputs; ask again in ${retryAfterS} s` }] };
    }
    const outcome = await new Promise<Outcome>((resolve, reject) => {
      this.waiting.push({ task, resolve, reject });
      this.next();
    });
    if (outcome.done) return outcome.result as T;
    return { ok: false, issues: [{ ...outcome.issue, message: `${what}: ${outcome.issue.message}` }] } as T;
  }

  private next(): void {
    if (this.current) return;
    const job = this.waiting.shift();
    if (!job) {
      this.worker?.unref(); // an idle reader does not keep the process alive
      return;
    }
    const worker = this.ensureWorker();
    worker.ref();
    const timer = setTimeout(() => this.abandon(limitIssue(`it took longer than ${seconds(this.limits.timeLimitMs)}, the limit for one input`)), this.limits.timeLimitMs);
    this.current = { job, timer };
    worker.postMessage(job.task);
  }

  private ensureWorker(): Worker {
    if (this.worker) return this.worker;
    const worker = new Worker(new URL('./read-worker.mjs', import.meta.url), {
      resourceLimits: { maxOldGenerationSizeMb: this.limits.memoryMb },
    });
    worker.on('message', (reply: Reply) => {
      const current = this.current;
      if (!current || this.worker !== worker) return;
      clearTimeout(current.timer);
      this.current = undefined;
      if (reply.ok) current.job.resolve({ done: true, result: reply.result });
      else current.job.reject(Object.assign(new Error(reply.message), { stack: reply.stack }));
      this.next();
    });
    worker.on('error', (e) => {
      if (this.worker !== worker) return;
      const oom = (e as NodeJS.ErrnoException).code === 'ERR_WORKER_OUT_OF_MEMORY';
      this.abandon(oom ? limitIssue(`it needed more than ${this.limits.memoryMb.toLocaleString('en-US')} MB of memory, the limit for one input`) : undefined, e);
    });
    worker.on('exit', () => {
      if (this.worker === worker) this.abandon(undefined, new Error('the reading worker stopped'));
    });
    this.worker = worker;
    return worker;
  }

  /** The current read failed with an issue (a limit) or an error (a bug): a new worker takes the next one. */
  private abandon(issue: Issue | undefined, error?: unknown): void {
    const current = this.current;
    const worker = this.worker;
    this.current = undefined;
    this.worker = undefined;
    if (worker) void worker.terminate();
    if (current) {
      clearTimeout(current.timer);
      if (issue) current.job.resolve({ done: false, issue });
      else current.job.reject(error);
    }
    this.next();
  }
}

function limitIssue(message: string): Issue {
  return { path: '', code: 'limit', message };
}

function stopping(): Issue {
  return limitIssue('the server is stopping');
}

function seconds(ms: number): string {
  return `${Math.round(ms / 100) / 10} s`;
}

/** The reader the server uses unless given its own: one worker for the whole process, started on first use. */
export const sharedReader = new Reader();

export function isBusy(r: { ok: boolean }): r is Busy {
  return !r.ok && (r as Busy).busy === true;
}
