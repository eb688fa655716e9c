// The plan's headline figures. Flying hours count the loaded legs and the empty positioning
// legs a tail needs between them (docs/rules.md, claims.metrics); there is no return-home leg.

import type { Disposition, Metrics, Pallet, Scenario, Sortie } from '../model/index.ts';
import { fleetTails, flightHours } from '../model/index.ts';

export interface TypeUse {
  type: string;
  sorties: number;
  tails: number;
  flyingHours: number;
  positioningHours: number;
  costUsd: number;
}

export function planMetrics(
  scenario: Scenario,
  sorties: readonly Sortie[],
  pallets: readonly Pallet[],
  dispositions: readonly Disposition[],
): Metrics & { positioningHours: number; passengers: number; cargoKg: number } {
  const byType = useByType(scenario, sorties);
  const values = { retrograde: 0, transfer: 0, demilitarize: 0 };
  const items = new Map(scenario.items.map((i) => [i.id, i]));
  for (const d of dispositions) values[d.action] += d.quantity * (items.get(d.itemId)?.unitValueUsd ?? 0);
  const passengerKg = scenario.policy.passengerKg;
  let passengers = 0;
  let cargoKg = 0;
  for (const s of sorties) {
    passengers += s.passengers;
    cargoKg += s.payloadKg - s.passengers * passengerKg;
  }
  return {
    sorties: sorties.length,
    flyingHours: round(byType.reduce((a, t) => a + t.flyingHours, 0), 2),
    positioningHours: round(byType.reduce((a, t) => a + t.positioningHours, 0), 2),
    costUsd: Math.round(byType.reduce((a, t) => a + t.costUsd, 0)),
    transferValueUsd: Math.round(values.transfer),
    retrogradeValueUsd: Math.round(values.retrograde),
    demilitarizedValueUsd: Math.round(values.demilitarize),
    palletsBuilt: pallets.length,
    passengers,
    cargoKg: Math.round(cargoKg),
  };
}

/** Sorties, tails used, hours (positioning included) and cost per aircraft type. */
export function useByType(scenario: Scenario, sorties: readonly Sortie[]): TypeUse[] {
  const sites = new Map(scenario.sites.map((s) => [s.id, s]));
  const tails = new Map(fleetTails(scenario).map((t) => [t.id, t]));
  const byTail = new Map<string, Sortie[]>();
  for (const s of sorties) {
    const list = byTail.get(s.tail) ?? [];
    list.push(s);
    byTail.set(s.tail, list);
  }
  const out = new Map<string, TypeUse>();
  for (const [tailId, list] of [...byTail].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    const tail = tails.get(tailId);
    if (!tail) continue;
    const line = tail.line;
    list.sort((a, b) => (a.departs < b.departs ? -1 : a.departs > b.departs ? 1 : 0));
    let at = line.base;
    let loaded = 0;
    let positioning = 0;
    for (const s of list) {
      const from = sites.get(s.from);
      const to = sites.get(s.to);
      const here = sites.get(at);
      if (!from || !to || !here) continue;
      if (at !== s.from) positioning += flightHours(here, from, line.cruiseKmh);
      loaded += flightHours(from, to, line.cruiseKmh);
      at = s.to;
    }
    const use = out.get(line.type) ?? { type: line.type, sorties: 0, tails: 0, flyingHours: 0, positioningHours: 0, costUsd: 0 };
    use.sorties += list.length;
    use.tails += 1;
    use.flyingHours += loaded + positioning;
    use.positioningHours += positioning;
    use.costUsd += (loaded + positioning) * line.costPerFlyingHourUsd;
    out.set(line.type, use);
  }
  return [...out.values()];
}

function round(x: number, digits: number): number {
  const f = 10 ** digits;
  return Math.round(x * f) / f;
}
