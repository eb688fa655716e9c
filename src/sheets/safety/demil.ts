// DEMIL codes (DoDM 4160.28, Defense Demilitarization, Volume 2; earlier DoD 4160.28-M and
// DoD 4160.21-M-1), as data: what each code means for a withdrawal plan. Sources, checked for
// this table:
// - DLA Disposition Services, "DEMIL Codes to be Assigned to Federal Supply Items and Coding
//   Guidance" (www.dla.mil/.../ddsr/userguide/demilcodes.html): the codes in force, A, B, C, D,
//   E, G, P and Q, from the highest severity (G) to the lowest (A).
// - The FLIS code table of DoD 4160.21-M-1 (Defense Demilitarization Manual), which still
//   lists F ("demilitarization instructions to be furnished by the item/technical manager");
//   sheets written from older catalogue extracts carry it.
// H to O and R to Z are not DEMIL codes: a cell holding one is refused, never guessed.

import type { Claim } from './claims.ts';

/** How a code governs handing the item to the host nation. */
export type DemilTransfer =
  /** no DEMIL and no trade security control: nothing in the code stops a transfer */
  | 'free'
  /** a Munitions List or Commerce Control List item: given to a foreign government only under an authority (FMS, EDA, export licence) */
  | 'authority'
  /** classified, or ammunition and explosives: never handed over by this planner */
  | 'never';

export interface DemilCode {
  code: string;
  /** the code's meaning, in the words of the source */
  meaning: string;
  transfer: DemilTransfer;
  /** what has to happen before the item leaves DoD control (if it is disposed of rather than moved) */
  demil: string;
  /** what the code says about the line, as facts the planner's flags are drawn from */
  marks: readonly Omit<Claim, 'because'>[];
  source: string;
}

const DLA = 'DLA Disposition Services, DEMIL Codes (DoDM 4160.28 Vol. 2)';
const M1 = 'DoD 4160.21-M-1, Defense Demilitarization Manual, FLIS DEMIL code table';

export const DEMIL_CODES: Readonly<Record<string, DemilCode>> = {
  A: {
    code: 'A',
    meaning: 'not on the US Munitions List nor the Commerce Control List: no DEMIL, no DoD trade security controls',
    transfer: 'free',
    demil: 'none',
    // A classified item is coded P and ammunition G, so an A line is neither.
    marks: [{ fact: 'classified', value: false }, { fact: 'ammunition', value: false }],
    source: DLA,
  },
  B: {
    code: 'B',
    meaning: 'US Munitions List item: mutilation to the point of scrap required worldwide',
    transfer: 'authority',
    demil: 'mutilation to the point of scrap',
    marks: [],
    source: DLA,
  },
  C: {
    code: 'C',
    meaning: 'US Munitions List item: DEMIL required, remove and demilitarise the installed key points',
    transfer: 'authority',
    demil: 'key points removed and demilitarised',
    marks: [],
    source: DLA,
  },
  D: {
    code: 'D',
    meaning: 'DEMIL required: destroy the item and its components so they cannot be restored or repaired',
    transfer: 'authority',
    demil: 'total destruction of the item and its components',
    marks: [],
    source: DLA,
  },
  E: {
    code: 'E',
    meaning: 'reserved to the DoD Demilitarization Program Office, which furnishes the DEMIL instructions',
    transfer: 'authority',
    demil: 'as instructed by the DoD Demilitarization Program Office',
    marks: [],
    source: DLA,
  },
  F: {
    code: 'F',
    meaning: 'Munitions List item: DEMIL instructions furnished by the item or technical manager',
    transfer: 'authority',
    demil: 'as instructed by the item or technical manager',
    marks: [],
    source: M1,
  },
  G: {
    code: 'G',
    meaning: 'US Munitions List: DEMIL required, ammunition and explosives (classified or not)',
    transfer: 'never',
    demil: 'demilitarisation of ammunition and explosives under control (EOD or a DEMIL facility)',
    marks: [{ fact: 'ammunition', value: true }],
    source: DLA,
  },
  P: {
    code: 'P',
    meaning: 'Munitions List or Commerce Control List military item: DEMIL required, security classified item',
    transfer: 'never',
    demil: 'declassification, or destruction so the classified information cannot be reconstituted',
    marks: [{ fact: 'classified', value: true }],
    source: DLA,
  },
  Q: {
    code: 'Q',
    meaning: 'Commerce Control List item: mutilation to the point of scrap required outside the United States',
    transfer: 'authority',
    demil: 'mutilation to the point of scrap (outside the United States)',
    marks: [],
    source: DLA,
  },
};

export const DEMIL_LIST = Object.keys(DEMIL_CODES).join(', ');
