// Lower bounds on sorties. Per origin site: an LP over how many sorties of each aircraft class
// leave it (continuous), with one covering row per set of classes and per capacity (payload,
// pallet positions, floor area, seats), plus the rounding cuts that integer sortie counts allow.
// Across sites: cargo that no aircraft from its site can fly to a place where it may stay needs a
// second departure from a site that must be emptied. Proofs: docs/bounds.md.

import { lpOptimum } from './highs.ts';
import type { AircraftClass, Need, SiteNeeds } from './demand.ts';

type Dim = 'kg' | 'pallets' | 'floorM2' | 'people';
const DIMS: { dim: Dim; cap: (c: AircraftClass) => number; label: string }[] = [
  { dim: 'kg', cap: (c) => c.aclKg, label: 'payload weight' },
  { dim: 'pallets', cap: (c) => c.palletPositions, label: 'pallet positions' },
  { dim: 'floorM2', cap: (c) => c.floorLengthM * c.floorWidthM, label: 'floor area' },
  { dim: 'people', cap: (c) => c.seats, label: 'seats' },
];

export interface SiteSortieBound {
  site: string;
  value: number;
  /** which argument gives the value */
  binding: string;
}

const ceil = (x: number) => Math.ceil(x - 1e-6);
const num = (x: number) => (Number.isInteger(x) ? String(x) : x.toPrecision(12));

interface Row {
  /** column names and coefficients */
  terms: [string, number][];
  rhs: number;
}

/** Covering rows for one site's needs, each divided by its right-hand side so HiGHS sees numbers near 1. */
function siteRows(n: SiteNeeds, col: (j: number) => string): { rows: Row[]; cut: number; cutWhy: string } {
  const rows: Row[] = [];
  let cut = 0;
  let cutWhy = 'nothing to move';
  for (const [S, need] of n.bySubset) {
    const members = n.classes.map((_, j) => j).filter((j) => (S & (1 << j)) !== 0);
    for (const { dim, cap, label } of DIMS) {
      const rhs = need[dim];
      if (!(rhs > 0)) continue;
      const terms = members.filter((j) => cap(n.classes[j]) > 0).map((j): [string, number] => [col(j), cap(n.classes[j]) / rhs]);
      if (terms.length === 0) continue; // cannot happen: units only fit classes with room for them
      rows.push({ terms, rhs: 1 });
      // Sorties are whole: sum over S of n >= ceil(need / largest capacity in S).
      const round = ceil(rhs / Math.max(...members.map((j) => cap(n.classes[j]))));
      rows.push({ terms: members.map((j) => [col(j), 1]), rhs: round });
      if (round > cut) {
        cut = round;
        const who = S === n.all ? '' : ` on ${members.map((j) => n.classes[j].name).join(', ')} only`;
        cutWhy = dim === 'pallets' ? `${label} (at least ${rhs} pallets${who})` : `${label}${who}`;
      }
    }
  }
  return { rows, cut, cutWhy };
}

function lpText(objective: string[], rows: Row[]): string {
  const lines = ['Minimize', ` obj: ${objective.join(' + ')}`, 'Subject To'];
  rows.forEach((r, i) => lines.push(` r${i}: ${r.terms.map(([c, a]) => `${num(a)} ${c}`).join(' + ')} >= ${num(r.rhs)}`));
  lines.push('End');
  return lines.join('\n');
}

/** The fewest sorties that can leave one origin site with everything it must send. */
export function siteSortieBound(n: SiteNeeds): SiteSortieBound {
  const { rows, cut, cutWhy } = siteRows(n, (j) => `n${j}`);
  if (rows.length === 0) return { site: n.site.id, value: 0, binding: n.classes.length ? 'nothing to move' : 'no aircraft can land' };
  const lp = lpOptimum(lpText(n.classes.map((_, j) => `n${j}`), rows));
  const value = lp === null ? cut : Math.max(cut, ceil(lp));
  const binding = value > cut ? 'LP over payload, pallets, floor and seats by aircraft type' : cutWhy;
  return { site: n.site.id, value, binding };
}

/**
 * All origin sites together, when some site's cargo cannot reach in one leg a place where it may
 * stay: each such unit and person departs twice from sites that must be emptied. Returns the
 * onward departures beyond the sum of the sites' own bounds.
 */
export function onwardLegs(
  sites: readonly SiteNeeds[],
  siteBounds: readonly SiteSortieBound[],
  twoLegs: ReadonlySet<string>,
  fleet: readonly AircraftClass[],
): number {
  if (twoLegs.size === 0 || fleet.length === 0) return 0;
  const rows: Row[] = [];
  const cols: string[] = [];
  const total: Need = { kg: 0, pallets: 0, floorM2: 0, people: 0 };
  const terms: Record<Dim, [string, number][]> = { kg: [], pallets: [], floorM2: [], people: [] };
  sites.forEach((n, s) => {
    const col = (j: number) => `s${s}n${j}`;
    n.classes.forEach((c, j) => {
      cols.push(col(j));
      for (const { dim, cap } of DIMS) terms[dim].push([col(j), cap(c)]);
    });
    rows.push(...siteRows(n, col).rows);
    if (siteBounds[s].value > 0) rows.push({ terms: n.classes.map((_, j) => [col(j), 1]), rhs: siteBounds[s].value });
    const need = n.bySubset.get(n.all);
    if (!need) return;
    const times = twoLegs.has(n.site.id) ? 2 : 1;
    for (const { dim } of DIMS) total[dim] += times * need[dim];
  });
  fleet.forEach((c, j) => {
    cols.push(`u${j}`); // departures from anywhere else that must be emptied (hubs, other origins)
    for (const { dim, cap } of DIMS) terms[dim].push([`u${j}`, cap(c)]);
  });
  for (const { dim } of DIMS) {
    if (!(total[dim] > 0)) continue;
    const t = terms[dim].filter(([, a]) => a > 0).map(([c, a]): [string, number] => [c, a / total[dim]]);
    if (t.length) rows.push({ terms: t, rhs: 1 });
  }
  const lp = lpOptimum(lpText(cols, rows));
  const own = siteBounds.reduce((a, b) => a + b.value, 0);
  return lp === null ? 0 : Math.max(0, ceil(lp) - own);
}

/**
 * The least total loading time (turns) of the sorties that can leave one origin site with
 * everything it must send: the same covering rows, each class's sortie costing its shortest
 * turn. Every departure holds the ground a turn before it (airfield.mog), so the mog bound on
 * the closure can count loading time instead of loadings (closure.ts). 0 when nothing moves.
 */
export function minLoadingHours(n: SiteNeeds): number {
  const { rows } = siteRows(n, (j) => `n${j}`);
  if (rows.length === 0) return 0;
  const turn = n.classes.map((c) => Math.min(...c.lines.map((l) => l.turnHours)));
  const lp = lpOptimum(lpText(n.classes.map((_, j) => `${num(turn[j])} n${j}`), rows));
  return lp === null ? 0 : Math.max(0, lp * (1 - 1e-9));
}
