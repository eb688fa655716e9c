// Loads chosen by runs on a single-file station floor (docs/loads.md, "Runs"). On a floor whose
// stations and floor pieces each take its whole width (the C-130J-30's: one row of stations,
// vehicles one behind another), a floor piece covers every station its length reaches, and the
// floor ahead of the first station and behind the last carries no pallet. So what a sortie can
// carry depends on which vehicles stand together at each end: two 5.13 m trucks from the front
// cover 5 stations, a 5.46 m and a 4.46 m (9.92 m) 4, the 4.46 m with a 5.38 m from the aft end
// 4 as well. The greedy fills place pieces one at a time and cannot see that; here every set of
// up to RUN_PIECES floor pieces is split between the front and the aft run that cover the fewest
// stations, the stations left take the heaviest pallets that fit, and the sets that take most of
// the weight limit and floor are proposed for placing and balancing on the stations.

import type { CargoPiece } from '../types.ts';
import type { FleetLine } from '../../model/index.ts';
import { GEOMETRY_EPS_M } from '../../model/index.ts';
import type { Orientation } from '../shared/orientations.ts';
import { takesPallet } from '../shared/stations.ts';

const EPS = GEOMETRY_EPS_M;

/** Floor pieces one proposal may hold (4 gave the same sorties at o4 as 3, at more cost). */
export const RUN_PIECES = 3;

/**
 * Kinds of floor piece (length, width, weight) a sortie's pieces may hold for the sets to be tried
 * (2,924 sets of up to 3); with more, the greedy fills alone (10k lines: 87 ms over 2,745 loads).
 */
const RUN_GROUPS = 24;

export interface RunCandidate {
  piece: CargoPiece;
  options: readonly Orientation[];
  rank: number;
}

/** Floor pieces alike for a run: same length along the floor, width across it and weight. */
export interface Group<T> {
  l: number;
  w: number;
  kg: number;
  members: T[];
}

/**
 * Puts a floor piece, standing as its first option, with the pieces alike; false when it is of a
 * new kind and `maxGroups` kinds are there already (the sets tried grow with the kinds).
 */
export function addToGroup<T extends RunCandidate>(groups: Group<T>[], c: T, maxGroups: number): boolean {
  const { l, w } = c.options[0];
  let g = groups.find((x) => Math.abs(x.l - l) <= EPS && Math.abs(x.w - w) <= EPS && x.kg === c.piece.weightKg);
  if (!g) {
    if (groups.length === maxGroups) return false;
    groups.push((g = { l, w, kg: c.piece.weightKg, members: [] }));
  }
  g.members.push(c);
  return true;
}

/**
 * Sorts the pallets heaviest first (the earlier at a tie) and returns what the k heaviest weigh,
 * for each k: with the stations free, a bound on what a set can take.
 */
export function heaviestFirst<T extends { rank: number }>(pallets: { c: T; kg: number }[]): number[] {
  pallets.sort((a, b) => b.kg - a.kg || a.c.rank - b.c.rank);
  const heavy = [0];
  for (const p of pallets) heavy.push(heavy[heavy.length - 1] + p.kg);
  return heavy;
}

/**
 * Up to `count` sets of the candidates (best first), each a front run, an aft run and pallets on
 * the stations left; none when the floor is not single-file (a piece or a station narrower than
 * half the floor leaves room beside it, which the greedy layouts use).
 */
export function runProposals<T extends RunCandidate>(candidates: readonly T[], capKg: number, aircraft: FleetLine, count: number, beat: number): T[][] {
  const stations = aircraft.palletStations ?? [];
  const L = aircraft.floorLengthM;
  const half = aircraft.floorWidthM / 2;
  if (stations.length === 0 || stations.some((st) => st.w <= half + EPS)) return [];
  const groups: Group<T>[] = [];
  const pallets: { c: T; kg: number; a: number }[] = [];
  for (const c of candidates) {
    if (c.piece.kind === 'pallet') {
      const o = c.options.find((x) => stations.some((st) => takesPallet(st, x, c.piece.weightKg)));
      if (o) pallets.push({ c, kg: c.piece.weightKg, a: o.l * o.w });
      continue;
    }
    // a piece with room beside it: the floor is not single-file, the greedy fills use the room
    if (c.options.some((o) => o.w <= half + EPS)) return [];
    // too many kinds to try every set of three within a sortie's time: the greedy fills alone
    if (!addToGroup(groups, c, RUN_GROUPS)) return [];
  }
  if (groups.length === 0) return [];
  const heavy = heaviestFirst(pallets);
  const stationL = Math.max(...stations.map((st) => st.l));
  const stationA = Math.max(...stations.map((st) => st.l * st.w));
  const A = L * aircraft.floorWidthM;
  // One row of stations (each wider than half the floor): a front run covers the first ones, an
  // aft run the last ones.
  const row = stations.slice().sort((a, b) => a.x - b.x);
  const n = row.length;
  /** stations a front run this long covers; then those an aft run covers of the rest */
  const coveredFront = (tf: number) => {
    let f = 0;
    while (f < n && row[f].x < tf - EPS) f++;
    return f;
  };
  const coveredAft = (ta: number, f: number) => {
    let a = 0;
    while (a < n - f && row[n - 1 - a].x + row[n - 1 - a].l > L - ta + EPS) a++;
    return a;
  };
  /** Weight limits of the stations between, strongest first, by the counts covered at each end. */
  const freeCache = new Map<number, number[]>();
  const freeKg = (f: number, a: number): number[] => {
    const key = f * (n + 1) + a;
    let out = freeCache.get(key);
    if (!out) freeCache.set(key, (out = row.slice(f, n - a).map((st) => st.maxKg).sort((x, y) => y - x)));
    return out;
  };

  const best: { value: number; set: T[] }[] = [];
  const pick: number[] = [];
  const used = new Int32Array(groups.length);
  /** the pallets a set takes, by index */
  const chosen = new Int32Array(n);
  // sets in order of their groups, each extended only while it fits the weight and the floor
  const visit = (from: number, kg: number, len: number, area: number) => {
    if (pick.length > 0) consider(kg, len, area);
    if (pick.length === RUN_PIECES) return;
    for (let g = from; g < groups.length; g++) {
      if (used[g] >= groups[g].members.length) continue;
      if (kg + groups[g].kg > capKg + 1e-6 || len + groups[g].l > L + EPS) continue;
      pick.push(g);
      used[g]++;
      visit(g, kg + groups[g].kg, len + groups[g].l, area + groups[g].l * groups[g].w);
      used[g]--;
      pick.pop();
    }
  };
  /** the value a set must pass: the greedy loads' best, then the count-th best set so far */
  const bar = () => (best.length === count ? Math.max(beat, best[count - 1].value) : beat);
  const consider = (kg: number, len: number, area: number) => {
    // at most as many pallets as the floor left has stations' length for
    const most = Math.min(n, pallets.length, Math.floor((L - len) / stationL + 1e-9));
    if (Math.min(capKg, kg + heavy[most]) / capKg + (area + most * stationA) / A <= bar() + 1e-9) return;
    // The split between the ends that leaves the most stations free (the first at a tie). A
    // lane is as wide as the piece that opened it, so a widest piece goes first, to the front.
    let wide = 0;
    for (const g of pick) wide = Math.max(wide, groups[g].w);
    let widest = -1;
    let free: number[] | null = null;
    let front = 0;
    for (let mask = 0; mask < 1 << pick.length; mask++) {
      let first = -1;
      for (let k = 0; k < pick.length && first < 0; k++) if (mask & (1 << k) && groups[pick[k]].w >= wide - EPS) first = k;
      if (first < 0) continue;
      let tf = 0;
      for (let k = 0; k < pick.length; k++) if (mask & (1 << k)) tf += groups[pick[k]].l;
      const cf = coveredFront(tf);
      const f = freeKg(cf, coveredAft(len - tf, cf));
      if (!free || f.length > free.length) {
        free = f;
        front = mask;
        widest = first;
      }
    }
    const fill = palletsOnFree(pallets, free!, heavy, chosen, { capKg, kg, area, stationA, A, bar: bar() });
    if (!fill) return;
    const { taken, value } = fill;
    const set: T[] = [];
    for (let t = 0; t < taken; t++) set.push(pallets[chosen[t]].c);
    // Placed in this order, pallets first, then the front run, then the aft run, the station
    // layout (fewest stations covered, the front at a tie, pallets kept a station each) lays the
    // pieces as split here.
    const seen = new Map<number, number>();
    const order = pick.map((_, k) => k).sort((a, b) => Number(b === widest) - Number(a === widest) || Number(Boolean(front & (1 << b))) - Number(Boolean(front & (1 << a))) || a - b);
    for (const k of order) {
      const g = pick[k];
      const m = seen.get(g) ?? 0;
      set.push(groups[g].members[m]);
      seen.set(g, m + 1);
    }
    keepBest(best, count, value, set);
  };
  visit(0, 0, 0, 0);
  return best.map((b) => b.set);
}

/**
 * The heaviest waiting pallets (`pallets` heaviest first, `heavy` their prefix weights) that fit,
 * the i-th heaviest on the i-th strongest free station (`free`: their limits, strongest first),
 * beside floor pieces of `kg` and `area`: how many (their indices put in `chosen`) and the load's
 * value. Null when the load cannot pass `bar`; skipped at once when even the heaviest pallets on
 * every free station would not.
 */
export function palletsOnFree(
  pallets: readonly { kg: number; a: number }[],
  free: readonly number[],
  heavy: readonly number[],
  chosen: Int32Array,
  at: { capKg: number; kg: number; area: number; stationA: number; A: number; bar: number },
): { taken: number; value: number } | null {
  const { capKg, stationA, A, bar } = at;
  let { kg } = at;
  const k = Math.min(free.length, pallets.length);
  if (Math.min(capKg, kg + heavy[k]) / capKg + (at.area + k * stationA) / A <= bar + 1e-9) return null;
  let taken = 0;
  let palletArea = 0;
  const lightest = pallets.length > 0 ? pallets[pallets.length - 1].kg : 0;
  for (let j = 0; j < pallets.length; j++) {
    const p = pallets[j];
    if (taken === free.length || capKg - kg < lightest - 1e-6) break;
    if (kg + p.kg > capKg + 1e-6 || p.kg > free[taken] + 1e-6) continue;
    chosen[taken++] = j;
    kg += p.kg;
    palletArea += p.a;
  }
  const value = kg / capKg + (at.area + palletArea) / A;
  return value <= bar + 1e-9 ? null : { taken, value };
}

/** Keeps the `count` highest-valued proposals, highest first; the earlier one at a tie. */
export function keepBest<S>(best: { value: number; set: S }[], count: number, value: number, set: S): void {
  let at = best.length;
  while (at > 0 && best[at - 1].value < value - 1e-9) at--;
  if (at < count) {
    best.splice(at, 0, { value, set });
    if (best.length > count) best.pop();
  }
}
