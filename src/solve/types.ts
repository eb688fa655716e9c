// Contracts between the planner's stages. Each stage is a plain function from immutable input
// to immutable output (design.md), so one can be replaced without touching the others:
//
//   dispose  (scenario)                      -> DispositionResult: what stays, what moves, why
//   pallets  (scenario, retrograde units)    -> PackResult: pallets built, units left for the floor
//   loads    (pieces at a site, aircraft)    -> AircraftLoad: one sortie's cargo on the floor, balanced
//   schedule (scenario, pieces by site)      -> sorties with tails, times and passengers
//
// src/app/plan.ts wires them together and runs the verifier on the result.

import type { Disposition, FleetLine, Item, Load, Pallet, Scenario } from '../model/index.ts';

// ---- dispose --------------------------------------------------------------------------------

export interface DispositionResult {
  /** rows per item; quantities of an item's rows add up to its quantity */
  dispositions: Disposition[];
  /** retrograde units per item id (items with none are absent) */
  retrograde: Map<string, number>;
  /** items that cannot be moved, given away or destroyed: the plan is infeasible */
  blocked: { itemId: string; reason: string }[];
}

// ---- pallets --------------------------------------------------------------------------------

/** A unit of cargo that goes on the floor itself because it fits no pallet type. */
export interface FloorUnit {
  itemId: string;
  site: string;
}

export interface PackResult {
  pallets: Pallet[];
  /** cargo units too large or heavy for every pallet type, one entry per unit */
  floorUnits: FloorUnit[];
}

// ---- loads ----------------------------------------------------------------------------------

/**
 * Something that takes its own place on a cargo floor: a built pallet, or one unit carried on
 * the floor itself (a vehicle, or cargo that fits no pallet). Sizes are as it stands; the load
 * planner may turn it about the vertical axis (and lay a tiltable floor unit on any face).
 */
export interface CargoPiece {
  /** a pallet id, or the item id for a floor unit (several pieces may share an item id) */
  ref: string;
  kind: 'pallet' | 'floor';
  /** where the piece is now (its origin site, or a hub it was delivered to) */
  site: string;
  lengthM: number;
  widthM: number;
  heightM: number;
  weightKg: number;
  sensitive: boolean;
  /** tiltable floor unit: any face may go down */
  tiltable: boolean;
  /** for ordering and reasons: the item(s) it carries */
  itemIds: string[];
  /** a vehicle: it drives on, its length along the floor (absent: false) */
  vehicle?: boolean;
  /** carries a unit of a cargoAircraftOnly item: no passengers with it (absent: false) */
  cargoAircraftOnly?: boolean;
  /** hazard labels of its units, primary and subsidiary, distinct (absent: none) */
  hazards?: readonly string[];
  /** hazard labels (among those of the scenario) it must be kept from: not touching on the floor */
  clashes?: readonly string[];
}

/** One sortie's cargo, placed on the floor of one aircraft type. Passengers come later. */
export interface AircraftLoad {
  /** pieces chosen, in the order of `loads` */
  pieces: CargoPiece[];
  /** positions on the floor, one per piece, same order */
  loads: Load[];
  cargoKg: number;
  /** cargo centre of gravity, metres from the front of the floor; null when empty */
  cgM: number | null;
}

export interface LoadRequest {
  /** pieces waiting at the site, in priority order (earlier = should go first) */
  pieces: readonly CargoPiece[];
  aircraft: FleetLine;
  /** kg of the payload left for cargo after the passengers that must fly on this sortie */
  maxCargoKg: number;
  /** passengers ride on this sortie: cargo-aircraft-only pieces wait for one without (absent: false) */
  passengers?: boolean;
}

// ---- schedule -------------------------------------------------------------------------------

export interface ScheduleInput {
  scenario: Scenario;
  /** every piece to move, at its origin site */
  pieces: CargoPiece[];
  /** builds one sortie's load; the scheduler calls it as tails become free */
  buildLoad: (req: LoadRequest) => AircraftLoad;
  seed: number;
  /**
   * origin site id -> share (0 to 1) of the sorties of each line with a hub option there
   * (network.ts) that go through the hub rather than straight home; none when absent
   */
  hubShare?: ReadonlyMap<string, number>;
  /**
   * origin site id -> share of the sorties of each line with a relay option there (network.ts)
   * that land their cargo at the neighbouring origin for a bigger type to fly on; none when absent
   */
  relayShare?: ReadonlyMap<string, number>;
}

export type { Item };
