// The hazard segregation table drawdown plans with (formats.md, "Hazard segregation"), each entry
// with its source. How a table is read (the most specific entry decides) is src/model/hazards.ts;
// a scenario's `segregation` entries are added after these and win a tie.
//
// Sources:
// - IATA Dangerous Goods Regulations, Table 9.3.A (segregation of packages), as its public
//   extracts give it: explosives other than 1.4S are kept from classes 2, 3, 4, 5 and 8
//   (formats.md's minimum, which counts division 4.1 with class 4); class 3 and division 4.2
//   from 5.1; division 4.3 from class 8; 1.4S needs no segregation from other dangerous goods.
// - Explosives against explosives, by compatibility group (IATA DGR 9.3.2.2.3; UN Model
//   Regulations 7.1.3.2; 49 CFR 177.848(f)): the same group always; S with every group; C, D and
//   E together, G and N with C, D and E. Any other pair of groups is kept apart.
// - Military airlift: AFMAN 24-604 (formerly AFMAN 24-204, "Preparing Hazardous Materials for
//   Military Air Shipments") applies its own compatibility chart on military aircraft. Its text
//   was not available here, so only the one entry marked `assumption:` below stands for it; a
//   unit's own reading of the chart goes into the scenario's `segregation`.

import type { SegregationEntry } from '../model/index.ts';
import { ASSUMPTION_PREFIX } from './sources.ts';

const IATA = 'IATA DGR Table 9.3.A';
const IATA_EXPLOSIVES = `${IATA}: explosives other than 1.4S kept from classes 2, 3, 4, 5 and 8 (formats.md minimum)`;
const GROUPS = 'compatibility groups (IATA DGR 9.3.2.2.3, UN Model Regulations 7.1.3.2, 49 CFR 177.848(f))';

const entry = (a: string, b: string, reason: string, segregate = true): SegregationEntry => ({ a, b, segregate, reason });

const ENTRIES: SegregationEntry[] = [
  // explosives (other than 1.4S, below) against the other classes
  entry('1', '2', IATA_EXPLOSIVES),
  entry('1', '3', IATA_EXPLOSIVES),
  entry('1', '4', `${IATA_EXPLOSIVES}; IATA lists 4.2 and 4.3, formats.md counts class 4 as a whole, so 4.1 too`),
  entry('1', '5', IATA_EXPLOSIVES),
  entry('1', '8', IATA_EXPLOSIVES),
  // explosives against explosives: apart unless their groups may mix
  entry('1', '1', `${GROUPS}: explosives of groups that may not mix are kept apart`),
  ...'ABCDEFGHJKLN'.split('').map((g) => entry(`1*${g}`, `1*${g}`, `${GROUPS}: one group may always travel together`, false)),
  ...[['C', 'D'], ['C', 'E'], ['D', 'E'], ['C', 'G'], ['D', 'G'], ['E', 'G'], ['C', 'N'], ['D', 'N'], ['E', 'N']].map(([a, b]) =>
    entry(`1*${a}`, `1*${b}`, `${GROUPS}: ${a} and ${b} may travel together`, false)),
  entry('1.4S', '*', `${IATA}: 1.4S needs no segregation from other dangerous goods; ${GROUPS}: S goes with every group`, false),
  // the other pairs of the table
  entry('3', '5.1', `${IATA}: flammable liquids kept from oxidizers`),
  entry('4.2', '5.1', `${IATA}: spontaneously combustible substances kept from oxidizers`),
  entry('4.3', '8', `${IATA}: dangerous-when-wet substances kept from corrosives`),
  // military airlift
  entry('2.3', '3', `${ASSUMPTION_PREFIX} toxic gas kept from flammable liquids on military aircraft, as the 49 CFR 175.78 stowage table that AFMAN 24-604 builds on has it; check against the current chart`),
];

export const SEGREGATION: readonly SegregationEntry[] = Object.freeze(ENTRIES.map((e) => Object.freeze(e)));

/**
 * The catalog table with a scenario's own entries after it (they win a tie), as a fresh copy.
 * An entry identical to one of the catalog's (a normalised scenario written back out) is not
 * added twice.
 */
export function segregationTable(extra: readonly SegregationEntry[] = []): SegregationEntry[] {
  const same = (x: SegregationEntry, y: SegregationEntry) => x.a === y.a && x.b === y.b && x.segregate === y.segregate && x.reason === y.reason;
  const own = extra.filter((e) => !SEGREGATION.some((c) => same(c, e)));
  return [...SEGREGATION, ...own].map((e) => ({ ...e }));
}
