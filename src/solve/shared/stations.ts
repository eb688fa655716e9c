// The station rule (docs/rules.md, load.station) as every stage asks it: on a type with pallet
// stations a pallet sits on one whose rectangle its footprint covers exactly (the way the
// station lies) and whose maxKg it is within. A type without stations takes a pallet anywhere.

import type { FleetLine, PalletStation } from '../../model/index.ts';
import { GEOMETRY_EPS_M } from '../../model/index.ts';
import type { CargoPiece } from '../types.ts';
import type { Orientation } from './orientations.ts';

const EPS = GEOMETRY_EPS_M;
/** Weight tolerance, kg: the verifier's. */
const KG_EPS = 1e-6;

export function hasStations(aircraft: FleetLine): boolean {
  return (aircraft.palletStations?.length ?? 0) > 0;
}

/** Does a pallet standing this way cover the station exactly, within its weight? */
export function takesPallet(st: PalletStation, o: Orientation, weightKg: number): boolean {
  return Math.abs(st.l - o.l) <= EPS && Math.abs(st.w - o.w) <= EPS && weightKg <= st.maxKg + KG_EPS;
}

/** The stations a pallet standing this way may sit on; every station when the piece is not a pallet. */
export function stationsFor(piece: CargoPiece, o: Orientation, aircraft: FleetLine): PalletStation[] {
  const all = aircraft.palletStations ?? [];
  return piece.kind === 'pallet' ? all.filter((st) => takesPallet(st, o, piece.weightKg)) : all;
}
