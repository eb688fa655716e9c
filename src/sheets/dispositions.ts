// The disposition register: every line of the plan with its action, figures and reason.

import type { Plan, Scenario } from '../model/index.ts';
import { cents, grams, lookup } from './lookup.ts';
import type { Table } from './table.ts';

export function dispositionsTable(scenario: Scenario, plan: Plan): Table {
  const find = lookup(scenario, plan);
  return {
    sheet: 'Dispositions',
    columns: [
      { header: 'Item ID', type: 'text' },
      { header: 'Name', type: 'text' },
      { header: 'Site', type: 'text' },
      { header: 'Action', type: 'text' },
      { header: 'Qty', type: 'int' },
      { header: 'Unit Weight (kg)', type: 'kg' },
      { header: 'Total Weight (kg)', type: 'kg' },
      { header: 'Unit Value (USD)', type: 'usd' },
      { header: 'Total Value (USD)', type: 'usd' },
      { header: 'Reason', type: 'text' },
    ],
    rows: plan.dispositions.map((d) => {
      const item = find.item(d.itemId);
      return [
        item.id,
        item.name,
        item.site,
        d.action,
        d.quantity,
        item.unitWeightKg,
        grams(item.unitWeightKg * d.quantity),
        item.unitValueUsd,
        cents(item.unitValueUsd * d.quantity),
        d.reason,
      ];
    }),
  };
}
