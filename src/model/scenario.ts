// Domain types of a normalised scenario (formats.md, version 1). The loader in src/scenario
// fills catalog values and defaults, so everything downstream sees complete records.

import type { SegregationEntry } from './hazards.ts';

export type SiteRole = 'origin' | 'destination' | 'hub';
export type Sensitivity = 'lethal' | 'dangerous' | 'classified';
export type ItemKind = 'cargo' | 'vehicle';
export type PersonnelRole = 'security' | 'operations' | 'support';

export interface Site {
  id: string;
  name: string;
  /** ISO 3166 alpha-2 */
  country: string;
  lat: number;
  lon: number;
  role: SiteRole;
  /** aircraft on the ground at once; unlimited when absent */
  mog?: number;
  /** departures per UTC day; unlimited when absent */
  maxDeparturesPerDay?: number;
  /** date (YYYY-MM-DD) by which the site must be empty */
  handoverBy?: string;
  /** aircraft type ids the runway takes; all when absent */
  accepts?: string[];
  /** operating hours, local `HH:MM-HH:MM` (an end before the start runs past midnight); open all day when absent */
  hours?: string;
  /** a daily period, local `HH:MM-HH:MM`, with no departures or arrivals; none when absent */
  quietHours?: string;
  /** local time's offset from UTC, `+01:00`; with neither this nor timeZone local time is UTC */
  utcOffset?: string;
  /** IANA time zone for local time (daylight saving included), instead of utcOffset */
  timeZone?: string;
  /** crews wait here: a tail may change crews, and staged crews start here */
  stage?: boolean;
}

/**
 * A floor rectangle where one pallet sits on the rails (formats.md, "Aircraft"), metres from
 * the front of the floor (x) and from the left wall (y), and the most a pallet there may weigh.
 */
export interface PalletStation {
  x: number;
  y: number;
  l: number;
  w: number;
  maxKg: number;
}
/** basic: the least crew that can fly the type; augmented: extra pilots who rest in flight. */
export type CrewComplement = 'basic' | 'augmented';

/** An aircraft type: every capability is a number, never a branch on the type's name. */
export interface AircraftType {
  id: string;
  name: string;
  /** allowable cabin load used for planning, kg */
  aclKg: number;
  palletPositions: number;
  /** passengers carried alongside a full cargo load */
  seats: number;
  cruiseKmh: number;
  /** ground time to load or unload at a stop, hours */
  turnHours: number;
  costPerFlyingHourUsd: number;
  floorLengthM: number;
  floorWidthM: number;
  doorHeightM: number;
  /** allowed payload centre of gravity, metres from the front of the cargo floor */
  cgRangeM: [number, number];
  /** where pallets sit on the rails; absent: pallets may sit anywhere on the floor */
  palletStations?: PalletStation[];
}

/** A fleet line with its type's catalog values filled in and any overrides applied. */
export interface FleetLine extends Omit<AircraftType, 'id'> {
  /** the aircraft type id */
  type: string;
  count: number;
  /** site id where the tails start */
  base: string;
  /** ISO date or date-time; the scenario's asOf when absent */
  availableFrom?: string;
  /** ISO date; the tail lands by the end of this day */
  availableTo?: string;
  /**
   * Crews a tail (a crew ratio, at least 1): one starts aboard each tail, the rest staged at the
   * stage sites. The loader always sets the crew fields; a line built without them has one crew
   * a tail with no duty limit and no rest (docs/rules.md, crew.duty).
   */
  crewsPerTail?: number;
  crewComplement?: CrewComplement;
  /** a crew's flight duty period, hours: from reporting to the last landing */
  crewDutyHours?: number;
  /** least rest between two duty periods of a crew, hours */
  crewRestHours?: number;
}

export interface PalletType {
  id: string;
  usableLengthM: number;
  usableWidthM: number;
  maxHeightM: number;
  maxGrossKg: number;
  tareKg: number;
  footprintLengthM: number;
  footprintWidthM: number;
}

export interface PersonnelLine {
  site: string;
  count: number;
  role: PersonnelRole;
  unit?: string;
}

export interface Item {
  id: string;
  name: string;
  site: string;
  quantity: number;
  unitWeightKg: number;
  lengthM: number;
  widthM: number;
  heightM: number;
  unitValueUsd: number;
  kind: ItemKind;
  sensitive: Sensitivity[];
  hostTransfer: boolean;
  demilInPlace: boolean;
  /** true when every face may go down (verticalDims is then all three) */
  tiltable: boolean;
  /** which of the unit's dimensions may stand vertical; `[height]` is "this way up" */
  verticalDims: UnitDimension[];
  /** UN hazard class or division, explosives with their compatibility group (`1.1D`, `1.4S`, `3`, `9`) */
  hazard?: string;
  /** subsidiary risk labels (oxygen is `2.2` with `5.1`); segregated like the hazard itself */
  subsidiaryHazards?: string[];
  /** e.g. `UN3480`, printed on the hazardous cargo list */
  unNumber?: string;
  /** no passenger flies on a sortie that carries a unit of it */
  cargoAircraftOnly: boolean;
  /** most weight that may rest on one unit, kg (0: nothing on it); no limit when absent */
  maxLoadOnTopKg?: number;
  /** ISO date or date-time before which no unit departs */
  readyFrom?: string;
  /** National Stock Number */
  nsn?: string;
  /** supply condition code (A, B, C... H) */
  conditionCode?: string;
  /** serial numbers of the units, where the property book has them */
  serials?: string[];
  /** transportation control number */
  tcn?: string;
  /** unit of issue (EA, BX, PG...) */
  unitOfIssue?: string;
}

export type UnitDimension = 'length' | 'width' | 'height';

export interface Infrastructure {
  id: string;
  site: string;
  name: string;
  valueUsd: number;
}

export interface Agreement {
  /** ISO 3166 alpha-2 */
  country: string;
  /** YYYY-MM-DD: departures allowed until the end of this UTC day */
  deadline: string;
  signed?: string;
  notes?: string;
}

export interface Policy {
  transferWhenShipCostOverValue: number;
  minSecurityPerSite: number;
  passengerKg: number;
  /** true allows a unit to rest on a lighter one; absent or false: never */
  heavierOnLighter?: boolean;
}

export interface Scenario {
  name: string;
  /** ISO date or date-time: nothing departs before it */
  asOf: string;
  sites: Site[];
  aircraft: FleetLine[];
  palletTypes: PalletType[];
  personnel: PersonnelLine[];
  items: Item[];
  infrastructure: Infrastructure[];
  agreements: Agreement[];
  policy: Policy;
  /**
   * the hazard segregation table in force: the catalog's entries with the scenario's own after
   * them (the loader always fills it); absent: nothing is segregated
   */
  segregation?: SegregationEntry[];
}

export function isSensitive(item: Item): boolean {
  return item.sensitive.length > 0;
}
