// A supply clerk's movement list, as CSV and as XLSX written by the test: every hazardous,
// classified and ammunition line comes out sensitive, the plan made from it hands none of them
// over, and the registers of the handover carry the sheet's stock numbers.

import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { importSheets, planScenario } from '../app/index.ts';
import type { Item, Plan, Scenario } from '../model/index.ts';
import { exportPlan } from './export.ts';
import { fixture } from './fixtures/index.ts';
import { CLERK_FIRST_LINE_ROW, CLERK_KINDS, CLERK_LINES, CLERK_TOTAL_QTY, clerkCsv, clerkXlsx } from '../../test/fixtures/clerk.ts';
import { formatSheetIssue } from './issues.ts';

const dir = mkdtempSync(join(tmpdir(), 'drawdown-clerk-'));
const write = (name: string, data: string | Buffer) => {
  const path = join(dir, name);
  writeFileSync(path, data);
  return path;
};
const base = { path: fixture('base.yaml') };

async function imported(path: string) {
  const r = await importSheets({ items: { path }, base });
  assert.ok(r.ok, JSON.stringify(!r.ok && r.issues.map((i) => formatSheetIssue(i))));
  return r;
}

const byNsn = (s: Scenario) => new Map(s.items.map((i) => [i.nsn!, i]));
const transferred = (p: Plan) => new Set(p.dispositions.filter((d) => d.action === 'transfer').map((d) => d.itemId));

for (const format of ['csv', 'xlsx'] as const) {
  test(`${format}: every hazardous, classified and ammunition line is sensitive; the rest is not`, async () => {
    const path = write(`movement.${format}`, format === 'csv' ? clerkCsv() : await clerkXlsx());
    const r = await imported(path);
    const items = byNsn(r.scenario);
    assert.equal(r.scenario.items.length, CLERK_LINES.length, 'the title, prepared-by and TOTAL rows are not items');
    assert.deepEqual([...items.keys()], CLERK_LINES.map((l) => l[0]), 'every NSN kept, in sheet order');
    for (const nsn of CLERK_KINDS.ammunition) assert.deepEqual([...items.get(nsn)!.sensitive].sort(), ['dangerous', 'lethal'], nsn);
    for (const nsn of CLERK_KINDS.classified) assert.deepEqual(items.get(nsn)!.sensitive, ['classified'], nsn);
    for (const nsn of CLERK_KINDS.dangerous) assert.deepEqual(items.get(nsn)!.sensitive, ['dangerous'], nsn);
    for (const nsn of CLERK_KINDS.weapon) assert.deepEqual(items.get(nsn)!.sensitive, ['lethal'], nsn); // by its supply class, 1005
    const flagged = new Set<string>(Object.values(CLERK_KINDS).flat());
    for (const [nsn, item] of items) if (!flagged.has(nsn)) assert.deepEqual(item.sensitive, [], nsn);
    // classes where the Hazmat column gives one; "Y" gives dangerous without a class
    assert.deepEqual(CLERK_LINES.map((l) => items.get(l[0] as string)!.hazard ?? null), [null, null, null, '1.4S', '1.1D', null, null, null, '3', null, null, null, null]);
    // no sensitive line is transferable, whatever else the sheet says
    for (const item of items.values()) if (item.sensitive.length) assert.equal(item.hostTransfer, false, item.id);
    // units: "45 lb" and "1,250 kg" in a "Weight (lb)" column, inches from the header
    assert.equal(items.get('1305-01-155-5459')!.unitWeightKg, 20.411657);
    assert.equal(items.get('8960-01-524-7226')!.unitWeightKg, 1250);
    assert.equal(items.get('2320-01-540-2917')!.lengthM, 4.572);
    const warnings = r.warnings.map((w) => formatSheetIssue(w));
    const first = CLERK_FIRST_LINE_ROW + (format === 'xlsx' ? 1 : 0); // the XLSX header takes two rows
    assert.deepEqual(warnings, [
      `movement.${format}: column "Hazmat": "Y" in rows ${first + 2} and ${first + 9}: dangerous goods without a hazard class. They are planned as dangerous ` +
        '(never given away, packed apart from other cargo) but cannot be segregated by class: give the UN class or division (1.4S, 2.1, 3, 8, 9) in a Hazard Class column',
      `movement.${format}: column "NSN": row ${first + 12} ("1005-01-231-0973"): no column says so, but the stock number's supply class 1005, guns, through 30 mm: ` +
        'read as such (never given away, guarded, packed apart); confirm it in a safety column (Lethal, Ammo, COMSEC), or say N there if the line is not',
    ]);
  });
}

test('the CSV and the XLSX (merged two-row header, typed cells) give the same items; a re-import gives the same file, byte for byte', async () => {
  const csvPath = write('same.csv', clerkCsv());
  const xlsxPath = write('same.xlsx', await clerkXlsx());
  const [a, b, again] = [await imported(csvPath), await imported(xlsxPath), await imported(csvPath)];
  assert.deepEqual(b.scenario.items, a.scenario.items);
  assert.equal(again.yaml, a.yaml);
  assert.equal((await imported(xlsxPath)).yaml, b.yaml);
  // ids from the NSN and site: a line keeps its id when others are added above it
  const moved = await imported(write('moved.csv', clerkCsv().replace(/^(NSN,.*\r?\n)/m, '$1"6545-01-539-6445","KIT, FIRST AID",5,4,12,8,4,$90,alpha,N,N,A,Y\n')));
  const ids = (s: Scenario) => new Map(s.items.map((i) => [i.nsn, i.id]));
  for (const [nsn, id] of ids(a.scenario)) assert.equal(ids(moved.scenario).get(nsn), id, nsn);
  assert.equal(a.scenario.items[0].id, '6115-01-274-7389-alpha');
});

test('planned through the app, the plan hands over none of the sensitive lines, even when every line is cleared for transfer', async () => {
  const r = await imported(write('plan.csv', clerkCsv()));
  const sensitive = r.scenario.items.filter((i) => i.sensitive.length > 0).map((i) => i.id);
  assert.equal(sensitive.length, 8);
  const plan = planScenario(r.scenario, { remedies: false });
  const given = transferred(plan);
  assert.ok(given.size > 0, 'cheap plain lines (water, paper, tents) are handed over');
  for (const id of sensitive) assert.equal(given.has(id), false, id);

  // The command clears everything for transfer: the sensitive lines still stay ours.
  const cleared: Scenario = { ...r.scenario, items: r.scenario.items.map((i) => ({ ...i, hostTransfer: true })) };
  const all = transferred(planScenario(cleared, { remedies: false }));
  for (const id of sensitive) assert.equal(all.has(id), false, id);
  // ...and it is the flags that keep them: read as ordinary cargo (what an import that drops
  // the safety columns would give), the same lines are handed over.
  const plain: Scenario = { ...cleared, items: cleared.items.map((i): Item => { const { hazard: _h, ...rest } = i; return { ...rest, sensitive: [] }; }) };
  const lost = transferred(planScenario(plain, { remedies: false }));
  assert.ok(sensitive.some((id) => lost.has(id)), 'without its flags the ammunition would be handed over');
});

test('the transfer register carries the sheet\'s NSNs, nomenclature, unit values and dates; the CSV has no summary row, the XLSX a TOTAL', async () => {
  const r = await imported(write('registers.csv', clerkCsv()));
  const plan = planScenario(r.scenario, { remedies: false });
  const sheetNsn = new Map(CLERK_LINES.map((l) => [l[1] as string, l[0] as string]));
  const csv = parse((await exportPlan(r.scenario, plan, 'transfers', 'csv')).data as string, { bom: true, columns: true }) as Record<string, string>[];
  const lines = plan.dispositions.filter((d) => d.action === 'transfer');
  assert.equal(csv.length, lines.length, 'one row a transfer line, no TOTAL row');
  assert.ok(csv.every((row) => row['Item ID'] !== 'TOTAL'));
  for (const row of csv) {
    assert.equal(row['NSN'], sheetNsn.get(row['Nomenclature']), row['Nomenclature']);
    assert.match(row['Transfer Date'], /^\d{4}-\d{2}-\d{2}$/);
    assert.equal(Number(row['Total Value (USD)']), Number(row['Unit Value (USD)']) * Number(row['Qty']));
  }
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load((await exportPlan(r.scenario, plan, 'transfers')).data as unknown as ArrayBuffer);
  const ws = wb.worksheets[0];
  const header = (ws.getRow(1).values as ExcelJS.CellValue[]).slice(1);
  assert.deepEqual(header, ['Item ID', 'NSN', 'Nomenclature', 'Unit of Issue', 'Qty', 'Unit Value (USD)', 'Total Value (USD)', 'Condition Code', 'Serial Numbers', 'Site', 'Country', 'Transfer Date', 'Unit Weight (kg)', 'Total Weight (kg)']);
  const total = ws.getRow(ws.rowCount);
  assert.equal(total.getCell(1).value, 'TOTAL');
  assert.equal(total.getCell(7).value, plan.metrics.transferValueUsd);
  assert.deepEqual(
    Array.from({ length: ws.rowCount - 2 }, (_, i) => ws.getRow(i + 2).getCell(2).value),
    csv.map((row) => row['NSN']),
  );
  assert.ok(ws.getRow(2).getCell(12).value instanceof Date, 'dates are dates in the workbook');

  const disp = parse((await exportPlan(r.scenario, plan, 'dispositions', 'csv')).data as string, { bom: true, columns: true }) as Record<string, string>[];
  assert.deepEqual(disp.map((d) => d['NSN']), plan.dispositions.map((d) => r.scenario.items.find((i) => i.id === d.itemId)!.nsn));
  assert.equal(disp.find((d) => d['NSN'] === '1305-01-249-5827')!['Hazard Class'], '1.4S');
});

test('a TOTAL row that disagrees with the lines is a warning naming its cell; one that agrees says nothing', async () => {
  const wrong = await imported(write('total.csv', clerkCsv([], { total: CLERK_TOTAL_QTY - 5 })));
  const row = CLERK_FIRST_LINE_ROW + CLERK_LINES.length;
  assert.ok(wrong.warnings.map((w) => formatSheetIssue(w)).includes(
    `total.csv: row ${row}, column "Qty": the total row gives ${CLERK_TOTAL_QTY - 5} but the lines above add up to ${CLERK_TOTAL_QTY}; ` +
      'the lines were read and the total row left out: check for a line missing or added',
  ));
  const right = await imported(write('total-ok.csv', clerkCsv()));
  assert.ok(right.warnings.every((w) => w.line !== row));
  assert.equal(right.scenario.items.length, CLERK_LINES.length);
});

test('a bad cell of the clerk\'s sheet is named by row, column and value as written, and nothing comes out', async () => {
  const r = await importSheets({ items: { path: write('bad.csv', clerkCsv([[2, 'Hazmat', 'Maybe'], [5, 'DEMIL Code', 'N'], [10, 'Weight (lb)', '1,250 ft']])) }, base });
  assert.equal(r.ok, false);
  assert.deepEqual(!r.ok && r.issues.map((i) => [i.line, i.column, i.value, i.code]), [
    [CLERK_FIRST_LINE_ROW + 2, 'Hazmat', 'Maybe', 'value'],
    [CLERK_FIRST_LINE_ROW + 5, 'DEMIL Code', 'N', 'value'],
    [CLERK_FIRST_LINE_ROW + 10, 'Weight (lb)', '1,250 ft', 'value'],
  ]);
  assert.deepEqual(!r.ok && r.issues.map((i) => i.message), [
    'must be Y or N (or yes/no, true/false, 1/0, x), or a UN hazard class or division (1.4S, 2.1, 3, 8, 9), got "Maybe"',
    'must be a DEMIL code (A, B, C, D, E, F, G, P, Q; DoDM 4160.28), got "N"',
    '"ft" is not a unit of mass, got "1,250 ft"',
  ]);
});
