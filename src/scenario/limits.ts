// Every limit on a scenario, with its value and its reason, in one place: the schema, the
// cross-checks and the reader take their numbers from here, docs/limits.md lists them (a test
// keeps the two in step), and an issue that cites a limit says why it exists. Sizes are what
// the planner was measured to do on 2 shared CPUs (docs/benchmarks.md, docs/limits.md);
// ranges are what a real aircraft, pallet or item can be, wide enough for any real scenario
// and narrow enough that no sum overflows and no loop runs away.

export interface Limit {
  value: number;
  /** why: a planner reads it in the issue and in docs/limits.md */
  reason: string;
}

/** Sizes of the document and its lists. */
export const LIMITS = {
  textChars: {
    value: 64 * 1024 * 1024,
    reason: 'the largest scenario the other limits allow (100,000 item lines) is about 15 MB as compact JSON or flow YAML and 35 MB pretty-printed',
  },
  depth: {
    value: 64,
    reason: 'a scenario nests four levels, as in items[0].sensitive[0]; deeper text is no scenario and would exhaust the readers\' stacks',
  },
  aliases: {
    value: 1000,
    reason: 'each alias copies its anchor again, so more of them is an expansion attack, not a scenario',
  },
  issues: {
    value: 100,
    reason: 'the first hundred problems are a screenful to fix; listing thousands costs time and helps nobody',
  },
  idChars: { value: 200, reason: 'ids are short names that registers and load plans print; longer text belongs in name' },
  nameChars: { value: 1000, reason: 'a name or unit is a line of text on a load plan' },
  notesChars: { value: 10_000, reason: 'free-text notes of an agreement: a few paragraphs' },
  sites: { value: 1000, reason: 'distances are kept for every pair of sites; Iraq 2011 closed 505 bases over three years' },
  fleetLines: { value: 1000, reason: 'one line per type and base; a thousand lines is every type at every base of any scenario' },
  tails: {
    value: 10_000,
    reason: 'the whole US airlift fleet is under 1,000 airframes; 10,000 tails planned in 8 s',
  },
  palletTypes: { value: 100, reason: 'pallet types beyond the 463L: the planner tries each type for every pallet' },
  personnelLines: { value: 100_000, reason: 'as many lines as item lines' },
  people: {
    value: 1_000_000,
    reason: 'eight times the 128,700 of Iraq 2011; 1,000,000 people planned in 8 s and 400 MB',
  },
  itemLines: { value: 100_000, reason: '100,000 item lines planned in 37-44 s, 6 min with their remedies, and 3.4 GB; more would not fit the plan time limit' },
  units: {
    value: 1_100_000,
    reason: 'the largest benchmark scenarios, about a million units, planned in 30-44 s, 6 min with their remedies, and 3.4 GB',
  },
  infrastructure: { value: 100_000, reason: 'as many lines as item lines' },
  agreements: { value: 250, reason: 'one per country: there are 249 ISO 3166 country codes' },
  sorties: {
    value: 100_000,
    reason: 'a plan of 28,000 sorties took 37-44 s, 6 min with its remedies; 100,000 stays within the plan time limit',
  },
  accepts: { value: 1000, reason: 'aircraft types a runway takes: no more types than fleet lines' },
  serials: { value: 1_000_000, reason: 'one serial number a unit, at most as many as the units limit' },
  valueUsd: {
    value: 1e12,
    reason: 'USD 1 trillion is more than any defence budget, and below it every value sum stays within the verifier\'s USD 1 tolerance',
  },
} as const satisfies Record<string, Limit>;

export interface Range {
  min: number;
  /** false: the minimum itself is refused (a weight must be above 0) */
  minInclusive: boolean;
  max: number;
  /** a whole number */
  int: boolean;
  /** why the maximum */
  reason: string;
  /** why the minimum, when it is more than "positive" or "not negative" */
  minReason?: string;
}

const r = (min: number, minInclusive: boolean, max: number, int: boolean, reason: string, minReason?: string): Range =>
  ({ min, minInclusive, max, int, reason, ...(minReason ? { minReason } : {}) });

const SMALL_UNIT = 'smaller units travel boxed, so list the box: a million 5 cm units packed onto pallets in 43 s, 1 cm ones took more than a minute';

/** The range of every number in a scenario, by `section.field`. */
export const RANGES = {
  'sites.mog': r(1, true, 1000, true, 'more aircraft on the ground at once than any airfield parks'),
  'sites.maxDeparturesPerDay': r(1, true, 1440, true, 'one departure a minute round the clock'),
  'aircraft.count': r(1, true, 1000, true, 'more airframes of one type than any air force flies; the USAF has about 220 C-17s'),
  'aircraft.aclKg': r(100, true, 300_000, false, 'the heaviest payload ever flown was 253.8 t (An-225)', 'less than one passenger with baggage is no airlifter'),
  'aircraft.palletPositions': r(0, true, 100, true, 'the largest holds take 36 463L pallets (C-5)'),
  'aircraft.seats': r(0, true, 1000, true, 'the largest airliners seat about 850'),
  'aircraft.cruiseKmh': r(50, true, 3000, false, 'faster than any transport aircraft; Concorde cruised at 2,180 km/h', 'slower than any aircraft: a flight would last weeks'),
  'aircraft.turnHours': r(0, true, 168, false, 'a week on the ground is not a turn'),
  'aircraft.costPerFlyingHourUsd': r(0, true, 1_000_000, false, 'forty times a C-17\'s USD 23,000; larger rates make cost sums lose cents'),
  'aircraft.floorLengthM': r(0, false, 100, false, 'the longest cargo hold is 43 m (An-225)'),
  'aircraft.floorWidthM': r(0, false, 20, false, 'the widest cargo hold is 6.4 m (An-124)'),
  'aircraft.doorHeightM': r(0, false, 20, false, 'the tallest cargo hold is 4.4 m (An-225)'),
  'aircraft.cgRangeM': r(0, true, 100, false, 'within the longest floor'),
  'aircraft.crewsPerTail': r(1, true, 10, false, 'ten crews a tail is more than any squadron keeps; a tail flies one sortie at a time', 'one crew flies with each tail'),
  'aircraft.crewDutyHours': r(0, false, 48, false, 'two days awake is no duty period; AFMAN 11-202v3 allows 24 h augmented'),
  'aircraft.crewRestHours': r(0, true, 168, false, 'a week of rest between duties is no rotation'),
  'aircraft.palletStations.x': r(0, true, 100, false, 'within the longest floor'),
  'aircraft.palletStations.y': r(0, true, 20, false, 'within the widest floor'),
  'aircraft.palletStations.l': r(0, false, 20, false, 'seven times a 463L'),
  'aircraft.palletStations.w': r(0, false, 20, false, 'nine times a 463L'),
  'aircraft.palletStations.maxKg': r(0, false, 100_000, false, 'twenty times a 463L\'s 4,536 kg'),
  'palletTypes.usableLengthM': r(0, false, 20, false, 'seven times a 463L; a longer load is a floor load'),
  'palletTypes.usableWidthM': r(0, false, 20, false, 'nine times a 463L'),
  'palletTypes.maxHeightM': r(0, false, 20, false, 'higher than any cargo door'),
  'palletTypes.maxGrossKg': r(0, false, 100_000, false, 'twenty times a 463L\'s 4,536 kg'),
  'palletTypes.tareKg': r(0, true, 100_000, false, 'no more than the largest gross weight'),
  'palletTypes.footprintLengthM': r(0, false, 20, false, 'seven times a 463L'),
  'palletTypes.footprintWidthM': r(0, false, 20, false, 'nine times a 463L'),
  'personnel.count': r(0, true, 1_000_000, true, 'the people limit'),
  'items.quantity': r(1, true, 1_000_000, true, 'a million units in one line planned in 90 s and 2.1 GB, remedies included'),
  'items.unitWeightKg': r(0.1, true, 1_000_000, false, 'four times the heaviest payload ever flown', 'lighter units travel boxed: list the box'),
  'items.lengthM': r(0.05, true, 100, false, 'longer than any cargo hold', SMALL_UNIT),
  'items.widthM': r(0.05, true, 100, false, 'wider than any cargo hold', SMALL_UNIT),
  'items.heightM': r(0.05, true, 100, false, 'taller than any cargo hold', SMALL_UNIT),
  'items.unitValueUsd': r(0, true, 1e9, false, 'USD 1 billion a unit, three times a C-17; with the units limit every value sum stays exact'),
  'items.maxLoadOnTopKg': r(0, true, 1_000_000, false, 'the unit weight limit'),
  'infrastructure.valueUsd': r(0, true, 1e11, false, 'USD 100 billion; Air Base 201 cost about USD 110 million'),
  'policy.transferWhenShipCostOverValue': r(0, true, 1_000_000, false, 'a ratio: above a million it means "never give away", as 1,000,000 does'),
  'policy.minSecurityPerSite': r(0, true, 1_000_000, true, 'the people limit'),
  'policy.passengerKg': r(1, true, 1000, false, 'a passenger with baggage plans at 100-136 kg; ten times that is no passenger, and larger products overflow', 'a passenger weighs something'),
} as const satisfies Record<string, Range>;

export type RangeName = keyof typeof RANGES;

/** 1000000 -> "1,000,000"; 1e9 -> "1,000,000,000"; 0.5 -> "0.5". */
export function figure(n: number): string {
  return n.toLocaleString('en-US', { maximumFractionDigits: 6 });
}
