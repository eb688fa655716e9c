// How a sheet is laid out: two-row headers (a group label above or below), units written in the
// cells, a combined dimensions column, TOTAL rows (left out, their sums checked), and the
// identity of each line (NSN, serials, condition code, TCN, unit of issue) kept and checked.

import assert from 'node:assert/strict';
import { test } from 'node:test';
import { readMeasure, readDims } from './measure.ts';
import { baseText } from './fixtures/index.ts';
import { importInventory, type ImportResult } from './import.ts';
import { formatSheetIssue } from './issues.ts';

const load = (text: string, name = 'stock.csv') => importInventory({ items: { name, buffer: Buffer.from(text) }, base: baseText() });
const messages = (r: ImportResult) => (r.ok ? r.warnings : r.issues).map((i) => formatSheetIssue(i));
const items = (r: ImportResult) => {
  assert.ok(r.ok, JSON.stringify(messages(r)));
  return r.scenario.items;
};

test('units written in the cell win over the header; a cell without one takes the header\'s', () => {
  const lb = { dimension: 'mass', factor: 0.45359237, symbol: 'lb' } as const;
  const cases: [string | number, number][] = [['45 lb', 20.411657], ['1,250 kg', 1250], [45, 20.411657], ['45', 20.411657], ['45#', 20.411657], ['2 t', 2000], ['45 lbs.', 20.411657]];
  assert.deepEqual(cases.map(([v]) => readMeasure(v, 'mass', lb)), cases.map(([, kg]) => ({ ok: true, value: kg })));
  assert.deepEqual(readMeasure('36 in', 'length'), { ok: true, value: 0.9144 });
  assert.deepEqual(readMeasure('36"', 'length'), { ok: true, value: 0.9144 });
  assert.deepEqual(readMeasure('3\' 6"', 'length'), { ok: true, value: 1.0668 });
  assert.deepEqual(readMeasure('$1,200', 'money'), { ok: true, value: 1200 });
  assert.deepEqual(readMeasure('45 in', 'mass'), { ok: false, message: '"in" is not a unit of mass, got "45 in"' });
  assert.deepEqual(readMeasure('45 stone', 'mass'), { ok: false, message: '"stone" is not a unit drawdown knows (kg, lb, t, m, cm, mm, in, ft, USD), got "45 stone"' });
  assert.deepEqual(readMeasure('heavy', 'mass'), { ok: false, message: 'must be a number (a unit may follow it, e.g. 45 lb), got "heavy"' });
  assert.deepEqual(readDims('48 x 40 x 36 in'), { ok: true, value: [1.2192, 1.016, 0.9144] });
  assert.deepEqual(readDims('1.2×1.0×0.9'), { ok: true, value: [1.2, 1, 0.9] });
  assert.equal(readDims('48 x 40').ok, false);
});

test('a two-row CSV header: a group label over its columns (above or below the named row) is read with them', async () => {
  const above = load([
    ',,,Dimensions (in),,,,',
    'Description,Location,Qty,L,W,H,Weight (lb),Price',
    'Crate,alpha,2,48,40,36,"1,000",$500',
  ].join('\n'));
  assert.deepEqual(items(await above).map((i) => [i.lengthM, i.widthM, i.heightM, i.unitWeightKg]), [[1.2192, 1.016, 0.9144, 453.59237]]);
  const below = load([
    'Description,Location,Qty,Weight,Dimensions (cm),,,Unit,',
    ',,,(lb),L,W,H,Price,Remarks',
    'Crate,alpha,2,"1,000",120,100,90,$500,ok',
  ].join('\n'));
  const r = await below;
  assert.deepEqual(items(r).map((i) => [i.lengthM, i.widthM, i.heightM, i.unitWeightKg, i.unitValueUsd]), [[1.2, 1, 0.9, 453.59237, 500]]);
  assert.deepEqual(messages(r), ['stock.csv: row 2, column "Remarks": not read (no field of that name; map it in the mapping file if it matters)']);
  // a bad cell under a two-row header names both labels
  const bad = await load(['Description,Location,Qty,Weight (lb),Dimensions (in),,,Price', ',,,,L,W,H,', 'Crate,alpha,2,100,48,forty,36,5'].join('\n'));
  assert.deepEqual(messages(bad), ['stock.csv: row 3, column "Dimensions (in) / W": must be a number (a unit may follow it, e.g. 45 lb), got "forty"']);
});

test('a combined dimensions column, and the stacking and readiness columns', async () => {
  const r = await load([
    'Description,Location,Weight (kg),Dimensions L x W x H (in),Unit Cost,Do Not Stack,Max Load on Top (lb),Ready From,Vertical Dims',
    'Crate,alpha,10,48 x 40 x 36,5,Y,,2024-09-12,',
    'Rack,alpha,10,"1 x 1 x 1 m",5,,"2,000",12 Sep 2024,"length, height"',
  ].join('\n'));
  assert.deepEqual(items(r).map((i) => [i.lengthM, i.widthM, i.heightM, i.maxLoadOnTopKg, i.readyFrom, i.verticalDims]), [
    [1.2192, 1.016, 0.9144, 0, '2024-09-12', ['height']],
    [1, 1, 1, 907.18474, '2024-09-12', ['length', 'height']],
  ]);
  const bad = await load(['Description,Location,Weight (kg),Dims,L (m),Unit Cost,Ready From', 'Crate,alpha,10,1 x 1 x 1,2,5,9/12/2024'].join('\n'));
  assert.deepEqual(messages(bad), [
    'stock.csv: row 2, column "L (m)": "2" disagrees with column "Dims" (1 x 1 x 1); correct one of the two',
    'stock.csv: row 2, column "Ready From": must be a date written as 2024-09-12 or 12 Sep 2024 (9/12/2024 could be either month), got "9/12/2024"',
  ]);
});

test('TOTAL rows are left out, and their figures checked against the lines: quantity, weight (per unit or extended), value', async () => {
  const head = 'Description,Location,Qty,Weight (lb),L (in),W (in),H (in),Unit Price';
  const body = ['Crate,alpha,2,100,10,10,10,$50', 'Box,bravo,3,20,10,10,10,$10'];
  const ok = await load([head, ...body, 'Subtotal,,5,,,,,', 'Grand Total,,5,260,,,,$130'].join('\n'));
  assert.deepEqual([items(ok).length, messages(ok)], [2, []]);
  const bad = await load([head, ...body, 'TOTAL:,,6,250,,,,'].join('\n'));
  assert.deepEqual(messages(bad), [
    'stock.csv: row 4, column "Qty": the total row gives 6 but the lines above add up to 5; the lines were read and the total row left out: check for a line missing or added',
    'stock.csv: row 4, column "Weight (lb)": the total row gives 250 but the lines above add up to 260 lb (quantity x unit weight; 120 lb counting one unit a line); ' +
      'the lines were read and the total row left out: check for a line missing or added',
  ]);
  // "Total station" is an item (it has dimensions), not a total row
  assert.deepEqual(items(await load([head, ...body, 'Total station,alpha,1,30,20,20,20,$9000'].join('\n'))).map((i) => i.name), ['Crate', 'Box', 'Total station']);
});

test('identity: NSNs in any writing, serial numbers (one a unit), condition codes, TCN and unit of issue are kept and checked', async () => {
  const head = 'NSN,Nomenclature,Location,Qty,Weight (kg),Length (m),Width (m),Height (m),Unit Cost,Serial No,Condition Code,TCN,U/I';
  const r = await load([
    head,
    '6115012747389,Generator,alpha,1,500,2,1,1,30000,GS-0041,a,FB25124123XXX9001,EA',
    '6115 01 274 7389,Generator,alpha,2,500,2,1,1,30000,"GS-0042, GS-0043",F,,each',
    '2320-01-540-2917,Truck,bravo,3,6000,5,2,2,200000,"W1; W2",A,,',
  ].join('\n'));
  const list = items(r);
  assert.deepEqual(list.map((i) => [i.id, i.nsn, i.serials, i.conditionCode, i.tcn, i.unitOfIssue]), [
    ['6115-01-274-7389-gs-0041', '6115-01-274-7389', ['GS-0041'], 'A', 'FB25124123XXX9001', 'EA'],
    ['6115-01-274-7389-alpha', '6115-01-274-7389', ['GS-0042', 'GS-0043'], 'F', undefined, 'EA'],
    ['2320-01-540-2917-bravo', '2320-01-540-2917', ['W1', 'W2'], 'A', undefined, undefined],
  ]);
  assert.deepEqual(messages(r), ['stock.csv: column "Serial No": row 4 give fewer serial numbers than units ("2 of 3"): the registers list the serials given']);
  const bad = await load([
    head,
    '6115-01-274,Generator,alpha,1,500,2,1,1,30000,,Z,TCN123,Box of 10',
    '012747389,Generator,alpha,2,500,2,1,1,30000,"A1, A2, A3",,,',
    '2320-01-540-2917,Truck,bravo,1,6000,5,2,2,200000,W1,,,',
    '2320-01-540-2917,Truck,alpha,1,6000,5,2,2,200000,W1,,,',
  ].join('\n'));
  assert.deepEqual(messages(bad), [
    'stock.csv: row 2, column "NSN": must be a 13-digit NSN such as 6115-01-274-7389, got "6115-01-274"',
    'stock.csv: row 2, column "Condition Code": must be a supply condition code (A, B, C, D, E, F, G, H, J, K, L, M, N, P, Q, R, S, V, X), got "Z"',
    'stock.csv: row 2, column "TCN": must be a transportation control number of 17 letters and digits (DTR 4500.9-R), got "TCN123"',
    'stock.csv: row 2, column "U/I": must be a two-letter unit of issue (EA, BX, PG, SE, KT...), got "Box of 10"',
    'stock.csv: row 3, column "NSN": this is a NIIN (9 digits) without its Federal Supply Class: give the whole 13-digit NSN (6115-01-274-7389), got "012747389"',
    'stock.csv: row 3, column "Serial No": 3 serial numbers for 2 units: one serial a unit (split the line, or correct the quantity)',
    'stock.csv: row 5, column "Serial No": serial number "W1" of 2320-01-540-2917 is already on row 4',
  ]);
});

test('a roster\'s total row is left out and its head count checked', async () => {
  const roster = (total: number) => importInventory({
    items: { name: 'items.csv', buffer: Buffer.from('Name,Location,Weight (kg),L (m),W (m),H (m),Value\nBox,alpha,1,1,1,1,1\n') },
    personnel: { name: 'roster.csv', buffer: Buffer.from(`Site,Strength,Role\nalpha,120,ops\nbravo,25,security\nTotal,${total},\n`) },
    base: baseText(),
  });
  const ok = await roster(145);
  assert.deepEqual([ok.ok && ok.scenario.personnel.length, messages(ok)], [2, []]);
  assert.deepEqual(messages(await roster(150)), [
    'roster.csv: row 4, column "Strength": the total row gives 150 but the lines above add up to 145; the lines were read and the total row left out: check for a line missing or added',
  ]);
});
