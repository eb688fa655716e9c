// The infrastructure handover register: fixed works given over at each site and when.

import type { Plan, Scenario } from '../model/index.ts';
import { lookup } from './lookup.ts';
import type { Table } from './table.ts';

export function handoversTable(scenario: Scenario, plan: Plan): Table {
  const find = lookup(scenario, plan);
  return {
    sheet: 'Handovers',
    columns: [
      { header: 'Infrastructure ID', type: 'text' },
      { header: 'Name', type: 'text' },
      { header: 'Site', type: 'text' },
      { header: 'Value (USD)', type: 'usd' },
      { header: 'Date', type: 'date' },
    ],
    rows: plan.handovers.map((h) => {
      const x = find.infrastructure(h.infrastructureId);
      return [x.id, x.name, h.site, x.valueUsd, h.date];
    }),
  };
}
