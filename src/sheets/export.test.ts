import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { DrawdownError } from '../model/errors.ts';
import { planScenario } from '../app/plan.ts';
import type { Plan, Scenario } from '../model/index.ts';
import { toMs } from '../model/index.ts';
import { exportItems, exportItemsCsv, exportPlan } from './export.ts';
import { fixturePlan, fixtureScenario } from './fixtures/index.ts';
import { importInventory } from './import.ts';

const tmp = () => mkdtempSync(join(tmpdir(), 'drawdown-export-'));

async function sheetOf(data: Buffer | string): Promise<ExcelJS.Worksheet> {
  assert.ok(Buffer.isBuffer(data));
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(data as unknown as ArrayBuffer);
  return wb.worksheets[0];
}

/** The sheet as rows of cell values keyed by header. */
function records(ws: ExcelJS.Worksheet): Record<string, ExcelJS.CellValue>[] {
  const headers = (ws.getRow(1).values as ExcelJS.CellValue[]).slice(1).map(String);
  const out: Record<string, ExcelJS.CellValue>[] = [];
  ws.eachRow((row, n) => {
    if (n > 1) out.push(Object.fromEntries(headers.map((h, i) => [h, row.getCell(i + 1).value])));
  });
  return out;
}

const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);
const value = (scenario: Scenario, plan: Plan, action: string) =>
  sum(plan.dispositions.filter((d) => d.action === action).map((d) => d.quantity * scenario.items.find((i) => i.id === d.itemId)!.unitValueUsd));

test('a workbook written by exportItems is read back by the import to the same scenario', async () => {
  const scenario = await fixtureScenario();
  // awkward figures survive: XLSX keeps doubles exactly
  scenario.items[0].unitWeightKg = 1234.5678901234;
  scenario.items[1].lengthM = 0.1 + 0.2;
  // every field a loadmaster and a property book need survives the round trip
  Object.assign(scenario.items[0], { verticalDims: ['length', 'height'], maxLoadOnTopKg: 0, readyFrom: '2024-09-12T06:00:00Z', conditionCode: 'A', unitOfIssue: 'EA', tcn: 'FB25124123XXX9001', serials: ['GS-1', 'GS-2'] });
  Object.assign(scenario.items[1], { maxLoadOnTopKg: 250.5 });
  const ammo = scenario.items.find((i) => i.id === 'ammo-556')!;
  Object.assign(ammo, { hazard: '1.4S', unNumber: 'UN0012', cargoAircraftOnly: true });
  const path = join(tmp(), 'items.xlsx');
  writeFileSync(path, await exportItems(scenario));
  const back = await importInventory({ items: { path }, base: structuredClone(scenario) as unknown as Record<string, unknown> });
  assert.ok(back.ok, JSON.stringify(!back.ok && back.issues));
  assert.deepEqual(back.scenario, scenario);
  const ws = await sheetOf(readFileSync(path));
  assert.equal(ws.name, 'Items');
  assert.equal(typeof ws.getRow(2).getCell(5).value, 'number');

  const csv = await importInventory({ items: { name: 'items.csv', buffer: Buffer.from(exportItemsCsv(scenario)) }, base: structuredClone(scenario) as unknown as Record<string, unknown> });
  assert.ok(csv.ok);
  assert.deepEqual(csv.scenario, scenario);
});

test('the transfer register agrees with the plan to the dollar and the kilogram, with a total row', async () => {
  const scenario = await fixtureScenario();
  const plan = fixturePlan(scenario);
  const out = await exportPlan(scenario, plan, 'transfers');
  assert.equal(out.extension, 'xlsx');
  const ws = await sheetOf(out.data);
  const view = ws.views[0] as { state?: string; ySplit?: number };
  assert.deepEqual([view.state, view.ySplit], ['frozen', 1]); // the header row stays in view
  const rows = records(ws);
  const total = rows.pop()!;
  assert.equal(total['Item ID'], 'TOTAL');
  const lines = rows.map((r) => ({ qty: r['Qty'] as number, usd: r['Total Value (USD)'] as number, kg: r['Total Weight (kg)'] as number }));
  assert.equal(Math.round(sum(lines.map((l) => l.usd))), plan.metrics.transferValueUsd);
  assert.equal(total['Total Value (USD)'], plan.metrics.transferValueUsd);
  const kg = sum(plan.dispositions.filter((d) => d.action === 'transfer').map((d) => d.quantity * scenario.items.find((i) => i.id === d.itemId)!.unitWeightKg));
  assert.equal(Math.round(total['Total Weight (kg)'] as number), Math.round(kg));
  assert.equal(Math.round(sum(lines.map((l) => l.kg))), Math.round(kg));
  assert.equal(total['Qty'], sum(lines.map((l) => l.qty)));
  assert.ok(ws.getColumn(2).width! >= 'Tent, GP medium'.length);

  // what a property transfer needs, line by line
  const transfer = plan.dispositions.find((d) => d.action === 'transfer')!;
  const tent = scenario.items.find((i) => i.id === transfer.itemId)!;
  assert.deepEqual([rows[0]['NSN'], rows[0]['Nomenclature'], rows[0]['Qty'], rows[0]['Site'], rows[0]['Country']], [tent.nsn, tent.name, transfer.quantity, 'alpha', 'NE']);
  assert.equal((rows[0]['Transfer Date'] as Date).toISOString(), '2024-09-10T00:00:00.000Z'); // the day alpha empties

  // the CSV is a plain table: one row a line, no summary row, so other tools can read it
  const csv = await exportPlan(scenario, plan, 'transfers', 'csv');
  assert.equal(csv.contentType, 'text/csv; charset=utf-8');
  const table = parse(csv.data as string, { bom: true, columns: true }) as Record<string, string>[];
  assert.equal(table.length, plan.dispositions.filter((d) => d.action === 'transfer').length);
  assert.ok(table.every((r) => r['Item ID'] !== 'TOTAL'));
  assert.equal(Math.round(sum(table.map((r) => Number(r['Total Value (USD)'])))), plan.metrics.transferValueUsd);
});

test('registers carry the property book identity: NSN, unit of issue, condition code, serials (of the units on the row), TCN', async () => {
  const scenario = await fixtureScenario();
  const hmmwv = scenario.items.find((i) => i.id === 'hmmwv')!;
  Object.assign(hmmwv, { serials: ['HM-1', 'HM-2', 'HM-3'], conditionCode: 'A', unitOfIssue: 'EA', tcn: 'FB25124123XXX9001' });
  const tent = scenario.items.find((i) => i.name === 'Tent, GP medium')!;
  tent.serials = ['T1', 'T2', 'T3', 'T4', 'T5', 'T6', 'T7', 'T8', 'T9', 'T10'];
  const plan = fixturePlan(scenario);
  const disp = records(await sheetOf((await exportPlan(scenario, plan, 'dispositions')).data));
  const h = disp.find((r) => r['Item ID'] === 'hmmwv')!;
  assert.deepEqual([h['NSN'], h['Unit of Issue'], h['Condition Code'], h['Serial Numbers'], h['TCN']], ['2320-01-540-2917', 'EA', 'A', 'HM-1, HM-2, HM-3', 'FB25124123XXX9001']);
  // the tents are split between two rows: the serials are the line's, and the row says so
  const t = disp.filter((r) => r['Item ID'] === tent.id).map((r) => r['Serial Numbers']);
  assert.deepEqual(t, ['T1, T2, T3, T4, T5, T6, T7, T8, T9, T10 (the line\'s 10 units; 4 on this row)', 'T1, T2, T3, T4, T5, T6, T7, T8, T9, T10 (the line\'s 10 units; 6 on this row)']);
  const ammo = disp.find((r) => r['Item ID'] === 'ammo-556')!;
  assert.deepEqual([ammo['Sensitivity'], ammo['NSN']], ['lethal, dangerous', '1305-01-155-5459']);
});

test('the disposition, handover and sortie registers agree with the plan', async () => {
  const scenario = await fixtureScenario();
  const plan = fixturePlan(scenario);
  const disp = records(await sheetOf((await exportPlan(scenario, plan, 'dispositions')).data));
  assert.equal(disp.length, plan.dispositions.length);
  for (const [action, metric] of [['retrograde', 'retrogradeValueUsd'], ['transfer', 'transferValueUsd'], ['demilitarize', 'demilitarizedValueUsd']] as const)
    assert.equal(Math.round(sum(disp.filter((r) => r['Action'] === action).map((r) => r['Total Value (USD)'] as number))), plan.metrics[metric]);
  // every unit of every item is accounted for, to the kilogram
  const inventoryKg = sum(scenario.items.map((i) => i.quantity * i.unitWeightKg));
  assert.equal(Math.round(sum(disp.map((r) => r['Total Weight (kg)'] as number))), Math.round(inventoryKg));
  assert.ok(disp.every((r) => typeof r['Reason'] === 'string' && (r['Reason'] as string).length > 0));

  const hand = records(await sheetOf((await exportPlan(scenario, plan, 'handovers')).data));
  assert.equal(sum(hand.map((r) => r['Value (USD)'] as number)), sum(scenario.infrastructure.map((x) => x.valueUsd)));
  assert.ok(hand[0]['Date'] instanceof Date);
  assert.equal((hand[0]['Date'] as Date).getTime(), toMs(plan.handovers[0].date));

  const sorties = records(await sheetOf((await exportPlan(scenario, plan, 'sorties')).data));
  assert.deepEqual(sorties.map((r) => r['Sortie']), plan.sorties.map((s) => s.id));
  assert.equal(sum(sorties.map((r) => r['Payload (kg)'] as number)), sum(plan.sorties.map((s) => s.payloadKg)));
  assert.deepEqual(sorties.map((r) => (r['Departs (UTC)'] as Date).getTime()), plan.sorties.map((s) => toMs(s.departs)));
  assert.deepEqual(sorties.map((r) => r['Loads']), plan.sorties.map((s) => s.loads.length));
  assert.equal(sorties[3]['CG (m)'], null); // an empty positioning leg has no centre of gravity
});

test('the registers of a plan from the planner agree with its metrics', async () => {
  const scenario = await fixtureScenario();
  const plan = planScenario(scenario, { remedies: false });
  const disp = parse((await exportPlan(scenario, plan, 'dispositions', 'csv')).data as string, { bom: true, columns: true }) as Record<string, string>[];
  for (const [action, metric] of [['retrograde', 'retrogradeValueUsd'], ['transfer', 'transferValueUsd'], ['demilitarize', 'demilitarizedValueUsd']] as const) {
    assert.equal(Math.round(sum(disp.filter((r) => r['Action'] === action).map((r) => Number(r['Total Value (USD)'])))), Math.round(plan.metrics[metric]));
    assert.equal(Math.round(value(scenario, plan, action)), Math.round(plan.metrics[metric]));
  }
  const html = (await exportPlan(scenario, plan, 'loadplans')).data as string;
  assert.equal(html.match(/<section class="page"/g)?.length, plan.sorties.length);
});

test('an ICS calendar parses line by line: CRLF, folded at 75 octets, one event per sortie in UTC', async () => {
  const scenario = await fixtureScenario();
  scenario.sites[0].name = 'Base aérienne projetée 101, Niamey — hangar nord, près de la tour de contrôle';
  const plan = fixturePlan(scenario);
  const out = await exportPlan(scenario, plan, 'ics');
  assert.equal(out.contentType, 'text/calendar; charset=utf-8');
  const text = out.data as string;
  assert.equal(text, (await exportPlan(scenario, plan, 'ics')).data, 'deterministic');
  assert.ok(text.endsWith('\r\n'));
  const physical = text.slice(0, -2).split('\r\n');
  assert.ok(physical.every((l) => !l.includes('\n') && !l.includes('\r')));
  assert.ok(physical.every((l) => Buffer.byteLength(l) <= 75), 'lines fold at 75 octets');
  assert.ok(physical.some((l) => l.startsWith(' ')), 'the long site name was folded');
  assert.ok(physical.every((l) => !l.includes('\uFFFD') && Buffer.from(l, 'utf8').toString('utf8') === l), 'no UTF-8 character split');
  // unfold (RFC 5545 3.1) and read properties
  const lines = text.slice(0, -2).replace(/\r\n /g, '').split('\r\n');
  assert.equal(lines[0], 'BEGIN:VCALENDAR');
  assert.equal(lines[lines.length - 1], 'END:VCALENDAR');
  assert.ok(lines.includes('VERSION:2.0') && lines.some((l) => l.startsWith('PRODID:')));
  const events: Record<string, string>[] = [];
  let cur: Record<string, string> | null = null;
  for (const l of lines) {
    if (l === 'BEGIN:VEVENT') cur = {};
    else if (l === 'END:VEVENT') events.push(cur!), (cur = null);
    else if (cur) {
      const i = l.indexOf(':');
      cur[l.slice(0, i)] = l.slice(i + 1);
    }
  }
  assert.equal(events.length, plan.sorties.length);
  assert.equal(new Set(events.map((e) => e.UID)).size, events.length);
  const basic = (iso: string) => new Date(toMs(iso)).toISOString().replace(/\.000Z$/, 'Z').replace(/[-:]/g, '');
  plan.sorties.forEach((s, i) => {
    assert.equal(events[i].DTSTART, basic(s.departs));
    assert.equal(events[i].DTEND, basic(s.arrives));
    assert.equal(events[i].DTSTAMP, '20240910T000000Z');
    assert.match(events[i].DTSTART, /^\d{8}T\d{6}Z$/);
  });
  assert.equal(events[0].LOCATION, 'Base aérienne projetée 101\\, Niamey — hangar nord\\, près de la tour de contrôle');
});

test('GeoJSON: a Point per site and a LineString per route with sortie counts and tonnes', async () => {
  const scenario = await fixtureScenario();
  const plan = fixturePlan(scenario);
  const out = await exportPlan(scenario, plan, 'geojson');
  assert.equal(out.contentType, 'application/geo+json');
  const gj = JSON.parse(out.data as string);
  assert.equal(gj.type, 'FeatureCollection');
  for (const f of gj.features) {
    assert.equal(f.type, 'Feature');
    assert.equal(typeof f.properties, 'object');
    const points: number[][] = f.geometry.type === 'Point' ? [f.geometry.coordinates] : f.geometry.coordinates;
    assert.ok(['Point', 'LineString'].includes(f.geometry.type));
    if (f.geometry.type === 'LineString') assert.ok(points.length >= 2);
    for (const [lon, lat] of points) assert.ok(Math.abs(lon) <= 180 && Math.abs(lat) <= 90 && Number.isFinite(lon + lat));
  }
  const points = gj.features.filter((f: { geometry: { type: string } }) => f.geometry.type === 'Point');
  assert.equal(points.length, scenario.sites.length);
  assert.deepEqual(points[0].geometry.coordinates, [scenario.sites[0].lon, scenario.sites[0].lat]); // [lon, lat]
  const flows = gj.features.filter((f: { geometry: { type: string } }) => f.geometry.type === 'LineString');
  assert.equal(sum(flows.map((f: { properties: { sorties: number } }) => f.properties.sorties)), plan.sorties.length);
  const cargoKg = sum(plan.sorties.map((s) => s.payloadKg - s.passengers * scenario.policy.passengerKg));
  assert.equal(Math.round(sum(flows.map((f: { properties: { tonnes: number } }) => f.properties.tonnes)) * 1000), Math.round(cargoKg));
  const hubHome = flows.find((f: { id: string }) => f.id === 'flow:hub>home');
  assert.deepEqual(hubHome.geometry.coordinates, [[14.92, 37.4], [7.6, 49.44]]);
});

test('load plans: one self-contained printable page per sortie, the floor to scale, the CG against its range', async () => {
  const scenario = await fixtureScenario();
  const plan = fixturePlan(scenario);
  plan.sorties[1].cgM = 30; // beyond any C-17A range: must be flagged
  const out = await exportPlan(scenario, plan, 'loadplans');
  assert.equal(out.extension, 'html');
  const html = out.data as string;
  assert.doesNotMatch(html, /https?:|<script|<link|<img|@import|url\(/i, 'nothing fetched from outside');
  assert.match(html, /break-after: page/);
  const pages = html.split('<section class="page"').slice(1);
  assert.equal(pages.length, plan.sorties.length);
  const c17 = scenario.aircraft.find((a) => a.type === 'C-17A')!;
  // the floor and each load drawn at the same scale
  const rects = [...pages[0].matchAll(/<rect x="([\d.]+)" y="([\d.]+)" width="([\d.]+)" height="([\d.]+)"/g)].map((m) => m.slice(1).map(Number));
  const floor = rects[0];
  const scale = floor[2] / c17.floorLengthM;
  assert.ok(Math.abs(floor[3] / scale - c17.floorWidthM) < 0.01);
  const loads = rects.slice(2);
  assert.equal(loads.length, plan.sorties[0].loads.length);
  plan.sorties[0].loads.forEach((l, i) => {
    assert.ok(Math.abs((loads[i][0] - floor[0]) / scale - l.x) < 0.01, `load ${l.ref} x`);
    assert.ok(Math.abs(loads[i][2] / scale - l.l) < 0.01, `load ${l.ref} length`);
  });
  // numbers on the drawing, names and weights in the table (loadplans.test.ts checks the rest)
  assert.match(pages[0], /font-weight="bold">1<\/text><\/g>/);
  assert.match(pages[0], /<tr><td class="n">1<\/td><td class="ref">hmmwv<\/td><td>HMMWV M1151 <span class="lb">NSN 2320-01-540-2917<\/span><\/td><td class="n">6,804 kg/);
  assert.match(pages[0], /Passengers<\/th><td>50 /);
  assert.match(pages[0], /within range/);
  assert.match(pages[1], /OUTSIDE RANGE/);
  assert.match(pages[3], /no cargo/);
});

test('a plan for another scenario, or a format an output lacks, is refused', async () => {
  const scenario = await fixtureScenario();
  const plan = fixturePlan(scenario);
  plan.dispositions[0].itemId = 'ghost';
  await assert.rejects(exportPlan(scenario, plan, 'dispositions'), (e: unknown) => e instanceof DrawdownError && e.code === 'bad_input' && /item "ghost"/.test(e.message));
  await assert.rejects(exportPlan(scenario, fixturePlan(scenario), 'ics', 'csv'), (e: unknown) => e instanceof DrawdownError && e.code === 'usage');
});
