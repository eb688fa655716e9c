// Lookups the views share, computed once per plan: sites, items, pallets, each tail's fleet line,
// the weight and sensitivity of every load, and one colour per origin site.

import type { Pallet, Plan, Sortie } from '../../src/model/plan.ts';
import type { FleetLine, Item, PalletType, Scenario, Site } from '../../src/model/scenario.ts';
import { fleetTails } from '../../common/fleet.ts';
import { deadlineEndMs, toMs } from '../../common/time.ts';

/** Categorical colours for origin sites (colour-blind aware, muted). */
const ORIGIN_COLOURS = ['#3b6ea8', '#d9822b', '#5a9e55', '#9467bd', '#3fa3a3', '#c7a233', '#8c6d5a', '#d46a8f', '#7f7f7f', '#a3b84a'];

export const ROLE_COLOURS: Record<Site['role'], string> = {
  origin: '#c2571a',
  hub: '#7a5fa8',
  destination: '#2f5d8c',
};

export interface Facts {
  scenario: Scenario;
  plan: Plan;
  sites: Map<string, Site>;
  items: Map<string, Item>;
  pallets: Map<string, Pallet>;
  palletTypes: Map<string, PalletType>;
  lineOfTail: Map<string, FleetLine>;
  /** every tail of the fleet, in fleet order, flown or not */
  tails: string[];
  origins: Site[];
  sortieById: Map<string, Sortie>;
  /** time window the charts share: asOf to after the latest deadline or arrival */
  t0: number;
  t1: number;
  colourOf(siteId: string): string;
  loadKg(ref: string): number;
  loadSensitive(ref: string): boolean;
  loadName(ref: string): string;
  itemKg(itemId: string): number;
}

export function buildFacts(scenario: Scenario, plan: Plan): Facts {
  const sites = new Map(scenario.sites.map((s) => [s.id, s]));
  const items = new Map(scenario.items.map((i) => [i.id, i]));
  const pallets = new Map(plan.pallets.map((p) => [p.id, p]));
  const palletTypes = new Map(scenario.palletTypes.map((p) => [p.id, p]));
  const tailList = fleetTails(scenario);
  const lineOfTail = new Map(tailList.map((t) => [t.id, t.line]));
  const tails = tailList.map((t) => t.id);
  // A plan may name tails the scenario no longer has (an edited fleet): keep their rows.
  for (const s of plan.sorties) if (!lineOfTail.has(s.tail)) {
    tails.push(s.tail);
    const line = scenario.aircraft.find((a) => a.type === s.aircraft);
    if (line) lineOfTail.set(s.tail, line);
  }
  const origins = scenario.sites.filter((s) => s.role === 'origin');
  const colour = new Map<string, string>();
  origins.forEach((s, i) => colour.set(s.id, ORIGIN_COLOURS[i % ORIGIN_COLOURS.length]));

  const starts = [toMs(scenario.asOf)];
  const ends = [...scenario.agreements.map((a) => deadlineEndMs(a.deadline)), ...scenario.sites.filter((s) => s.handoverBy).map((s) => deadlineEndMs(s.handoverBy!))];
  for (const s of plan.sorties) {
    starts.push(toMs(s.departs));
    ends.push(toMs(s.arrives));
  }
  const t0 = Math.min(...starts.filter(Number.isFinite));
  let t1 = Math.max(...ends.filter(Number.isFinite), t0 + 86_400_000);
  t1 += (t1 - t0) * 0.03;

  const itemKg = (id: string) => items.get(id)?.unitWeightKg ?? 0;
  return {
    scenario,
    plan,
    sites,
    items,
    pallets,
    palletTypes,
    lineOfTail,
    tails,
    origins,
    sortieById: new Map(plan.sorties.map((s) => [s.id, s])),
    t0,
    t1,
    colourOf: (id) => colour.get(id) ?? ROLE_COLOURS[sites.get(id)?.role ?? 'hub'],
    itemKg,
    loadKg: (ref) => pallets.get(ref)?.grossKg ?? itemKg(ref),
    loadSensitive: (ref) => {
      const p = pallets.get(ref);
      if (p) return p.placements.some((u) => (items.get(u.itemId)?.sensitive.length ?? 0) > 0);
      return (items.get(ref)?.sensitive.length ?? 0) > 0;
    },
    loadName: (ref) => (pallets.has(ref) ? `pallet ${ref}` : items.get(ref)?.name ?? ref),
  };
}

/** Cargo weight of a sortie, without passengers. */
export function cargoKg(f: Facts, s: Sortie): number {
  return s.loads.reduce((sum, l) => sum + f.loadKg(l.ref), 0);
}

export function siteName(f: Facts, id: string): string {
  return f.sites.get(id)?.name ?? id;
}
