// The items of a scenario as an inventory sheet with drawdown's canonical headers, which the
// importer reads back to the same items: figures in SI, the safety flags (sensitivity, hazard
// class, UN number, cargo aircraft only) and the property book's identity of each line.

import { isSensitive, type Item, type Scenario } from '../model/index.ts';
import type { ColumnType, Table } from './table.ts';

const yn = (b: boolean) => (b ? 'Y' : 'N');
const isDefaultUp = (i: Item) => i.tiltable || (i.verticalDims.length === 1 && i.verticalDims[0] === 'height');

const COLUMNS: readonly [header: string, type: ColumnType, value: (i: Item) => string | number | null][] = [
  ['Item ID', 'text', (i) => i.id],
  ['Nomenclature', 'text', (i) => i.name],
  ['NSN', 'text', (i) => i.nsn ?? null],
  ['Location', 'text', (i) => i.site],
  ['Qty', 'int', (i) => i.quantity],
  ['Unit of Issue', 'text', (i) => i.unitOfIssue ?? null],
  ['Unit Weight (kg)', 'kg', (i) => i.unitWeightKg],
  ['Length (m)', 'm', (i) => i.lengthM],
  ['Width (m)', 'm', (i) => i.widthM],
  ['Height (m)', 'm', (i) => i.heightM],
  ['Unit Value (USD)', 'usd', (i) => i.unitValueUsd],
  ['Type', 'text', (i) => i.kind],
  ['Sensitivity', 'text', (i) => i.sensitive.join(', ')],
  ['Hazard Class', 'text', (i) => i.hazard ?? null],
  ['UN Number', 'text', (i) => i.unNumber ?? null],
  ['Cargo Aircraft Only', 'text', (i) => yn(i.cargoAircraftOnly)],
  // A sensitive line is never handed over, so the sheet says N there (Y would contradict it on import).
  ['Host Transfer', 'text', (i) => yn(i.hostTransfer && !isSensitive(i))],
  ['Demil In Place', 'text', (i) => yn(i.demilInPlace)],
  ['Tiltable', 'text', (i) => yn(i.tiltable)],
  ['Vertical Dims', 'text', (i) => (isDefaultUp(i) ? null : i.verticalDims.join(', '))],
  ['Max Load on Top (kg)', 'kg', (i) => i.maxLoadOnTopKg ?? null],
  ['Ready From', 'text', (i) => i.readyFrom ?? null],
  ['Condition Code', 'text', (i) => i.conditionCode ?? null],
  ['Serial Numbers', 'text', (i) => i.serials?.join(', ') ?? null],
  ['TCN', 'text', (i) => i.tcn ?? null],
];

export const CANONICAL_ITEM_HEADERS: readonly string[] = COLUMNS.map(([h]) => h);

export function itemsTable(scenario: Scenario): Table {
  return {
    sheet: 'Items',
    columns: COLUMNS.map(([header, type]) => ({ header, type })),
    rows: scenario.items.map((i) => COLUMNS.map(([, , value]) => value(i))),
  };
}
