// Pallet stations on the rails (formats.md, "Aircraft: where pallets sit"): built from a few
// public figures per type, each with its source or marked as an assumption, so a station list is
// as traceable as any other catalog value. The exact positions and limits of each station are in
// the aircraft loading manuals (T.O. 1C-17A-9, 1C-130J-9), which are not public.

import type { PalletStation } from '../model/index.ts';
import { ASSUMPTION_PREFIX } from './sources.ts';

/** 463L outside size: 88 in along the floor, 108 in across (domain.md, 463L pallet). */
const ALONG_M = 2.24;
const ACROSS_M = 2.74;
const LB_KG = 0.45359237;

/** How one type's stations lie, every figure with its source. */
export interface StationPlan {
  /** station rows along the floor, ramp rows included */
  rows: number;
  /** stations side by side across the floor in each row */
  columns: number;
  /** aft rows that stand on the ramp */
  rampRows: number;
  /** where the ramp starts, metres from the front of the floor */
  rampStartM: number;
  /** heaviest pallet on a main-floor station, kg */
  mainKg: number;
  /** heaviest pallet on a ramp station, kg */
  rampKg: number;
  sources: Record<'rows' | 'columns' | 'rampRows' | 'rampStartM' | 'mainKg' | 'rampKg' | 'layout', string>;
}

/**
 * The stations of a plan on a floor of the given width: rows of `columns` stations, 88 in along
 * and 108 in across, the main-floor rows ending where the ramp starts and the ramp rows behind,
 * the columns against the walls (one column is centred). Front to back, left to right.
 */
export function stationsOf(plan: StationPlan, floorWidthM: number): PalletStation[] {
  const mainRows = plan.rows - plan.rampRows;
  const firstX = round3(plan.rampStartM - mainRows * ALONG_M);
  const ys =
    plan.columns === 1
      ? [round3((floorWidthM - ACROSS_M) / 2)]
      : Array.from({ length: plan.columns }, (_, c) => round3((c * (floorWidthM - ACROSS_M)) / (plan.columns - 1)));
  const out: PalletStation[] = [];
  for (let r = 0; r < plan.rows; r++) {
    const x = round3(firstX + r * ALONG_M);
    const maxKg = r >= mainRows ? plan.rampKg : plan.mainKg;
    for (const y of ys) out.push({ x, y, l: ALONG_M, w: ACROSS_M, maxKg });
  }
  return out;
}

/** One line for the catalog's `palletStations` source: every figure and where it came from. */
export function stationSource(plan: StationPlan): string {
  const parts = Object.entries(plan.sources).map(([k, v]) => `${k}: ${v}`);
  const assumed = Object.values(plan.sources).some((s) => s.startsWith(ASSUMPTION_PREFIX));
  return `${assumed ? `${ASSUMPTION_PREFIX} some figures below are assumptions; ` : ''}${parts.join('; ')}`;
}

const MAIN_463L_KG = Math.round(10_355 * LB_KG); // 4,697 kg

export const C17_STATIONS: StationPlan = {
  rows: 9,
  columns: 2,
  rampRows: 1,
  rampStartM: 20.78,
  mainKg: MAIN_463L_KG,
  rampKg: Math.round(7_500 * LB_KG), // 3,402 kg
  sources: {
    rows: '18 463L positions (domain.md, Lift table; c17pilot.com "C-17 Cargo Capabilities": up to 18 pallets), as 9 rows of 2',
    columns: 'two 108 in pallets side by side fill the 18 ft (5.49 m) floor (domain.md: floor width; 463L 108 x 88 in)',
    rampRows: `${ASSUMPTION_PREFIX} the aft pair of positions stands on the ramp; 8 pairs of 88 in (17.9 m) fit the 20.8 m main floor and the 18 public positions need one more pair, which only the ramp can take`,
    rampStartM: 'main cargo floor 68 ft 2 in (20.78 m) ahead of the 19 ft 10 in ramp, 88 ft in all (domain.md: 88 ft including ramp)',
    mainKg: '10,355 lb (4,697 kg), the 463L maximum gross (FM 55-17: 10,000 lb cargo plus 355 lb pallet and nets); the pallet type\'s own 4,536 kg binds first',
    rampKg: `${ASSUMPTION_PREFIX} 7,500 lb (3,402 kg), the 463L's recommended load (FM 55-17); c17pilot.com says the pallet limit varies by position and the ramp figures are in the non-public loading manual, so the lower recommended load stands in for them`,
    layout: `${ASSUMPTION_PREFIX} positions are contiguous 88 in bays against the walls, the main rows ending at the ramp hinge, so the forward 2.86 m of floor has no station (vehicles and floor cargo may use it)`,
  },
};

export const C130J30_STATIONS: StationPlan = {
  rows: 8,
  columns: 1,
  rampRows: 1,
  rampStartM: 16.76,
  mainKg: MAIN_463L_KG,
  rampKg: Math.round(4_664 * LB_KG), // 2,116 kg
  sources: {
    rows: '8 463L positions on the stretched -30, against 6 on the short C-130J (domain.md; af.mil "Modernized asset provides increased capabilities": the -30 adds 15 ft and goes from six to eight pallets)',
    columns: 'one 108 in pallet across the 10 ft 3 in (3.12 m) floor (domain.md), centred on it',
    rampRows: 'the eighth position is on the ramp: 7 positions of 88 in (15.7 m) fill the 55 ft (16.76 m) compartment (catalog floorLengthM source)',
    rampStartM: '55 ft (16.76 m) -30 cargo compartment ahead of the ramp (catalog floorLengthM source)',
    mainKg: '10,355 lb (4,697 kg), the 463L maximum gross (FM 55-17); the pallet type\'s own 4,536 kg binds first',
    rampKg: `${ASSUMPTION_PREFIX} 4,664 lb (2,116 kg), the ramp-position limit quoted for the C-130 family in loadmaster training material; not confirmed in a public primary source, and lower than the main floor as every public description of the ramp says`,
    layout: `${ASSUMPTION_PREFIX} positions are contiguous 88 in bays ending at the ramp hinge, so the forward 1.08 m of floor has no station`,
  },
};

function round3(x: number): number {
  return Math.round(x * 1000) / 1000;
}
