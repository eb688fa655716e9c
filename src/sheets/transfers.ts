// The host-nation transfer register: what a property transfer needs, line by line (stock number,
// nomenclature, unit of issue, quantity, unit and total value, condition code, serial numbers,
// site, country and date), with weights; the XLSX ends in a TOTAL row for the handover
// paperwork (the CSV has none, so other tools can read it as a plain table).

import { toDate, toMs, type Plan, type Scenario } from '../model/index.ts';
import { cents, grams, lookup, serialsOf } from './lookup.ts';
import type { Table } from './table.ts';

export function transfersTable(scenario: Scenario, plan: Plan): Table {
  const find = lookup(scenario, plan);
  // An item is handed over with its site: the day the site empties, as the plan's handovers are.
  const closes = new Map(plan.siteClosures.map((c) => [c.site, c.lastDeparture]));
  const dateOf = (site: string) => toDate(toMs(closes.get(site) ?? scenario.asOf));
  const lines = plan.dispositions.filter((d) => d.action === 'transfer').map((d) => ({ d, item: find.item(d.itemId) }));
  const rows = lines.map(({ d, item }) => [
    item.id,
    item.nsn ?? null,
    item.name,
    item.unitOfIssue ?? null,
    d.quantity,
    item.unitValueUsd,
    cents(item.unitValueUsd * d.quantity),
    item.conditionCode ?? null,
    serialsOf(item, d.quantity),
    item.site,
    find.site(item.site).country,
    dateOf(item.site),
    item.unitWeightKg,
    grams(item.unitWeightKg * d.quantity),
  ]);
  const sum = (i: number) => rows.reduce((t, r) => t + (r[i] as number), 0);
  return {
    sheet: 'Transfers',
    columns: [
      { header: 'Item ID', type: 'text' },
      { header: 'NSN', type: 'text' },
      { header: 'Nomenclature', type: 'text' },
      { header: 'Unit of Issue', type: 'text' },
      { header: 'Qty', type: 'int' },
      { header: 'Unit Value (USD)', type: 'usd' },
      { header: 'Total Value (USD)', type: 'usd' },
      { header: 'Condition Code', type: 'text' },
      { header: 'Serial Numbers', type: 'text' },
      { header: 'Site', type: 'text' },
      { header: 'Country', type: 'text' },
      { header: 'Transfer Date', type: 'date' },
      { header: 'Unit Weight (kg)', type: 'kg' },
      { header: 'Total Weight (kg)', type: 'kg' },
    ],
    rows,
    total: ['TOTAL', null, null, null, sum(4), null, cents(sum(6)), null, null, null, null, null, null, grams(sum(13))],
  };
}
