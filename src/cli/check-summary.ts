// `drawdown check`: what is where, what flies, and what deadlines bind, on one screen.

import type { ScenarioSummary } from '../app/index.ts';
import { int, table, usd } from './format.ts';

export function checkSummary(s: ScenarioSummary): string {
  const out: string[] = [];
  out.push(`${s.name}: valid scenario, as of ${s.asOf}`);
  out.push('');
  out.push(
    table(
      [
        ['  site', 'role', 'country', 'people', 'lines', 'units', 'tonnes', 'sensitive', 'value', 'must be empty by'],
        ...s.sites.map((x) => [
          `  ${x.site}`,
          x.role,
          x.country,
          int(x.people),
          int(x.itemLines),
          int(x.units),
          x.tonnes.toFixed(1),
          int(x.sensitiveUnits),
          usd(x.valueUsd),
          [x.handoverBy && `handover ${x.handoverBy}`, x.agreementDeadline && `agreement ${x.agreementDeadline}`].filter(Boolean).join(', '),
        ]),
        ['  total', '', '', int(s.totals.people), int(s.totals.itemLines), int(s.totals.units), s.totals.tonnes.toFixed(1), int(s.totals.sensitiveUnits), usd(s.totals.valueUsd), ''],
      ],
      ['l', 'l', 'l', 'r', 'r', 'r', 'r', 'r', 'r', 'l'],
    ),
  );
  out.push('');
  out.push(`Fleet: ${s.tails} aircraft`);
  out.push(
    table(
      s.fleet.map((f) => [
        `  ${f.count} x ${f.type}`,
        f.name,
        `based at ${f.base}`,
        f.availableFrom || f.availableTo ? `available ${f.availableFrom ?? s.asOf} to ${f.availableTo ?? 'the end'}` : '',
      ]),
    ),
  );
  out.push('');
  out.push('Agreements');
  for (const a of s.agreements) out.push(`  ${a.country}: everyone and everything out by ${a.deadline}${a.signed ? ` (signed ${a.signed})` : ''}`);
  out.push(`Infrastructure to hand over: ${s.infrastructureWorks} works, ${usd(s.infrastructureValueUsd)}`);
  return out.join('\n');
}
