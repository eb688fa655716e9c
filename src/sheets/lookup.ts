// The scenario records a plan refers to, found by id; a plan naming something its scenario
// lacks was made for another scenario, which is bad input, not a bug.

import { DrawdownError } from '../model/errors.ts';
import type { FleetLine, Infrastructure, Item, Pallet, Plan, Scenario, Site } from '../model/index.ts';

export interface Lookup {
  item(id: string): Item;
  site(id: string): Site;
  infrastructure(id: string): Infrastructure;
  /** the first fleet line of a type: its floor and centre-of-gravity range */
  aircraft(type: string): FleetLine;
  pallet(id: string): Pallet | undefined;
  /** a pallet's gross weight, or one floor unit's weight */
  loadKg(ref: string): number;
}

export function lookup(scenario: Scenario, plan: Plan): Lookup {
  const find = <T>(what: string, map: Map<string, T>, id: string): T => {
    const x = map.get(id);
    if (x === undefined)
      throw new DrawdownError('bad_input', `the plan names ${what} "${id}" that scenario "${scenario.name}" lacks; was it made for another scenario?`);
    return x;
  };
  const items = new Map(scenario.items.map((i) => [i.id, i]));
  const sites = new Map(scenario.sites.map((s) => [s.id, s]));
  const infra = new Map(scenario.infrastructure.map((x) => [x.id, x]));
  const fleet = new Map<string, FleetLine>();
  for (const f of scenario.aircraft) if (!fleet.has(f.type)) fleet.set(f.type, f);
  const pallets = new Map(plan.pallets.map((p) => [p.id, p]));
  return {
    item: (id) => find('item', items, id),
    site: (id) => find('site', sites, id),
    infrastructure: (id) => find('infrastructure', infra, id),
    aircraft: (type) => find('aircraft type', fleet, type),
    pallet: (id) => pallets.get(id),
    loadKg: (ref) => pallets.get(ref)?.grossKg ?? find('pallet or item', items, ref).unitWeightKg,
  };
}

/** Money to the cent and weights to the gram, so sums of a register do not carry float noise. */
export const cents = (x: number) => Math.round(x * 100) / 100;
export const grams = (x: number) => Math.round(x * 1000) / 1000;

/** The serial numbers of a register row: all of the line's when the row has all its units. */
export function serialsOf(item: Item, quantity: number): string | null {
  if (!item.serials?.length) return null;
  const list = item.serials.join(', ');
  return quantity === item.quantity ? list : `${list} (the line's ${item.quantity} units; ${quantity} on this row)`;
}
