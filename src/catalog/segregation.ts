// The hazard segregation table drawdown plans with (formats.md, "Hazard segregation"), each entry
// with its source. How a table is read (specificity, explosives by compatibility group) is
// src/model/hazards.ts; a scenario's `segregation` entries are added after these and win a tie.
//
// Sources:
// - IATA Dangerous Goods Regulations, Table 9.3.A (segregation of packages), as quoted in its
//   public extracts: explosives other than 1.4S are kept from classes 2, 3, 4, 5 and 8
//   (formats.md's minimum, which counts division 4.1 with class 4); class 3 and division 4.2
//   from 5.1; division 4.3 from class 8; 1.4S needs no segregation from other dangerous goods.
// - Explosives against explosives: compatibility groups (IATA DGR 9.3.2.2.3; UN Model
//   Regulations 7.1.3.2; 49 CFR 177.848(f)): the same group always; S with every group; C, D, E
//   together, G and N with C, D and E. Anything else (A, B, F, H, J, K, L) only with itself.
// - Military airlift: AFMAN 24-604 (formerly AFMAN 24-204, "Preparing Hazardous Materials for
//   Military Air Shipments") applies its own compatibility chart on military aircraft. Its text
//   was not available here, so only the one pair marked `assumption:` below stands for it; a
//   unit's own reading of the chart goes into the scenario's `segregation`.

import type { SegregationPair, SegregationTable } from '../model/index.ts';
import { ASSUMPTION_PREFIX } from './sources.ts';

const IATA = 'IATA DGR Table 9.3.A';
const IATA_EXPLOSIVES = `${IATA}: explosives other than 1.4S kept from classes 2, 3, 4, 5 and 8 (formats.md minimum)`;

const pair = (a: string, b: string, source: string, segregate = true): SegregationPair => ({ a, b, segregate, source });

export const SEGREGATION: Readonly<SegregationTable> = Object.freeze({
  pairs: Object.freeze([
    // explosives (other than 1.4S, below) against the other classes
    pair('1', '2', IATA_EXPLOSIVES),
    pair('1', '3', IATA_EXPLOSIVES),
    pair('1', '4', `${IATA_EXPLOSIVES}; IATA lists 4.2 and 4.3, formats.md counts class 4 as a whole, so 4.1 too`),
    pair('1', '5', IATA_EXPLOSIVES),
    pair('1', '8', IATA_EXPLOSIVES),
    pair('1.4S', '*', `${IATA}: 1.4S needs no segregation from other dangerous goods (and goes with every compatibility group)`, false),
    // the other pairs of the table
    pair('3', '5.1', `${IATA}: flammable liquids kept from oxidizers`),
    pair('4.2', '5.1', `${IATA}: spontaneously combustible kept from oxidizers`),
    pair('4.3', '8', `${IATA}: dangerous when wet kept from corrosives`),
    // military airlift
    pair(
      '2.3', '3',
      `${ASSUMPTION_PREFIX} toxic gas kept from flammable liquids on military aircraft, as the 49 CFR 175.78 stowage table that AFMAN 24-604 builds on has it; check against the current chart`,
    ),
  ].map((p) => Object.freeze(p))) as unknown as SegregationPair[],
  explosives: Object.freeze({
    mayMix: Object.freeze([
      ['C', 'D'], ['C', 'E'], ['D', 'E'],
      ['C', 'G'], ['D', 'G'], ['E', 'G'],
      ['C', 'N'], ['D', 'N'], ['E', 'N'],
    ].map((p) => Object.freeze(p))) as unknown as [string, string][],
    withAll: Object.freeze(['S']) as unknown as string[],
    source: 'compatibility groups: IATA DGR 9.3.2.2.3, UN Model Regulations 7.1.3.2, 49 CFR 177.848(f): the same group, S with all, C/D/E together, G and N with C, D and E',
  }),
}) as SegregationTable;

/** The catalog table with a scenario's own entries after it (they win a tie), as a fresh copy. */
export function segregationTable(extra: readonly SegregationPair[] = []): SegregationTable {
  return {
    pairs: [...SEGREGATION.pairs.map((p) => ({ ...p })), ...extra.map((p) => ({ ...p }))],
    explosives: {
      mayMix: SEGREGATION.explosives.mayMix.map(([a, b]) => [a, b] as [string, string]),
      withAll: [...SEGREGATION.explosives.withAll],
      source: SEGREGATION.explosives.source,
    },
  };
}
