// Spreadsheets over HTTP: an inventory (and roster) uploaded as multipart and read into a base
// scenario, answered as YAML for the editor (nothing saved); a plan's registers, load plans,
// GeoJSON and calendar, and a scenario's inventory, answered as file downloads.

import type { Context, Hono } from 'hono';
import { parse as parseYaml, stringify as toYaml } from 'yaml';
import { z } from 'zod';
import type { Plan } from '../model/index.ts';
import { EXPORTS, exportItems, exportItemsCsv, exportPlan, formatSheetIssue, importInventory, CONTENT_TYPES, type ExportWhat, type SheetIssue, type SheetSource, type TableFormat } from '../sheets/index.ts';
import { text as cellText } from '../sheets/cells.ts';
import { readGrid } from '../sheets/read.ts';
import { slug } from '../sheets/rows.ts';
import type { Store } from '../store/index.ts';
import { notFound } from './errors.ts';
import { mediaType, positiveInt } from './input.ts';

/** A sheet problem as the API answers it: located, with its one-line text and the cell as written. */
export interface SheetIssueOut extends SheetIssue {
  /** `row 7, column "Location": unknown site "nowhere"` (the file too when there is no row) */
  text: string;
  /** the cell as written in the sheet, when the problem is one cell */
  value?: string;
}

const FORMATS = ['csv', 'xlsx'] as const;
const REGISTERS: readonly ExportWhat[] = ['dispositions', 'transfers', 'handovers', 'sorties'];
/** The one format of each document that is not a register, also accepted as `format`. */
const OWN_FORMAT: Partial<Record<ExportWhat, string>> = { loadplans: 'html', geojson: 'geojson', ics: 'ics' };
const MappingSchema = z.record(z.string(), z.string());

type Bad = { status: 400; issues: { path: string; message: string }[] };

export function registerSheetRoutes(app: Hono, store: Store): void {
  app.post('/api/import', async (c) => {
    if (mediaType(c) !== 'multipart/form-data')
      return c.json({ ok: false, issues: [issueOut({ message: `send multipart/form-data with an items file (CSV or XLSX), got Content-Type "${mediaType(c)}"` })] }, 400);
    let form: Record<string, string | File>;
    try {
      form = await c.req.parseBody();
    } catch (e) {
      return c.json({ ok: false, issues: [issueOut({ message: `cannot read the form: ${(e as Error).message}` })] }, 400);
    }
    const problems: SheetIssue[] = [];
    const items = await fileField(form, 'items');
    if (!items) problems.push({ message: 'the items file is missing: attach the inventory (CSV or XLSX) as "items"' });
    const personnel = await fileField(form, 'personnel');
    const mapping = await mappingField(form, problems);
    const base = baseField(store, form, problems);
    if (problems.length > 0 || !items || base === undefined) return c.json({ ok: false, issues: problems.map(issueOut) }, 400);

    const r = await importInventory({ items, ...(personnel ? { personnel } : {}), base, ...(mapping ? { mapping } : {}) });
    if (!r.ok) {
      const sources = [items, personnel].filter((s): s is SheetSource & { name: string } => !!s);
      return c.json({ ok: false, issues: await withValues(r.issues, sources) }, 400);
    }
    return c.json({ ok: true, text: toYaml(r.scenarioFile, { lineWidth: 0 }), scenario: r.scenario, warnings: r.warnings.map(issueOut) });
  });

  app.get('/api/plans/:id/export', async (c) => {
    const what = c.req.query('what');
    const format = c.req.query('format');
    const bad = checkExport(what, format);
    if (bad) return c.json({ issues: bad.issues }, bad.status);
    const id = positiveInt(c.req.param('id'));
    const record = id === undefined ? undefined : store.getPlan(id);
    if (!record) throw notFound(`plan ${c.req.param('id')}`);
    if (record.status !== 'done') {
      const error = record.status === 'running' ? `plan ${record.id} is still being made: export it when it is done` : `plan ${record.id} failed, so there is nothing to export: ${record.error ?? ''}`;
      return c.json({ id: record.id, status: record.status, error }, 409);
    }
    const version = store.getScenario(record.scenarioId, record.version);
    const planText = store.planText(record.id);
    if (!version || planText === undefined) throw new Error(`plan ${record.id} is done but its scenario version or document is missing`);
    const register = REGISTERS.includes(what as ExportWhat) ? (format as TableFormat | undefined) : undefined;
    const out = await exportPlan(version.scenario, JSON.parse(planText) as Plan, what as ExportWhat, register);
    return download(c, out.data, out.contentType, `${fileStem(version.name)}-plan${record.id}-${what}.${out.extension}`);
  });

  app.get('/api/scenarios/:id/export', async (c) => {
    const format = c.req.query('format') ?? 'xlsx';
    if (!(FORMATS as readonly string[]).includes(format))
      return c.json({ issues: [{ path: 'format', message: `format must be xlsx or csv, got "${format}"` }] }, 400);
    const query = c.req.query('version');
    const version = positiveInt(query);
    if (query !== undefined && version === undefined)
      return c.json({ issues: [{ path: 'version', message: `expected a version number (1, 2, ...), got "${query}"` }] }, 400);
    const id = positiveInt(c.req.param('id'));
    const found = id === undefined ? undefined : store.getScenario(id, version);
    if (!found) throw notFound(version === undefined ? `scenario ${c.req.param('id')}` : `scenario ${c.req.param('id')} version ${version}`);
    const name = `${fileStem(found.name)}-v${found.version}-items.${format}`;
    return format === 'csv'
      ? download(c, exportItemsCsv(found.scenario), CONTENT_TYPES.csv, name)
      : download(c, await exportItems(found.scenario), CONTENT_TYPES.xlsx, name);
  });
}

/** What and format checked before anything is looked up: 400 naming the parameter and the value. */
function checkExport(what: string | undefined, format: string | undefined): Bad | undefined {
  const list = EXPORTS.join(', ');
  if (what === undefined) return { status: 400, issues: [{ path: 'what', message: `what is required: one of ${list}` }] };
  if (!(EXPORTS as readonly string[]).includes(what)) return { status: 400, issues: [{ path: 'what', message: `what must be one of ${list}, got "${what}"` }] };
  if (format === undefined) return undefined;
  const own = OWN_FORMAT[what as ExportWhat];
  if (own !== undefined && format !== own)
    return { status: 400, issues: [{ path: 'format', message: `${what} is ${own} only, got format "${format}" (csv and xlsx are for ${REGISTERS.join(', ')})` }] };
  if (own === undefined && !(FORMATS as readonly string[]).includes(format))
    return { status: 400, issues: [{ path: 'format', message: `format must be xlsx or csv, got "${format}"` }] };
  return undefined;
}

function download(c: Context, data: Buffer | string, contentType: string, filename: string): Response {
  const body = typeof data === 'string' ? data : new Uint8Array(data);
  return c.body(body, 200, {
    'content-type': contentType,
    'content-disposition': `attachment; filename="${filename}"`,
    'cache-control': 'no-store',
  });
}

/** The scenario's name as a file name: ASCII, dashes, not too long (cut at a dash). */
export function fileStem(name: string): string {
  const s = slug(name) || 'scenario';
  if (s.length <= 48) return s;
  const cut = s.slice(0, 48);
  return cut.includes('-') ? cut.slice(0, cut.lastIndexOf('-')) : cut;
}

export function issueOut(i: SheetIssue): SheetIssueOut {
  return { ...i, text: formatSheetIssue(i, i.row === undefined) };
}

/** A file part as a sheet source; an empty file input (no name, no bytes) counts as absent. */
async function fileField(form: Record<string, string | File>, name: string): Promise<(SheetSource & { name: string }) | undefined> {
  const v = form[name];
  if (v === undefined || typeof v === 'string') return undefined;
  if (v.size === 0 && !v.name) return undefined;
  return { name: v.name || `${name}.csv`, buffer: new Uint8Array(await v.arrayBuffer()) };
}

/** The mapping: a YAML or JSON file (or text field) of `"column header": field`. */
async function mappingField(form: Record<string, string | File>, problems: SheetIssue[]): Promise<Record<string, string> | undefined> {
  const v = form.mapping;
  if (v === undefined) return undefined;
  const file = typeof v === 'string' ? 'mapping' : v.name || 'mapping';
  const text = typeof v === 'string' ? v : await v.text();
  if (text.trim() === '') return undefined;
  let value: unknown;
  try {
    value = parseYaml(text);
  } catch (e) {
    problems.push({ file, message: (e as Error).message.split('\n')[0] });
    return undefined;
  }
  const parsed = MappingSchema.safeParse(value);
  if (!parsed.success) {
    problems.push({ file, message: 'must map column headers to field names, e.g. "Poids (lb)": unitWeightKg' });
    return undefined;
  }
  return parsed.data;
}

/** The base: a stored scenario version (its original text), or YAML/JSON text in `base`. */
function baseField(store: Store, form: Record<string, string | File>, problems: SheetIssue[]): string | undefined {
  const idText = typeof form.baseScenarioId === 'string' ? form.baseScenarioId.trim() : undefined;
  const versionText = typeof form.version === 'string' && form.version.trim() !== '' ? form.version.trim() : undefined;
  const text = typeof form.base === 'string' ? form.base : undefined;
  if (form.base instanceof File) {
    problems.push({ message: 'base must be a text field (the scenario as YAML or JSON), not a file' });
    return undefined;
  }
  if ((idText === undefined || idText === '') === (text === undefined || text.trim() === '')) {
    problems.push({ message: 'give exactly one of baseScenarioId (a stored scenario, with optional version) or base (a scenario as YAML or JSON text)' });
    return undefined;
  }
  if (text !== undefined && text.trim() !== '') return text;
  const id = positiveInt(idText);
  const version = positiveInt(versionText);
  if (id === undefined) problems.push({ message: `baseScenarioId must be a scenario id (1, 2, ...), got "${idText}"` });
  if (versionText !== undefined && version === undefined) problems.push({ message: `version must be a version number (1, 2, ...), got "${versionText}"` });
  if (id === undefined || (versionText !== undefined && version === undefined)) return undefined;
  const found = store.getScenario(id, version);
  if (!found) throw notFound(version === undefined ? `scenario ${id}` : `scenario ${id} version ${version}`);
  return found.text;
}

/** Each cell problem with the cell as written, looked up in the sheet under its column header. */
async function withValues(issues: SheetIssue[], sources: (SheetSource & { name: string })[]): Promise<SheetIssueOut[]> {
  const grids = new Map<string, Awaited<ReturnType<typeof readGrid>>>();
  for (const [n, s] of sources.entries()) {
    if (!grids.has(s.name)) grids.set(s.name, await readGrid(s, n === 0 ? 'Items' : 'Personnel'));
  }
  return issues.map((i) => {
    const out = issueOut(i);
    const g = i.file === undefined ? undefined : grids.get(i.file);
    if (!g?.ok || i.row === undefined || i.column === undefined) return out;
    const header = g.grid.rows.find((r) => r.row < i.row! && r.cells.some((v) => cellText(v) === i.column));
    const col = header?.cells.findIndex((v) => cellText(v) === i.column) ?? -1;
    const row = g.grid.rows.find((r) => r.row === i.row);
    if (col < 0 || !row) return out;
    return { ...out, value: cellText(row.cells[col] ?? null) };
  });
}
