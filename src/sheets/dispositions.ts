// The disposition register: every line of the plan with its action, figures and reason, and what
// the property book identifies it by (NSN, unit of issue, condition code, serials, TCN), with
// its hazard class and UN number for the lines that are dangerous goods.

import type { Plan, Scenario } from '../model/index.ts';
import { cents, grams, lookup, serialsOf } from './lookup.ts';
import type { Table } from './table.ts';

export function dispositionsTable(scenario: Scenario, plan: Plan): Table {
  const find = lookup(scenario, plan);
  return {
    sheet: 'Dispositions',
    columns: [
      { header: 'Item ID', type: 'text' },
      { header: 'NSN', type: 'text' },
      { header: 'Nomenclature', type: 'text' },
      { header: 'Site', type: 'text' },
      { header: 'Action', type: 'text' },
      { header: 'Qty', type: 'int' },
      { header: 'Unit of Issue', type: 'text' },
      { header: 'Condition Code', type: 'text' },
      { header: 'Serial Numbers', type: 'text' },
      { header: 'TCN', type: 'text' },
      { header: 'Sensitivity', type: 'text' },
      { header: 'Hazard Class', type: 'text' },
      { header: 'UN Number', type: 'text' },
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
        item.nsn ?? null,
        item.name,
        item.site,
        d.action,
        d.quantity,
        item.unitOfIssue ?? null,
        item.conditionCode ?? null,
        serialsOf(item, d.quantity),
        item.tcn ?? null,
        item.sensitive.join(', ') || null,
        item.hazard ?? null,
        item.unNumber ?? null,
        item.unitWeightKg,
        grams(item.unitWeightKg * d.quantity),
        item.unitValueUsd,
        cents(item.unitValueUsd * d.quantity),
        d.reason,
      ];
    }),
  };
}
