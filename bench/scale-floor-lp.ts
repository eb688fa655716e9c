// Evidence for the scale section (issue 13, gap 2): is the sortie gap at a site only one class
// can use the bound's or the plan's? A stronger bound for it, the configuration LP (Gilmore and
// Gomory) over what one sortie can carry at once: floor units, a number of pallets with some
// pallet weight, and passengers, within the payload, the pallet positions, the seats and the
// single-file floor length (loads wider than half the floor cannot stand side by side, so their
// lengths along it add up to at most the floor's length: the weight x floor-length packing the
// plan's payload and floor-area rows cannot see). Every sortie of a plan is one such load, so the
// LP's optimum is a lower bound; column generation prices loads by dynamic programming over
// weights and lengths rounded down to a grid (every real load is still priced: a relaxation),
// and the figure is Farley's bound, ceil((pi . demand) / max over loads (pi . load)) for the
// duals pi of the last master LP, valid at every iteration. If it is not above the plan's own
// bound, weight x length packing does not explain the gap: the loads do.
// The floor length can also count each piece by a share of its width (WidthShare, dual feasible
// functions): pieces two abreast on a two-column floor, or the floor's area.
//
// Bench only: it costs seconds a site, and on the generated scales it did not raise the bound.

import type { FleetLine, Scenario } from '../src/model/index.ts';
import { solveWithDuals } from '../src/solve/bounds/highs.ts';
import { minPallets, type PalletUnit } from '../src/solve/bounds/pallet-count.ts';
import { fitsSomePallet } from '../src/solve/shared/floor.ts';
import { itemOrientations } from '../src/solve/shared/orientations.ts';

/**
 * How much of the floor's width a piece of this width (as a share x of it) counts for, a dual
 * feasible function: for any pieces side by side across the floor (their shares adding up to at
 * most 1) the counts add up to at most 1 too. So at every cross-section of the floor the pieces
 * there count at most 1, and along the floor each load's sum of count x length is at most the
 * floor's length: a relaxation every verified load satisfies.
 */
export type WidthShare = (x: number) => number;

/** Single file: only pieces wider than half the floor count, and those count whole. */
export const SINGLE_FILE: WidthShare = (x) => (x > 0.5 ? 1 : 0);

/** The floor's area: each piece counts its share of the width (sum of length x width at most the area). */
export const FLOOR_AREA: WidthShare = (x) => x;

/**
 * Fekete and Schepers' u_k (2001): floor((k + 1) x) / k, or x where (k + 1) x is whole. k = 1 is
 * single file (with exactly half the floor counting a half); k = 2 counts pieces over a third of
 * the floor a half, so two abreast fill it, as pickups 1.86 m wide on a 5.49 m C-17 floor do.
 */
export function laneShare(k: number): WidthShare {
  return (x) => {
    const y = (k + 1) * x;
    return Math.abs(y - Math.round(y)) < 1e-9 ? x : Math.floor(y) / k;
  };
}

/** One kind of floor unit: weight, length it takes along the floor as its width counts (0 when it does not), count. */
export interface FloorKind {
  kg: number;
  alongM: number;
  count: number;
}

export interface SingleClassNeed {
  aclKg: number;
  palletPositions: number;
  seats: number;
  floorLengthM: number;
  floor: FloorKind[];
  pallets: number;
  /** gross weight of all the pallets (units plus tare) */
  palletKg: number;
  palletMaxKg: number;
  /** length a pallet takes along the floor as its width counts (WidthShare; single file: 0 when pallets may stand side by side) */
  palletAlongM: number;
  people: number;
  passengerKg: number;
}

const KG_STEP = 100;
const M_STEP = 0.1;
const MAX_ITERATIONS = 200;
/** a time box: Farley's bound holds at any iteration, so stopping early only weakens it */
const MAX_MS = 15_000;
const MAX_KINDS = 400;

interface Load {
  a: Int32Array;
  p: number;
  wp: number;
  s: number;
}

/**
 * What one class must carry from one site, as the configuration LP reads it: the retrograde units
 * of the site, pallets counted as the plan's bound counts them (L2 on weight and volume).
 */
export function singleClassNeed(scenario: Scenario, site: string, line: FleetLine, retrograde: ReadonlyMap<string, number>, share: WidthShare = SINGLE_FILE): SingleClassNeed {
  const pts = scenario.palletTypes;
  const W = line.floorWidthM;
  const floor: FloorKind[] = [];
  const sensitive: PalletUnit[] = [];
  const plain: PalletUnit[] = [];
  let palletCargo = 0;
  for (const it of scenario.items) {
    const q = retrograde.get(it.id) ?? 0;
    if (it.site !== site || q <= 0) continue;
    if (it.kind === 'cargo' && fitsSomePallet(it, pts)) {
      (it.sensitive.length ? sensitive : plain).push({ kg: it.unitWeightKg, m3: it.lengthM * it.widthM * it.heightM, count: q });
      palletCargo += q * it.unitWeightKg;
      continue;
    }
    // a vehicle drives on, its length along the floor (load.vehicle); other floor units may turn
    const standings: readonly (readonly [number, number, number])[] = it.kind === 'vehicle' ? [[it.lengthM, it.widthM, it.heightM]] : itemOrientations(it);
    const fits = standings.filter(([l, w, h]) => w <= W + 1e-6 && l <= line.floorLengthM + 1e-6 && h <= line.doorHeightM + 1e-6);
    if (fits.length === 0) continue;
    floor.push({ kg: it.unitWeightKg, alongM: Math.min(...fits.map(([l, w]) => share(w / W) * l)), count: q });
  }
  const pallets = minPallets(sensitive, pts) + minPallets(plain, pts);
  const tare = Math.min(...pts.map((p) => p.tareKg));
  const along = (p: (typeof pts)[number]) =>
    Math.min(...[[p.footprintLengthM, p.footprintWidthM], [p.footprintWidthM, p.footprintLengthM]].filter(([, w]) => w <= W + 1e-6).map(([l, w]) => share(w / W) * l));
  return {
    aclKg: line.aclKg, palletPositions: line.palletPositions, seats: line.seats, floorLengthM: line.floorLengthM, floor,
    pallets, palletKg: palletCargo + pallets * tare, palletMaxKg: Math.max(...pts.map((p) => p.maxGrossKg)),
    palletAlongM: Math.min(...pts.map(along)),
    people: scenario.personnel.filter((p) => p.site === site).reduce((a, p) => a + p.count, 0),
    passengerKg: scenario.policy.passengerKg,
  };
}

/** The configuration-LP bound on the sorties of one single-class site; 0 when it cannot say. */
export function floorLengthBound(n: SingleClassNeed): number {
  const kinds = merge(n.floor);
  if (kinds.length === 0 || kinds.length > MAX_KINDS) return 0;
  const rows = kinds.length + 3;
  const demand = [...kinds.map((k) => k.count), n.pallets, n.palletKg, n.people];
  // Loads to start from: each kind alone (as many as fit), pallets alone, passengers alone.
  const loads: Load[] = [];
  kinds.forEach((k, t) => {
    const a = new Int32Array(kinds.length);
    a[t] = Math.max(1, Math.min(k.count, Math.floor(n.aclKg / Math.max(1, k.kg)), k.alongM > 0 ? Math.floor(n.floorLengthM / k.alongM) : k.count));
    loads.push({ a, p: 0, wp: 0, s: 0 });
  });
  if (n.pallets > 0) {
    const p = n.palletAlongM > 0 ? Math.min(n.palletPositions, Math.floor(n.floorLengthM / n.palletAlongM + 1e-9)) : n.palletPositions;
    loads.push({ a: new Int32Array(kinds.length), p, wp: Math.min(n.aclKg, p * n.palletMaxKg), s: 0 });
  }
  if (n.people > 0 && n.seats > 0) loads.push({ a: new Int32Array(kinds.length), p: 0, wp: 0, s: Math.min(n.seats, Math.floor(n.aclKg / n.passengerKg)) });
  const grid = new Pricing(n, kinds);
  let best = 0;
  const t0 = performance.now();
  for (let it = 0; it < MAX_ITERATIONS && performance.now() - t0 < MAX_MS; it++) {
    const duals = master(loads, demand, rows);
    if (!duals) break;
    const { value, load } = grid.best(duals);
    if (!(value > 0)) break;
    best = Math.max(best, duals.reduce((a, y, r) => a + y * demand[r], 0) / value);
    if (value <= 1 + 1e-9 || !load) break; // the LP is optimal over every load
    loads.push(load);
  }
  return Math.ceil(best - 1e-6);
}

/** Floor units of equal rounded-down weight and length are one kind (a relaxation). */
function merge(floor: readonly FloorKind[]): FloorKind[] {
  const byKey = new Map<string, FloorKind>();
  for (const f of floor) {
    if (f.count <= 0) continue;
    const kg = Math.floor(f.kg / KG_STEP) * KG_STEP;
    const alongM = Math.floor(f.alongM / M_STEP + 1e-9) * M_STEP;
    const key = `${kg}|${alongM}`;
    const k = byKey.get(key);
    if (k) k.count += f.count;
    else byKey.set(key, { kg, alongM, count: f.count });
  }
  return [...byKey.values()].sort((x, y) => y.kg - x.kg || y.alongM - x.alongM);
}

/** The restricted master LP's duals, unscaled and clipped at 0; null when HiGHS fails. */
function master(loads: readonly Load[], demand: readonly number[], rows: number): number[] | null {
  const coef = (l: Load, r: number) => (r < rows - 3 ? l.a[r] : r === rows - 3 ? l.p : r === rows - 2 ? l.wp : l.s);
  const lines = ['Minimize', ` obj: ${loads.map((_, j) => `x${j}`).join(' + ')}`, 'Subject To'];
  const used: number[] = [];
  for (let r = 0; r < rows; r++) {
    if (!(demand[r] > 0)) continue;
    const terms = loads.map((l, j) => [j, coef(l, r) / demand[r]] as const).filter(([, a]) => a > 0);
    if (terms.length === 0) return null;
    lines.push(` r${r}: ${terms.map(([j, a]) => `${a.toPrecision(12)} x${j}`).join(' + ')} >= 1`);
    used.push(r);
  }
  lines.push('End');
  const duals = solveWithDuals(lines.join('\n'));
  if (!duals) return null;
  const out = new Array<number>(rows).fill(0);
  used.forEach((r, i) => (out[r] = Math.abs(duals[i]) / demand[r]));
  return out;
}

/** Prices loads: the most valuable load under the duals, over the rounded-down grid. */
class Pricing {
  private wCells: number;
  private lCells: number;
  private kindW: Int32Array;
  private kindL: Int32Array;

  constructor(private n: SingleClassNeed, private kinds: readonly FloorKind[]) {
    this.wCells = Math.floor(n.aclKg / KG_STEP + 1e-9);
    this.lCells = Math.floor(n.floorLengthM / M_STEP + 1e-9);
    this.kindW = Int32Array.from(kinds, (k) => Math.round(k.kg / KG_STEP));
    this.kindL = Int32Array.from(kinds, (k) => Math.round(k.alongM / M_STEP));
  }

  best(pi: readonly number[]): { value: number; load: Load | null } {
    const { n, kinds, wCells, lCells, kindW, kindL } = this;
    const K = kinds.length;
    const L1 = lCells + 1;
    const cells = (wCells + 1) * L1;
    // dp[w * L1 + l]: the most dual value of floor units weighing at most w cells and taking at
    // most l cells of single-file length; each kind as binary-split copies (0/1 knapsack).
    let dp = new Float64Array(cells);
    const steps: { t: number; m: number; take: Uint32Array }[] = [];
    for (let t = 0; t < K; t++) {
      if (!(pi[t] > 0)) continue;
      const cap = Math.min(kinds[t].count, kindW[t] > 0 ? Math.floor(wCells / kindW[t]) : kinds[t].count, kindL[t] > 0 ? Math.floor(lCells / kindL[t]) : kinds[t].count);
      for (let m = 1, left = cap; left > 0; m *= 2) {
        const take = Math.min(m, left);
        left -= take;
        const shift = kindW[t] * take * L1 + kindL[t] * take;
        const dl = kindL[t] * take;
        const v = pi[t] * take;
        const next = dp.slice();
        const chose = new Uint32Array((cells >> 5) + 1);
        for (let w = kindW[t] * take; w <= wCells; w++) {
          for (let l = dl; l < L1; l++) {
            const i = w * L1 + l;
            const c = dp[i - shift] + v;
            if (c > next[i]) {
              next[i] = c;
              chose[i >> 5] |= 1 << (i & 31);
            }
          }
        }
        steps.push({ t, m: take, take: chose });
        dp = next;
      }
    }
    // Pallets (each taking its length, and in weight what the payload leaves) and passengers.
    const palletL = Math.floor(n.palletAlongM / M_STEP + 1e-9); // rounded down, as the kinds are: a relaxation
    let value = 0;
    let arg: { w: number; l: number; p: number; s: number; wp: number } | null = null;
    for (let p = 0; p <= (n.pallets > 0 ? n.palletPositions : 0); p++) {
      const lMax = lCells - p * palletL;
      if (lMax < 0) break;
      for (let s = 0; s <= (n.people > 0 ? n.seats : 0); s++) {
        const room = n.aclKg - s * n.passengerKg;
        if (room < 0) break;
        for (let w = 0; w <= Math.min(wCells, Math.floor(room / KG_STEP + 1e-9)); w++) {
          const wp = Math.max(0, Math.min(p * n.palletMaxKg, room - w * KG_STEP));
          const v = dp[w * L1 + lMax] + pi[K] * p + pi[K + 1] * wp + pi[K + 2] * s;
          if (v > value + 1e-12) {
            value = v;
            arg = { w, l: lMax, p, s, wp };
          }
        }
      }
    }
    if (!arg) return { value, load: null };
    // Walk the choices back to the floor units of the best load.
    const a = new Int32Array(K);
    let w = arg.w;
    let l = arg.l;
    for (let k = steps.length - 1; k >= 0; k--) {
      const st = steps[k];
      const i = w * L1 + l;
      if (st.take[i >> 5] & (1 << (i & 31))) {
        a[st.t] += st.m;
        w -= kindW[st.t] * st.m;
        l -= kindL[st.t] * st.m;
      }
    }
    return { value, load: { a, p: arg.p, wp: arg.wp, s: arg.s } };
  }
}
