// The sortie schedule as a register: one row per flight leg.

import type { Plan, Scenario } from '../model/index.ts';
import { lookup } from './lookup.ts';
import type { Table } from './table.ts';

export function sortiesTable(scenario: Scenario, plan: Plan): Table {
  const find = lookup(scenario, plan);
  return {
    sheet: 'Sorties',
    columns: [
      { header: 'Sortie', type: 'text' },
      { header: 'Tail', type: 'text' },
      { header: 'Type', type: 'text' },
      { header: 'From', type: 'text' },
      { header: 'To', type: 'text' },
      { header: 'Departs (UTC)', type: 'datetime' },
      { header: 'Arrives (UTC)', type: 'datetime' },
      { header: 'Passengers', type: 'int' },
      { header: 'Payload (kg)', type: 'kg' },
      { header: 'CG (m)', type: 'm' },
      { header: 'Loads', type: 'int' },
    ],
    rows: plan.sorties.map((s) => {
      find.site(s.from);
      find.site(s.to);
      return [s.id, s.tail, s.aircraft, s.from, s.to, s.departs, s.arrives, s.passengers, s.payloadKg, s.cgM, s.loads.length];
    }),
  };
}
