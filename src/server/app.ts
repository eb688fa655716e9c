// The HTTP API (docs/api.md) on Hono with web-standard Request and Response: routes read the
// request, call one use case of src/app (the workspace, verify, import, export), and answer
// JSON. No Node server here.

import { join } from 'node:path';
import { Hono, type Context } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import {
  isBusy, PACKAGE_ROOT, sharedReader, VERSION, type PlanRecord, type Log, type Reader, type Workspace,
} from '../app/index.ts';
import type { Issue, Scenario } from '../model/index.ts';
import { registerAccessRoutes } from './access-routes.ts';
import { errorHandler, notFound } from './errors.ts';
import { actor, authenticate, authorize, hostCheck, noCrossSiteWrites, securityHeaders, type AppEnv } from './guard.ts';
import { joinPath, jsonBody, PlanRequestSchema, positiveInt, refuse, scenarioText, VerifyRequestSchema, zodIssues } from './input.ts';
import { openApiDocument } from './openapi.ts';
import { registerSheetRoutes } from './sheets.ts';
import { staticResponse } from './static.ts';

export { VERSION };

export interface AppDeps {
  workspace: Workspace;
  /** the built page; default <package>/web/dist */
  webRoot?: string;
  /** largest request body in bytes; default 20 MB */
  maxBodyBytes?: number;
  /** where internal errors and failed plans are logged; default console.error */
  log?: Log;
  /** the host names the server answers for (the Host header; 421 otherwise); default this machine's loopback names */
  hosts?: Iterable<string>;
  /** the remote address of a request, for the audit trail (the Node adapter reads the socket) */
  clientAddress?: (c: Context) => string | undefined;
  /** reads request bodies off the main thread, with time and memory limits; default one shared worker */
  reader?: Reader;
}

export const LOOPBACK_HOSTS: readonly string[] = ['localhost', '127.0.0.1', '[::1]'];

export const DEFAULT_MAX_BODY = 20 * 1024 * 1024;

export function createApp(deps: AppDeps): Hono<AppEnv> {
  const { workspace } = deps;
  const log: Log = deps.log ?? ((m, e) => console.error(m, e ?? ''));
  const webRoot = deps.webRoot ?? join(PACKAGE_ROOT, 'web', 'dist');
  const maxBody = deps.maxBodyBytes ?? DEFAULT_MAX_BODY;
  const reader = deps.reader ?? sharedReader;
  const app = new Hono<AppEnv>();

  app.onError(errorHandler(log));
  // who may do what (guard.ts, routes.ts): headers, Host, who the request is, no cross-site writes, the route's role
  app.use('*', securityHeaders());
  app.use('*', hostCheck(new Set([...(deps.hosts ?? LOOPBACK_HOSTS)].map((h) => h.toLowerCase()))));
  app.use('/api/*', authenticate(workspace, deps.clientAddress ?? (() => 'local')));
  app.use('/api/*', noCrossSiteWrites());
  app.use('/api/*', authorize(workspace));
  app.use('/api/*', bodyLimit({
    maxSize: maxBody,
    onError: (c) => c.json({ error: `request body too large: the limit is ${maxBody} bytes`, code: 'too_large' }, 413),
  }));

  app.get('/api/health', (c) => c.json({ ok: true, version: VERSION }));
  app.get('/api/openapi.json', (c) => c.json(openApiDocument(VERSION)));

  app.get('/api/scenarios', (c) => c.json(workspace.listScenarios()));

  app.post('/api/scenarios', async (c) => {
    const body = await scenarioText(c, reader);
    if (!body.ok) return refuse(c, body);
    const saved = workspace.createScenario(body.value.format, body.value.text, actor(c), body.value.read);
    if (!saved.ok) return c.json({ issues: saved.issues }, 400);
    return c.json({ ...saved.ref, warnings: saved.warnings }, 201, { location: `/api/scenarios/${saved.ref.id}` });
  });

  app.post('/api/scenarios/:id/versions', async (c) => {
    const id = scenarioId(c);
    const base = baseVersion(c, id);
    if (!base.ok) return base.res;
    const body = await scenarioText(c, reader);
    if (!body.ok) return refuse(c, body);
    const saved = workspace.addVersion(id, body.value.format, body.value.text, { baseVersion: base.version, by: actor(c), read: body.value.read });
    if (!saved) throw notFound(`scenario ${id}`);
    if (saved.conflict) {
      const { latest } = saved.conflict;
      return c.json({
        error: `version ${latest.version} was saved${latest.createdBy ? ` by ${latest.createdBy}` : ''} at ${latest.createdAt} after version ${base.version}, which this edit started from: nothing was saved`,
        code: 'conflict', ...saved.conflict,
      }, 409);
    }
    if (!saved.ok) return c.json({ issues: saved.issues }, 400);
    return c.json({ ...saved.ref, warnings: saved.warnings }, 201, { location: `/api/scenarios/${id}?version=${saved.ref.version}` });
  });

  app.post('/api/validate', async (c) => {
    const body = await scenarioText(c, reader);
    if (!body.ok) return refuse(c, body);
    const parsed = body.value.read;
    return c.json(parsed.ok
      ? { ok: true, issues: [], warnings: parsed.warnings, name: parsed.scenario.name }
      : { ok: false, issues: parsed.issues, warnings: [] });
  });

  app.get('/api/scenarios/:id', (c) => {
    const id = scenarioId(c);
    const query = c.req.query('version');
    const version = positiveInt(query);
    if (query !== undefined && version === undefined) {
      return c.json({ issues: [{ path: 'version', code: 'value', value: query, message: `expected a version number (1, 2, ...), got "${query}"` }] }, 400);
    }
    const found = workspace.getScenario(id, version);
    if (!found) throw notFound(version === undefined ? `scenario ${id}` : `scenario ${id} version ${version}`);
    return c.json({
      id: found.id, version: found.version, versions: workspace.listVersions(id), name: found.name,
      format: found.format, text: found.text, scenario: found.scenario, createdAt: found.createdAt,
    });
  });

  app.post('/api/scenarios/:id/plans', async (c) => {
    const id = scenarioId(c);
    const body = await jsonBody(c, true);
    if (!body.ok) return refuse(c, body);
    const req = PlanRequestSchema.safeParse(body.value);
    if (!req.success) return c.json({ issues: zodIssues(req.error) }, 400);
    const found = workspace.getScenario(id, req.data.version);
    if (!found) throw notFound(req.data.version === undefined ? `scenario ${id}` : `scenario ${id} version ${req.data.version}`);
    const requested = workspace.requestPlan({ id, version: found.version }, req.data.seed, actor(c));
    if (!requested.ok) return c.json({ error: requested.message, code: 'busy' }, 429, { 'retry-after': String(requested.retryAfterS) });
    const { plan } = requested;
    return c.json({ id: plan.id, status: plan.status, scenarioId: id, version: found.version }, 202, { location: `/api/plans/${plan.id}` });
  });

  app.get('/api/scenarios/:id/plans', (c) => {
    const id = scenarioId(c);
    if (!workspace.getScenario(id)) throw notFound(`scenario ${id}`);
    return c.json(workspace.listPlans(id).map(planListing));
  });

  app.get('/api/plans/:id', (c) => {
    const plan = planRecord(c);
    if (plan.status === 'running') return c.json({ id: plan.id, status: plan.status }, 202);
    if (plan.status === 'failed') return c.json({ id: plan.id, status: plan.status, error: plan.error }, 409);
    const text = workspace.planText(plan.id);
    if (text === undefined) throw new Error(`plan ${plan.id} is done but has no document`);
    return c.body(text, 200, { 'content-type': 'application/json; charset=utf-8' });
  });

  app.post('/api/plans/:id/cancel', (c) => {
    const plan = planRecord(c);
    const r = workspace.cancelPlan(plan.id, actor(c));
    if (!r.ok) return c.json({ id: plan.id, status: plan.status, error: r.message, code: 'conflict' }, 409);
    return c.json({ id: r.plan.id, status: r.plan.status, error: r.plan.error });
  });

  app.get('/api/plans/:id/meta', (c) => {
    const p = planRecord(c);
    return c.json({
      id: p.id, scenarioId: p.scenarioId, version: p.version, status: p.status, error: p.error, seed: p.seed,
      problems: p.problems, feasible: p.feasible, closure: p.closure, sorties: p.sorties, costUsd: p.costUsd,
      createdAt: p.createdAt, finishedAt: p.finishedAt,
    });
  });

  app.post('/api/verify', async (c) => {
    const body = await jsonBody(c);
    if (!body.ok) return refuse(c, body);
    const req = VerifyRequestSchema.safeParse(body.value);
    if (!req.success) return c.json({ issues: zodIssues(req.error) }, 400);
    const { scenario: object, scenarioText: text, scenarioFormat, scenarioId: storedId, version, plan } = req.data;
    const issues: Issue[] = [];
    const given = [object, text, storedId].filter((x) => x !== undefined).length;
    if (given !== 1) issues.push({ path: '', code: 'usage', message: 'give exactly one of scenario (an object), scenarioText (YAML or JSON text) or scenarioId' });
    let scenario: Scenario | undefined;
    if (given === 1 && storedId !== undefined) {
      scenario = workspace.getScenario(storedId, version)?.scenario;
      if (!scenario) throw notFound(version === undefined ? `scenario ${storedId}` : `scenario ${storedId} version ${version}`);
    } else if (given === 1) {
      const parsed = object !== undefined ? await reader.scenarioObject(object) : await reader.scenarioText(scenarioFormat ?? 'yaml', text!);
      if (isBusy(parsed)) return refuse(c, parsed);
      if (parsed.ok) scenario = parsed.scenario;
      else issues.push(...parsed.issues.map((i) => ({ ...i, path: joinPath('scenario', i.path) })));
    }
    // the plan's shape, and with a valid scenario every rule, off the main thread
    const shaped = plan === undefined ? undefined : await reader.verify(issues.length === 0 ? scenario : undefined, plan);
    if (shaped && isBusy(shaped)) return refuse(c, shaped);
    if (!shaped) issues.push({ path: 'plan', code: 'required', message: 'the plan is missing' });
    else if (!shaped.ok) issues.push(...shaped.issues.map((i) => ({ ...i, path: joinPath('plan', i.path) })));
    if (issues.length > 0 || !scenario || !shaped?.ok || !shaped.verified) return c.json({ issues }, 400);
    const verified = shaped.verified;
    if (!verified.ok) return c.json({ issues: verified.issues }, 400);
    return c.json({ valid: verified.valid, violations: verified.violations });
  });

  registerSheetRoutes(app, workspace, reader);
  registerAccessRoutes(app, workspace);

  app.all('/api/*', (c) => c.json({ error: `no route ${c.req.method} ${new URL(c.req.url).pathname}`, code: 'not_found' }, 404));

  app.on(['GET', 'HEAD'], '*', async (c) => {
    const res = await staticResponse(webRoot, new URL(c.req.url).pathname, c.req.method === 'HEAD');
    return res ?? c.json({ error: `not found: ${new URL(c.req.url).pathname}`, code: 'not_found' }, 404);
  });
  app.notFound((c) => c.json({ error: `no route ${c.req.method} ${new URL(c.req.url).pathname}`, code: 'not_found' }, 404));

  /** The version an edit started from (`?baseVersion=N`): a save must say it, so a newer version is never overwritten unseen. */
  function baseVersion(c: Context, id: number): { ok: true; version: number } | { ok: false; res: Response } {
    const text = c.req.query('baseVersion');
    const version = positiveInt(text);
    if (version !== undefined) return { ok: true, version };
    const latest = workspace.getScenario(id)?.version;
    if (latest === undefined) throw notFound(`scenario ${id}`);
    return {
      ok: false,
      res: c.json({ issues: [{
        path: 'baseVersion', code: text === undefined ? 'required' : 'value', ...(text !== undefined ? { value: text } : {}),
        message: `give the version this edit started from as ?baseVersion=N (the latest is ${latest}); a save based on an older version is refused with what changed since`,
      }] }, 400),
    };
  }

  function scenarioId(c: Context): number {
    const id = positiveInt(c.req.param('id'));
    if (id === undefined) throw notFound(`scenario ${c.req.param('id')}`);
    return id;
  }

  function planRecord(c: Context): PlanRecord {
    const id = positiveInt(c.req.param('id'));
    const plan = id === undefined ? undefined : workspace.getPlan(id);
    if (!plan) throw notFound(`plan ${c.req.param('id')}`);
    return plan;
  }

  return app;
}

function planListing(p: PlanRecord) {
  return {
    id: p.id, version: p.version, status: p.status, feasible: p.feasible, closure: p.closure, sorties: p.sorties,
    costUsd: p.costUsd, seed: p.seed, error: p.error, createdAt: p.createdAt, finishedAt: p.finishedAt,
  };
}
