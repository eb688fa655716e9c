// The only way the page reaches drawdown: the HTTP API of `drawdown serve`.

import type { Plan } from '../../src/model/plan.ts';
import type { Scenario } from '../../src/model/scenario.ts';
import type { AuditEntry } from '../../src/app/access/audit.ts';

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
  versions: { version: number; createdAt: string; createdBy: string | null }[];
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

/** What a save based on an old version gets back (409): who saved what since. */
export interface Conflict {
  error: string;
  baseVersion: number;
  latest: { version: number; createdAt: string; createdBy: string | null; name: string };
  since: { version: number; createdAt: string; createdBy: string | null }[];
  changes: { path: string; before?: string; after?: string }[];
  changeCount: number;
}

export class ConflictError extends ApiError {
  constructor(readonly conflict: Conflict) {
    super(409, conflict.error);
  }
}

/** Signed out (the session ended or was never there): the page shows its sign-in form. */
export const SIGNED_OUT = 'drawdown:signed-out';

function signedOut(status: number): void {
  if (status === 401) window.dispatchEvent(new Event(SIGNED_OUT));
}

async function call<T>(method: string, path: string, body?: { text: string; type: string }): Promise<{ status: number; data: T }> {
  const res = await fetch(path, {
    method,
    headers: body ? { 'content-type': body.type } : undefined,
    body: body?.text,
    credentials: 'same-origin',
  });
  if (path !== '/api/session' || method !== 'POST') signedOut(res.status);
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

export async function validate(text: string): Promise<{ ok: boolean; issues: Issue[]; warnings: Issue[]; name?: string }> {
  const r = await call<{ ok: boolean; issues?: Issue[]; warnings?: Issue[]; name?: string }>('POST', '/api/validate', scenarioBody(text));
  if (r.status !== 200 && r.status !== 400) fail(r.status, r.data);
  return { ok: !!r.data.ok, issues: r.data.issues ?? [], warnings: r.data.warnings ?? [], ...(r.data.name ? { name: r.data.name } : {}) };
}

/**
 * Save as a new scenario, or as the next version of an existing one based on `baseVersion`
 * (the version the editor opened): when someone saved a newer one meanwhile, a ConflictError.
 */
export async function saveScenario(text: string, target?: { id: Id; baseVersion: number }): Promise<{ id: Id; version: number }> {
  const path = target ? `/api/scenarios/${encodeURIComponent(String(target.id))}/versions?baseVersion=${target.baseVersion}` : '/api/scenarios';
  const r = await call<{ id: Id; version: number }>('POST', path, scenarioBody(text));
  if (r.status === 409) throw new ConflictError(r.data as unknown as Conflict);
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
  const res = await fetch('/api/import', { method: 'POST', body: form, credentials: 'same-origin' });
  signedOut(res.status);
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

export type Role = 'viewer' | 'planner' | 'admin';

export interface Me {
  user: string;
  role: Role;
  via: string;
  /** false for the start link and tokens: nothing to change */
  hasPassword: boolean;
}

/** Who is signed in; null when nobody is. */
export async function whoAmI(): Promise<Me | null> {
  const r = await call<Me>('GET', '/api/session');
  if (r.status === 401) return null;
  if (r.status !== 200) fail(r.status, r.data);
  return r.data;
}

/** Sign in with a name and password, or with a token (the one-time link); the server sets the session cookie. */
export async function signIn(credentials: { name: string; password: string } | { token: string }): Promise<{ ok: true } | { ok: false; error: string }> {
  const r = await call<{ error?: string }>('POST', '/api/session', { text: JSON.stringify(credentials), type: 'application/json' });
  if (r.status === 200) return { ok: true };
  if (r.status === 401 || r.status === 429 || r.status === 400) return { ok: false, error: r.data?.error ?? 'could not sign in' };
  fail(r.status, r.data);
}

export async function signOut(): Promise<void> {
  await call('DELETE', '/api/session');
}

export async function changePassword(current: string, password: string): Promise<{ ok: true } | { ok: false; issues: Issue[] }> {
  const r = await call<{ issues?: Issue[] }>('POST', '/api/session/password', { text: JSON.stringify({ current, password }), type: 'application/json' });
  if (r.status === 200) return { ok: true };
  if ((r.status === 400 || r.status === 403) && r.data?.issues) return { ok: false, issues: r.data.issues };
  fail(r.status, r.data);
}

/** One entry of the audit trail as GET /api/audit gives it (the app's own type). */
export type AuditRow = AuditEntry;

export async function listAudit(query: { before?: number; user?: string; action?: string; limit?: number } = {}): Promise<AuditRow[]> {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(query)) if (v !== undefined && v !== '') q.set(k, String(v));
  const r = await call<AuditRow[]>('GET', `/api/audit${q.size ? `?${q}` : ''}`);
  if (r.status !== 200) fail(r.status, r.data);
  return r.data;
}

export async function verifyAudit(): Promise<{ ok: boolean; rows: number; head: string; broken?: { id: number; reason: string } }> {
  const r = await call<{ ok: boolean; rows: number; head: string; broken?: { id: number; reason: string } }>('GET', '/api/audit/verify');
  if (r.status !== 200) fail(r.status, r.data);
  return r.data;
}

export const AUDIT_CSV = '/api/audit.csv';
