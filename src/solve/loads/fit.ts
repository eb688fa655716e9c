// Whether one piece can fly on one aircraft type at all, and the ways it may stand on the floor.
// Shared by the load planner and by dispose (which asks "can anything carry this item?").

import type { FleetLine } from '../../model/index.ts';
import { GEOMETRY_EPS_M } from '../../model/index.ts';
import type { CargoPiece } from '../types.ts';

/** A piece as it stands on the floor: l along the aircraft, w across it, h up. */
export interface Orientation {
  l: number;
  w: number;
  h: number;
}

/** Why a piece cannot fly alone on a type; checked in this order. */
export type CarryProblem = 'door' | 'floor' | 'weight' | 'positions' | 'balance';

const EPS = GEOMETRY_EPS_M;

/**
 * Every way the piece may stand, in order of preference. Pallets and upright floor units turn
 * about the vertical axis only; tiltable units may lie on any face. Pallets prefer their
 * shorter side along the floor (463L pallets go 2.74 m across, so two fit a C-17 row); floor
 * units prefer their long side along it, as vehicles drive in.
 */
export function orientations(piece: CargoPiece): Orientation[] {
  const { lengthM: a, widthM: b, heightM: c } = piece;
  const long = Math.max(a, b);
  const short = Math.min(a, b);
  const out: Orientation[] =
    piece.kind === 'pallet'
      ? [{ l: short, w: long, h: c }, { l: long, w: short, h: c }]
      : [{ l: long, w: short, h: c }, { l: short, w: long, h: c }];
  if (piece.kind === 'floor' && piece.tiltable) {
    // Lying on the other faces: the upright height becomes a floor dimension.
    for (const [h, x, y] of [[a, b, c], [b, a, c]] as const) {
      out.push({ l: Math.max(x, y), w: Math.min(x, y), h }, { l: Math.min(x, y), w: Math.max(x, y), h });
    }
  }
  return dedupe(out);
}

/** The orientations that pass the door and fit the empty floor of this type. */
export function floorOrientations(piece: CargoPiece, aircraft: FleetLine): Orientation[] {
  return orientations(piece).filter(
    (o) => o.h <= aircraft.doorHeightM + EPS && o.l <= aircraft.floorLengthM + EPS && o.w <= aircraft.floorWidthM + EPS,
  );
}

/** The footprint the load planner tries first for this piece on this type; null when none fits. */
export function pieceFootprint(piece: CargoPiece, aircraft: FleetLine): Orientation | null {
  return floorOrientations(piece, aircraft)[0] ?? null;
}

/** True when, alone on the floor, the piece can sit with its centre inside cgRangeM. */
export function canBalanceAlone(o: Orientation, aircraft: FleetLine): boolean {
  const [lo, hi] = aircraft.cgRangeM;
  return Math.max(o.l / 2, lo) <= Math.min(aircraft.floorLengthM - o.l / 2, hi) + EPS;
}

/** The first reason the piece cannot fly alone on this type, or null when it can. */
export function carryProblem(piece: CargoPiece, aircraft: FleetLine): CarryProblem | null {
  const all = orientations(piece);
  const throughDoor = all.filter((o) => o.h <= aircraft.doorHeightM + EPS);
  if (throughDoor.length === 0) return 'door';
  const onFloor = throughDoor.filter(
    (o) => o.l <= aircraft.floorLengthM + EPS && o.w <= aircraft.floorWidthM + EPS,
  );
  if (onFloor.length === 0) return 'floor';
  if (piece.weightKg > aircraft.aclKg) return 'weight';
  if (piece.kind === 'pallet' && aircraft.palletPositions < 1) return 'positions';
  if (!onFloor.some((o) => canBalanceAlone(o, aircraft))) return 'balance';
  return null;
}

/** Door, floor, weight (aclKg), a pallet position, and a balance point all allow it. */
export function fitsAircraft(piece: CargoPiece, aircraft: FleetLine): boolean {
  return carryProblem(piece, aircraft) === null;
}

function dedupe(list: Orientation[]): Orientation[] {
  const seen = new Set<string>();
  return list.filter((o) => {
    const k = `${o.l}|${o.w}|${o.h}`;
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}
