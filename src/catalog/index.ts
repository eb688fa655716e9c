// The catalog: aircraft and pallet types with the source of every value.

import { AIRCRAFT } from './aircraft.ts';
import { CREW_FACTORS } from './crews.ts';
import { PALLETS } from './pallets.ts';
import { entrySources, type CatalogSource } from './sources.ts';

export { AIRCRAFT, catalogAircraft } from './aircraft.ts';
export { PALLETS, catalogPallet } from './pallets.ts';
export { SEGREGATION, segregationTable } from './segregation.ts';
export { C130J30_STATIONS, C17_STATIONS, stationsOf, type StationPlan } from './stations.ts';
export { CREW_FACTORS, type CrewFactors } from './crews.ts';
export { ASSUMPTION_PREFIX, type CatalogEntry, type CatalogSource } from './sources.ts';

/** Every catalog value with its source, aircraft first, in catalog and field order. */
export function catalogSources(): CatalogSource[] {
  return [
    ...Object.values(AIRCRAFT).flatMap((e) => entrySources('aircraft', e)),
    ...Object.values(PALLETS).flatMap((e) => entrySources('pallet', e)),
    ...entrySources('crew', CREW_FACTORS),
  ];
}
