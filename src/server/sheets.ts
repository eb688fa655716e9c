// Spreadsheets over HTTP: an inventory (and roster) uploaded as multipart and read into a base
// scenario, answered as YAML for the editor (nothing saved); a plan's registers, load plans,
// GeoJSON and calendar, and a scenario's inventory, answered as file downloads.

import type { Context, Hono } from 'hono';
import {
  checkExportRequest, exportDocument, exportInventory, isBusy, readMappingText, sharedReader,
  type ImportRequest, type Reader, type SheetSource, type Workspace,
} from '../app/index.ts';
import { formatIssue, type Issue } from '../model/index.ts';
import { notFound } from './errors.ts';
import { actor, type AppEnv } from './guard.ts';
import { mediaType, positiveInt } from './input.ts';

/** An issue as the API answers it: the one issue shape plus its one-line text. */
export type IssueOut = Issue & { text: string };

export function issueOut(i: Issue): IssueOut {
  // the file is named only for whole-file problems: the page shows which file it read
  return { ...i, text: formatIssue(i.line === undefined ? i : { ...i, file: undefined }) };
}

export function registerSheetRoutes(app: Hono<AppEnv>, workspace: Workspace, reader: Reader = sharedReader): void {
  app.post('/api/import', async (c) => {
    if (mediaType(c) !== 'multipart/form-data')
      return c.json({ ok: false, issues: [issueOut({ path: '', code: 'usage', value: mediaType(c), message: `send multipart/form-data with an items file (CSV or XLSX), got Content-Type "${mediaType(c)}"` })] }, 400);
    let form: Record<string, string | File>;
    try {
      form = await c.req.parseBody();
    } catch (e) {
      return c.json({ ok: false, issues: [issueOut({ path: '', code: 'syntax', message: `cannot read the form: ${(e as Error).message}` })] }, 400);
    }
    const problems: Issue[] = [];
    const items = await fileField(form, 'items');
    if (!items) problems.push({ path: 'items', code: 'required', message: 'the items file is missing: attach the inventory (CSV or XLSX) as "items"' });
    const personnel = await fileField(form, 'personnel');
    const mapping = await mappingField(form, problems);
    const base = baseField(workspace, form, problems);
    if (problems.length > 0 || !items || base === undefined) return c.json({ ok: false, issues: problems.map(issueOut) }, 400);

    const request: ImportRequest = { items, ...(personnel ? { personnel } : {}), base: { text: base }, ...(mapping ? { mapping } : {}) };
    // read off the main thread, with the reader's time and memory limits
    const r = await reader.importSheets(request);
    if (isBusy(r)) return c.json({ ok: false, issues: r.issues.map(issueOut), code: 'busy' }, 429, { 'retry-after': String(r.retryAfterS) });
    workspace.audit.record(actor(c), 'import', `sheet ${items.name}`, {
      ...(personnel ? { personnel: personnel.name } : {}), ...(mapping ? { mapping: true } : {}),
      ...(typeof form.baseScenarioId === 'string' && form.baseScenarioId.trim() ? { baseScenario: Number(form.baseScenarioId) } : {}),
      ok: r.ok, ...(r.ok ? { items: r.scenario.items.length } : { issues: r.issues.length }),
    });
    if (!r.ok) return c.json({ ok: false, issues: r.issues.map(issueOut) }, 400);
    return c.json({ ok: true, text: r.yaml, scenario: r.scenario, warnings: r.warnings.map(issueOut) });
  });

  app.get('/api/plans/:id/export', async (c) => {
    const what = c.req.query('what') ?? '';
    const format = c.req.query('format');
    const bad = checkExportRequest({ what, ...(format !== undefined ? { format } : {}) });
    if (bad.length) return c.json({ issues: bad }, 400);
    const id = positiveInt(c.req.param('id'));
    const record = id === undefined ? undefined : workspace.getPlan(id);
    if (!record) throw notFound(`plan ${c.req.param('id')}`);
    if (record.status !== 'done') {
      const error = record.status === 'running' ? `plan ${record.id} is still being made: export it when it is done` : `plan ${record.id} failed, so there is nothing to export: ${record.error ?? ''}`;
      return c.json({ id: record.id, status: record.status, error }, 409);
    }
    const version = workspace.getScenario(record.scenarioId, record.version);
    const plan = workspace.planDocument(record.id);
    if (!version || plan === undefined) throw new Error(`plan ${record.id} is done but its scenario version or document is missing`);
    const out = await exportDocument(version.scenario, plan, { what, ...(format !== undefined ? { format } : {}) });
    workspace.audit.record(actor(c), 'export', `plan ${record.id}`, { what, format: out.extension, scenario: record.scenarioId, version: record.version });
    return download(c, out.data, out.contentType, `${fileStem(version.name)}-plan${record.id}-${what}.${out.extension}`);
  });

  app.get('/api/scenarios/:id/export', async (c) => {
    const format = c.req.query('format') ?? 'xlsx';
    if (format !== 'csv' && format !== 'xlsx')
      return c.json({ issues: [{ path: 'format', code: 'value', value: format, message: `format must be xlsx or csv, got "${format}"` }] }, 400);
    const query = c.req.query('version');
    const version = positiveInt(query);
    if (query !== undefined && version === undefined)
      return c.json({ issues: [{ path: 'version', code: 'value', value: query, message: `expected a version number (1, 2, ...), got "${query}"` }] }, 400);
    const id = positiveInt(c.req.param('id'));
    const found = id === undefined ? undefined : workspace.getScenario(id, version);
    if (!found) throw notFound(version === undefined ? `scenario ${c.req.param('id')}` : `scenario ${c.req.param('id')} version ${version}`);
    const out = await exportInventory(found.scenario, format);
    workspace.audit.record(actor(c), 'export', `scenario ${found.id} version ${found.version}`, { what: 'items', format });
    return download(c, out.data, out.contentType, `${fileStem(found.name)}-v${found.version}-items.${format}`);
  });
}

function download(c: Context<AppEnv>, data: Buffer | string, contentType: string, filename: string): Response {
  const body = typeof data === 'string' ? data : new Uint8Array(data);
  return c.body(body, 200, {
    'content-type': contentType,
    'content-disposition': `attachment; filename="${filename}"`,
    'cache-control': 'no-store',
  });
}

/** The scenario's name as a file name: ASCII, dashes, not too long (cut at a dash). */
export function fileStem(name: string): string {
  const s = name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '') || 'scenario';
  if (s.length <= 48) return s;
  const cut = s.slice(0, 48);
  return cut.includes('-') ? cut.slice(0, cut.lastIndexOf('-')) : cut;
}

/** A file part as a sheet source; an empty file input (no name, no bytes) counts as absent. */
async function fileField(form: Record<string, string | File>, name: string): Promise<(SheetSource & { name: string }) | undefined> {
  const v = form[name];
  if (v === undefined || typeof v === 'string') return undefined;
  if (v.size === 0 && !v.name) return undefined;
  return { name: v.name || `${name}.csv`, buffer: new Uint8Array(await v.arrayBuffer()) };
}

/** The mapping: a YAML or JSON file (or text field) of `"column header": field`. */
async function mappingField(form: Record<string, string | File>, problems: Issue[]): Promise<Record<string, string> | undefined> {
  const v = form.mapping;
  if (v === undefined) return undefined;
  const file = typeof v === 'string' ? 'mapping' : v.name || 'mapping';
  const text = typeof v === 'string' ? v : await v.text();
  if (text.trim() === '') return undefined;
  const r = readMappingText(text, file);
  if (!r.ok) return void problems.push(...r.issues);
  return r.mapping;
}

/** The base: a stored scenario version (its original text), or YAML/JSON text in `base`. */
function baseField(workspace: Workspace, form: Record<string, string | File>, problems: Issue[]): string | undefined {
  const idText = typeof form.baseScenarioId === 'string' ? form.baseScenarioId.trim() : undefined;
  const versionText = typeof form.version === 'string' && form.version.trim() !== '' ? form.version.trim() : undefined;
  const text = typeof form.base === 'string' ? form.base : undefined;
  if (form.base instanceof File) {
    problems.push({ path: 'base', code: 'type', message: 'base must be a text field (the scenario as YAML or JSON), not a file' });
    return undefined;
  }
  if ((idText === undefined || idText === '') === (text === undefined || text.trim() === '')) {
    problems.push({ path: 'base', code: 'usage', message: 'give exactly one of baseScenarioId (a stored scenario, with optional version) or base (a scenario as YAML or JSON text)' });
    return undefined;
  }
  if (text !== undefined && text.trim() !== '') return text;
  const id = positiveInt(idText);
  const version = positiveInt(versionText);
  if (id === undefined) problems.push({ path: 'baseScenarioId', code: 'value', value: idText, message: `baseScenarioId must be a scenario id (1, 2, ...), got "${idText}"` });
  if (versionText !== undefined && version === undefined) problems.push({ path: 'version', code: 'value', value: versionText, message: `version must be a version number (1, 2, ...), got "${versionText}"` });
  if (id === undefined || (versionText !== undefined && version === undefined)) return undefined;
  const found = workspace.getScenario(id, version);
  if (!found) throw notFound(version === undefined ? `scenario ${id}` : `scenario ${id} version ${version}`);
  return found.text;
}
