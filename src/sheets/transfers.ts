// The host-nation transfer register: what is handed over, with unit and total values and
// weights and a total row, for the handover paperwork.

import type { Plan, Scenario } from '../model/index.ts';
import { cents, grams, lookup } from './lookup.ts';
import type { Table } from './table.ts';

export function transfersTable(scenario: Scenario, plan: Plan): Table {
  const find = lookup(scenario, plan);
  const lines = plan.dispositions.filter((d) => d.action === 'transfer').map((d) => ({ d, item: find.item(d.itemId) }));
  const rows = lines.map(({ d, item }) => [
    item.id,
    item.name,
    item.site,
    find.site(item.site).country,
    d.quantity,
    item.unitValueUsd,
    cents(item.unitValueUsd * d.quantity),
    item.unitWeightKg,
    grams(item.unitWeightKg * d.quantity),
  ]);
  const sum = (i: number) => rows.reduce((t, r) => t + (r[i] as number), 0);
  return {
    sheet: 'Transfers',
    columns: [
      { header: 'Item ID', type: 'text' },
      { header: 'Name', type: 'text' },
      { header: 'Site', type: 'text' },
      { header: 'Country', type: 'text' },
      { header: 'Qty', type: 'int' },
      { header: 'Unit Value (USD)', type: 'usd' },
      { header: 'Total Value (USD)', type: 'usd' },
      { header: 'Unit Weight (kg)', type: 'kg' },
      { header: 'Total Weight (kg)', type: 'kg' },
    ],
    rows,
    total: ['TOTAL', null, null, null, sum(4), null, cents(sum(6)), null, grams(sum(8))],
  };
}
