// The Store over any SqlHandle: plain SQL, one transaction per write that touches two tables.

import type { Plan, Scenario } from '../model/index.ts';
import { accessStore, auditStore } from './access-store.ts';
import { inTransaction, type SqlHandle } from './sql.ts';
import type {
  PlanRecord, PlanStatus, ScenarioFormat, ScenarioInput, ScenarioListing, ScenarioRef, ScenarioVersion, Store, VersionStamp,
} from './types.ts';

export interface StoreOptions {
  /** the clock for createdAt and finishedAt (tests pass a fixed one) */
  now?: () => string;
}

interface VersionRow {
  scenario_id: number; version: number; name: string; format: ScenarioFormat;
  text: string; scenario_json: string; created_at: string; created_by: string | null;
}
interface PlanRow {
  id: number; scenario_id: number; version: number; status: PlanStatus; seed: number | null;
  problems_json: string | null; error: string | null; feasible: number | null; closure: string | null;
  sorties: number | null; cost_usd: number | null; created_at: string; finished_at: string | null;
  requested_by: string | null;
}

const PLAN_COLUMNS = `id, scenario_id, version, status, seed, problems_json, error, feasible, closure,
  sorties, cost_usd, created_at, finished_at, requested_by`;

export function sqliteStore(db: SqlHandle, options: StoreOptions = {}): Store {
  const now = options.now ?? (() => new Date().toISOString());

  function latestVersion(id: number): number {
    return (db.prepare('SELECT COALESCE(MAX(version), 0) AS latest FROM scenario_versions WHERE scenario_id = ?').get(id) as { latest: number }).latest;
  }

  function insertVersion(id: number, input: ScenarioInput, at: string, by: string | undefined): ScenarioRef {
    const next = latestVersion(id) + 1;
    db.prepare(`INSERT INTO scenario_versions (scenario_id, version, name, format, text, scenario_json, created_at, created_by)
      VALUES (?, ?, ?, ?, ?, ?, ?, ?)`)
      .run(id, next, input.scenario.name, input.format, input.text, JSON.stringify(input.scenario), at, by ?? null);
    return { id, version: next };
  }

  function finish(id: number, status: PlanStatus, fields: Record<string, unknown>): void {
    const names = Object.keys(fields);
    const sets = names.map((n) => `${n} = ?`).join(', ');
    const r = db.prepare(`UPDATE plans SET status = ?, finished_at = ?, ${sets} WHERE id = ? AND status = 'running'`)
      .run(status, now(), ...names.map((n) => fields[n]), id);
    if (r.changes !== 1) throw new Error(`plan ${id} is not running, so it cannot become ${status}`);
  }

  return {
    access: accessStore(db, now),
    audit: auditStore(db),

    transaction(fn) {
      return inTransaction(db, fn);
    },

    createScenario(input, by) {
      return inTransaction(db, () => {
        const at = now();
        const id = Number(db.prepare('INSERT INTO scenarios (created_at) VALUES (?)').run(at).lastInsertRowid);
        return insertVersion(id, input, at, by);
      });
    },

    addVersion(id, input, meta = {}) {
      return inTransaction(db, () => {
        if (!db.prepare('SELECT 1 FROM scenarios WHERE id = ?').get(id)) return undefined;
        // checked inside the write transaction, so two saves on the same base cannot both pass
        const latest = latestVersion(id);
        if (meta.baseVersion !== undefined && meta.baseVersion !== latest) return { ok: false as const, latest };
        return { ok: true as const, ref: insertVersion(id, input, now(), meta.by) };
      });
    },

    getScenario(id, version) {
      const row = (version === undefined
        ? db.prepare('SELECT * FROM scenario_versions WHERE scenario_id = ? ORDER BY version DESC LIMIT 1').get(id)
        : db.prepare('SELECT * FROM scenario_versions WHERE scenario_id = ? AND version = ?').get(id, version)) as VersionRow | undefined;
      return row ? versionOf(row) : undefined;
    },

    listVersions(id) {
      return (db.prepare('SELECT version, created_at, created_by FROM scenario_versions WHERE scenario_id = ? ORDER BY version').all(id) as
        { version: number; created_at: string; created_by: string | null }[])
        .map((r): VersionStamp => ({ version: r.version, createdAt: r.created_at, createdBy: r.created_by }));
    },

    listScenarios() {
      const rows = db.prepare(`
        SELECT s.id, s.created_at, v.version, v.name, n.versions
        FROM scenarios s
        JOIN (SELECT scenario_id, MAX(version) AS version, COUNT(*) AS versions FROM scenario_versions GROUP BY scenario_id) n
          ON n.scenario_id = s.id
        JOIN scenario_versions v ON v.scenario_id = s.id AND v.version = n.version
        ORDER BY s.id`).all() as { id: number; created_at: string; version: number; name: string; versions: number }[];
      const latest = db.prepare('SELECT id, version, status, feasible, closure FROM plans WHERE scenario_id = ? ORDER BY id DESC LIMIT 1');
      return rows.map((r): ScenarioListing => {
        const p = latest.get(r.id) as Pick<PlanRow, 'id' | 'version' | 'status' | 'feasible' | 'closure'> | undefined;
        return {
          id: r.id, name: r.name, version: r.version, versions: r.versions, createdAt: r.created_at,
          latestPlan: p ? { id: p.id, version: p.version, status: p.status, feasible: bool(p.feasible), closure: p.closure } : null,
        };
      });
    },

    findScenarioByName(name) {
      const r = db.prepare(`
        SELECT v.scenario_id AS id, v.version FROM scenario_versions v
        WHERE v.name = ? AND v.version = (SELECT MAX(version) FROM scenario_versions WHERE scenario_id = v.scenario_id)
        ORDER BY v.scenario_id LIMIT 1`).get(name) as ScenarioRef | undefined;
      return r ? { id: r.id, version: r.version } : undefined;
    },

    startPlan(ref, seed, opts = {}) {
      const { by, lease } = opts;
      const id = Number(db.prepare(`INSERT INTO plans (scenario_id, version, status, seed, created_at, requested_by, lease_owner, lease_until)
        VALUES (?, ?, 'running', ?, ?, ?, ?, ?)`)
        .run(ref.id, ref.version, seed, now(), by ?? null, lease?.owner ?? null, lease?.untilMs ?? null).lastInsertRowid);
      return this.getPlan(id)!;
    },

    finishPlan(id, plan: Plan, problems) {
      finish(id, 'done', {
        plan_json: JSON.stringify(plan),
        problems_json: JSON.stringify(problems),
        feasible: plan.feasible ? 1 : 0,
        closure: plan.closure,
        sorties: plan.sorties.length,
        cost_usd: plan.metrics.costUsd,
      });
    },

    failPlan(id, error) {
      finish(id, 'failed', { error });
    },

    failRunningPlans(error) {
      return db.prepare(`UPDATE plans SET status = 'failed', error = ?, finished_at = ? WHERE status = 'running'`).run(error, now()).changes;
    },

    renewLeases(owner, untilMs) {
      return db.prepare(`UPDATE plans SET lease_until = ? WHERE status = 'running' AND lease_owner = ?`).run(untilMs, owner).changes;
    },

    failExpiredPlans(nowMs, error) {
      // one transaction: the ids returned are exactly the rows changed, even with a second server
      return inTransaction(db, () => {
        const rows = db.prepare(`SELECT id FROM plans WHERE status = 'running' AND (lease_until IS NULL OR lease_until < ?) ORDER BY id`)
          .all(nowMs) as { id: number }[];
        const fail = db.prepare(`UPDATE plans SET status = 'failed', error = ?, finished_at = ? WHERE id = ? AND status = 'running'`);
        const at = now();
        for (const r of rows) fail.run(error, at, r.id);
        return rows.map((r) => r.id);
      });
    },

    getPlan(id) {
      const row = db.prepare(`SELECT ${PLAN_COLUMNS} FROM plans WHERE id = ?`).get(id) as PlanRow | undefined;
      return row ? planOf(row) : undefined;
    },

    planText(id) {
      const row = db.prepare(`SELECT plan_json FROM plans WHERE id = ? AND status = 'done'`).get(id) as { plan_json: string } | undefined;
      return row?.plan_json;
    },

    listPlans(scenarioId) {
      return (db.prepare(`SELECT ${PLAN_COLUMNS} FROM plans WHERE scenario_id = ? ORDER BY id DESC`).all(scenarioId) as PlanRow[]).map(planOf);
    },

    close() {
      db.close();
    },
  };
}

function bool(v: number | null): boolean | null {
  return v === null ? null : v !== 0;
}

function versionOf(r: VersionRow): ScenarioVersion {
  return {
    id: r.scenario_id, version: r.version, name: r.name, format: r.format, text: r.text,
    scenario: JSON.parse(r.scenario_json) as Scenario, createdAt: r.created_at, createdBy: r.created_by,
  };
}

function planOf(r: PlanRow): PlanRecord {
  return {
    id: r.id, scenarioId: r.scenario_id, version: r.version, status: r.status, seed: r.seed, error: r.error,
    problems: r.problems_json ? (JSON.parse(r.problems_json) as string[]) : [],
    feasible: bool(r.feasible), closure: r.closure, sorties: r.sorties, costUsd: r.cost_usd,
    createdAt: r.created_at, finishedAt: r.finished_at, requestedBy: r.requested_by,
  };
}
