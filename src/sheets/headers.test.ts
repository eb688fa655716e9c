import assert from 'node:assert/strict';
import { test } from 'node:test';
import { readFlag, readKind, readNumber } from './cells.ts';
import { readSensitive } from './safety/readers.ts';
import { ITEM_FIELDS, recogniseHeader } from './headers.ts';

const read = (h: string) => {
  const r = recogniseHeader(h, ITEM_FIELDS);
  if (!r) return 'unknown';
  if ('error' in r) return `error: ${r.error}`;
  return r.unit ? `${r.field} ${r.unit.factor}` : r.field;
};

test('the headers people write, any case and punctuation, with the unit from the header', () => {
  const cases: [string, string][] = [
    ['Qty', 'quantity'], ['QUANTITY', 'quantity'], ['QTY', 'quantity'],
    ['Weight (lb)', 'unitWeightKg 0.45359237'], ['Wt kg', 'unitWeightKg 1'], ['Weight (kg)', 'unitWeightKg 1'],
    ['Unit Weight', 'unitWeightKg 1'], ['weight, lbs', 'unitWeightKg 0.45359237'], ['Weight (t)', 'unitWeightKg 1000'],
    ['Length (in)', 'lengthM 0.0254'], ['Length (ft)', 'lengthM 0.3048'], ['L (cm)', 'lengthM 0.01'], ['Length (m)', 'lengthM 1'],
    ['Width inches', 'widthM 0.0254'], ['Height (mm)', 'heightM 0.001'], ['W (ft)', 'widthM 0.3048'],
    ['Unit Cost ($)', 'unitValueUsd 1'], ['Unit Price', 'unitValueUsd 1'], ['Value (USD)', 'unitValueUsd 1'],
    ['Location', 'site'], ['Site', 'site'], ['Type', 'kind'], ['Kind', 'kind'], ['Rolling stock', 'vehicle'],
    ['Sensitivity', 'sensitive'], ['Transferable', 'hostTransfer'], ['Host transfer', 'hostTransfer'],
    ['Demil', 'demil'], ['DEMIL Code', 'demilCode'], ['Hazmat', 'hazard'], ['HAZMAT Y/N', 'hazard'], ['Hazard Class', 'hazard'], ['DG Class', 'hazard'],
    ['UN Number', 'unNumber'], ['UN No', 'unNumber'], ['UN #', 'unNumber'], ['Classified', 'classification'], ['Classification', 'classification'],
    ['COMSEC', 'comsec'], ['CCI', 'comsec'], ['Lethal', 'lethal'], ['Weapon', 'lethal'], ['Ammo', 'ammunition'], ['DODIC', 'dodic'], ['Sensitive', 'sensitive'],
    ['Serial No', 'serials'], ['S/N', 'serials'], ['Condition Code', 'conditionCode'], ['TCN', 'tcn'], ['Unit of Issue', 'unitOfIssue'], ['U/I', 'unitOfIssue'],
    ['Dimensions (in)', 'dims 0.0254'], ['L x W x H (cm)', 'dims 0.01'], ['CAO', 'cargoAircraftOnly'], ['Max Stack (lb)', 'maxLoadOnTopKg 0.45359237'], ['Demil in place', 'demilInPlace'], ['Tiltable', 'tiltable'], ['This Side Up', 'upright'],
    ['NSN', 'nsn'], ['Item ID', 'id'], ['ID', 'id'], ['LIN', 'id'], ['Item #', 'id'],
    ['Nomenclature', 'name'], ['Description', 'name'], ['Name', 'name'],
    ['Remarks', 'unknown'], ['Total value', 'unknown'], ['Weight (ft)', 'error: "ft" is not a unit of mass'],
  ];
  assert.deepEqual(cases.map(([h]) => [h, read(h)]), cases);
});

test('cells as logisticians write them', () => {
  assert.deepEqual(['1,200', '$30,000.00', ' 12.5 ', 7, '1e3', '1,2', 'two', ''].map((v) => readNumber(v)), [
    { ok: true, value: 1200 }, { ok: true, value: 30000 }, { ok: true, value: 12.5 }, { ok: true, value: 7 }, { ok: true, value: 1000 },
    { ok: false, message: 'must be a number, got "1,2"' }, { ok: false, message: 'must be a number, got "two"' },
    { ok: false, message: 'must be a number, got ""' },
  ]);
  assert.deepEqual(['Y', 'n', 'Yes', 'FALSE', '1', '0', 'x', '', true].map((v) => (readFlag(v) as { value: unknown }).value), [
    true, false, true, false, true, false, true, undefined, true,
  ]);
  const facts = (v: string) => {
    const r = readSensitive(v, 'Sensitivity', () => undefined);
    return r.ok ? r.value.claims.map((c) => `${c.fact}${c.value ? '' : ' no'}`) : r.message;
  };
  assert.deepEqual(facts('Lethal/Classified; lethal'), ['lethal', 'classified', 'lethal']);
  assert.deepEqual(facts('N/A'), ['sensitive no']);
  assert.deepEqual(facts('ammo and COMSEC'), ['ammunition', 'comsec']);
  assert.deepEqual(facts('Lethal, Fragile'), 'unknown sensitivity "Fragile" (lethal, dangerous or classified, or Y/N; comma or slash separated), got "Lethal, Fragile"');
  assert.deepEqual(readKind('Rolling Stock'), { ok: true, value: 'vehicle' });
  assert.deepEqual(readKind(''), { ok: true, value: 'cargo' });
});
