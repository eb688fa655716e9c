// Spreadsheets in the workspace, in real headless Chromium against the real server: a sheet with a
// bad row names the row, column and value; a good sheet lands in the editor unsaved; the
// transfer register and the export menu download real files.

import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, statSync } from 'node:fs';
import ExcelJS from 'exceljs';
import type { Page } from 'playwright-core';
import { parse as parseYaml } from 'yaml';
import type { Plan } from '../../src/model/plan.ts';
import { cspViolations, openWorkspace, type Workspace } from './harness.ts';

const HEADER = 'Item ID,Nomenclature,Location,Qty,Weight (lb),Length (in),Width (in),Height (in),Unit Cost ($),Transferable';
const GOOD = `${HEADER}\ngen-30kw,Generator 30 kW,ab101,2,"1,200",72,36,48,"$30,000",N\ntent-gp,"Tent, GP medium",ab201,10,100,48,40,30,1500,Y\n`;
const BAD = GOOD.replace(',ab201,', ',nowhere,');

const csv = (name: string, text: string) => ({ name, mimeType: 'text/csv', buffer: Buffer.from(text) });

describe('browser spreadsheets', { timeout: 300_000 }, () => {
  let ws: Workspace;
  let page: Page;
  let plan: Plan;
  const pageErrors: string[] = [];

  before(async () => {
    ws = await openWorkspace();
    const res = await ws.api(`/api/plans/${ws.server.planId}`);
    plan = (await res.json()) as Plan;
    page = await (await ws.context({ viewport: { width: 1280, height: 900 }, acceptDownloads: true })).newPage();
    page.setDefaultTimeout(20_000);
    page.on('pageerror', (e) => pageErrors.push(e.message));
    await page.goto(ws.loginUrl);
    await page.getByTestId('glance').waitFor();
  });

  after(async () => {
    await ws?.close();
  });

  it('a sheet with a bad row lists that row, its column and its value, and leaves the editor alone', async () => {
    await page.getByTestId('tab-scenario').click();
    const before = await page.getByTestId('editor-text').inputValue();
    assert.match(before, /ab101/, 'the editor holds the Niger scenario, the base of the import');
    await page.getByTestId('import-items').setInputFiles(csv('stock-bad.csv', BAD));
    await page.getByTestId('import-run').click();
    const row = page.locator('[data-testid="sheet-issue"][data-row="3"]');
    await row.waitFor();
    const cells = await row.locator('td').allInnerTexts();
    assert.deepEqual(cells, ['stock-bad.csv', '3', 'Location', 'nowhere', 'unknown site "nowhere"']);
    assert.equal(await page.getByTestId('sheet-issue').count(), 1);
    assert.match(await page.getByTestId('import-status').innerText(), /1 problem: nothing was imported/);
    assert.equal(await page.getByTestId('editor-text').inputValue(), before);
    assert.equal(await page.getByTestId('editor-unsaved').isVisible(), false);
  });

  it('a good sheet in pounds and inches loads into the editor, unsaved and valid', async () => {
    await page.getByTestId('import-items').setInputFiles(csv('stock.csv', GOOD));
    await page.getByTestId('import-run').click();
    await page.getByTestId('editor-unsaved').waitFor();
    await page.getByTestId('editor-status').getByText('Valid').waitFor();
    assert.match(await page.getByTestId('editor-status').innerText(), /Imported from stock\.csv, not saved/);
    assert.equal(await page.locator('[data-testid="sheet-issue"]').count(), 0);
    const doc = parseYaml(await page.getByTestId('editor-text').inputValue()) as { name: string; items: { id: string; site: string; unitWeightKg: number; lengthM: number; unitValueUsd: number }[]; sites: unknown[] };
    assert.match(doc.name, /Niger/);
    assert.deepEqual(doc.items.map((i) => [i.id, i.site, i.unitWeightKg, i.lengthM, i.unitValueUsd]), [
      ['gen-30kw', 'ab101', 544.310844, 1.8288, 30000],
      ['tent-gp', 'ab201', 45.359237, 1.2192, 1500],
    ]);
    assert.match(await page.getByTestId('editor-title').innerText(), /imported from stock\.csv/);
    // nothing is saved by an import
    const versions = (await (await ws.api('/api/scenarios/1')).json()) as { versions: unknown[] };
    assert.equal(versions.versions.length, 1);
  });

  it('the transfer register link downloads the XLSX whose total is the plan\'s transfer value', async () => {
    await page.getByTestId('tab-registers').click();
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('download-transfers').click()]);
    assert.match(download.suggestedFilename(), new RegExp(`-plan${ws.server.planId}-transfers\\.xlsx$`));
    const path = await download.path();
    assert.ok(statSync(path).size > 0);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(readFileSync(path) as unknown as ArrayBuffer);
    const sheet = wb.worksheets[0];
    const last = sheet.getRow(sheet.rowCount);
    assert.equal(last.getCell(1).value, 'TOTAL');
    assert.equal(Math.round(last.getCell(7).value as number), Math.round(plan.metrics.transferValueUsd));
  });

  it('the Export menu downloads the calendar and the scenario inventory', async () => {
    await page.getByTestId('export-open').click();
    const [ics] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-ics').click()]);
    assert.match(ics.suggestedFilename(), new RegExp(`-plan${ws.server.planId}-ics\\.ics$`));
    assert.match(readFileSync(await ics.path(), 'utf8'), /^BEGIN:VCALENDAR/);
    await page.getByTestId('tab-scenario').click();
    const [items] = await Promise.all([page.waitForEvent('download'), page.getByTestId('download-inventory').click()]);
    assert.match(items.suggestedFilename(), /-v1-items\.xlsx$/);
    assert.ok(statSync(await items.path()).size > 0);
    assert.deepEqual(pageErrors, []);
    assert.deepEqual(await cspViolations(page), []);
  });
});
