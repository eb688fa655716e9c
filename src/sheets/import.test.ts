import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import ExcelJS from 'exceljs';
import { parseScenario } from '../scenario/index.ts';
import { parse as parseYaml } from 'yaml';
import { baseText, fixture } from './fixtures/index.ts';
import { importInventory } from './import.ts';
import { formatSheetIssue } from './issues.ts';

const messages = (r: Awaited<ReturnType<typeof importInventory>>) => (r.ok ? [] : r.issues.map((i) => formatSheetIssue(i)));

test('a sheet in pounds and inches imports to the same figures as the sheet in kg and metres', async () => {
  const si = await importInventory({ items: { path: fixture('items-si.csv') }, base: baseText() });
  const us = await importInventory({ items: { path: fixture('items-us.csv') }, base: baseText() });
  assert.ok(si.ok && us.ok, JSON.stringify([messages(si), messages(us)]));
  assert.deepEqual(us.scenario.items, si.scenario.items);
  const gen = us.scenario.items.find((i) => i.id === 'gen-15kw')!;
  // 1,200 lb x 0.45359237; 72 x 36 x 48 in x 0.0254
  assert.deepEqual([gen.unitWeightKg, gen.lengthM, gen.widthM, gen.heightM, gen.unitValueUsd], [544.310844, 1.8288, 0.9144, 1.2192, 30000]);
  const byId = new Map(us.scenario.items.map((i) => [i.id, i]));
  // ids: the sheet's own (LIN, Item ID), else NSN and site
  assert.deepEqual([...byId.keys()], ['gen-15kw', '8340-01-185-9930-alpha', 'hmmwv', 'ammo-556', '5810-01-500-1234-bravo']);
  assert.equal(byId.get('hmmwv')!.nsn, '2320-01-540-2917');
  assert.equal(byId.get('hmmwv')!.kind, 'vehicle'); // "Rolling stock"
  assert.equal(byId.get('8340-01-185-9930-alpha')!.site, 'alpha'); // by site name "Alpha air base" in the SI sheet
  assert.deepEqual(byId.get('ammo-556')!.sensitive, ['lethal', 'dangerous']); // "lethal / dangerous"
  assert.equal(byId.get('gen-15kw')!.tiltable, false); // "This side up: Y"
  assert.equal(byId.get('8340-01-185-9930-alpha')!.tiltable, true); // "This side up: no"
  assert.equal(byId.get('5810-01-500-1234-bravo')!.demilInPlace, true); // "TRUE"
  assert.equal(byId.get('gen-15kw')!.demilInPlace, true); // "x"
  // the scenario file the import gives is one parseScenario accepts, to the same scenario
  const again = parseScenario(JSON.stringify(us.scenarioFile), { format: 'json' });
  assert.ok(again.ok);
  assert.deepEqual(again.scenario, us.scenario);
  assert.deepEqual(us.scenario.personnel, [{ site: 'alpha', count: 40, role: 'operations' }]); // the base's, no roster given
});

test('a sheet with bad rows is refused with every row named', async () => {
  const r = await importInventory({ items: { path: fixture('items-bad.csv') }, base: baseText() });
  assert.equal(r.ok, false);
  assert.deepEqual(messages(r), [
    'items-bad.csv: row 3, column "Location": unknown site "nowhere"',
    'items-bad.csv: row 4, column "Qty": must be a number, got "two"',
    'items-bad.csv: row 4, column "Sensitivity": unknown sensitivity "fragile" (lethal, dangerous or classified, or Y/N; comma or slash separated)',
    'items-bad.csv: row 4, column "Transferable": must be Y or N (or yes/no, true/false, 1/0, x), got "maybe"',
    'items-bad.csv: row 6, column "Weight (lb)": must be positive, got -4',
    'items-bad.csv: row 7, column "Item ID": duplicate id "gen" (first at row 2)',
    'items-bad.csv: row 7, column "Height (in)": must not be blank',
    'items-bad.csv: row 8, column "Location": site "hub" is a hub; items must start at an origin site',
    'items-bad.csv: row 8, column "Qty": must be a whole number, got 2.5',
  ]);
  assert.deepEqual(formatSheetIssue(r.ok ? { path: '', code: 'value', message: '' } : r.issues[0], false), 'row 3, column "Location": unknown site "nowhere"');
});

test('a sheet without a needed column names what it looked for', async () => {
  const r = await importInventory({
    items: { name: 'short.csv', buffer: Buffer.from('Name,Location,Qty,Weight (kg),Length (m),Width (m)\nBox,alpha,1,10,1,1\n') },
    base: baseText(),
  });
  assert.deepEqual(messages(r), [
    'short.csv: row 1: no column for the height (headers like "Height (m)", "Height (in)", "H (cm)", or map one in the mapping file)',
    'short.csv: row 1: no column for the unit value (headers like "Unit Cost ($)", "Unit Price", "Value (USD)", or map one in the mapping file)',
  ]);
});

test('headers with units of the wrong kind, and a missing base, are refused', async () => {
  const sheet = Buffer.from('Name,Location,Weight (in),Length (m),Width (m),Height (m),Value\nBox,alpha,10,1,1,1,5\n');
  assert.deepEqual(messages(await importInventory({ items: { name: 'odd.csv', buffer: sheet }, base: baseText() })), [
    'odd.csv: row 1, column "Weight (in)": "in" is not a unit of mass',
  ]);
  const fine = Buffer.from('Name,Location,Weight,Length (m),Width (m),Height (m),Value\nBox,alpha,10,1,1,1,5\n');
  assert.deepEqual(messages(await importInventory({ items: { name: 'fine.csv', buffer: fine } })), [
    'no base scenario: the sheets fill in a scenario that gives the sites, aircraft and agreements (--base SCENARIO)',
  ]);
});

test('a mapping file names the columns drawdown does not recognise, with units', async () => {
  const mapping = parseYaml(readFileSync(fixture('mapping.yaml'), 'utf8')) as Record<string, string>;
  const r = await importInventory({ items: { path: fixture('items-mapped.csv') }, base: baseText(), mapping });
  assert.ok(r.ok, JSON.stringify(messages(r)));
  assert.deepEqual(r.scenario.items[0], {
    id: 'groupe-electrogene-alpha', name: 'Groupe électrogène', site: 'alpha', quantity: 2,
    unitWeightKg: 544.310844, lengthM: 1.8288, widthM: 0.9144, heightM: 1.2192, unitValueUsd: 30000,
    kind: 'cargo', sensitive: [], hostTransfer: false, demilInPlace: false, tiltable: false, verticalDims: ['height'], cargoAircraftOnly: false,
  });
  assert.deepEqual(r.warnings, []); // "Remarques" is mapped to ignore
  const unmapped = await importInventory({ items: { path: fixture('items-mapped.csv') }, base: baseText() });
  assert.equal(unmapped.ok, false);
  const wrong = await importInventory({ items: { path: fixture('items-mapped.csv') }, base: baseText(), mapping: { ...mapping, Valeur: 'prix' } });
  assert.deepEqual(messages(wrong), [
    'mapping: "Valeur": "prix" is neither a field (id, name, nsn, site, quantity, unitWeightKg, lengthM, widthM, heightM, dims, unitValueUsd, kind, vehicle, ' +
      'tiltable, upright, verticalDims, maxLoadOnTopKg, noStack, readyFrom, serials, conditionCode, tcn, unitOfIssue, hazard, class, unNumber, classification, comsec, ' +
      'lethal, ammunition, dodic, demilCode, sensitive, hostTransfer, demilInPlace, cargoAircraftOnly, sensitive:lethal, sensitive:dangerous, sensitive:classified, ' +
      'count, role, unit, ignore) nor a header drawdown knows',
    'items-mapped.csv: row 1: no column for the unit value (headers like "Unit Cost ($)", "Unit Price", "Value (USD)", or map one in the mapping file)',
  ]);
});

test('a personnel roster replaces the base personnel; bad roles are named', async () => {
  const r = await importInventory({ items: { path: fixture('items-si.csv') }, personnel: { path: fixture('personnel.csv') }, base: baseText() });
  assert.ok(r.ok, JSON.stringify(messages(r)));
  assert.deepEqual(r.scenario.personnel, [
    { site: 'alpha', count: 120, role: 'operations', unit: '409th AEG' },
    { site: 'alpha', count: 30, role: 'security' },
    { site: 'bravo', count: 25, role: 'security' },
  ]);
  const bad = await importInventory({
    items: { path: fixture('items-si.csv') },
    personnel: { name: 'roster.csv', buffer: Buffer.from('Site,Strength,Role\nalpha,-3,ops\nbravo,5,cooks\n') },
    base: baseText(),
  });
  assert.deepEqual(messages(bad), [
    'roster.csv: row 2, column "Strength": must not be negative, got -3',
    'roster.csv: row 3, column "Role": unknown role "cooks" (security, operations or support)',
  ]);
});

test('an XLSX workbook: the sheet named Items, title rows above the header, typed cells', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'drawdown-sheets-'));
  const wb = new ExcelJS.Workbook();
  wb.addWorksheet('Notes').addRow(['read me first']);
  const ws = wb.addWorksheet('Items');
  ws.addRow(['Inventory, 409th AEG']);
  ws.addRow([]);
  ws.addRow(['NSN', 'Description', 'Location', 'Quantity', 'Wt kg', 'L (cm)', 'W (cm)', 'H (cm)', 'Value (USD)', 'Vehicle', 'Remarks']);
  ws.addRow(['6115-01-274-7389', 'Generator', 'alpha', 2, 544.5, 183, 91, 122, 30000, false, 'spare parts']);
  ws.addRow(['2320-01-540-2917', 'Truck', 'bravo', 1, { formula: '5000+1000', result: 6000 }, 700, 250, 260, 150000, 'Y', '']);
  ws.addRow(['5810-01-500-1234', 'Radio', 'nowhere', 1, 20, 50, 40, 30, 4000, 'N', '']);
  const path = join(dir, 'inventory.xlsx');
  writeFileSync(path, Buffer.from(await wb.xlsx.writeBuffer()));
  const r = await importInventory({ items: { path }, base: baseText() });
  assert.deepEqual(messages(r), ['inventory.xlsx: row 6, column "Location": unknown site "nowhere"']);
  ws.getRow(6).getCell(3).value = 'Bravo strip';
  writeFileSync(path, Buffer.from(await wb.xlsx.writeBuffer()));
  const ok = await importInventory({ items: { path }, base: baseText() });
  assert.ok(ok.ok, JSON.stringify(messages(ok)));
  assert.deepEqual(
    ok.scenario.items.map((i) => [i.id, i.site, i.kind, i.unitWeightKg, i.lengthM]),
    [['6115-01-274-7389-alpha', 'alpha', 'cargo', 544.5, 1.83], ['2320-01-540-2917-bravo', 'bravo', 'vehicle', 6000, 7], ['5810-01-500-1234-bravo', 'bravo', 'cargo', 20, 0.5]],
  );
  assert.deepEqual(ok.warnings.map((w) => formatSheetIssue(w)), [
    'inventory.xlsx: row 3, column "Remarks": not read (no field of that name; map it in the mapping file if it matters)',
    'inventory.xlsx: column "NSN": row 6 ("5810-01-500-1234"): no column says so, but the stock number\'s supply class 5810, communications security ' +
      'equipment and components: read as such (never given away, guarded, packed apart); confirm it in a safety column (Lethal, Ammo, COMSEC), or say N there if the line is not',
  ]);
  assert.deepEqual(ok.scenario.items[2].sensitive, ['classified']); // a COMSEC radio, by its stock number
});
