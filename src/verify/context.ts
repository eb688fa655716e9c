// Everything the rule families look up, built once per verification: ids resolved to scenario
// records, times parsed, pallets weighed from their units. Nothing here trusts the plan: an id
// that resolves to nothing stays undefined and the `reference` family reports it.

import type {
  Agreement,
  FleetLine,
  Item,
  Load,
  Pallet,
  PalletType,
  Placement,
  Plan,
  Scenario,
  Site,
  Sortie,
  Tail,
} from '../model/index.ts';
import { HOUR_MS, fleetTails, flightHours, isSensitive, toMs } from '../model/index.ts';

export interface SortieInfo {
  sortie: Sortie;
  /** position in plan.sorties */
  index: number;
  /** `sortie S12 (C-130J-30#2)`: how messages name it */
  label: string;
  from?: Site;
  to?: Site;
  /** the tail's own fleet line (overrides apply per line), else the first line of the type */
  line?: FleetLine;
  tail?: Tail;
  dep: number;
  arr: number;
  /** ground time at either end, ms (NaN when the type is unknown) */
  turnMs: number;
  /** from, to and aircraft known and both times readable */
  usable: boolean;
  loads: Load[];
  passengers: number;
  carriesSensitive: boolean;
}

export interface PalletInfo {
  pallet: Pallet;
  type?: PalletType;
  placements: Placement[];
  /** tare plus the units' weight (the claimed grossKg when the type is unknown) */
  weightKg: number;
  /** top of the highest unit (the claimed heightM when it has no readable units) */
  heightM: number;
  sensitive: boolean;
}

export type LoadTarget = { kind: 'pallet'; pallet: PalletInfo } | { kind: 'floor'; item: Item };

export interface VerifyContext {
  scenario: Scenario;
  plan: Plan;
  asOfMs: number;
  sites: Map<string, Site>;
  items: Map<string, Item>;
  palletTypes: Map<string, PalletType>;
  tails: Map<string, Tail>;
  lineByType: Map<string, FleetLine>;
  /** first pallet of each id (duplicates are a `reference` violation) */
  pallets: Map<string, PalletInfo>;
  sorties: SortieInfo[];
  /** usable sorties by departure, then arrival, then id: the order pieces move in */
  byDeparture: SortieInfo[];
  /** the earliest agreement of each country */
  agreements: Map<string, Agreement>;
  /** people at each site at the start */
  peopleAt: Map<string, number>;
  target(ref: string): LoadTarget | undefined;
}

/** Arrays the plan should hold; a malformed plan gets an empty one rather than a crash. */
export function list<T>(x: T[] | undefined | null): T[] {
  return Array.isArray(x) ? x : [];
}

export function finite(n: unknown): n is number {
  return typeof n === 'number' && Number.isFinite(n);
}

function readMs(v: unknown): number {
  return typeof v === 'string' ? toMs(v) : NaN;
}

/** Flight time in ms between two sites for one fleet line. */
export function flightMs(a: Site, b: Site, line: FleetLine): number {
  return a.id === b.id ? 0 : flightHours(a, b, line.cruiseKmh) * HOUR_MS;
}

export function buildContext(scenario: Scenario, plan: Plan): VerifyContext {
  const sites = new Map(scenario.sites.map((s) => [s.id, s]));
  const items = new Map(scenario.items.map((i) => [i.id, i]));
  const palletTypes = new Map(scenario.palletTypes.map((p) => [p.id, p]));
  const tails = new Map(fleetTails(scenario).map((t) => [t.id, t]));
  const lineByType = new Map<string, FleetLine>();
  for (const line of scenario.aircraft) if (!lineByType.has(line.type)) lineByType.set(line.type, line);

  const pallets = new Map<string, PalletInfo>();
  for (const pallet of list(plan.pallets)) {
    if (!pallet || typeof pallet.id !== 'string' || pallets.has(pallet.id)) continue;
    pallets.set(pallet.id, weighPallet(pallet, palletTypes.get(pallet.palletType), items));
  }

  const target = (ref: string): LoadTarget | undefined => {
    const p = pallets.get(ref);
    if (p) return { kind: 'pallet', pallet: p };
    const item = items.get(ref);
    return item ? { kind: 'floor', item } : undefined;
  };

  const sorties = list(plan.sorties).map((sortie, index): SortieInfo => {
    const s = sortie ?? ({} as Sortie);
    const tail = tails.get(s.tail);
    const line = tail && tail.line.type === s.aircraft ? tail.line : lineByType.get(s.aircraft);
    const from = sites.get(s.from);
    const to = sites.get(s.to);
    const dep = readMs(s.departs);
    const arr = readMs(s.arrives);
    const loads = list(s.loads).filter((l) => l && typeof l === 'object');
    const carriesSensitive = loads.some((l) => {
      const t = target(l.ref);
      return t?.kind === 'pallet' ? t.pallet.sensitive : t?.kind === 'floor' ? isSensitive(t.item) : false;
    });
    return {
      sortie: s,
      index,
      label: `sortie ${s.id} (${s.tail})`,
      from,
      to,
      line,
      tail,
      dep,
      arr,
      turnMs: line ? line.turnHours * HOUR_MS : NaN,
      usable: !!(from && to && line && Number.isFinite(dep) && Number.isFinite(arr)),
      loads,
      passengers: finite(s.passengers) ? s.passengers : 0,
      carriesSensitive,
    };
  });
  const byDeparture = sorties.filter((s) => s.usable).sort(compareDeparture);

  const agreements = new Map<string, Agreement>();
  for (const a of scenario.agreements) {
    const prev = agreements.get(a.country);
    if (!prev || toMs(a.deadline) < toMs(prev.deadline)) agreements.set(a.country, a);
  }
  const peopleAt = new Map<string, number>();
  for (const p of scenario.personnel) peopleAt.set(p.site, (peopleAt.get(p.site) ?? 0) + p.count);

  return {
    scenario,
    plan,
    asOfMs: toMs(scenario.asOf),
    sites,
    items,
    palletTypes,
    tails,
    lineByType,
    pallets,
    sorties,
    byDeparture,
    agreements,
    peopleAt,
    target,
  };
}

export function compareDeparture(a: SortieInfo, b: SortieInfo): number {
  return a.dep - b.dep || a.arr - b.arr || cmp(String(a.sortie.id), String(b.sortie.id)) || a.index - b.index;
}

/** Code-point order: deterministic whatever the locale. */
export function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function weighPallet(pallet: Pallet, type: PalletType | undefined, items: Map<string, Item>): PalletInfo {
  const placements = list(pallet.placements).filter((p) => p && typeof p === 'object');
  let units = 0;
  let top = 0;
  let sensitive = false;
  for (const p of placements) {
    const item = items.get(p.itemId);
    if (item) {
      units += item.unitWeightKg;
      if (isSensitive(item)) sensitive = true;
    }
    if (finite(p.z) && finite(p.h)) top = Math.max(top, p.z + p.h);
  }
  const claimedGross = finite(pallet.grossKg) ? pallet.grossKg : 0;
  const claimedHeight = finite(pallet.heightM) ? pallet.heightM : 0;
  return {
    pallet,
    type,
    placements,
    weightKg: type ? type.tareKg + units : claimedGross,
    heightM: placements.length > 0 ? top : claimedHeight,
    sensitive,
  };
}
