// Dangerous goods: which hazard labels must be kept apart (formats.md, "Hazard segregation").
// The table itself is data with its sources (src/catalog/segregation.ts), extended or overridden
// per scenario; how a table is read is a definition the planner and the verifier must share, so
// it lives here, beside the rule names.

import type { Item } from './scenario.ts';

/**
 * One entry of a segregation table: the labels it covers and whether they must be kept apart.
 * A selector is `*` (any label), a class (`3`, `1`), a division (`5.1`, `1.4`), an explosive's
 * division with its compatibility group (`1.4S`), or explosives of one compatibility group in
 * any division (`1*D`). The same shape as the scenario file's `segregation` entries.
 */
export interface SegregationEntry {
  a: string;
  b: string;
  segregate: boolean;
  /** where the entry comes from: a table of the IATA DGR, AFMAN 24-604, a unit's own SOP */
  reason?: string;
}

/** Nothing segregated: a scenario built in code without the catalog's table. */
export const NO_SEGREGATION: readonly SegregationEntry[] = [];

/** The hazard labels one unit of the item bears: its class or division, then its subsidiary risks. */
export function itemHazards(item: Pick<Item, 'hazard' | 'subsidiaryHazards'>): string[] {
  if (item.hazard === undefined) return [];
  return [item.hazard, ...(item.subsidiaryHazards ?? []).filter((h) => h !== item.hazard)];
}

/** How specific a selector is: `*` 0, a class 1, a division or a compatibility group 2, a division with its group 3; -1 if none. */
function specificity(selector: string): number {
  if (selector === '*') return 0;
  if (/^[1-9]$/.test(selector)) return 1;
  if (/^[1-9]\.[1-6]$/.test(selector) || /^1\*[A-Z]$/.test(selector)) return 2;
  if (/^1\.[1-6][A-Z]$/.test(selector)) return 3;
  return -1;
}

/** Does the selector cover the label (`1` covers `1.1D`, `1.1` and `1*D` cover `1.1D`, `2` covers `2.2`)? */
export function selects(selector: string, label: string): boolean {
  if (selector === '*' || selector === label) return true;
  if (selector.length === 3 && selector[1] === '*') return label.startsWith('1.') && label.length === 4 && label[3] === selector[2];
  return label.startsWith(selector) && (label[selector.length] === '.' || /^1\.[1-6]$/.test(selector));
}

/**
 * Must two hazard labels be kept apart, and by which entry? The most specific entry covering the
 * pair decides (the specificities of its two sides added; at a tie the later entry, so the
 * scenario's own entries, which come after the catalog's, win); no entry: not segregated.
 */
export function segregationRule(x: string, y: string, table: readonly SegregationEntry[]): { segregate: boolean; reason: string } {
  let best: SegregationEntry | undefined;
  let bestScore = -1;
  for (const p of table) {
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
  return best ? { segregate: best.segregate, reason: best.reason ?? `${best.a} / ${best.b}` } : { segregate: false, reason: 'no entry covers the pair' };
}

export function mustSegregate(x: string, y: string, table: readonly SegregationEntry[]): boolean {
  return segregationRule(x, y, table).segregate;
}

/** Do any two labels of the two lists have to be kept apart? */
export function hazardsConflict(xs: readonly string[], ys: readonly string[], table: readonly SegregationEntry[]): boolean {
  for (const x of xs) for (const y of ys) if (mustSegregate(x, y, table)) return true;
  return false;
}
