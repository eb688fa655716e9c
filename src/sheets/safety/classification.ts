// Security classification markings as a property book writes them, as data. Sources: Executive
// Order 13526 section 1.2 (Top Secret, Secret, Confidential); DoDM 5200.01 Vol. 2 (markings,
// the banner form "SECRET//NOFORN": the level is what stands before "//"); DoDI 5200.48
// (Controlled Unclassified Information: not classified, but released to a foreign government only
// with authority; "FOUO" is its legacy marking); NATO C-M(2002)49 (NATO RESTRICTED and above).

import { own } from '../cells.ts';

export type Marking = 'unclassified' | 'cui' | 'classified';

export const MARKINGS: Readonly<Record<string, Marking>> = {
  U: 'unclassified',
  UNCLAS: 'unclassified',
  UNCLASSIFIED: 'unclassified',
  NU: 'unclassified',
  'NATO UNCLASSIFIED': 'unclassified',
  CUI: 'cui',
  FOUO: 'cui',
  'FOR OFFICIAL USE ONLY': 'cui',
  'CONTROLLED UNCLASSIFIED INFORMATION': 'cui',
  C: 'classified',
  CONFIDENTIAL: 'classified',
  S: 'classified',
  SECRET: 'classified',
  TS: 'classified',
  'TOP SECRET': 'classified',
  RESTRICTED: 'classified',
  'NATO RESTRICTED': 'classified',
  NR: 'classified',
  'NATO CONFIDENTIAL': 'classified',
  NC: 'classified',
  'NATO SECRET': 'classified',
  NS: 'classified',
  'COSMIC TOP SECRET': 'classified',
  CTS: 'classified',
};

export const MARKING_EXAMPLES = 'U, CUI, C, S, TS';

/** The marking of a cell ("SECRET//NOFORN" is SECRET, "TS/SCI" is TS); undefined when it is none. */
export function readMarking(t: string): { marking: Marking; level: string } | undefined {
  const level = t.toUpperCase().split('//')[0].split('/')[0].replace(/\s+/g, ' ').replace(/[()]/g, '').trim();
  const marking = own(MARKINGS, level);
  return marking ? { marking, level } : undefined;
}
