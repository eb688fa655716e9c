// The palletising stage: every retrograde cargo unit onto a pallet of its origin site, or onto
// the floor when it fits no pallet type. Vehicles roll on and are not handled here.
// Algorithm, rules and limits: docs/palletising.md.

import { NO_SEGREGATION, isSensitive, type Item, type Pallet, type PalletType, type Placement, type Scenario } from '../../model/index.ts';
import type { FloorUnit, PackResult } from '../types.ts';
import { BIG_FIRST_PLAN_UNITS, buildPallets, palletBox, type BinningSummary } from './build.ts';
import { unitsOf, type Block } from './container.ts';
import { fittingOrientations, orientationsOf, verticalFlags, type Dims } from '../shared/orientations.ts';
import type { BoxType } from './pool.ts';
import { segregationGroups } from './segregation.ts'; // issue 11

export { packContainer, packContainerAt, type ContainerLoad, type ContainerUnit, type SearchOptions, type UnitPlacement } from './container.ts';

/** the orientations of an item that fit a pallet type, none when it is too big or too heavy */
function fitsOn(item: Item, pt: PalletType): Dims[] {
  if (item.unitWeightKg > pt.maxGrossKg - pt.tareKg + 1e-9) return [];
  const orients = orientationsOf(item.lengthM, item.widthM, item.heightM, verticalFlags(item.verticalDims));
  return fittingOrientations(orients, { l: pt.usableLengthM, w: pt.usableWidthM, h: pt.maxHeightM });
}

/** One pallet of a group; `only` marks the two alternatives where big units first took fewer. */
interface Built {
  palletType: PalletType;
  items: Item[];
  blocks: Block[];
  binning: BinningSummary | null;
  units: number;
  first: boolean;
  only: 'both' | 'bigFirst' | 'volumeFirst';
}

interface Group {
  site: string;
  sensitive: boolean;
  entries: { item: Item; count: number }[];
}

/**
 * Load groups: per origin site, sensitive cargo apart from the rest (sensitive first), and
 * hazards that must be segregated apart from each other (issue 11, segregation.ts).
 */
function loadGroups(scenario: Scenario, cargo: { item: Item; count: number }[]): Group[] {
  const siteRank = new Map(scenario.sites.map((s, i) => [s.id, i]));
  const groups = new Map<string, Group & { sensitive: boolean; hazard: number }>();
  const hazardGroup = segregationGroups(cargo, scenario.segregation ?? NO_SEGREGATION);
  for (const e of cargo) {
    const sensitive = isSensitive(e.item);
    const hazard = hazardGroup.get(e.item) ?? 0;
    const key = `${e.item.site}\u0000${sensitive ? 0 : 1}\u0000${hazard}`;
    let g = groups.get(key);
    if (!g) groups.set(key, (g = { site: e.item.site, sensitive, hazard, entries: [] }));
    g.entries.push(e);
  }
  return [...groups.values()].sort(
    (a, b) =>
      (siteRank.get(a.site) ?? Infinity) - (siteRank.get(b.site) ?? Infinity) ||
      (a.site < b.site ? -1 : a.site > b.site ? 1 : 0) ||
      Number(b.sensitive) - Number(a.sensitive) ||
      a.hazard - b.hazard,
  );
}

/**
 * Pallets for one group: among the pallet types, the one that takes the most units, then
 * gives the fewest pallets; units it cannot take try the remaining types.
 */
function palletiseGroup(
  entries: { item: Item; count: number }[],
  palletTypes: readonly PalletType[],
  seed: number,
  heavierOnLighter = false, // issue 11: policy.heavierOnLighter
  bigUnitsFirst = true,
): Built[] {
  let left = entries;
  let typesLeft = palletTypes.slice();
  const out: Built[] = [];
  while (left.length > 0 && typesLeft.length > 0) {
    let best: { pt: PalletType; taken: typeof entries; pallets: Block[][]; volumeFirst?: Block[][]; binning: BinningSummary | null; units: number } | null = null;
    for (const pt of typesLeft) {
      const taken: typeof entries = [];
      const types: BoxType[] = [];
      for (const e of left) {
        const orients = fitsOn(e.item, pt);
        if (orients.length === 0) continue;
        taken.push(e);
        types.push({ orients, kg: e.item.unitWeightKg, volume: e.item.lengthM * e.item.widthM * e.item.heightM,
          ...(e.item.maxLoadOnTopKg !== undefined ? { maxTopKg: e.item.maxLoadOnTopKg } : {}) }); // issue 11
      }
      if (taken.length === 0) continue;
      const units = taken.reduce((s, e) => s + e.count, 0);
      const { pallets, binning, volumeFirst } = buildPallets(
        { ...palletBox(pt), stacking: { heavierOnLighter } }, // issue 11: the stacking rule
        types,
        taken.map((e) => e.count),
        seed,
        bigUnitsFirst,
      );
      const better =
        !best ||
        units > best.units ||
        (units === best.units &&
          (pallets.length < best.pallets.length ||
            (pallets.length === best.pallets.length && pt.tareKg < best.pt.tareKg)));
      if (better) best = { pt, taken, pallets, binning, units, ...(volumeFirst ? { volumeFirst } : {}) };
    }
    if (!best) break;
    const items = best.taken.map((e) => e.item);
    const alike = { palletType: best.pt, items, binning: best.binning, units: best.units };
    best.pallets.forEach((blocks, k) => out.push({ ...alike, blocks, first: k === 0, only: best!.volumeFirst ? 'bigFirst' : 'both' }));
    best.volumeFirst?.forEach((blocks, k) => out.push({ ...alike, blocks, first: k === 0, only: 'volumeFirst' }));
    const used = new Set(best.taken);
    left = left.filter((e) => !used.has(e));
    typesLeft = typesLeft.filter((pt) => pt !== best!.pt);
  }
  if (left.length > 0) throw new Error(`pallets: ${left[0].item.id} fits a pallet type but was not packed`);
  return out;
}

/**
 * How the weight subproblem of a load group was solved, where weight alone binds: the bins
 * found, the proven lower bound, and whether the exact method proved them optimal or fell
 * back to the heuristic searches (and why).
 */
export interface BinningNote extends BinningSummary {
  site: string;
  sensitive: boolean;
  palletType: string;
  units: number;
  /** pallets built from the bins (more than the bins when their 3D stacking overflowed) */
  pallets: number;
}

export interface PalletsResult extends PackResult {
  binning: BinningNote[];
  /**
   * The pallets volume first alone builds, where big units first (`pallets`) took fewer in some
   * group: fewer, heavier pallets can fly more sorties where weight binds, so the plan flies both
   * and keeps the better (../pallet-choice.ts). Absent when every group is the same both ways.
   */
  volumeFirst?: Pallet[];
}

export interface PackOptions {
  /** the plan seed: it feeds the randomised restarts and local searches (default 1) */
  seed?: number;
}

/**
 * The pallets for the retrograde units. The same scenario, retrograde and seed give the same
 * pallets; another seed may give other (equally valid) pallets.
 */
export function packPallets(scenario: Scenario, retrograde: ReadonlyMap<string, number>, options: PackOptions = {}): PalletsResult {
  const seed = options.seed ?? 1;
  const byId = new Map(scenario.items.map((it) => [it.id, it]));
  for (const id of retrograde.keys()) {
    if (!byId.has(id)) throw new Error(`pallets: retrograde names unknown item ${id}`);
  }
  const floorUnits: FloorUnit[] = [];
  const cargo: { item: Item; count: number }[] = [];
  // scenario order, not map order, so the result does not depend on how the map was filled
  for (const item of scenario.items) {
    const count = retrograde.get(item.id) ?? 0;
    if (item.kind !== 'cargo' || count <= 0) continue;
    if (!Number.isInteger(count)) throw new Error(`pallets: ${item.id} has ${count} retrograde units, not a whole number`);
    if (scenario.palletTypes.some((pt) => fitsOn(item, pt).length > 0)) cargo.push({ item, count });
    else for (let i = 0; i < count; i++) floorUnits.push({ itemId: item.id, site: item.site });
  }

  const units = cargo.reduce((n, e) => n + e.count, 0);
  const binning: BinningNote[] = [];
  const groups: { site: string; built: Built[] }[] = [];
  for (const group of loadGroups(scenario, cargo)) {
    const built = palletiseGroup(group.entries, scenario.palletTypes, seed, scenario.policy.heavierOnLighter === true, units <= BIG_FIRST_PLAN_UNITS);
    for (const b of built) {
      if (!b.first || !b.binning || b.only === 'volumeFirst') continue;
      const count = built.filter((o) => o.binning === b.binning && o.only !== 'volumeFirst').length;
      binning.push({ site: group.site, sensitive: group.sensitive, palletType: b.palletType.id, units: b.units, pallets: count, ...b.binning });
    }
    groups.push({ site: group.site, built });
  }
  // the plan's pallets, numbered from 1 per site in group order; volume first's only where they differ
  const list = (skip: Built['only']) => {
    const numbered = new Map<string, number>();
    return groups.flatMap(({ site, built }) => built.filter((b) => b.only !== skip).map((b) => toPallet(site, b, numbered)));
  };
  const differs = groups.some((g) => g.built.some((b) => b.only !== 'both'));
  return { pallets: list('volumeFirst'), floorUnits, binning, ...(differs ? { volumeFirst: list('bigFirst') } : {}) };
}

/** A built pallet as the plan lists it, numbered from 1 per site. */
function toPallet(site: string, { palletType, items, blocks }: Built, numbered: Map<string, number>): Pallet {
  const n = (numbered.get(site) ?? 0) + 1;
  numbered.set(site, n);
  const placements: Placement[] = [];
  let grossKg = palletType.tareKg;
  let heightM = 0;
  for (const b of blocks) {
    const item = items[b.type];
    for (const u of unitsOf(b)) {
      placements.push({ itemId: item.id, ...u });
      grossKg += item.unitWeightKg;
    }
    heightM = Math.max(heightM, b.zs[b.zs.length - 1]);
  }
  return { id: `P-${site}-${n}`, palletType: palletType.id, site, grossKg, heightM, placements };
}
