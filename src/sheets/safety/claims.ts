// What the safety columns of one row say, as facts ("classified: yes, because DEMIL code P"),
// and how the item's flags are drawn from them. Two columns that say opposite things about one
// fact are a conflict, reported with both cells; nothing is guessed. Positive facts carry their
// consequences (ammunition is lethal and dangerous; anything sensitive is never handed over), so
// "Hazmat N" against "DEMIL G" or "Transferable Y" against "Classified S" is caught too.

import type { Sensitivity } from '../../model/index.ts';
import type { CellValue } from '../cells.ts';

export type Fact =
  | 'lethal'
  | 'dangerous'
  | 'classified'
  /** COMSEC or a controlled cryptographic item: unclassified itself, but planned as classified */
  | 'comsec'
  | 'ammunition'
  /** sensitive, kind not said */
  | 'sensitive'
  | 'transfer'
  | 'demilInPlace'
  | 'cargoAircraftOnly';

export interface Claim {
  fact: Fact;
  value: boolean;
  /** why, in the clerk's terms: "a security classified item (DEMIL code P)" */
  because: string;
}

/** What one cell says. */
export interface Reading {
  claims: Claim[];
  hazard?: string;
  unNumber?: string;
  /** the line goes to a foreign government only under an authority (FMS, EDA, release approval): why */
  authority?: string;
}

export const NOTHING: Reading = { claims: [] };

export interface Sourced extends Claim {
  column: string;
  cell: CellValue;
  /** the rule that carried a fact here from another ("sensitive lines are never given away") */
  via?: string;
}

/** Consequences of a fact being true, with the rule that gives each. */
const IMPLIES: Readonly<Partial<Record<Fact, readonly { fact: Fact; value: boolean; via?: string }[]>>> = {
  ammunition: [{ fact: 'lethal', value: true }, { fact: 'dangerous', value: true }, { fact: 'sensitive', value: true }],
  lethal: [{ fact: 'sensitive', value: true }],
  dangerous: [{ fact: 'sensitive', value: true }],
  classified: [{ fact: 'sensitive', value: true }],
  comsec: [{ fact: 'sensitive', value: true }],
  sensitive: [{ fact: 'transfer', value: false, via: 'sensitive lines are never given away' }],
};

/** A claim with everything it implies, each keeping the cell it came from. */
export function expand(claim: Sourced): Sourced[] {
  const out: Sourced[] = [claim];
  if (!claim.value) return out;
  for (const next of IMPLIES[claim.fact] ?? []) {
    for (const c of expand({ ...claim, fact: next.fact, value: next.value }))
      out.push(next.via && !c.via ? { ...c, via: next.via } : c);
  }
  return out;
}

const IS: Readonly<Record<Fact, [yes: string, no: string]>> = {
  lethal: ['lethal', 'not lethal'],
  dangerous: ['dangerous goods', 'not dangerous goods'],
  classified: ['classified', 'not classified'],
  comsec: ['COMSEC', 'not COMSEC'],
  ammunition: ['ammunition', 'not ammunition'],
  sensitive: ['sensitive', 'not sensitive'],
  transfer: ['may be given to the host', 'may not be given to the host'],
  demilInPlace: ['may be destroyed in place', 'may not be destroyed in place'],
  cargoAircraftOnly: ['cargo aircraft only', 'not cargo aircraft only'],
};

/** What a cell says, for a conflict message: `"N" says the line is not classified`. */
export function says(c: Sourced, quote: (v: CellValue) => string): string {
  const [yes, no] = IS[c.fact];
  const what = c.value ? yes : no;
  return `${quote(c.cell)} says the line ${what.startsWith('may') ? '' : 'is '}${what}`;
}

/** The claim a conflict is reported at: the one that denies a hazard, or that allows a transfer. */
export function isWeaker(c: Sourced): boolean {
  return c.fact === 'transfer' ? c.value : !c.value;
}

/** The sensitivities of a row from its resolved facts, in the order the sheet names them. */
export function sensitivities(order: Fact[]): Sensitivity[] {
  const out: Sensitivity[] = [];
  const add = (s: Sensitivity) => !out.includes(s) && out.push(s);
  for (const f of order) {
    if (f === 'lethal' || f === 'dangerous' || f === 'classified') add(f);
    else if (f === 'comsec') add('classified');
  }
  return out;
}
