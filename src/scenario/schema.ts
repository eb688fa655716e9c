// Zod schemas of the scenario file as a planner writes it (formats.md, version 1). Optional
// fields stay optional here; catalog values are filled in by normalise.ts. Objects are strict
// so a misspelt field is reported instead of silently ignored. Descriptions feed the JSON Schema.

import { z } from 'zod';
import { HOURS_PATTERN, UTC_OFFSET_PATTERN, isIsoDate, isIsoDateTime, isTimeZone, parseWindow } from '../model/index.ts';
import { figure, LIMITS, RANGES, type Limit, type RangeName } from './limits.ts';

export const COUNTRY_PATTERN = /^[A-Z]{2}$/;

// Messages are phrased to follow "path: " and the loader appends the offending value. Every
// number has a range and every string and list a size (limits.ts, each with its reason).
const atMost = (limit: Limit, unit: string) => `must have at most ${figure(limit.value)} ${unit} (${limit.reason})`;
const text = (limit: Limit = LIMITS.nameChars) => z.string().max(limit.value, atMost(limit, 'characters'));
const id = (what: string) => text(LIMITS.idChars).min(1).describe(what);
const list = <T extends z.ZodType>(of: T, limit: Limit) => z.array(of).max(limit.value, atMost(limit, 'entries'));

/** A number in its range (limits.ts): the default wording below, the reason above a limit. */
function ranged(name: RangeName, what: string) {
  const g = RANGES[name];
  let n = g.int ? z.number().int() : z.number();
  // a whole number of at least 1 is "positive", as everywhere else
  if (g.min === 0 || (g.int && g.min === 1 && g.minInclusive)) n = g.min === 0 && g.minInclusive ? n.nonnegative() : n.positive();
  // zero and below are "not positive" whatever the minimum; the minimum speaks for the rest
  else n = n.positive({ abort: true }).min(g.min, `must be at least ${figure(g.min)}${'minReason' in g ? ` (${g.minReason})` : ''}`);
  return n.max(g.max, `must be at most ${figure(g.max)} (${g.reason})`).describe(what);
}

const isoDate = (what: string) =>
  z
    .string()
    .refine(isIsoDate, 'must be an ISO date (YYYY-MM-DD)')
    .meta({ description: what, format: 'date' });

const isoDateOrTime = (what: string) =>
  z
    .string()
    .refine((s) => isIsoDateTime(s) && isIsoDate(s.slice(0, 10)), 'must be an ISO date or date-time (YYYY-MM-DD or YYYY-MM-DDThh:mm:ssZ)')
    .describe(what);

const country = (what: string) =>
  z.string().regex(COUNTRY_PATTERN, 'must be an ISO 3166 alpha-2 code (two capital letters)').describe(what);

// Local times of day, `HH:MM-HH:MM`; an end before the start runs past midnight (docs/rules.md, airfield.hours).
const dailyWindow = (what: string) =>
  z
    .string()
    .regex(HOURS_PATTERN, 'must be local times HH:MM-HH:MM, e.g. 06:00-22:00 (00:00-24:00 is all day)')
    .refine((t) => !HOURS_PATTERN.test(t) || parseWindow(t) !== null, 'must not start and end at the same time')
    .describe(what);

export const SiteRoleSchema = z
  .enum(['origin', 'destination', 'hub'])
  .describe('origin: a host-nation site to be emptied; destination: where cargo and people go; hub: an intermediate airfield');
export const SensitivitySchema = z.enum(['lethal', 'dangerous', 'classified']);
export const ItemKindSchema = z
  .enum(['cargo', 'vehicle'])
  .describe('cargo: goes on pallets; vehicle: rolls on and takes floor space itself');
export const UnitDimensionSchema = z.enum(['length', 'width', 'height']);
/** UN classes and divisions; explosives (class 1) carry their compatibility group letter. */
export const HAZARD_PATTERN = /^(1\.[1-6][A-HJKLNS]|2\.[1-3]|3|4\.[1-3]|5\.[12]|6\.[12]|7|8|9)$/;
export const PersonnelRoleSchema = z
  .enum(['security', 'operations', 'support'])
  .describe('what the people do; the guard of policy.minSecurityPerSite is counted from everyone on site, whatever their role');

export const SiteSchema = z
  .strictObject({
    id: id('site id, referenced by items, personnel, infrastructure and fleet bases'),
    name: text().describe('site name'),
    country: country('ISO 3166 alpha-2 country code, e.g. NE'),
    lat: z.number().min(-90, 'must be between -90 and 90').max(90, 'must be between -90 and 90').describe('latitude, degrees'),
    lon: z
      .number()
      .min(-180, 'must be between -180 and 180')
      .max(180, 'must be between -180 and 180')
      .describe('longitude, degrees'),
    role: SiteRoleSchema,
    mog: ranged('sites.mog', 'maximum aircraft on the ground at once; unlimited when absent').optional(),
    maxDeparturesPerDay: ranged('sites.maxDeparturesPerDay', 'departures per UTC day; unlimited when absent').optional(),
    handoverBy: isoDate('date (YYYY-MM-DD) by which the site must be empty').optional(),
    accepts: list(text(LIMITS.idChars), LIMITS.accepts)
      .describe('aircraft type ids the runway takes; all types when absent')
      .optional(),
    hours: dailyWindow(
      'operating hours, local time (utcOffset or timeZone): every departure and arrival, positioning legs included, falls inside them; an end before the start runs past midnight; open all day when absent',
    ).optional(),
    quietHours: dailyWindow('a daily quiet period, local time, with no departures or arrivals (noise, prayer or curfew); none when absent').optional(),
    utcOffset: z
      .string()
      .regex(UTC_OFFSET_PATTERN, 'must be an offset from UTC such as +01:00 or -05:00')
      .describe('local time minus UTC, e.g. +01:00, for hours and quietHours; UTC when absent and no timeZone')
      .optional(),
    timeZone: z
      .string()
      .refine(isTimeZone, 'must be an IANA time zone such as Africa/Niamey or Europe/Berlin')
      .describe('IANA time zone for hours and quietHours, daylight saving included; instead of utcOffset')
      .optional(),
    stage: z
      .boolean()
      .describe('a crew stage: a tail landing here may change crews (a rested crew takes over), and the staged crews of the fleet lines (crewsPerTail above 1) start here')
      .optional(),
  })
  .describe('an airfield: a host-nation origin, a hub or a destination');

/** The fields of an aircraft type that a fleet line may override (all of AircraftType but id). */
export const aircraftFields = {
  name: text().describe('aircraft type name'),
  aclKg: ranged('aircraft.aclKg', 'allowable cabin load used for planning, kg'),
  palletPositions: ranged('aircraft.palletPositions', 'pallet positions on the cargo floor'),
  seats: ranged('aircraft.seats', 'passengers carried alongside a full cargo load'),
  cruiseKmh: ranged('aircraft.cruiseKmh', 'block speed for flight times, km/h'),
  turnHours: ranged('aircraft.turnHours', 'ground time to load or unload at a stop, hours'),
  costPerFlyingHourUsd: ranged('aircraft.costPerFlyingHourUsd', 'cost of one flying hour, USD'),
  floorLengthM: ranged('aircraft.floorLengthM', 'usable cargo floor length, m'),
  floorWidthM: ranged('aircraft.floorWidthM', 'usable cargo floor width, m'),
  doorHeightM: ranged('aircraft.doorHeightM', 'highest load the door and cargo compartment take, m'),
  cgRangeM: z
    .tuple([ranged('aircraft.cgRangeM', 'minimum, m'), ranged('aircraft.cgRangeM', 'maximum, m')])
    .describe('[min, max] allowed payload centre of gravity, metres from the front of the cargo floor'),
} as const;
export const AIRCRAFT_FIELDS = Object.keys(aircraftFields) as (keyof typeof aircraftFields)[];

export const PalletStationSchema = z
  .strictObject({
    x: ranged('aircraft.palletStations.x', 'front of the station, metres from the front of the floor'),
    y: ranged('aircraft.palletStations.y', 'left side of the station, metres from the left wall'),
    l: ranged('aircraft.palletStations.l', 'length of the station along the floor, m'),
    w: ranged('aircraft.palletStations.w', 'width of the station across the floor, m'),
    maxKg: ranged('aircraft.palletStations.maxKg', 'heaviest pallet (gross) the station takes, kg'),
  })
  .describe('a floor rectangle where one pallet sits on the rails');

export const FleetLineSchema = z
  .strictObject({
    type: id('aircraft type id: a catalog id such as C-17A or C-130J-30, or a new id with every type field given'),
    count: ranged('aircraft.count', 'number of airframes (tails) of this line'),
    base: id('site id where the tails start'),
    availableFrom: isoDateOrTime('first moment the tails are available; the scenario asOf when absent').optional(),
    availableTo: isoDate('last day (YYYY-MM-DD) the tails are available; they land by its end').optional(),
    crewsPerTail: ranged('aircraft.crewsPerTail', '')
      .describe('crews a tail (a crew ratio; may be fractional): one starts aboard each tail at its base, the others start rested at the stage sites that take the type; default 1')
      .optional(),
    crewComplement: z
      .enum(['basic', 'augmented'])
      .describe('basic: the least crew, a 16 h flight duty period; augmented: extra pilots who rest in flight, 24 h (AFMAN 11-202v3, second-hand); default basic')
      .optional(),
    crewDutyHours: ranged(
      'aircraft.crewDutyHours',
      "a crew's flight duty period, hours: from reporting (the loading turn before its first departure, or the positioning flight before it) to its last landing; default from crewComplement",
    ).optional(),
    crewRestHours: ranged('aircraft.crewRestHours', 'least rest between two duty periods of a crew, hours; default 12 (AFMAN 11-202v3, second-hand)').optional(),
    ...Object.fromEntries(
      AIRCRAFT_FIELDS.map((k) => [k, aircraftFields[k].optional().describe(`override: ${aircraftFields[k].description}`)]),
    ) as { [K in keyof typeof aircraftFields]: z.ZodOptional<(typeof aircraftFields)[K]> },
    palletStations: z
      .array(PalletStationSchema)
      .describe(
        "where pallets sit on the rails: a pallet covers exactly one station, one a station, within its maxKg; the catalog gives the C-17A's and C-130J-30's; [] or absent on a new type: pallets may sit anywhere on the floor",
      )
      .optional(),
  })
  .describe('a fleet line: airframes of one type; any catalog field may be overridden');

export const palletFields = {
  usableLengthM: ranged('palletTypes.usableLengthM', 'usable length of the pallet top, m'),
  usableWidthM: ranged('palletTypes.usableWidthM', 'usable width of the pallet top, m'),
  maxHeightM: ranged('palletTypes.maxHeightM', 'highest load built on the pallet, m'),
  maxGrossKg: ranged('palletTypes.maxGrossKg', 'maximum gross weight, tare included, kg'),
  tareKg: ranged('palletTypes.tareKg', 'empty weight with nets, kg'),
  footprintLengthM: ranged('palletTypes.footprintLengthM', 'outside length on the aircraft floor, m'),
  footprintWidthM: ranged('palletTypes.footprintWidthM', 'outside width on the aircraft floor, m'),
} as const;
export const PALLET_FIELDS = Object.keys(palletFields) as (keyof typeof palletFields)[];

export const PalletTypeSchema = z
  .strictObject({
    id: id('pallet type id: 463L to override catalog values, or a new id with every field given'),
    ...Object.fromEntries(PALLET_FIELDS.map((k) => [k, palletFields[k].optional()])) as {
      [K in keyof typeof palletFields]: z.ZodOptional<(typeof palletFields)[K]>;
    },
  })
  .describe('a pallet type: overrides catalog values for a catalog id, or defines a new type');

export const PersonnelSchema = z
  .strictObject({
    site: id('origin site id where these people start'),
    count: ranged('personnel.count', 'number of people'),
    role: PersonnelRoleSchema,
    unit: text().describe('unit name').optional(),
  })
  .describe('people at an origin site');

export const ItemSchema = z
  .strictObject({
    id: id('item id'),
    name: text().describe('item name'),
    site: id('origin site id where the units start'),
    quantity: ranged('items.quantity', 'number of identical units'),
    unitWeightKg: ranged('items.unitWeightKg', 'weight of one unit, kg'),
    lengthM: ranged('items.lengthM', 'length of one unit, m'),
    widthM: ranged('items.widthM', 'width of one unit, m'),
    heightM: ranged('items.heightM', 'height of one unit, m'),
    unitValueUsd: ranged('items.unitValueUsd', 'value of one unit, USD'),
    kind: ItemKindSchema,
    sensitive: z
      .array(SensitivitySchema)
      .default([])
      .describe('sensitivities: lethal, dangerous, classified; sensitive items are never given away'),
    hostTransfer: z.boolean().default(false).describe('may be given to the host nation'),
    demilInPlace: z.boolean().default(false).describe('may be destroyed on site instead of moved'),
    tiltable: z
      .boolean()
      .default(false)
      .describe('any face may go down; by default the unit stays upright and turns only about the vertical axis'),
    verticalDims: z
      .array(UnitDimensionSchema)
      .min(1)
      .describe('which of the unit dimensions may stand vertical ([height] is "this way up", the default; tiltable: true means all three)')
      .optional(),
    hazard: z
      .string()
      .regex(HAZARD_PATTERN, 'must be a UN hazard class or division: 1.1-1.6 with a compatibility group letter (1.1D, 1.4S), 2.1, 2.2, 2.3, 3, 4.1, 4.2, 4.3, 5.1, 5.2, 6.1, 6.2, 7, 8 or 9')
      .describe('UN hazard class or division; explosives with their compatibility group (1.1D, 1.4S). An item with a hazard is dangerous for every sensitivity rule')
      .optional(),
    subsidiaryHazards: z
      .array(z.string().regex(HAZARD_PATTERN, 'must be a UN hazard class or division (2.1, 5.1, 8...)'))
      .describe('subsidiary risk labels (charged oxygen is 2.2 with 5.1); segregated like the hazard itself')
      .optional(),
    unNumber: z
      .string()
      .regex(/^UN[0-9]{4}$/, 'must be UN followed by four digits, e.g. UN3480')
      .describe('UN number, printed on the hazardous cargo list')
      .optional(),
    cargoAircraftOnly: z.boolean().default(false).describe('no passenger flies on a sortie that carries a unit of it'),
    maxLoadOnTopKg: ranged('items.maxLoadOnTopKg', 'most weight that may rest on one unit, kg (0: nothing may stand on it); no limit when absent').optional(),
    readyFrom: isoDateOrTime('date or time before which no unit of the line may depart').optional(),
    nsn: text(LIMITS.idChars).min(1).describe('National Stock Number, carried into every register').optional(),
    conditionCode: text(LIMITS.idChars).min(1).describe('supply condition code, carried into every register').optional(),
    serials: list(text(LIMITS.idChars).min(1), LIMITS.serials).describe('serial numbers of the units').optional(),
    tcn: text(LIMITS.idChars).min(1).describe('transportation control number').optional(),
    unitOfIssue: text(LIMITS.idChars).min(1).describe('unit of issue (EA, BX, PG...)').optional(),
  })
  .describe('an equipment line: identical units at one origin site');

export const InfrastructureSchema = z
  .strictObject({
    id: id('infrastructure id'),
    site: id('site id'),
    name: text().describe('name'),
    valueUsd: ranged('infrastructure.valueUsd', 'value, USD'),
  })
  .describe('fixed works handed over, never moved');

export const AgreementSchema = z
  .strictObject({
    country: country('ISO 3166 alpha-2 code of the host country'),
    deadline: isoDate('date (YYYY-MM-DD): departures allowed until the end of this UTC day'),
    signed: isoDate('date the agreement was signed').optional(),
    notes: text(LIMITS.notesChars).describe('free text').optional(),
  })
  .describe("an agreement: everyone and everything leaves that country's sites by the deadline");

export const POLICY_DEFAULTS = { transferWhenShipCostOverValue: 1, minSecurityPerSite: 0, passengerKg: 100, heavierOnLighter: false } as const;

export const PolicySchema = z
  .strictObject({
    transferWhenShipCostOverValue: ranged(
      'policy.transferWhenShipCostOverValue',
      'an eligible, non-sensitive item is given to the host when moving it costs more than this times its value',
    ).default(POLICY_DEFAULTS.transferWhenShipCostOverValue),
    minSecurityPerSite: ranged(
      'policy.minSecurityPerSite',
      'people who stay at a site as its guard while sensitive items remain there',
    ).default(POLICY_DEFAULTS.minSecurityPerSite),
    passengerKg: ranged('policy.passengerKg', 'planning weight of one passenger with baggage, kg').default(POLICY_DEFAULTS.passengerKg),
    heavierOnLighter: z
      .boolean()
      .default(POLICY_DEFAULTS.heavierOnLighter)
      .describe('true allows a unit to rest on a lighter one; by default a unit never rests on a unit that weighs less than it does'),
  })
  .describe('planning policy');

/** A segregation selector: any label, a class, a division, or an explosive's division with its group. */
export const HAZARD_SELECTOR_PATTERN = /^(\*|[1-9]|[1-9]\.[1-6]|1\.[1-6][A-HJKLNS]|1\*[A-HJKLNS])$/;

const selector = (what: string) =>
  z
    .string()
    .regex(HAZARD_SELECTOR_PATTERN, 'must be a hazard class (3), division (5.1), explosive with its group (1.4S), explosives of one group (1*D) or * for any')
    .describe(what);

export const SegregationEntrySchema = z
  .strictObject({
    a: selector('one side: a class (3), a division (5.1), an explosive with its compatibility group (1.4S), explosives of one group in any division (1*D), or * for any label'),
    b: selector('the other side, as a'),
    segregate: z.boolean().describe('true: never on one pallet nor touching on the floor; false: may share'),
    reason: z.string().describe('why (a unit SOP, a regulation); printed in the violations it decides').optional(),
  })
  .describe(
    'an entry added to the segregation table (the catalog holds IATA DGR Table 9.3.A and the explosives compatibility groups); the most specific entry covering a pair decides, a scenario entry winning a tie',
  );

export const ScenarioFileSchema = z
  .strictObject({
    $schema: text().describe('JSON Schema reference for editors; ignored').optional(),
    formatVersion: z.literal(1).describe('scenario format version; 1 when absent').optional(),
    name: text().min(1).describe('title'),
    asOf: isoDateOrTime('planning start: nothing departs before it'),
    sites: list(SiteSchema, LIMITS.sites).min(1).describe('airfields: origins, hubs and destinations'),
    aircraft: list(FleetLineSchema, LIMITS.fleetLines).min(1).describe('the fleet, one line per type and base'),
    palletTypes: list(PalletTypeSchema, LIMITS.palletTypes).default([]).describe('pallet types beyond or overriding the catalog 463L'),
    personnel: list(PersonnelSchema, LIMITS.personnelLines).default([]).describe('people to move out'),
    items: list(ItemSchema, LIMITS.itemLines).default([]).describe('equipment lines'),
    infrastructure: list(InfrastructureSchema, LIMITS.infrastructure).default([]).describe('fixed works handed over at their site'),
    agreements: list(AgreementSchema, LIMITS.agreements).default([]).describe('withdrawal agreements, one per country'),
    policy: PolicySchema.prefault({}).describe('planning policy; every field has a default'),
    segregation: z
      .array(SegregationEntrySchema)
      .default([])
      .describe('hazard segregation entries that extend or override the catalog table'),
  })
  .describe('a drawdown scenario: what must leave, from where, by when, with which aircraft');

export type ScenarioFile = z.output<typeof ScenarioFileSchema>;
export type ScenarioFileInput = z.input<typeof ScenarioFileSchema>;
