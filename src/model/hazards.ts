// Dangerous goods: which hazard labels must be kept apart (formats.md, "Hazard segregation").
// The table itself is data with its sources (src/catalog/segregation.ts, overridable per
// scenario); how a table is read is a definition the planner and the verifier must share, so it
// lives here, beside the rule names.

import type { Item } from './scenario.ts';

/**
 * One entry of a segregation table: the labels it covers and whether they must be kept apart.
 * A selector is a class (`3`, `1`), a division (`5.1`, `1.4`), an explosive's division with its
 * compatibility group (`1.4S`), or `*` for any label.
 */
export interface SegregationPair {
  a: string;
  b: string;
  segregate: boolean;
  /** where the entry comes from (a table of the IATA DGR, AFMAN 24-604, the scenario's own reason) */
  source: string;
}

export interface SegregationTable {
  pairs: SegregationPair[];
  /** explosives (class 1) of different compatibility groups that may still travel together */
  explosives: {
    /** pairs of group letters that may share a pallet or touch on the floor */
    mayMix: [string, string][];
    /** groups that may travel with every group (S) */
    withAll: string[];
    source: string;
  };
}

/** An empty table: nothing is segregated (a scenario built in code without the catalog's table). */
export const NO_SEGREGATION: SegregationTable = { pairs: [], explosives: { mayMix: [], withAll: [], source: 'none' } };

/** The hazard labels one unit of the item bears: its class or division, then its subsidiary risks. */
export function itemHazards(item: Pick<Item, 'hazard' | 'subsidiaryHazards'>): string[] {
  if (item.hazard === undefined) return [];
  return [item.hazard, ...(item.subsidiaryHazards ?? []).filter((h) => h !== item.hazard)];
}

/** How specific a selector is: `*` 0, a class 1, a division 2, a division with its group 3; -1 if it is not one. */
function specificity(selector: string): number {
  if (selector === '*') return 0;
  if (/^[1-9]$/.test(selector)) return 1;
  if (/^[1-9]\.[1-6]$/.test(selector)) return 2;
  if (/^1\.[1-6][A-Z]$/.test(selector)) return 3;
  return -1;
}

/** Does the selector cover the label (`1` covers `1.1D`, `1.1` covers `1.1D`, `2` covers `2.2`)? */
export function selects(selector: string, label: string): boolean {
  if (selector === '*' || selector === label) return true;
  return label.startsWith(selector) && (label[selector.length] === '.' || /^1\.[1-6]$/.test(selector));
}

function isExplosive(label: string): boolean {
  return label.startsWith('1.');
}

/**
 * Must two hazard labels be kept apart, and by which entry? Two explosives follow their
 * compatibility groups (same group, a pair of `mayMix`, or a group of `withAll` may mix) unless
 * an entry names both by division and group. Otherwise the most specific entry covering the pair
 * decides (specificity of both sides added; at a tie the later entry, so a scenario's own entries
 * win); no entry: not segregated.
 */
export function segregationRule(x: string, y: string, table: SegregationTable): { segregate: boolean; source: string } {
  let best: SegregationPair | undefined;
  let bestScore = -1;
  for (const p of table.pairs) {
    const sa = specificity(p.a);
    const sb = specificity(p.b);
    if (sa < 0 || sb < 0) continue;
    if (!((selects(p.a, x) && selects(p.b, y)) || (selects(p.a, y) && selects(p.b, x)))) continue;
    const score = sa + sb;
    if (score >= bestScore) {
      best = p;
      bestScore = score;
    }
  }
  if (isExplosive(x) && isExplosive(y) && bestScore < 6) return { segregate: !explosivesMayMix(x, y, table), source: table.explosives.source };
  return best ? { segregate: best.segregate, source: best.source } : { segregate: false, source: 'no entry covers the pair' };
}

export function mustSegregate(x: string, y: string, table: SegregationTable): boolean {
  return segregationRule(x, y, table).segregate;
}

function explosivesMayMix(x: string, y: string, table: SegregationTable): boolean {
  const gx = x.slice(3);
  const gy = y.slice(3);
  if (gx === gy) return true;
  const e = table.explosives;
  if (e.withAll.includes(gx) || e.withAll.includes(gy)) return true;
  return e.mayMix.some(([p, q]) => (p === gx && q === gy) || (p === gy && q === gx));
}

/** Do any two labels of the two lists have to be kept apart? */
export function hazardsConflict(xs: readonly string[], ys: readonly string[], table: SegregationTable): boolean {
  for (const x of xs) for (const y of ys) if (mustSegregate(x, y, table)) return true;
  return false;
}

/** The first pair of labels of the two lists that must be kept apart, for messages; null when none. */
export function conflictingPair(xs: readonly string[], ys: readonly string[], table: SegregationTable): [string, string] | null {
  for (const x of xs) for (const y of ys) if (mustSegregate(x, y, table)) return [x, y];
  return null;
}
