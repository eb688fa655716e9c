// What the store keeps: scenarios as numbered versions (the original text, its format and the
// normalised scenario), and plans tied to the scenario version they were made from.

import type { Plan, Scenario } from '../model/index.ts';
import type { AccessStore, AuditStore } from './access-types.ts';

export type ScenarioFormat = 'yaml' | 'json';
export type PlanStatus = 'running' | 'done' | 'failed';

export interface ScenarioInput {
  format: ScenarioFormat;
  /** the text as the planner wrote it, kept byte for byte */
  text: string;
  /** the normalised scenario (its name becomes the version's name) */
  scenario: Scenario;
}

export interface ScenarioRef {
  id: number;
  version: number;
}

export interface ScenarioVersion extends ScenarioRef {
  name: string;
  format: ScenarioFormat;
  text: string;
  scenario: Scenario;
  createdAt: string;
  /** who saved it; null for versions saved before users existed */
  createdBy: string | null;
}

export interface VersionStamp {
  version: number;
  createdAt: string;
  createdBy: string | null;
}

/** A save that names the version it was based on; `by` is who saves it. */
export interface SaveMeta {
  by?: string;
  /** refuse the save unless this is still the latest version */
  baseVersion?: number;
}

export type VersionSaved = { ok: true; ref: ScenarioRef } | { ok: false; latest: number };

export interface ScenarioListing extends ScenarioRef {
  /** the latest version's name */
  name: string;
  /** how many versions there are */
  versions: number;
  /** when the first version was saved */
  createdAt: string;
  latestPlan: { id: number; version: number; status: PlanStatus; feasible: boolean | null; closure: string | null } | null;
}

/** A server's claim on a plan it runs: who (a random id per server) and until when (ms since the epoch). */
export interface Lease {
  owner: string;
  untilMs: number;
}

export interface PlanRecord {
  id: number;
  scenarioId: number;
  version: number;
  status: PlanStatus;
  seed: number | null;
  /** why planning failed; null unless failed */
  error: string | null;
  /** the planner's findings that are not rule violations (stranded cargo, blocked items) */
  problems: string[];
  feasible: boolean | null;
  closure: string | null;
  sorties: number | null;
  costUsd: number | null;
  createdAt: string;
  finishedAt: string | null;
  /** who asked for it; null for plans made before users existed */
  requestedBy: string | null;
}

export interface Store {
  /** A new scenario, saved as its version 1. */
  createScenario(input: ScenarioInput, by?: string): ScenarioRef;
  /**
   * The next version of an existing scenario; undefined when there is no such scenario. With a
   * baseVersion, checked and saved in one transaction: a newer version refuses the save.
   */
  addVersion(id: number, input: ScenarioInput, meta?: SaveMeta): VersionSaved | undefined;
  /** A version (the latest when absent); undefined when missing. */
  getScenario(id: number, version?: number): ScenarioVersion | undefined;
  listVersions(id: number): VersionStamp[];
  listScenarios(): ScenarioListing[];
  /** The scenario whose latest version has this name (the lowest id when several do). */
  findScenarioByName(name: string): ScenarioRef | undefined;

  /** A plan row in status `running`, for a version that must exist; asked for `by` someone, claimed by `lease` when given. */
  startPlan(ref: ScenarioRef, seed: number | null, opts?: { by?: string; lease?: Lease }): PlanRecord;
  finishPlan(id: number, plan: Plan, problems: string[]): void;
  failPlan(id: number, error: string): void;
  /** Marks every `running` plan failed (a restart interrupted them); returns how many. */
  failRunningPlans(error: string): number;
  /** Extends the lease of every running plan `owner` holds to `untilMs`; returns how many. */
  renewLeases(owner: string, untilMs: number): number;
  /**
   * Marks failed the running plans whose lease ran out before `nowMs` (or that have none: rows
   * from before leases): their server stopped without saying so. Returns their ids.
   */
  failExpiredPlans(nowMs: number, error: string): number[];
  getPlan(id: number): PlanRecord | undefined;
  /** The plan document (formats.md) as stored JSON text; undefined unless done. */
  planText(id: number): string | undefined;
  /** Newest first. */
  listPlans(scenarioId: number): PlanRecord[];

  /** Runs fn in one transaction (joining one already open): every write in it, or none. */
  transaction<T>(fn: () => T): T;
  readonly access: AccessStore;
  readonly audit: AuditStore;

  close(): void;
}
