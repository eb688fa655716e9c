// Runs on a floor with two columns of stations (docs/loads.md, "Runs in two columns"): the
// two-column version of runs.ts. On the C-17A's floor (two columns of 9 stations, 2.86 m of floor
// ahead of the first row and 3.78 m behind the last that carry no pallet) a floor piece no wider
// than a column covers the stations of its column that its length reaches, so what a sortie can
// carry depends on which pieces stand together at the front and at the aft end of each column.
// Two searches over the four runs (each column's front and aft run), each proposing loads that
// compete with the greedy fills on the stations (index.ts):
// - resplit: a load's own floor pieces split between the runs so they cover the fewest
//   stations, the stations this frees taking the heaviest waiting pallets that fit (on by default);
// - columnProposals: every set of up to COLUMN_PIECES floor pieces so split, the heaviest pallets
//   on the stations left, as runs.ts does on one column (off by default: it flies more sorties).
// Pieces wider than a column are left to the greedy fills.

import type { FleetLine } from '../../model/index.ts';
import { GEOMETRY_EPS_M } from '../../model/index.ts';
import { takesPallet } from '../shared/stations.ts';
import { addToGroup, heaviestFirst, keepBest, palletsOnFree, type Group, type RunCandidate } from './runs.ts';

const EPS = GEOMETRY_EPS_M;

/** A piece offered to a load, as runs.ts reads it. */
export type ColumnCandidate = RunCandidate;

/** One column of stations, front to back. */
interface StationColumn {
  x: number[];
  end: number[];
  maxKg: number[];
}

/**
 * A floor's two columns of stations: which of each column a front and an aft run of given
 * lengths cover, and the widest piece that stands in a column's band without reaching the other.
 */
interface TwoColumns {
  cols: [StationColumn, StationColumn];
  band: number;
  /** stations of column c a front run this long covers */
  front(c: number, tf: number): number;
  /** stations of column c an aft run this long covers of those the front run (`f` of them) leaves */
  aft(c: number, ta: number, f: number): number;
  /** the weight limits of the stations both columns leave free (f0, a0, f1, a1 covered at the ends), strongest first */
  freeKg(f0: number, a0: number, f1: number, a1: number): number[];
}

const byType = new WeakMap<FleetLine, TwoColumns | null>();

/** The floor's two columns of stations, or null when it has not exactly two side by side. */
function twoColumns(aircraft: FleetLine): TwoColumns | null {
  if (byType.has(aircraft)) return byType.get(aircraft)!;
  const stations = aircraft.palletStations ?? [];
  const ys: { y: number; w: number; idx: number[] }[] = [];
  stations.forEach((st, i) => {
    let c = ys.find((k) => Math.abs(k.y - st.y) <= EPS && Math.abs(k.w - st.w) <= EPS);
    if (!c) ys.push((c = { y: st.y, w: st.w, idx: [] }));
    c.idx.push(i);
  });
  let out: TwoColumns | null = null;
  ys.sort((a, b) => a.y - b.y);
  if (ys.length === 2 && ys[0].y + ys[0].w <= ys[1].y + EPS) {
    const L = aircraft.floorLengthM;
    const band = Math.min(ys[1].y, aircraft.floorWidthM - (ys[0].y + ys[0].w));
    const cols = ys.map((c) => {
      const row = c.idx.map((i) => stations[i]).sort((a, b) => a.x - b.x);
      return { x: row.map((s) => s.x), end: row.map((s) => s.x + s.l), maxKg: row.map((s) => s.maxKg) };
    }) as [StationColumn, StationColumn];
    const [m0, m1] = [cols[0].x.length, cols[1].x.length];
    const cache = new Map<number, number[]>();
    out = {
      cols,
      band,
      front: (c, tf) => {
        const xs = cols[c].x;
        let f = 0;
        while (f < xs.length && xs[f] < tf - EPS) f++;
        return f;
      },
      aft: (c, ta, f) => {
        const ends = cols[c].end;
        const m = ends.length;
        let a = 0;
        while (a < m - f && ends[m - 1 - a] > L - ta + EPS) a++;
        return a;
      },
      freeKg: (f0, a0, f1, a1) => {
        const key = ((f0 * (m0 + 1) + a0) * (m1 + 1) + f1) * (m1 + 1) + a1;
        let kg = cache.get(key);
        if (!kg) cache.set(key, (kg = [...cols[0].maxKg.slice(f0, m0 - a0), ...cols[1].maxKg.slice(f1, m1 - a1)].sort((x, y) => y - x)));
        return kg;
      },
    };
  }
  byType.set(aircraft, out);
  return out;
}

/** A pallet's weight and footprint when some station of the floor takes it. */
function palletFit(c: ColumnCandidate, aircraft: FleetLine): { kg: number; a: number } | null {
  const o = c.options.find((x) => (aircraft.palletStations ?? []).some((st) => takesPallet(st, x, c.piece.weightKg)));
  return o ? { kg: c.piece.weightKg, a: o.l * o.w } : null;
}

/** Floor pieces a load may hold for its split to be searched (3^8 = 6,561 steps a column). */
const RESPLIT_PIECES = 8;

/**
 * A load's own floor pieces (each no wider than a column, its first standing) split between the
 * four runs so they cover the fewest stations, with the heaviest waiting pallets that fit on the
 * stations this frees: the runs and the load's pallets with those added, or null when no split covers fewer than `covered` (the stations the load's floor
 * pieces cover as placed) or no waiting pallet fits.
 */
export function resplit<T extends ColumnCandidate>(
  floor: readonly T[],
  pallets: readonly T[],
  waiting: readonly T[],
  covered: number,
  capKg: number,
  aircraft: FleetLine,
): ColumnSet<T> | null {
  const two = twoColumns(aircraft);
  const k = floor.length;
  if (!two || k === 0 || k > RESPLIT_PIECES || floor.some((c) => c.options[0].w > two.band + EPS)) return null;
  let kg = 0;
  for (const c of [...floor, ...pallets]) kg += c.piece.weightKg;
  const extra = waiting.filter((c) => c.piece.kind === 'pallet' && kg + c.piece.weightKg <= capKg + 1e-6 && palletFit(c, aircraft));
  if (extra.length === 0) return null;
  extra.sort((a, b) => b.piece.weightKg - a.piece.weightKg || a.rank - b.rank);
  const L = aircraft.floorLengthM;
  const full = 1 << k;
  const sum = new Float64Array(full);
  for (let s = 1; s < full; s++) {
    const low = s & -s;
    sum[s] = sum[s ^ low] + floor[31 - Math.clz32(low)].options[0].l;
  }
  // for each column and each subset S of the pieces in it: the fewest stations S covers, and its front part
  const column = (c: number) => {
    const cover = new Int32Array(full).fill(1 << 20);
    const front = new Int32Array(full);
    for (let s = 0; s < full; s++) {
      if (sum[s] > L + EPS) continue;
      for (let f = s; ; f = (f - 1) & s) {
        const n = two.front(c, sum[f]);
        const v = n + two.aft(c, sum[s] - sum[f], n);
        if (v < cover[s]) {
          cover[s] = v;
          front[s] = f;
        }
        if (f === 0) break;
      }
    }
    return { cover, front };
  };
  const c0 = column(0);
  const c1 = column(1);
  let least = covered;
  let at = -1;
  for (let s = 0; s < full; s++) {
    const v = c0.cover[s] + c1.cover[(full - 1) ^ s];
    if (v < least) {
      least = v;
      at = s;
    }
  }
  if (at < 0) return null;
  const s1 = (full - 1) ^ at;
  const masks = [c0.front[at], at ^ c0.front[at], c1.front[s1], s1 ^ c1.front[s1]];
  const f0 = two.front(0, sum[masks[0]]);
  const f1 = two.front(1, sum[masks[2]]);
  const free = two.freeKg(f0, two.aft(0, sum[masks[1]], f0), f1, two.aft(1, sum[masks[3]], f1));
  // the heaviest waiting pallets that fit, each checked with those aboard: heaviest pallet on the strongest station
  const aboard = pallets.map((c) => c.piece.weightKg);
  const added: T[] = [];
  for (const p of extra) {
    if (aboard.length >= free.length) break;
    if (kg + p.piece.weightKg > capKg + 1e-6) continue;
    const kgs = [...aboard, p.piece.weightKg].sort((x, y) => y - x);
    if (kgs.some((w, i) => w > free[i] + 1e-6)) continue;
    aboard.push(p.piece.weightKg);
    added.push(p);
    kg += p.piece.weightKg;
  }
  if (added.length === 0) return null;
  return { runs: masks.map((m) => floor.filter((_, j) => m & (1 << j))), pallets: [...pallets, ...added] };
}

/** Floor pieces one set of columnProposals may hold (4 took 3 times as long for as many sorties). */
const COLUMN_PIECES = 3;

/** Kinds of floor piece (length, width, weight) its sets are made of: the first this many in priority order. */
const COLUMN_GROUPS = 12;

/** Pallets and the four runs (the first column's front and aft, then the second's) of one load. */
export interface ColumnSet<T> {
  runs: T[][];
  pallets: T[];
}

/**
 * Up to `count` sets of the candidates (best first), each of up to COLUMN_PIECES floor pieces
 * split between the four runs so they cover the fewest stations, with the heaviest pallets that
 * fit on the stations left; only sets valued
 * above `beat` (share of the weight limit plus share of the floor) are kept. None when the floor
 * has not two columns of stations.
 */
export function columnProposals<T extends ColumnCandidate>(candidates: readonly T[], capKg: number, aircraft: FleetLine, count: number, beat: number): ColumnSet<T>[] {
  const two = twoColumns(aircraft);
  if (!two) return [];
  const stations = aircraft.palletStations ?? [];
  const L = aircraft.floorLengthM;
  const groups: Group<T>[] = [];
  const pallets: { c: T; kg: number; a: number }[] = [];
  for (const c of candidates) {
    if (c.piece.kind === 'pallet') {
      const fit = palletFit(c, aircraft);
      if (fit) pallets.push({ c, ...fit });
      continue;
    }
    if (c.options[0].w > two.band + EPS) continue;
    addToGroup(groups, c, COLUMN_GROUPS); // past the first kinds (priority order), a piece is left out
  }
  if (groups.length === 0) return [];
  const heavy = heaviestFirst(pallets);
  const n = stations.length;
  const stationL = Math.max(...stations.map((st) => st.l));
  const stationA = Math.max(...stations.map((st) => st.l * st.w));
  const A = L * aircraft.floorWidthM;
  const [col0, col1] = two.cols;
  // identical columns: a split and its mirror cover alike
  const mirror = col0.x.length === col1.x.length && col0.x.every((x, i) => Math.abs(x - col1.x[i]) <= EPS && col0.maxKg[i] === col1.maxKg[i]);

  const best: { value: number; set: ColumnSet<T> }[] = [];
  const pick: number[] = [];
  const used = new Int32Array(groups.length);
  const chosen = new Int32Array(n);
  const bar = () => (best.length === count ? Math.max(beat, best[count - 1].value) : beat);
  const visit = (from: number, kg: number, len: number, area: number) => {
    if (pick.length > 0) consider(kg, len, area);
    if (pick.length === COLUMN_PIECES) return;
    for (let g = from; g < groups.length; g++) {
      if (used[g] >= groups[g].members.length) continue;
      if (kg + groups[g].kg > capKg + 1e-6 || len + groups[g].l > 2 * L + EPS) continue;
      pick.push(g);
      used[g]++;
      visit(g, kg + groups[g].kg, len + groups[g].l, area + groups[g].l * groups[g].w);
      used[g]--;
      pick.pop();
    }
  };
  const consider = (kg: number, len: number, area: number) => {
    const most = Math.min(n, pallets.length, Math.floor((2 * L - len) / stationL + 1e-9));
    if (Math.min(capKg, kg + heavy[most]) / capKg + (area + most * stationA) / A <= bar() + 1e-9) return;
    // each piece to one of the four runs (bin b: column b >> 1, the aft run when b & 1)
    const k = pick.length;
    let free: number[] | null = null;
    let split = 0;
    for (let s = 0; s < 1 << (2 * k); s++) {
      if (mirror && (s & 2) !== 0) continue; // the first piece in the first column
      const t = [0, 0, 0, 0];
      for (let j = 0; j < k; j++) t[(s >> (2 * j)) & 3] += groups[pick[j]].l;
      if (t[0] + t[1] > L + EPS || t[2] + t[3] > L + EPS) continue;
      const cf0 = two.front(0, t[0]);
      const cf1 = two.front(1, t[2]);
      const fr = two.freeKg(cf0, two.aft(0, t[1], cf0), cf1, two.aft(1, t[3], cf1));
      if (!free || fr.length > free.length) {
        free = fr;
        split = s;
      }
    }
    if (!free) return;
    const fill = palletsOnFree(pallets, free, heavy, chosen, { capKg, kg, area, stationA, A, bar: bar() });
    if (!fill) return;
    const { taken, value } = fill;
    const set: ColumnSet<T> = { runs: [[], [], [], []], pallets: [] };
    for (let t = 0; t < taken; t++) set.pallets.push(pallets[chosen[t]].c);
    const seen = new Map<number, number>();
    for (let j = 0; j < k; j++) {
      const g = pick[j];
      const m = seen.get(g) ?? 0;
      set.runs[(split >> (2 * j)) & 3].push(groups[g].members[m]);
      seen.set(g, m + 1);
    }
    keepBest(best, count, value, set);
  };
  visit(0, 0, 0, 0);
  return best.map((b) => b.set);
}
