// The only way the page reaches drawdown: the HTTP API of `drawdown serve`.

import type { Plan } from '../../src/model/plan.ts';
import type { Scenario } from '../../src/model/scenario.ts';

/** Scenarios and plans are numbered by the store. */
export type Id = number;

export interface Issue {
  path: string;
  message: string;
  line?: number;
}

export interface PlanBrief {
  id: Id;
  version: number;
  status: string;
  feasible: boolean | null;
  closure: string | null;
}

export interface ScenarioBrief {
  id: Id;
  name: string;
  version: number;
  versions: number;
  createdAt: string;
  latestPlan: PlanBrief | null;
}

export interface ScenarioRecord {
  id: Id;
  version: number;
  versions: { version: number; createdAt: string }[];
  name: string;
  format: string;
  text: string;
  scenario: Scenario;
}

export interface PlanRow {
  id: Id;
  version: number;
  status: string;
  feasible: boolean | null;
  closure: string | null;
  sorties: number | null;
  costUsd: number | null;
  error?: string | null;
  createdAt: string;
}

export type PlanResult =
  | { status: 'done'; plan: Plan }
  | { status: 'running' }
  | { status: 'failed'; error: string };

export class ApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly issues: Issue[] = [],
  ) {
    super(message);
  }
}

async function call<T>(method: string, path: string, body?: { text: string; type: string }): Promise<{ status: number; data: T }> {
  const res = await fetch(path, {
    method,
    headers: body ? { 'content-type': body.type } : undefined,
    body: body?.text,
  });
  const raw = await res.text();
  let data: unknown = null;
  try {
    data = raw ? JSON.parse(raw) : null;
  } catch {
    data = { error: raw };
  }
  return { status: res.status, data: data as T };
}

function fail(status: number, data: unknown): never {
  const d = (data ?? {}) as { error?: unknown; message?: unknown; issues?: Issue[] };
  const msg = typeof d.error === 'string' ? d.error : typeof d.message === 'string' ? d.message : `HTTP ${status}`;
  throw new ApiError(status, msg, Array.isArray(d.issues) ? d.issues : []);
}

/** YAML or JSON text, with the content type the server reads it by. */
export function scenarioBody(text: string): { text: string; type: string } {
  return { text, type: /^\s*[{[]/.test(text) ? 'application/json' : 'application/yaml' };
}

export async function listScenarios(): Promise<ScenarioBrief[]> {
  const r = await call<ScenarioBrief[]>('GET', '/api/scenarios');
  if (r.status !== 200) fail(r.status, r.data);
  return r.data;
}

export async function getScenario(id: Id, version?: number): Promise<ScenarioRecord> {
  const q = version === undefined ? '' : `?version=${version}`;
  const r = await call<ScenarioRecord>('GET', `/api/scenarios/${encodeURIComponent(String(id))}${q}`);
  if (r.status !== 200) fail(r.status, r.data);
  return r.data;
}

export async function listPlans(scenarioId: Id): Promise<PlanRow[]> {
  const r = await call<PlanRow[]>('GET', `/api/scenarios/${encodeURIComponent(String(scenarioId))}/plans`);
  if (r.status !== 200) fail(r.status, r.data);
  return r.data;
}

export async function getPlan(id: Id): Promise<PlanResult> {
  const r = await call<Plan & { error?: string }>('GET', `/api/plans/${encodeURIComponent(String(id))}`);
  if (r.status === 200) return { status: 'done', plan: r.data };
  if (r.status === 202) return { status: 'running' };
  if (r.status === 409) return { status: 'failed', error: r.data?.error ?? 'planning failed' };
  fail(r.status, r.data);
}

export async function validate(text: string): Promise<{ ok: boolean; issues: Issue[]; warnings: Issue[] }> {
  const r = await call<{ ok: boolean; issues?: Issue[]; warnings?: Issue[] }>('POST', '/api/validate', scenarioBody(text));
  if (r.status !== 200 && r.status !== 400) fail(r.status, r.data);
  return { ok: !!r.data.ok, issues: r.data.issues ?? [], warnings: r.data.warnings ?? [] };
}

/** Save as a new scenario, or as the next version of an existing one. */
export async function saveScenario(text: string, scenarioId?: Id): Promise<{ id: Id; version: number }> {
  const path = scenarioId ? `/api/scenarios/${encodeURIComponent(String(scenarioId))}/versions` : '/api/scenarios';
  const r = await call<{ id: Id; version: number }>('POST', path, scenarioBody(text));
  if (r.status !== 201 && r.status !== 200) fail(r.status, r.data);
  return r.data;
}

export async function startPlan(scenarioId: Id, version?: number, seed?: number): Promise<{ id: Id; status: string }> {
  const body = JSON.stringify({ version, seed });
  const r = await call<{ id: Id; status: string }>('POST', `/api/scenarios/${encodeURIComponent(String(scenarioId))}/plans`, {
    text: body,
    type: 'application/json',
  });
  if (r.status !== 202 && r.status !== 200 && r.status !== 201) fail(r.status, r.data);
  return r.data;
}

/** Poll a plan until it is done or failed; bounded so a stuck job cannot hang the page. */
export async function waitForPlan(id: Id, onTick?: (elapsedMs: number) => void, limitMs = 15 * 60_000): Promise<PlanResult> {
  const started = performance.now();
  let delay = 300;
  for (;;) {
    const r = await getPlan(id);
    if (r.status !== 'running') return r;
    const elapsed = performance.now() - started;
    if (elapsed > limitMs) return { status: 'failed', error: `still planning after ${Math.round(elapsed / 1000)} s` };
    onTick?.(elapsed);
    await new Promise((res) => setTimeout(res, delay));
    delay = Math.min(2000, delay * 1.5);
  }
}

/** A spreadsheet problem (the one issue shape), located as the spreadsheet program shows it. */
export interface SheetIssue {
  path: string;
  code: string;
  file?: string;
  /** the row number the spreadsheet program shows */
  line?: number;
  column?: string;
  message: string;
  hint?: string;
  /** `row 7, column "Location": unknown site "nowhere"` */
  text: string;
  /** the cell as written */
  value?: string;
}

export type ImportResult =
  | { ok: true; text: string; warnings: SheetIssue[] }
  | { ok: false; issues: SheetIssue[] };

/** Read an inventory (and roster, mapping) into a base scenario; the server saves nothing. */
export async function importSheets(form: FormData): Promise<ImportResult> {
  // No content-type header: the browser writes the multipart boundary itself.
  const res = await fetch('/api/import', { method: 'POST', body: form });
  const raw = await res.text();
  let data: { ok?: boolean; text?: string; warnings?: SheetIssue[]; issues?: SheetIssue[]; error?: string } | null = null;
  try {
    data = JSON.parse(raw);
  } catch {
    fail(res.status, { error: raw || `HTTP ${res.status}` });
  }
  if (res.status === 200 && data?.ok && typeof data.text === 'string') return { ok: true, text: data.text, warnings: data.warnings ?? [] };
  if (res.status === 400 && Array.isArray(data?.issues)) return { ok: false, issues: data.issues };
  fail(res.status, data);
}

export type ExportWhat = 'dispositions' | 'transfers' | 'handovers' | 'sorties' | 'loadplans' | 'geojson' | 'ics';

/** A plain link target: the server answers with the file as an attachment. */
export function planExportUrl(planId: Id, what: ExportWhat, format?: 'xlsx' | 'csv'): string {
  return `/api/plans/${encodeURIComponent(String(planId))}/export?what=${what}${format ? `&format=${format}` : ''}`;
}

export function inventoryExportUrl(scenarioId: Id, version: number, format: 'xlsx' | 'csv' = 'xlsx'): string {
  return `/api/scenarios/${encodeURIComponent(String(scenarioId))}/export?format=${format}&version=${version}`;
}
