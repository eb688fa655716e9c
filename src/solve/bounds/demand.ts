// What must leave each origin site, grouped by which aircraft can take it. A unit "fits" an
// aircraft class only if it passes every necessary check the rules impose (weight, floor, door,
// pallet positions, seats), so the groups only ever overstate where cargo may fly: bounds built
// on them stay valid.

import type { FleetLine, Item, PalletType, Scenario, Site } from '../../model/index.ts';
import { GEOMETRY_EPS_M } from '../../model/index.ts';
import { accepts } from '../shared/capability.ts';
import { fitsSomePallet } from '../shared/floor.ts';
import { itemOrientations as orientations, type Dims } from '../shared/orientations.ts';
import { bigOnEveryPallet, minPallets, type PalletUnit } from './pallet-count.ts';

const EPS = GEOMETRY_EPS_M;

/** Fleet lines with the same load capabilities: one column of the sorties LP. */
export interface AircraftClass {
  /** type ids, for reading */
  name: string;
  lines: FleetLine[];
  aclKg: number;
  palletPositions: number;
  seats: number;
  floorLengthM: number;
  floorWidthM: number;
  doorHeightM: number;
}

/** The load that units fitting only classes inside a set put on those classes. */
export interface Need {
  kg: number;
  pallets: number;
  floorM2: number;
  people: number;
}

export interface SiteNeeds {
  site: Site;
  classes: AircraftClass[];
  /** subset of classes (bit mask over `classes`) -> what only that subset can carry */
  bySubset: Map<number, Need>;
  /** the full set's mask */
  all: number;
  /** retrograde units that fit no aircraft the site's runway takes (no plan moves them) */
  unmovable: number;
}

export function aircraftClasses(lines: readonly FleetLine[]): AircraftClass[] {
  const byKey = new Map<string, AircraftClass>();
  for (const l of lines) {
    const key = [l.aclKg, l.palletPositions, l.seats, l.floorLengthM, l.floorWidthM, l.doorHeightM].join('|');
    const c = byKey.get(key);
    if (c) {
      c.lines.push(l);
      if (!c.name.split('/').includes(l.type)) c.name += `/${l.type}`;
    } else {
      byKey.set(key, {
        name: l.type,
        lines: [l],
        aclKg: l.aclKg,
        palletPositions: l.palletPositions,
        seats: l.seats,
        floorLengthM: l.floorLengthM,
        floorWidthM: l.floorWidthM,
        doorHeightM: l.doorHeightM,
      });
    }
  }
  return [...byKey.values()];
}

/** Subsets of classes to write constraints for: all of them for a few classes, else singles and the whole. */
export function subsets(k: number): number[] {
  const all = (1 << k) - 1;
  if (k <= 6) return Array.from({ length: all }, (_, i) => i + 1);
  return [...Array.from({ length: k }, (_, i) => 1 << i), all];
}

interface Group {
  cargoKg: number;
  floorM2: number;
  people: number;
  sensitive: PalletUnit[];
  plain: PalletUnit[];
}

export function siteNeeds(
  scenario: Scenario,
  site: Site,
  items: readonly Item[],
  retrograde: ReadonlyMap<string, number>,
  people: number,
): SiteNeeds {
  const classes = aircraftClasses(scenario.aircraft.filter((l) => accepts(site, l.type)));
  const k = Math.min(classes.length, 30);
  const all = k === 0 ? 0 : (1 << k) - 1;
  const pts = scenario.palletTypes;
  const minTare = pts.length ? Math.min(...pts.map((p) => p.tareKg)) : 0;
  const minFootprint = pts.length ? Math.min(...pts.map((p) => p.footprintLengthM * p.footprintWidthM)) : 0;
  const groups = new Map<number, Group>();
  const group = (mask: number) => {
    let g = groups.get(mask);
    if (!g) groups.set(mask, (g = { cargoKg: 0, floorM2: 0, people: 0, sensitive: [], plain: [] }));
    return g;
  };
  let unmovable = 0;
  for (const item of items) {
    const q = retrograde.get(item.id) ?? 0;
    if (q <= 0) continue;
    const onPallet = item.kind === 'cargo' && fitsSomePallet(item, pts);
    let mask = 0;
    for (let j = 0; j < k; j++) {
      const c = classes[j];
      if (onPallet ? palletFits(item, c, pts, minTare) : floorFits(item, c)) mask |= 1 << j;
    }
    if (mask === 0) {
      unmovable += q;
      continue;
    }
    const g = group(mask);
    g.cargoKg += q * item.unitWeightKg;
    if (onPallet) {
      const unit = { kg: item.unitWeightKg, m3: item.lengthM * item.widthM * item.heightM, count: q, big: bigOnEveryPallet(item, pts) };
      (item.sensitive.length > 0 ? g.sensitive : g.plain).push(unit);
    } else {
      g.floorM2 += q * Math.min(...orientations(item).filter((o) => floorOrientationFits(o, classes, mask)).map(([l, w]) => l * w));
    }
  }
  if (people > 0) {
    let mask = 0;
    for (let j = 0; j < k; j++) if (classes[j].seats > 0) mask |= 1 << j;
    group(mask).people += people; // mask 0: nobody can fly them out; kept out of the needs below
  }
  const bySubset = new Map<number, Need>();
  for (const S of k === 0 ? [] : subsets(k)) {
    let cargoKg = 0;
    let floorM2 = 0;
    let ppl = 0;
    const sensitive: PalletUnit[] = [];
    const plain: PalletUnit[] = [];
    for (const [mask, g] of groups) {
      if (mask === 0 || (mask & ~S) !== 0) continue;
      cargoKg += g.cargoKg;
      floorM2 += g.floorM2;
      ppl += g.people;
      sensitive.push(...g.sensitive);
      plain.push(...g.plain);
    }
    // Sensitive units never share a pallet with other cargo (pallet.content).
    const pallets = minPallets(sensitive, pts) + minPallets(plain, pts);
    bySubset.set(S, {
      kg: cargoKg + pallets * minTare + ppl * scenario.policy.passengerKg,
      pallets,
      floorM2: floorM2 + pallets * minFootprint,
      people: ppl,
    });
  }
  return { site, classes: classes.slice(0, k), bySubset, all, unmovable };
}

function floorOrientationFits([l, w, h]: Dims, classes: AircraftClass[], mask: number): boolean {
  return classes.some(
    (c, j) =>
      (mask & (1 << j)) !== 0 && l <= c.floorLengthM + EPS && w <= c.floorWidthM + EPS && h <= c.doorHeightM + EPS,
  );
}

function floorFits(item: Item, c: AircraftClass): boolean {
  return item.unitWeightKg <= c.aclKg + 1e-6 && floorOrientationFits0(item, c);
}

function floorOrientationFits0(item: Item, c: AircraftClass): boolean {
  return orientations(item).some(([l, w, h]) => l <= c.floorLengthM + EPS && w <= c.floorWidthM + EPS && h <= c.doorHeightM + EPS);
}

/** Necessary for a unit's pallet to fly on the class: a position, a pallet footprint on the floor, the door, the payload. */
function palletFits(item: Item, c: AircraftClass, pts: readonly PalletType[], minTare: number): boolean {
  if (c.palletPositions < 1 || item.unitWeightKg + minTare > c.aclKg + 1e-6) return false;
  const footprint = pts.some(
    (p) =>
      (p.footprintLengthM <= c.floorLengthM + EPS && p.footprintWidthM <= c.floorWidthM + EPS) ||
      (p.footprintWidthM <= c.floorLengthM + EPS && p.footprintLengthM <= c.floorWidthM + EPS),
  );
  const lowest = Math.min(...orientations(item).map((o) => o[2]));
  return footprint && lowest <= c.doorHeightM + EPS;
}
