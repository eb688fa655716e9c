// Use cases of the shared workspace: scenarios kept as numbered versions, plans made in the
// background and kept beside the version they came from, verification against a stored
// version, and the set-up `drawdown start` does. The HTTP server and the CLI reach the store
// only through this door, so every write passes the same checks.

import { readFileSync } from 'node:fs';
import { extname } from 'node:path';
import type { Issue, Plan } from '../model/index.ts';
import { DrawdownError } from '../model/errors.ts';
import { DEFAULT_DB, openStore, type Store } from '../store/index.ts';
import { LOST_MESSAGE, PlanQueue, type CancelOutcome, type Log, type PlanLimits, type Planner, type PlanRequest } from './planning.ts';
import { parseScenarioText, type ScenarioFormat, type ScenarioRead } from './scenario.ts';
import { formatIssue } from '../model/index.ts';

export type {
  PlanRecord, PlanStatus, ScenarioListing, ScenarioRef, ScenarioVersion, VersionStamp,
} from '../store/index.ts';
export type { CancelOutcome, Log, PlanControl, PlanLimits, Planner, PlanRequest } from './planning.ts';
export { DEFAULT_PLAN_LIMITS } from './planning.ts';
export { DEFAULT_DB };
import type { PlanRecord, ScenarioListing, ScenarioRef, ScenarioVersion, VersionStamp } from '../store/index.ts';

export interface WorkspaceOptions {
  /** a database file or ':memory:'; default ./data/drawdown.db */
  db?: string;
  /** the planner (default: the real one, in a worker thread) */
  planner?: Planner;
  /** where failed plans are logged; default console.error */
  log?: Log;
  /** the plan queue's bound, each plan's time and memory limits, the lease (planning.ts) */
  planLimits?: Partial<PlanLimits>;
}

export type Saved = { ok: true; ref: ScenarioRef; warnings: Issue[] } | { ok: false; issues: Issue[] };

export class Workspace {
  private readonly planning: PlanQueue;
  private closed = false;

  private constructor(
    private readonly store: Store,
    options: WorkspaceOptions,
  ) {
    this.planning = new PlanQueue(store, options.planner, options.log ?? ((m, e) => console.error(m, e ?? '')), options.planLimits);
  }

  /** Opens (and creates when missing) the workspace database. */
  static open(options: WorkspaceOptions = {}): Workspace {
    const store = openStore(options.db ?? DEFAULT_DB);
    // a plan still running in the file whose lease ran out was cut off when its server stopped;
    // one whose lease holds belongs to a server still running on the same file
    store.failExpiredPlans(Date.now(), LOST_MESSAGE);
    return new Workspace(store, options);
  }

  /** This workspace's name on the leases of the plans it runs. */
  get planOwner(): string {
    return this.planning.owner;
  }

  listScenarios(): ScenarioListing[] {
    return this.store.listScenarios();
  }

  getScenario(id: number, version?: number): ScenarioVersion | undefined {
    return this.store.getScenario(id, version);
  }

  listVersions(id: number): VersionStamp[] {
    return this.store.listVersions(id);
  }

  /** A new scenario from its text, checked first (or already read, off the main thread); saved as version 1. */
  createScenario(format: ScenarioFormat, text: string, read?: ScenarioRead): Saved {
    const parsed = read ?? parseScenarioText(format, text);
    if (!parsed.ok) return parsed;
    return { ok: true, ref: this.store.createScenario({ format, text, scenario: parsed.scenario }), warnings: parsed.warnings };
  }

  /** The next version of a scenario; undefined when there is no such scenario. */
  addVersion(id: number, format: ScenarioFormat, text: string, read?: ScenarioRead): Saved | undefined {
    if (!this.store.getScenario(id)) return undefined;
    const parsed = read ?? parseScenarioText(format, text);
    if (!parsed.ok) return parsed;
    const ref = this.store.addVersion(id, { format, text, scenario: parsed.scenario });
    return ref ? { ok: true, ref, warnings: parsed.warnings } : undefined;
  }

  /** Queues a plan of a stored version (`done` settles when its row is final), or says when to ask again. */
  requestPlan(ref: ScenarioRef, seed?: number): PlanRequest {
    return this.planning.request(ref, seed);
  }

  /** Stops a waiting or running plan; it is marked failed, "cancelled", with what it was doing. */
  cancelPlan(id: number): CancelOutcome {
    return this.planning.cancel(id);
  }

  getPlan(id: number): PlanRecord | undefined {
    return this.store.getPlan(id);
  }

  /** The plan document as stored JSON text; undefined unless done. */
  planText(id: number): string | undefined {
    return this.store.planText(id);
  }

  planDocument(id: number): Plan | undefined {
    const text = this.store.planText(id);
    return text === undefined ? undefined : (JSON.parse(text) as Plan);
  }

  listPlans(scenarioId: number): PlanRecord[] {
    return this.store.listPlans(scenarioId);
  }

  /** Settles when every queued plan has finished. */
  idle(): Promise<void> {
    return this.planning.idle();
  }

  /** The running plan is stopped and queued ones fail, marked interrupted; then the file closes. */
  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await this.planning.stop();
    this.store.close();
  }

  /**
   * `drawdown start`: the scenario of a file, loaded once (found by name; a changed file becomes
   * a new version, nothing stored is overwritten), planned when its latest version has no
   * finished plan. Returns the scenario and the plan the page opens on.
   */
  async prepare(file: string): Promise<{ scenarioId: number; planId: number; failed?: string }> {
    const scenarioId = this.ensureScenarioFile(file);
    const latest = this.store.getScenario(scenarioId)!;
    let plan = this.store.listPlans(scenarioId).find((p) => p.status === 'done' && p.version === latest.version);
    if (!plan) {
      const request = this.planning.request({ id: scenarioId, version: latest.version });
      if (!request.ok) throw new DrawdownError('usage', request.message);
      await request.done;
      plan = this.store.getPlan(request.plan.id)!;
      if (plan.status === 'failed') return { scenarioId, planId: plan.id, failed: plan.error ?? 'unknown error' };
    }
    return { scenarioId, planId: plan.id };
  }

  private ensureScenarioFile(file: string): number {
    let text: string;
    try {
      text = readFileSync(file, 'utf8');
    } catch (e) {
      throw new DrawdownError('unreadable', `cannot read ${file} (${(e as NodeJS.ErrnoException).code ?? 'error'})`);
    }
    const format: ScenarioFormat = extname(file).toLowerCase() === '.json' ? 'json' : 'yaml';
    const parsed = parseScenarioText(format, text);
    if (!parsed.ok) {
      throw new DrawdownError('bad_input', `${file} is not a valid scenario:\n${parsed.issues.map((i) => formatIssue(i, file)).join('\n')}`);
    }
    const existing = this.store.findScenarioByName(parsed.scenario.name);
    if (!existing) return this.store.createScenario({ format, text, scenario: parsed.scenario }).id;
    if (this.store.getScenario(existing.id)?.text !== text) this.store.addVersion(existing.id, { format, text, scenario: parsed.scenario });
    return existing.id;
  }
}
