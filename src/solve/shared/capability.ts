// What an aircraft type can do at a site and with one piece: whether the runway takes the type,
// and whether the piece goes through its door, onto its floor, under its ACL, into a pallet
// position and onto a balance point. Every stage asks these the same way: dispose (can anything
// carry this item), loads (how it may stand), schedule (which lanes may offer it), bounds.

import type { FleetLine, Site } from '../../model/index.ts';
import { GEOMETRY_EPS_M } from '../../model/index.ts';
import type { CargoPiece } from '../types.ts';
import { floorOrientations, pieceOrientations, type Orientation } from './orientations.ts';
import { hasStations, stationsFor } from './stations.ts';

const EPS = GEOMETRY_EPS_M;

/** The site's runway takes the type (a site without `accepts` takes every type). */
export function accepts(site: Site, type: string): boolean {
  return !site.accepts || site.accepts.includes(type);
}

/** Fleet lines whose type the site's runway takes. */
export function serving(site: Site, fleet: readonly FleetLine[]): FleetLine[] {
  return fleet.filter((line) => accepts(site, line.type));
}

/** Why a piece cannot fly alone on a type; checked in this order ('positions': none, or no station takes the pallet). */
export type CarryProblem = 'door' | 'floor' | 'weight' | 'positions' | 'balance';

/**
 * True when, alone on the floor, the piece can sit with its centre inside cgRangeM; a pallet on a
 * type with stations only where a station that takes it lies.
 */
export function canBalanceAlone(o: Orientation, aircraft: FleetLine, piece?: CargoPiece): boolean {
  const [lo, hi] = aircraft.cgRangeM;
  if (piece?.kind === 'pallet' && hasStations(aircraft))
    return stationsFor(piece, o, aircraft).some((st) => st.x + st.l / 2 >= lo - EPS && st.x + st.l / 2 <= hi + EPS);
  return Math.max(o.l / 2, lo) <= Math.min(aircraft.floorLengthM - o.l / 2, hi) + EPS;
}

/** The first reason the piece cannot fly alone on this type, or null when it can. */
export function carryProblem(piece: CargoPiece, aircraft: FleetLine): CarryProblem | null {
  const all = pieceOrientations(piece);
  const throughDoor = all.filter((o) => o.h <= aircraft.doorHeightM + EPS);
  if (throughDoor.length === 0) return 'door';
  const onFloor = throughDoor.filter(
    (o) => o.l <= aircraft.floorLengthM + EPS && o.w <= aircraft.floorWidthM + EPS,
  );
  if (onFloor.length === 0) return 'floor';
  if (piece.weightKg > aircraft.aclKg) return 'weight';
  if (piece.kind === 'pallet' && aircraft.palletPositions < 1) return 'positions';
  // On rails: no station takes a pallet of this footprint and weight.
  const placed = piece.kind === 'pallet' && hasStations(aircraft) ? onFloor.filter((o) => stationsFor(piece, o, aircraft).length > 0) : onFloor;
  if (placed.length === 0) return 'positions';
  if (!placed.some((o) => canBalanceAlone(o, aircraft, piece))) return 'balance';
  return null;
}

/** Door, floor, weight (aclKg), a pallet position, and a balance point all allow it. */
export function fitsAircraft(piece: CargoPiece, aircraft: FleetLine): boolean {
  return carryProblem(piece, aircraft) === null;
}

/**
 * Could the piece ride this type among other cargo: door, floor, weight and a pallet position
 * allow it (balance with other pieces beside it is the load planner's to find).
 */
export function couldCarry(piece: CargoPiece, aircraft: FleetLine): boolean {
  if (piece.weightKg > aircraft.aclKg) return false;
  if (piece.kind === 'pallet' && aircraft.palletPositions < 1) return false;
  return floorOrientations(piece, aircraft).length > 0;
}
