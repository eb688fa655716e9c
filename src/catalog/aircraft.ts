// Aircraft types the planner knows without being told, each value with where it came from.
// Public planning figures come from /work/shared/domain.md; a value marked `assumption:` has no
// public source and says why it was chosen. A scenario fleet line may override any field.

import type { AircraftType } from '../model/index.ts';
import { freezeEntry, type CatalogEntry } from './sources.ts';
import { C130J30_STATIONS, C17_STATIONS, stationSource, stationsOf } from './stations.ts';

const SHORT_TON_KG = 907.18474;
const KNOT_KMH = 1.852;

// Payload CG range: real %MAC envelopes sit in technical orders that are not public, so the
// catalog allows the middle 40%-60% of the cargo floor and lets a scenario override it.
const CG_LOW = 0.4;
const CG_HIGH = 0.6;
const CG_SOURCE =
  'assumption: middle 40%-60% of the cargo floor length; real CG envelopes (%MAC) are in non-public technical orders, so override per scenario when known';

function cgRange(floorLengthM: number): [number, number] {
  return [round2(floorLengthM * CG_LOW), round2(floorLengthM * CG_HIGH)];
}

function round2(x: number): number {
  return Math.round(x * 100) / 100;
}

const C17_FLOOR_M = 26.8;
// 55 ft (16.76 m) cargo compartment of the stretched -30 plus the ramp position (about 3.1 m):
// 8 pallets x 2.24 m = 17.9 m do not fit the compartment alone, so the ramp must count.
const C130J30_FLOOR_M = 19.9;

const C17A: CatalogEntry<AircraftType> = {
  spec: {
    id: 'C-17A',
    name: 'Boeing C-17A Globemaster III',
    aclKg: Math.round(65 * SHORT_TON_KG), // 58,967 kg
    palletPositions: 18,
    seats: 54,
    cruiseKmh: 760,
    turnHours: 2.25,
    costPerFlyingHourUsd: 23_000,
    floorLengthM: C17_FLOOR_M,
    floorWidthM: 5.49,
    doorHeightM: 3.76,
    cgRangeM: cgRange(C17_FLOOR_M),
    palletStations: stationsOf(C17_STATIONS, 5.49),
  },
  sources: {
    name: 'manufacturer designation',
    aclKg:
      'planning load 65 short tons = 58,967 kg (AFPAM 10-1403, via secondary source; domain.md); max payload is 77,519 kg (170,900 lb)',
    palletPositions: '18 463L positions (domain.md, Lift table)',
    seats: '54 sidewall seats usable beside a full cargo load, of 102 (domain.md, Lift table)',
    cruiseKmh: 'block speed about 760 km/h, below the ~450 kt (833 km/h) cruise to allow for climb and descent (domain.md)',
    turnHours: 'expedited ground time 2.25 h (domain.md; the AFPAM 10-1403 worked example uses 3.25 h)',
    costPerFlyingHourUsd:
      'assumption: round planning default; no primary source found (domain.md says keep it a scenario input), so override it per scenario',
    floorLengthM: 'cargo floor 88 ft (26.8 m) including ramp (domain.md)',
    floorWidthM: 'cargo floor 18 ft (5.49 m) wide (domain.md)',
    doorHeightM:
      'cargo compartment height 12 ft 4 in (3.76 m) (domain.md); used as the door limit because no separate public door figure was gathered',
    cgRangeM: CG_SOURCE,
    palletStations: stationSource(C17_STATIONS),
  },
};

const C130J30: CatalogEntry<AircraftType> = {
  spec: {
    id: 'C-130J-30',
    name: 'Lockheed Martin C-130J-30 Super Hercules',
    aclKg: Math.round(18 * SHORT_TON_KG), // 16,329 kg
    palletPositions: 8,
    seats: 16,
    cruiseKmh: Math.round(286 * KNOT_KMH), // 530 km/h
    turnHours: 1.75,
    costPerFlyingHourUsd: 10_000,
    floorLengthM: C130J30_FLOOR_M,
    floorWidthM: 3.12,
    doorHeightM: 2.74,
    cgRangeM: cgRange(C130J30_FLOOR_M),
    palletStations: stationsOf(C130J30_STATIONS, 3.12),
  },
  sources: {
    name: 'manufacturer designation',
    aclKg:
      'planning load 18 short tons = 16,329 kg (domain.md); max payload about 19,958 kg (44,000 lb); above 36,500 lb cargo needs wing-relief fuel',
    palletPositions: '8 463L positions on the stretched -30 (domain.md, Lift table)',
    seats:
      'assumption: 16 sidewall seats beside a full 8-pallet load; 128 troops is the figure with no cargo (domain.md) and no public figure was found for seats beside full cargo, so a conservative value is used',
    cruiseKmh: 'block speed 286 kt on a 500 nm leg = 530 km/h (domain.md); cruise is 348 kt',
    turnHours: 'expedited ground time 1.75 h (domain.md)',
    costPerFlyingHourUsd:
      'assumption: round planning default; no primary source found (domain.md says keep it a scenario input), so override it per scenario',
    floorLengthM:
      'assumption: 55 ft (16.8 m) -30 cargo compartment plus about 3.1 m ramp = 19.9 m; domain.md gives 41 ft (12.5 m) + ramp for the short C-130J, and 8 pallets x 2.24 m need the ramp position',
    floorWidthM: 'cargo floor 10 ft 3 in (3.12 m) wide (domain.md)',
    doorHeightM:
      'cargo compartment height 9 ft (2.74 m) (domain.md); used as the door limit because no separate public door figure was gathered',
    cgRangeM: CG_SOURCE,
    palletStations: stationSource(C130J30_STATIONS),
  },
};

/** Aircraft types by id, in catalog order. */
export const AIRCRAFT: Readonly<Record<string, CatalogEntry<AircraftType>>> = Object.freeze({
  [C17A.spec.id]: freezeEntry(C17A),
  [C130J30.spec.id]: freezeEntry(C130J30),
});

/** The catalog type with this id, or undefined (own keys only, so `toString` is not a type). */
export function catalogAircraft(id: string): AircraftType | undefined {
  return Object.hasOwn(AIRCRAFT, id) ? AIRCRAFT[id].spec : undefined;
}
