// Figures for `drawdown check`: what is where, what flies, what deadlines bind. Data only;
// the CLI and UI decide how to print it.

import type { Agreement, Scenario, SiteRole } from '../model/index.ts';
import { isSensitive } from '../model/index.ts';

export interface LoadFigures {
  people: number;
  /** equipment lines */
  itemLines: number;
  units: number;
  tonnes: number;
  sensitiveUnits: number;
  valueUsd: number;
  infrastructureValueUsd: number;
}

export interface SiteSummary extends LoadFigures {
  site: string;
  name: string;
  role: SiteRole;
  country: string;
  /** the site's handoverBy, when given */
  handoverBy?: string;
  /** the deadline of the agreement for the site's country, when there is one */
  agreementDeadline?: string;
}

export interface FleetSummary {
  type: string;
  name: string;
  count: number;
  base: string;
  availableFrom?: string;
  availableTo?: string;
}

export interface ScenarioSummary {
  name: string;
  asOf: string;
  /** every site, in input order */
  sites: SiteSummary[];
  totals: LoadFigures;
  fleet: FleetSummary[];
  /** total airframes across fleet lines */
  tails: number;
  agreements: Agreement[];
  /** works handed over, never moved */
  infrastructureWorks: number;
  infrastructureValueUsd: number;
}

function empty(): LoadFigures {
  return { people: 0, itemLines: 0, units: 0, tonnes: 0, sensitiveUnits: 0, valueUsd: 0, infrastructureValueUsd: 0 };
}

function add(into: LoadFigures, from: LoadFigures): void {
  for (const k of Object.keys(into) as (keyof LoadFigures)[]) into[k] += from[k];
}

export function summarizeScenario(s: Scenario): ScenarioSummary {
  const bySite = new Map<string, LoadFigures>(s.sites.map((site) => [site.id, empty()]));
  const at = (id: string) => bySite.get(id) ?? empty(); // a checked scenario has no unknown sites
  for (const p of s.personnel) at(p.site).people += p.count;
  for (const it of s.items) {
    const f = at(it.site);
    f.itemLines += 1;
    f.units += it.quantity;
    f.tonnes += (it.quantity * it.unitWeightKg) / 1000;
    if (isSensitive(it)) f.sensitiveUnits += it.quantity;
    f.valueUsd += it.quantity * it.unitValueUsd;
  }
  for (const x of s.infrastructure) at(x.site).infrastructureValueUsd += x.valueUsd;

  const deadline = new Map(s.agreements.map((a) => [a.country, a.deadline]));
  const totals = empty();
  const sites = s.sites.map((site): SiteSummary => {
    const f = bySite.get(site.id) ?? empty();
    add(totals, f);
    const d = deadline.get(site.country);
    return {
      site: site.id,
      name: site.name,
      role: site.role,
      country: site.country,
      ...(site.handoverBy !== undefined ? { handoverBy: site.handoverBy } : {}),
      ...(d !== undefined ? { agreementDeadline: d } : {}),
      ...f,
    };
  });
  const fleet = s.aircraft.map(
    (l): FleetSummary => ({
      type: l.type,
      name: l.name,
      count: l.count,
      base: l.base,
      ...(l.availableFrom !== undefined ? { availableFrom: l.availableFrom } : {}),
      ...(l.availableTo !== undefined ? { availableTo: l.availableTo } : {}),
    }),
  );
  return {
    name: s.name,
    asOf: s.asOf,
    sites,
    totals,
    fleet,
    tails: fleet.reduce((n, l) => n + l.count, 0),
    agreements: s.agreements.map((a) => ({ ...a })),
    infrastructureWorks: s.infrastructure.length,
    infrastructureValueUsd: totals.infrastructureValueUsd,
  };
}
