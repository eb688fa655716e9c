import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import ExcelJS from 'exceljs';
import { parse as parseCsv } from 'csv-parse/sync';
import { parse as parseYaml } from 'yaml';
import { PACKAGE_ROOT, parseScenarioText, Workspace, type Planner } from '../app/index.ts';
import type { Plan } from '../model/index.ts';
import { createApp } from './app.ts';
import { serve } from './serve.ts';
import { signedIn, tempDir, TEST_ADMIN_TOKEN, withToken } from './testkit.ts';
import { CLERK_KINDS, clerkCsv, clerkXlsx } from '../../test/fixtures/clerk.ts';

// The spreadsheet fixtures are plain files: read by path, not through the sheets module.
const fixture = (name: string) => fileURLToPath(new URL(`../sheets/fixtures/${name}`, import.meta.url));
const baseText = () => readFileSync(fixture('base.yaml'), 'utf8');
const TINY = readFileSync(join(PACKAGE_ROOT, 'scenarios', 'tiny.yaml'), 'utf8');

function setup(planner?: Planner) {
  const workspace = Workspace.open({ db: ':memory:', log: () => {}, adminToken: TEST_ADMIN_TOKEN, ...(planner ? { planner } : {}) });
  const app = signedIn(createApp({ workspace, webRoot: join(tempDir(), 'no-dist'), log: () => {} }));
  return { workspace, app };
}

const file = (name: string, data: string | Uint8Array = readFileSync(fixture(name))) => new File([typeof data === 'string' ? data : new Uint8Array(data)], name);

function form(fields: Record<string, string | File>): FormData {
  const f = new FormData();
  for (const [k, v] of Object.entries(fields)) f.append(k, v);
  return f;
}

async function post(app: ReturnType<typeof setup>['app'], body: FormData) {
  const res = await app.request('/api/import', { method: 'POST', body });
  return { status: res.status, json: (await res.json()) as any };
}

/** The first worksheet as records keyed by header, the bytes read by exceljs as a spreadsheet program would. */
async function sheetRecords(bytes: ArrayBuffer): Promise<Record<string, ExcelJS.CellValue>[]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes);
  const ws = wb.worksheets[0];
  const headers = (ws.getRow(1).values as ExcelJS.CellValue[]).slice(1).map(String);
  const out: Record<string, ExcelJS.CellValue>[] = [];
  ws.eachRow((row, n) => {
    if (n > 1) out.push(Object.fromEntries(headers.map((h, i) => [h, row.getCell(i + 1).value])));
  });
  return out;
}

async function plannedTiny(app: ReturnType<typeof setup>['app']): Promise<{ planId: number; plan: Plan }> {
  const created = await app.request('/api/scenarios', { method: 'POST', body: TINY, headers: { 'content-type': 'application/yaml' } });
  const { id } = (await created.json()) as { id: number };
  const started = (await (await app.request(`/api/scenarios/${id}/plans`, { method: 'POST' })).json()) as { id: number };
  for (let i = 0; i < 600; i++) {
    const r = await app.request(`/api/plans/${started.id}`);
    if (r.status === 200) return { planId: started.id, plan: (await r.json()) as Plan };
    assert.equal(r.status, 202, await r.text());
    await new Promise((res) => setTimeout(res, 50));
  }
  assert.fail('tiny still planning after 30 s');
}

test('a sheet in pounds and inches imports against a base text to the SI figures, as YAML for the editor; nothing is saved', async () => {
  const { app, workspace } = setup();
  const r = await post(app, form({ items: file('items-us.csv'), base: baseText() }));
  assert.equal(r.status, 200, JSON.stringify(r.json));
  assert.equal(r.json.ok, true);
  const gen = r.json.scenario.items.find((i: any) => i.id === 'gen-15kw');
  // 1,200 lb x 0.45359237; 72 x 36 x 48 in x 0.0254; "$30,000.00"
  assert.deepEqual([gen.unitWeightKg, gen.lengthM, gen.widthM, gen.heightM, gen.unitValueUsd, gen.quantity], [544.310844, 1.8288, 0.9144, 1.2192, 30000, 2]);
  assert.deepEqual(r.json.scenario.items.map((i: any) => i.id), ['gen-15kw', '8340-01-185-9930-alpha', 'hmmwv', 'ammo-556', '5810-01-500-1234-bravo']);
  // the YAML is the scenario: the loader reads it back to the same thing
  const again = parseScenarioText('yaml', r.json.text);
  assert.ok(again.ok);
  assert.deepEqual(JSON.parse(JSON.stringify(again.scenario)), r.json.scenario);
  assert.equal(parseYaml(r.json.text).name, 'sheets fixture');
  assert.deepEqual(workspace.listScenarios(), []);
});

test('a stored scenario is the base by id and version; a roster and a mapping file are read too', async () => {
  const { app, workspace } = setup();
  assert.ok(workspace.createScenario('yaml', baseText()).ok);
  const renamed = baseText().replace('name: sheets fixture', 'name: second version');
  assert.ok(workspace.addVersion(1, 'yaml', renamed)?.ok);

  const latest = await post(app, form({ items: file('items-mapped.csv'), mapping: file('mapping.yaml'), personnel: file('personnel.csv'), baseScenarioId: '1' }));
  assert.equal(latest.status, 200, JSON.stringify(latest.json));
  assert.equal(latest.json.scenario.name, 'second version');
  const gen = latest.json.scenario.items[0];
  assert.deepEqual([gen.name, gen.site, gen.unitWeightKg, gen.lengthM, gen.unitValueUsd], ['Groupe électrogène', 'alpha', 544.310844, 1.8288, 30000]);
  assert.deepEqual(latest.json.scenario.personnel.map((p: any) => [p.site, p.count, p.role]), [['alpha', 120, 'operations'], ['alpha', 30, 'security'], ['bravo', 25, 'security']]);

  const first = await post(app, form({ items: file('items-si.csv'), baseScenarioId: '1', version: '1' }));
  assert.equal(first.json.scenario.name, 'sheets fixture');
  assert.deepEqual(first.json.scenario.personnel, [{ site: 'alpha', count: 40, role: 'operations' }]);
  assert.equal((await post(app, form({ items: file('items-si.csv'), baseScenarioId: '1', version: '3' }))).status, 404);
  assert.equal((await post(app, form({ items: file('items-si.csv'), baseScenarioId: '9' }))).status, 404);
  assert.equal(workspace.listVersions(1).length, 2, 'nothing saved');
});

test('a bad sheet is refused with every bad cell named by row and column, with its text and the value as written', async () => {
  const { app } = setup();
  const r = await post(app, form({ items: file('items-bad.csv'), base: baseText() }));
  assert.equal(r.status, 400);
  assert.equal(r.json.ok, false);
  assert.deepEqual(r.json.issues.map((i: any) => [i.file, i.line, i.column, i.value]), [
    ['items-bad.csv', 3, 'Location', 'nowhere'],
    ['items-bad.csv', 4, 'Qty', 'two'],
    ['items-bad.csv', 4, 'Sensitivity', 'fragile'],
    ['items-bad.csv', 4, 'Transferable', 'maybe'],
    ['items-bad.csv', 6, 'Weight (lb)', '-4'],
    ['items-bad.csv', 7, 'Item ID', 'gen'],
    ['items-bad.csv', 7, 'Height (in)', ''],
    ['items-bad.csv', 8, 'Location', 'hub'],
    ['items-bad.csv', 8, 'Qty', '2.5'],
  ]);
  assert.equal(r.json.issues[0].text, 'row 3, column "Location": unknown site "nowhere"');
  assert.equal(r.json.issues[0].message, 'unknown site "nowhere"');
});

test('an XLSX with a bad cell names the cell as the workbook holds it', async () => {
  const { app } = setup();
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Items');
  ws.addRow(['Inventory of Alpha']); // a title row above the header
  ws.addRow(['Name', 'Location', 'Qty', 'Weight (kg)', 'Length (m)', 'Width (m)', 'Height (m)', 'Unit Cost']);
  ws.addRow(['Box', 'alpha', 1, 10, 1, 1, 1, 50]);
  ws.addRow(['Crate', 'Charlie', 2, 20, 1, 1, 1, 60]);
  const bytes = new Uint8Array(await wb.xlsx.writeBuffer());
  const r = await post(app, form({ items: file('stock.xlsx', bytes), base: baseText() }));
  assert.equal(r.status, 400);
  assert.deepEqual(r.json.issues.map((i: any) => [i.file, i.line, i.column, i.value, i.text]), [
    ['stock.xlsx', 4, 'Location', 'Charlie', 'row 4, column "Location": unknown site "Charlie"'],
  ]);
});

test('import requests are checked: form, items, exactly one base, mapping', async () => {
  const { app } = setup();
  const messages = async (body: FormData) => {
    const r = await post(app, body);
    assert.equal(r.status, 400);
    return r.json.issues.map((i: any) => i.text).join(' | ');
  };
  assert.match(await messages(form({ base: baseText() })), /items file is missing/);
  assert.match(await messages(form({ items: file('items-si.csv') })), /exactly one of baseScenarioId .* or base/);
  assert.match(await messages(form({ items: file('items-si.csv'), base: baseText(), baseScenarioId: '1' })), /exactly one of/);
  assert.match(await messages(form({ items: file('items-si.csv'), baseScenarioId: 'one' })), /baseScenarioId must be a scenario id .*"one"/);
  assert.match(await messages(form({ items: file('items-si.csv'), base: baseText(), mapping: new File(['[1, 2]'], 'map.yaml') })), /^map\.yaml: must map column headers/);
  assert.match(await messages(form({ items: file('items-si.csv'), base: baseText(), mapping: new File(['Lieu: nowhere-field'], 'map.yaml') })), /"Lieu": "nowhere-field" is neither a field/);
  assert.match(await messages(form({ items: file('items-si.csv'), base: 'name: [' })), /^base scenario:/);
  const json = await app.request('/api/import', { method: 'POST', body: '{}', headers: { 'content-type': 'application/json' } });
  assert.equal(json.status, 400);
  assert.match(((await json.json()) as any).issues[0].text, /multipart\/form-data/);
});

test('export parameters are checked before the plan: 400 naming the parameter and value, 404, 409', async () => {
  // a planner that holds the plan running until released, then fails it
  let release!: () => void;
  const held = new Promise<void>((r) => (release = r));
  const { app, workspace } = setup(async () => {
    await held;
    throw new Error('no aircraft');
  });
  const get = async (path: string) => {
    const r = await app.request(path);
    return { status: r.status, json: (await r.json()) as any };
  };
  const what = await get('/api/plans/1/export?what=manifest');
  assert.deepEqual([what.status, what.json.issues[0].path], [400, 'what']);
  assert.match(what.json.issues[0].message, /"manifest"/);
  assert.match((await get('/api/plans/1/export')).json.issues[0].message, /what is required/);
  const format = await get('/api/plans/1/export?what=transfers&format=pdf');
  assert.deepEqual([format.status, format.json.issues[0].path], [400, 'format']);
  assert.match(format.json.issues[0].message, /"pdf"/);
  assert.match((await get('/api/plans/1/export?what=ics&format=csv')).json.issues[0].message, /ics is ics only, got format "csv"/);
  assert.equal((await get('/api/plans/1/export?what=transfers')).status, 404);
  assert.equal((await get('/api/plans/x/export?what=transfers')).status, 404);

  const saved = workspace.createScenario('yaml', TINY);
  assert.ok(saved.ok);
  const requested = workspace.requestPlan(saved.ref);
  assert.ok(requested.ok);
  const { plan: running, done } = requested;
  const busy = await get(`/api/plans/${running.id}/export?what=transfers`);
  assert.deepEqual([busy.status, busy.json.status], [409, 'running']);
  release();
  await done;
  const failed = await get(`/api/plans/${running.id}/export?what=sorties&format=csv`);
  assert.deepEqual([failed.status, failed.json.status], [409, 'failed']);
  assert.match(failed.json.error, /no aircraft/);

  assert.equal((await get('/api/scenarios/1/export?format=ods')).json.issues[0].path, 'format');
  assert.equal((await get('/api/scenarios/1/export?version=x')).json.issues[0].path, 'version');
  assert.equal((await get('/api/scenarios/5/export')).status, 404);
  assert.equal((await get('/api/scenarios/1/export?version=2')).status, 404);
});

test('a planned scenario exports every document; the transfer register totals the plan to the dollar', async () => {
  const { app } = setup();
  const { planId, plan } = await plannedTiny(app);
  assert.ok(plan.dispositions.some((d) => d.action === 'transfer'), 'tiny hands something over');
  const stem = 'tiny-a-small-team-leaves-gao-and-timbuktu';

  const xlsx = await app.request(`/api/plans/${planId}/export?what=transfers&format=xlsx`);
  assert.equal(xlsx.status, 200);
  assert.equal(xlsx.headers.get('content-type'), 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
  assert.equal(xlsx.headers.get('content-disposition'), `attachment; filename="${stem}-plan${planId}-transfers.xlsx"`);
  const rows = await sheetRecords(await xlsx.arrayBuffer());
  const total = rows.pop()!;
  assert.equal(total['Item ID'], 'TOTAL');
  const lines = rows.map((r) => r['Total Value (USD)'] as number);
  assert.equal(lines.length, plan.dispositions.filter((d) => d.action === 'transfer').length);
  assert.equal(Math.round(lines.reduce((a, b) => a + b, 0)), Math.round(plan.metrics.transferValueUsd));
  assert.equal(Math.round(total['Total Value (USD)'] as number), Math.round(plan.metrics.transferValueUsd));

  const csv = await app.request(`/api/plans/${planId}/export?what=transfers&format=csv`);
  assert.equal(csv.headers.get('content-type'), 'text/csv; charset=utf-8');
  assert.match(csv.headers.get('content-disposition')!, /-transfers\.csv"$/);
  const table = parseCsv(await csv.text(), { bom: true, columns: true }) as Record<string, string>[];
  // a plain table: one row a line, no summary row
  assert.equal(table.length, lines.length);
  assert.ok(table.every((r) => r['Item ID'] !== 'TOTAL'));
  assert.equal(Math.round(table.reduce((t, r) => t + Number(r['Total Value (USD)']), 0)), Math.round(plan.metrics.transferValueUsd));

  const expected: [string, string, string][] = [
    ['dispositions', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', 'xlsx'],
    ['handovers', 'text/csv; charset=utf-8', 'csv'],
    ['sorties', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', 'xlsx'],
    ['loadplans', 'text/html; charset=utf-8', 'html'],
    ['geojson', 'application/geo+json', 'geojson'],
    ['ics', 'text/calendar; charset=utf-8', 'ics'],
  ];
  for (const [what, type, ext] of expected) {
    const r = await app.request(`/api/plans/${planId}/export?what=${what}${ext === 'csv' ? '&format=csv' : ''}`);
    assert.equal(r.status, 200, what);
    assert.equal(r.headers.get('content-type'), type, what);
    assert.equal(r.headers.get('content-disposition'), `attachment; filename="${stem}-plan${planId}-${what}.${ext}"`);
    assert.ok((await r.arrayBuffer()).byteLength > 0, what);
  }
  const sorties = (await sheetRecords(await (await app.request(`/api/plans/${planId}/export?what=sorties`)).arrayBuffer()));
  assert.equal(sorties.length, plan.sorties.length);
  const geo = (await (await app.request(`/api/plans/${planId}/export?what=geojson&format=geojson`)).json()) as { type: string };
  assert.equal(geo.type, 'FeatureCollection');
});

test('the inventory exports as XLSX that the import reads back against the same scenario to the same items', async () => {
  const { app, workspace } = setup();
  const parsed = parseScenarioText('yaml', TINY);
  assert.ok(parsed.ok);
  assert.ok(workspace.createScenario('yaml', TINY).ok);
  const r = await app.request('/api/scenarios/1/export');
  assert.equal(r.status, 200);
  assert.equal(r.headers.get('content-disposition'), 'attachment; filename="tiny-a-small-team-leaves-gao-and-timbuktu-v1-items.xlsx"');
  const bytes = new Uint8Array(await r.arrayBuffer());
  assert.equal((await sheetRecords(bytes.buffer)).length, parsed.scenario.items.length);
  const back = await post(app, form({ items: new File([bytes], 'items.xlsx'), baseScenarioId: '1' }));
  assert.equal(back.status, 200, JSON.stringify(back.json));
  assert.deepEqual(back.json.scenario.items, JSON.parse(JSON.stringify(parsed.scenario.items)));
  const csv = await app.request('/api/scenarios/1/export?format=csv&version=1');
  assert.match(csv.headers.get('content-disposition')!, /-v1-items\.csv"$/);
  assert.equal((parseCsv(await csv.text(), { bom: true, columns: true }) as unknown[]).length, parsed.scenario.items.length);
});

test('over a real port: import a CSV as a browser form, then export the transfer register of a real plan', async () => {
  const h = await serve({ port: 0, db: ':memory:', log: () => {}, webRoot: join(tempDir(), 'none'), adminToken: TEST_ADMIN_TOKEN });
  try {
    const url = (p: string) => `http://127.0.0.1:${h.port}${p}`;
    const fetch = (input: string, init?: RequestInit) => globalThis.fetch(input, withToken(init));
    const imported = await fetch(url('/api/import'), { method: 'POST', body: form({ items: file('items-us.csv'), base: baseText() }) });
    assert.equal(imported.status, 200);
    const body = (await imported.json()) as any;
    assert.equal(body.scenario.items.find((i: any) => i.id === 'hmmwv').unitWeightKg, 6803.88555); // 15,000 lb
    const bad = await fetch(url('/api/import'), { method: 'POST', body: form({ items: file('items-bad.csv'), base: baseText() }) });
    assert.deepEqual([bad.status, ((await bad.json()) as any).issues.length], [400, 9]);

    await fetch(url('/api/scenarios'), { method: 'POST', body: TINY, headers: { 'content-type': 'application/yaml' } });
    const started = (await (await fetch(url('/api/scenarios/1/plans'), { method: 'POST' })).json()) as { id: number };
    await h.workspace.idle();
    const plan = (await (await fetch(url(`/api/plans/${started.id}`))).json()) as Plan;
    const res = await fetch(url(`/api/plans/${started.id}/export?what=transfers&format=xlsx`));
    assert.equal(res.status, 200);
    assert.match(res.headers.get('content-disposition')!, /^attachment; filename=".+-plan\d+-transfers\.xlsx"$/);
    const rows = await sheetRecords(await res.arrayBuffer());
    assert.equal(Math.round(rows.at(-1)!['Total Value (USD)'] as number), Math.round(plan.metrics.transferValueUsd));
  } finally {
    await h.close();
  }
});

test('the clerk\'s movement list as XLSX: every hazardous, classified and ammunition line sensitive; an unreadable safety cell or a contradiction is a 400 naming the cell', async () => {
  const { app } = setup();
  const r = await post(app, form({ items: file('movement.xlsx', await clerkXlsx()), base: baseText() }));
  assert.equal(r.status, 200, JSON.stringify(r.json));
  const items = new Map(r.json.scenario.items.map((i: any) => [i.nsn, i]));
  for (const nsn of [...CLERK_KINDS.ammunition, ...CLERK_KINDS.classified, ...CLERK_KINDS.dangerous, ...CLERK_KINDS.weapon])
    assert.ok((items.get(nsn) as any).sensitive.length > 0, nsn);
  assert.equal((items.get('1330-00-133-8066') as any).hazard, '1.1D');
  assert.ok(r.json.warnings.some((w: any) => w.column === 'Hazmat' && /dangerous goods without a hazard class/.test(w.text)));

  const bad = await post(app, form({ items: file('movement.csv', clerkCsv([[3, 'Hazmat', 'TBD'], [5, 'Classified', 'U']])), base: baseText() }));
  assert.equal(bad.status, 400);
  assert.deepEqual(bad.json.issues.map((i: any) => [i.file, i.line, i.column, i.value, i.code]), [
    ['movement.csv', 7, 'Hazmat', 'TBD', 'value'],
    ['movement.csv', 9, 'Classified', 'U', 'conflict'],
  ]);
  assert.match(bad.json.issues[1].text, /^row 9, column "Classified": "U" says the line is not classified, but column "DEMIL Code" has "P"/);
});
