// Shared by the loads tests: the catalogue's railed types as fleet lines, and a pallet and a
// vehicle as the load planner sees them.

import { catalogAircraft } from '../../catalog/index.ts';
import type { AircraftType, FleetLine } from '../../model/index.ts';
import type { CargoPiece } from '../types.ts';

export const catalogLine = (id: string): FleetLine => {
  const { id: type, ...spec } = catalogAircraft(id) as AircraftType;
  return { ...structuredClone(spec), type, count: 1, base: 'home' };
};
export const C17 = catalogLine('C-17A');
export const C130 = catalogLine('C-130J-30');

export const pallet = (ref: string, kg: number, more: Partial<CargoPiece> = {}): CargoPiece => ({
  ref, kind: 'pallet', site: 's', lengthM: 2.74, widthM: 2.24, heightM: 1.8, weightKg: kg, sensitive: false, tiltable: false, itemIds: [ref], ...more,
});
export const vehicle = (ref: string, kg: number, l: number, w: number): CargoPiece => ({
  ref, kind: 'floor', site: 's', lengthM: l, widthM: w, heightM: 2, weightKg: kg, sensitive: false, tiltable: false, itemIds: [ref], vehicle: true,
});
