// The items of a scenario as an inventory sheet with drawdown's canonical headers, which the
// importer reads back to the same items.

import type { Scenario } from '../model/index.ts';
import type { Table } from './table.ts';

export const CANONICAL_ITEM_HEADERS = [
  'Item ID',
  'Nomenclature',
  'Location',
  'Qty',
  'Unit Weight (kg)',
  'Length (m)',
  'Width (m)',
  'Height (m)',
  'Unit Value (USD)',
  'Type',
  'Sensitivity',
  'Host Transfer',
  'Demil In Place',
  'Tiltable',
] as const;

const yn = (b: boolean) => (b ? 'Y' : 'N');

export function itemsTable(scenario: Scenario): Table {
  const types = ['text', 'text', 'text', 'int', 'kg', 'm', 'm', 'm', 'usd', 'text', 'text', 'text', 'text', 'text'] as const;
  return {
    sheet: 'Items',
    columns: CANONICAL_ITEM_HEADERS.map((header, i) => ({ header, type: types[i] })),
    rows: scenario.items.map((i) => [
      i.id,
      i.name,
      i.site,
      i.quantity,
      i.unitWeightKg,
      i.lengthM,
      i.widthM,
      i.heightM,
      i.unitValueUsd,
      i.kind,
      i.sensitive.join(', '),
      yn(i.hostTransfer),
      yn(i.demilInPlace),
      yn(i.tiltable),
    ]),
  };
}
