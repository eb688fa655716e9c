// Which ways a unit may stand: it always turns about the vertical axis; a tiltable unit may also
// lie on any face. One rule for every stage (pallets, loads, dispose, bounds); the BR
// container-loading instances say per dimension whether it may be the vertical one, so that is
// the general form. An aircraft floor prefers some standings to others (pieceOrientations).

import type { FleetLine, Item, UnitDimension } from '../../model/index.ts';
import { GEOMETRY_EPS_M } from '../../model/index.ts';
import type { CargoPiece } from '../types.ts';
import { takesPallet } from './stations.ts';

const EPS = GEOMETRY_EPS_M;

/** Extent of a unit as placed: length along x, width along y, height along z. */
export type Dims = readonly [l: number, w: number, h: number];

/** Per original dimension (length, width, height): may it be the vertical one? */
export type VerticalFlags = readonly [boolean, boolean, boolean];

export const UPRIGHT: VerticalFlags = [false, false, true];
export const ANY_FACE: VerticalFlags = [true, true, true];

/** An item's `verticalDims` as flags per dimension (length, width, height). */
export function verticalFlags(dims: readonly UnitDimension[]): VerticalFlags {
  return [dims.includes('length'), dims.includes('width'), dims.includes('height')];
}

/** Distinct placed extents of a unit, upright ones first, each with its turn about the vertical. */
export function orientationsOf(l: number, w: number, h: number, vertical: VerticalFlags): Dims[] {
  const dims = [l, w, h];
  const out: Dims[] = [];
  // height first so that the upright orientations come first when several are allowed
  for (const v of [2, 1, 0]) {
    if (!vertical[v]) continue;
    const a = dims[v === 0 ? 1 : 0];
    const b = dims[v === 2 ? 1 : 2];
    for (const d of [[a, b, dims[v]] as const, [b, a, dims[v]] as const]) {
      if (!out.some((o) => o[0] === d[0] && o[1] === d[1] && o[2] === d[2])) out.push(d);
    }
  }
  return out;
}

/** The orientations that fit inside a box of the given extents (eps for rounding). */
export function fittingOrientations(
  orients: readonly Dims[],
  box: { l: number; w: number; h: number },
  eps = 1e-9,
): Dims[] {
  return orients.filter((o) => o[0] <= box.l + eps && o[1] <= box.w + eps && o[2] <= box.h + eps);
}

/**
 * Every standing has every extent more than half the box's (plus `margin`): two such units
 * overlap along every axis wherever they stand, so no two share the box (the palletiser's big
 * units and the pallet bound's, issue 13). False when no standing is given.
 */
export function overHalfEveryWay(standings: readonly Dims[], box: { l: number; w: number; h: number }, margin: number): boolean {
  return standings.length > 0 && standings.every((o) => o[0] > box.l / 2 + margin && o[1] > box.w / 2 + margin && o[2] > box.h / 2 + margin);
}

/** The standings of one unit of an item. */
export function itemOrientations(item: Item): Dims[] {
  return orientationsOf(item.lengthM, item.widthM, item.heightM, item.tiltable ? ANY_FACE : UPRIGHT);
}

/** A piece as it stands on an aircraft floor: l along the aircraft, w across it, h up. */
export interface Orientation {
  l: number;
  w: number;
  h: number;
}

/**
 * The standings of a piece (orientationsOf; a pallet never tilts), in the floor's order of
 * preference: standing on its own height first, then on its length, then on its width; pallets
 * with their shorter side along the floor (463L pallets go 2.74 m across, so two fit a C-17
 * row), floor units with their long side along it, as vehicles drive in.
 */
export function pieceOrientations(piece: CargoPiece): Orientation[] {
  const { lengthM: a, widthM: b, heightM: c } = piece;
  // A vehicle drives on and off: its length runs along the floor (load.vehicle), never across.
  if (piece.vehicle) return [{ l: a, w: b, h: c }];
  const tilts = piece.kind === 'floor' && piece.tiltable;
  const all = orientationsOf(a, b, c, tilts ? ANY_FACE : UPRIGHT);
  const longAlong = piece.kind !== 'pallet';
  // The first of (own height, length, width) that equals h: a standing is a permutation of
  // (a, b, c), so that with the preference along the floor orders the standings totally.
  const rank = (o: Dims) => 2 * (o[2] === c ? 0 : o[2] === a ? 1 : 2) + ((o[0] >= o[1]) === longAlong ? 0 : 1);
  // insertion sort: at most six, and this runs for every piece a load planner looks at
  for (let i = 1; i < all.length; i++) {
    const o = all[i];
    const r = rank(o);
    let j = i;
    for (; j > 0 && rank(all[j - 1]) > r; j--) all[j] = all[j - 1];
    all[j] = o;
  }
  return all.map((o) => ({ l: o[0], w: o[1], h: o[2] }));
}

/**
 * The standings that pass the door and fit the empty floor of this type; on a type with pallet
 * stations, a pallet only the ways some station takes it (footprint and weight, load.station).
 */
export function floorOrientations(piece: CargoPiece, aircraft: FleetLine): Orientation[] {
  const stations = piece.kind === 'pallet' ? aircraft.palletStations : undefined;
  return pieceOrientations(piece).filter(
    (o) =>
      o.h <= aircraft.doorHeightM + EPS &&
      o.l <= aircraft.floorLengthM + EPS &&
      o.w <= aircraft.floorWidthM + EPS &&
      (!stations || stations.length === 0 || stations.some((st) => takesPallet(st, o, piece.weightKg))),
  );
}
