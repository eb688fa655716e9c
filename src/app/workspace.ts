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
import { Access, Audit, SYSTEM, type Actor } from './access/index.ts';
import { fieldChanges, type FieldChange } from './changes.ts';

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
  /** DRAWDOWN_TOKEN: an admin bearer token for automation (never stored) */
  adminToken?: string;
  /** the plan queue's bound, each plan's time and memory limits, the lease (planning.ts) */
  planLimits?: Partial<PlanLimits>;
}

/** A save refused because the version it was based on is no longer the latest. */
export interface VersionConflict {
  baseVersion: number;
  latest: VersionStamp & { name: string };
  /** the versions saved since the base, oldest first */
  since: VersionStamp[];
  /** the fields that differ from the base to the latest (the first 50) */
  changes: FieldChange[];
  /** how many changes there are in all */
  changeCount: number;
}

export type Saved =
  | { ok: true; ref: ScenarioRef; warnings: Issue[]; conflict?: undefined }
  | { ok: false; issues: Issue[]; conflict?: undefined }
  | { ok: false; conflict: VersionConflict; issues?: undefined };

export type { FieldChange };

export class Workspace {
  private readonly planning: PlanQueue;
  private closed = false;
  /** the audit trail: every change below writes its row in the same transaction */
  readonly audit: Audit;
  /** users, sessions and tokens */
  readonly access: Access;

  private constructor(
    private readonly store: Store,
    options: WorkspaceOptions,
  ) {
    this.planning = new PlanQueue(store, options.planner, options.log ?? ((m, e) => console.error(m, e ?? '')), options.planLimits);
    this.audit = new Audit(store);
    this.access = new Access(store, this.audit, { adminToken: options.adminToken });
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
  createScenario(format: ScenarioFormat, text: string, by: Actor = SYSTEM, read?: ScenarioRead): Saved {
    const parsed = read ?? parseScenarioText(format, text);
    if (!parsed.ok) return parsed;
    const ref = this.store.transaction(() => {
      const ref = this.store.createScenario({ format, text, scenario: parsed.scenario }, by.user);
      this.audit.record(by, 'scenario.create', `scenario ${ref.id} version 1`, { name: parsed.scenario.name, format, bytes: text.length });
      return ref;
    });
    return { ok: true, ref, warnings: parsed.warnings };
  }

  /**
   * The next version of a scenario; undefined when there is no such scenario. With `baseVersion`
   * (the version the editor opened), a newer version saved meanwhile refuses the save with what
   * changed since, so nobody overwrites a colleague's edit without seeing it. `read` is the text
   * already read off the main thread.
   */
  addVersion(
    id: number, format: ScenarioFormat, text: string, options: { baseVersion?: number; by?: Actor; read?: ScenarioRead } = {},
  ): Saved | undefined {
    const by = options.by ?? SYSTEM;
    const read = options.read;
    if (!this.store.getScenario(id)) return undefined;
    const parsed = read ?? parseScenarioText(format, text);
    if (!parsed.ok) return parsed;
    const saved = this.store.transaction(() => {
      const r = this.store.addVersion(id, { format, text, scenario: parsed.scenario }, { by: by.user, baseVersion: options.baseVersion });
      if (r?.ok) {
        this.audit.record(by, 'scenario.version', `scenario ${id} version ${r.ref.version}`, {
          name: parsed.scenario.name, format, bytes: text.length, ...(options.baseVersion !== undefined ? { baseVersion: options.baseVersion } : {}),
        });
      }
      return r;
    });
    if (!saved) return undefined;
    if (!saved.ok) return { ok: false, conflict: this.conflict(id, options.baseVersion!, saved.latest) };
    return { ok: true, ref: saved.ref, warnings: parsed.warnings };
  }

  private conflict(id: number, baseVersion: number, latestVersion: number): VersionConflict {
    const latest = this.store.getScenario(id, latestVersion)!;
    const base = this.store.getScenario(id, baseVersion);
    const changes = base ? fieldChanges(base.scenario, latest.scenario) : [];
    return {
      baseVersion,
      latest: { version: latest.version, createdAt: latest.createdAt, createdBy: latest.createdBy, name: latest.name },
      since: this.store.listVersions(id).filter((v) => v.version > baseVersion),
      changes: changes.slice(0, 50),
      changeCount: changes.length,
    };
  }

  /** Queues a plan of a stored version (`done` settles when its row is final), or says when to ask again. */
  requestPlan(ref: ScenarioRef, seed?: number, by: Actor = SYSTEM): PlanRequest {
    const replan = this.store.listPlans(ref.id).some((p) => p.version === ref.version);
    return this.store.transaction(() => {
      const request = this.planning.request(ref, seed, by.user);
      if (request.ok) {
        this.audit.record(by, 'plan.request', `plan ${request.plan.id}`, {
          scenario: ref.id, version: ref.version, ...(seed !== undefined ? { seed } : {}), replan,
        });
      }
      return request;
    });
  }

  /** Stops a waiting or running plan; it is marked failed, "cancelled", with what it was doing. */
  cancelPlan(id: number, by: Actor = SYSTEM): CancelOutcome {
    const r = this.planning.cancel(id);
    if (r.ok) this.audit.record(by, 'plan.cancel', `plan ${id}`, { scenario: r.plan.scenarioId, version: r.plan.version });
    return r;
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
      const request = this.requestPlan({ id: scenarioId, version: latest.version });
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
    const by = SYSTEM;
    if (!existing) {
      const saved = this.createScenario(format, text, by);
      if (!saved.ok) throw new DrawdownError('bad_input', `${file} is not a valid scenario`);
      return saved.ref.id;
    }
    if (this.store.getScenario(existing.id)?.text !== text) this.addVersion(existing.id, format, text, { by });
    return existing.id;
  }
}
