// The HTTP API (docs/api.md) on Hono with web-standard Request and Response: routes read the
// request, call the store, the planner queue or the verifier, and answer JSON. No Node server here.

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Hono, type Context } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { PACKAGE_ROOT } from '../app/paths.ts';
import type { Scenario } from '../model/index.ts';
import type { PlanRecord, Store } from '../store/index.ts';
import { parsePlan } from '../verify/plan-shape.ts';
import { verifyPlan } from '../verify/index.ts';
import { errorHandler, notFound } from './errors.ts';
import {
  joinPath, jsonBody, parseScenarioText, PlanRequestSchema, positiveInt, scenarioText, VerifyRequestSchema, zodIssues,
  type Issue,
} from './input.ts';
import { openApiDocument } from './openapi.ts';
import { PlanQueue, type Log, type Planner } from './planning.ts';
import { registerSheetRoutes } from './sheets.ts';
import { staticResponse } from './static.ts';

export interface AppDeps {
  store: Store;
  /** the planning queue; made from `planner` (default: the real planner) when absent */
  planning?: PlanQueue;
  planner?: Planner;
  /** the built page; default <package>/web/dist */
  webRoot?: string;
  /** largest request body in bytes; default 20 MB */
  maxBodyBytes?: number;
  /** where internal errors and failed plans are logged; default console.error */
  log?: Log;
}

export const DEFAULT_MAX_BODY = 20 * 1024 * 1024;
export const VERSION: string = (JSON.parse(readFileSync(join(PACKAGE_ROOT, 'package.json'), 'utf8')) as { version: string }).version;

export function createApp(deps: AppDeps): Hono {
  const { store } = deps;
  const log: Log = deps.log ?? ((m, e) => console.error(m, e ?? ''));
  const planning = deps.planning ?? new PlanQueue(store, deps.planner, log);
  const webRoot = deps.webRoot ?? join(PACKAGE_ROOT, 'web', 'dist');
  const maxBody = deps.maxBodyBytes ?? DEFAULT_MAX_BODY;
  const app = new Hono();

  app.onError(errorHandler(log));
  app.use('/api/*', bodyLimit({
    maxSize: maxBody,
    onError: (c) => c.json({ error: `request body too large: the limit is ${maxBody} bytes`, code: 'too_large' }, 413),
  }));

  app.get('/api/health', (c) => c.json({ ok: true, version: VERSION }));
  app.get('/api/openapi.json', (c) => c.json(openApiDocument(VERSION)));

  app.get('/api/scenarios', (c) => c.json(store.listScenarios()));

  app.post('/api/scenarios', async (c) => {
    const body = await scenarioText(c);
    if (!body.ok) return c.json({ issues: body.issues }, 400);
    const parsed = parseScenarioText(body.value.format, body.value.text);
    if (!parsed.ok) return c.json({ issues: parsed.issues }, 400);
    const ref = store.createScenario({ ...body.value, scenario: parsed.scenario });
    return c.json({ ...ref, warnings: parsed.warnings }, 201, { location: `/api/scenarios/${ref.id}` });
  });

  app.post('/api/scenarios/:id/versions', async (c) => {
    const id = scenarioId(c);
    const body = await scenarioText(c);
    if (!body.ok) return c.json({ issues: body.issues }, 400);
    const parsed = parseScenarioText(body.value.format, body.value.text);
    if (!parsed.ok) return c.json({ issues: parsed.issues }, 400);
    const ref = store.addVersion(id, { ...body.value, scenario: parsed.scenario });
    if (!ref) throw notFound(`scenario ${id}`);
    return c.json({ ...ref, warnings: parsed.warnings }, 201, { location: `/api/scenarios/${id}?version=${ref.version}` });
  });

  app.post('/api/validate', async (c) => {
    const body = await scenarioText(c);
    if (!body.ok) return c.json({ issues: body.issues }, 400);
    const parsed = parseScenarioText(body.value.format, body.value.text);
    return c.json(parsed.ok
      ? { ok: true, issues: [], warnings: parsed.warnings }
      : { ok: false, issues: parsed.issues, warnings: [] });
  });

  app.get('/api/scenarios/:id', (c) => {
    const id = scenarioId(c);
    const query = c.req.query('version');
    const version = positiveInt(query);
    if (query !== undefined && version === undefined) {
      return c.json({ issues: [{ path: 'version', message: `expected a version number (1, 2, ...), got "${query}"` }] }, 400);
    }
    const found = store.getScenario(id, version);
    if (!found) throw notFound(version === undefined ? `scenario ${id}` : `scenario ${id} version ${version}`);
    return c.json({
      id: found.id, version: found.version, versions: store.listVersions(id), name: found.name,
      format: found.format, text: found.text, scenario: found.scenario, createdAt: found.createdAt,
    });
  });

  app.post('/api/scenarios/:id/plans', async (c) => {
    const id = scenarioId(c);
    const body = await jsonBody(c, true);
    if (!body.ok) return c.json({ issues: body.issues }, 400);
    const req = PlanRequestSchema.safeParse(body.value);
    if (!req.success) return c.json({ issues: zodIssues(req.error) }, 400);
    const found = store.getScenario(id, req.data.version);
    if (!found) throw notFound(req.data.version === undefined ? `scenario ${id}` : `scenario ${id} version ${req.data.version}`);
    const { plan } = planning.request({ id, version: found.version }, req.data.seed);
    return c.json({ id: plan.id, status: plan.status, scenarioId: id, version: found.version }, 202, { location: `/api/plans/${plan.id}` });
  });

  app.get('/api/scenarios/:id/plans', (c) => {
    const id = scenarioId(c);
    if (!store.getScenario(id)) throw notFound(`scenario ${id}`);
    return c.json(store.listPlans(id).map(planListing));
  });

  app.get('/api/plans/:id', (c) => {
    const plan = planRecord(c);
    if (plan.status === 'running') return c.json({ id: plan.id, status: plan.status }, 202);
    if (plan.status === 'failed') return c.json({ id: plan.id, status: plan.status, error: plan.error }, 409);
    const text = store.planText(plan.id);
    if (text === undefined) throw new Error(`plan ${plan.id} is done but has no document`);
    return c.body(text, 200, { 'content-type': 'application/json; charset=utf-8' });
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
    if (!body.ok) return c.json({ issues: body.issues }, 400);
    const req = VerifyRequestSchema.safeParse(body.value);
    if (!req.success) return c.json({ issues: zodIssues(req.error) }, 400);
    const { scenario: object, scenarioText: text, scenarioFormat, scenarioId: storedId, version, plan } = req.data;
    const issues: Issue[] = [];
    const given = [object, text, storedId].filter((x) => x !== undefined).length;
    if (given !== 1) issues.push({ path: '', message: 'give exactly one of scenario (an object), scenarioText (YAML or JSON text) or scenarioId' });
    let scenario: Scenario | undefined;
    if (given === 1 && storedId !== undefined) {
      scenario = store.getScenario(storedId, version)?.scenario;
      if (!scenario) throw notFound(version === undefined ? `scenario ${storedId}` : `scenario ${storedId} version ${version}`);
    } else if (given === 1) {
      const parsed = object !== undefined
        ? parseScenarioText('json', JSON.stringify(object))
        : parseScenarioText(scenarioFormat ?? 'yaml', text!);
      if (parsed.ok) scenario = parsed.scenario;
      // lines refer to scenarioText; for an object they mean nothing
      else issues.push(...parsed.issues.map((i) => ({ ...i, path: joinPath('scenario', i.path), ...(object !== undefined ? { line: undefined } : {}) })));
    }
    const shaped = plan === undefined ? { ok: false as const, issues: [{ path: '', message: 'the plan is missing' }] } : parsePlan(plan);
    if (!shaped.ok) issues.push(...shaped.issues.map((i) => ({ path: joinPath('plan', i.path), message: i.message })));
    if (issues.length > 0 || !scenario || !shaped.ok) return c.json({ issues }, 400);
    const violations = verifyPlan(scenario, shaped.plan);
    return c.json({ valid: violations.length === 0, violations });
  });

  registerSheetRoutes(app, store);

  app.all('/api/*', (c) => c.json({ error: `no route ${c.req.method} ${new URL(c.req.url).pathname}`, code: 'not_found' }, 404));

  app.on(['GET', 'HEAD'], '*', async (c) => {
    const res = await staticResponse(webRoot, new URL(c.req.url).pathname, c.req.method === 'HEAD');
    return res ?? c.json({ error: `not found: ${new URL(c.req.url).pathname}`, code: 'not_found' }, 404);
  });
  app.notFound((c) => c.json({ error: `no route ${c.req.method} ${new URL(c.req.url).pathname}`, code: 'not_found' }, 404));

  function scenarioId(c: Context): number {
    const id = positiveInt(c.req.param('id'));
    if (id === undefined) throw notFound(`scenario ${c.req.param('id')}`);
    return id;
  }

  function planRecord(c: Context): PlanRecord {
    const id = positiveInt(c.req.param('id'));
    const plan = id === undefined ? undefined : store.getPlan(id);
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
