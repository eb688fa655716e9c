// Floor layout on a type with pallet stations (docs/loads.md, "Stations"): pallets sit on the rail
// stations, one a station, within each station's weight; vehicles and floor cargo stand in lanes
// along the floor, one behind another from the front, their length along the floor, side by side
// where the width allows (else in one lane), and block the stations under them. Lanes are laid
// where they cover the fewest columns of stations (a narrow lane against a wall blocks one column).
// Balancing shifts the floor pieces aft together and chooses a station for each pallet; pieces
// whose hazards must be segregated never come within SEGREGATION_GAP_M of each other.

import type { FleetLine, PalletStation } from '../../model/index.ts';
import { GEOMETRY_EPS_M, SEGREGATION_GAP_M } from '../../model/index.ts';
import type { Orientation } from '../shared/orientations.ts';
import { takesPallet } from '../shared/stations.ts';
import { arrange as balanceRows } from './balance.ts';
import type { Row } from './layout.ts';
import type { CargoPiece } from '../types.ts';

const EPS = GEOMETRY_EPS_M;
const GAP = SEGREGATION_GAP_M;

interface Rect {
  x: number;
  y: number;
  l: number;
  w: number;
}

/** A vehicle or floor unit in its lane, with the floor packed from the front. */
interface FloorItem extends Rect {
  piece: number;
  cargo: CargoPiece;
  /** index of its lane */
  lane: number;
}

/**
 * A strip along the floor that floor pieces stand in one behind another, from the front and from
 * the aft end: the floor ahead of the first station and behind the last carries no pallet, so a
 * piece at either end covers fewer stations than one in the middle.
 */
interface Lane {
  y: number;
  w: number;
  /** how far aft it is used from the front */
  used: number;
  /** how far forward it is used from the aft end */
  aft: number;
  /** against the right wall: pieces align to its right edge */
  right: boolean;
}

interface PalletItem {
  piece: number;
  cargo: CargoPiece;
  /** the ways it may stand on a station (the station's footprint) */
  options: readonly Orientation[];
}

/** A placed piece: x from the front of the floor, y from the left wall. */
export interface StationPlace extends Rect {
  piece: number;
}

/** Do two pieces have hazards that must be kept apart (pieces.ts gives each the labels it clashes with)? */
export function clash(a: CargoPiece, b: CargoPiece): boolean {
  if (!a.hazards || !b.hazards) return false;
  return a.hazards.some((h) => b.clashes?.includes(h)) || b.hazards.some((h) => a.clashes?.includes(h));
}

/** Less than GAP of floor between the two footprints on both axes. */
function near(a: Rect, b: Rect): boolean {
  return a.x < b.x + b.l + GAP - EPS && b.x < a.x + a.l + GAP - EPS && a.y < b.y + b.w + GAP - EPS && b.y < a.y + a.w + GAP - EPS;
}

function overlaps(a: Rect, b: Rect): boolean {
  return Math.min(a.x + a.l, b.x + b.l) - Math.max(a.x, b.x) > EPS && Math.min(a.y + a.w, b.y + b.w) - Math.max(a.y, b.y) > EPS;
}

/** The same for a rectangle given by its corners, without making one. */
export function overlapsAt(a: Rect, x: number, y: number, l: number, w: number): boolean {
  return Math.min(a.x + a.l, x + l) - Math.max(a.x, x) > EPS && Math.min(a.y + a.w, y + w) - Math.max(a.y, y) > EPS;
}

interface Column {
  y: number;
  w: number;
  stations: number[];
}

type Spot = { y: number; right: boolean };

/**
 * What every layout of one type shares: its columns of stations, and where a new lane of each
 * width may run on an empty floor (a layout is built for every load tried, and most of its new
 * lanes are asked for before it has any). Keyed by the fleet line, which is never changed.
 */
const byType = new WeakMap<FleetLine, TypeShape>();

interface TypeShape {
  columns: Column[];
  emptySpots: Map<number, Spot[]>;
  /** new-lane spots by the lanes there are (their y and width) and the width asked for */
  spotsByLanes: Map<string, Spot[]>;
}

/** Enough new-lane spot lists kept per type for the lane sets one site's loads go through. */
const MAX_SPOT_SETS = 4096;

function typeShape(aircraft: FleetLine): TypeShape {
  let shape = byType.get(aircraft);
  if (!shape) {
    const cols: Column[] = [];
    (aircraft.palletStations ?? []).forEach((st, i) => {
      let c = cols.find((k) => Math.abs(k.y - st.y) <= EPS && Math.abs(k.w - st.w) <= EPS);
      if (!c) cols.push((c = { y: st.y, w: st.w, stations: [] }));
      c.stations.push(i);
    });
    shape = { columns: cols.sort((a, b) => a.y - b.y), emptySpots: new Map(), spotsByLanes: new Map() };
    byType.set(aircraft, shape);
  }
  return shape;
}

export class StationLayout {
  private readonly stations: readonly PalletStation[];
  /** station indices by column (a band across the floor), left to right */
  private readonly columns: readonly Column[];
  private readonly shape: TypeShape;
  private readonly lanes: Lane[] = [];
  /** where a new lane of each width may run, until the lanes change (shared by the type's layouts while there are none) */
  private laneSpots: Map<number, Spot[]>;
  /** the lanes' places and widths as text, the key of the type's shared new-lane spots */
  private laneKey = '';
  readonly floor: FloorItem[] = [];
  readonly pallets: PalletItem[] = [];
  /** stations under the floor pieces as packed (kept as pieces are added, for the fills' speed) */
  private readonly under: Uint8Array;
  /** the pallets' weights, heaviest first */
  private readonly kgs: number[] = [];
  /** floor taken so far, m² */
  private area = 0;

  constructor(private readonly aircraft: FleetLine) {
    this.stations = aircraft.palletStations ?? [];
    this.under = new Uint8Array(this.stations.length);
    this.shape = typeShape(aircraft);
    this.columns = this.shape.columns;
    this.laneSpots = this.shape.emptySpots;
  }

  /** An independent copy of the layout so far (the swaps of a load start from a shared beginning). */
  clone(): StationLayout {
    const c = new StationLayout(this.aircraft);
    for (const l of this.lanes) c.lanes.push({ ...l });
    c.floor.push(...this.floor);
    c.pallets.push(...this.pallets);
    c.under.set(this.under);
    c.kgs.push(...this.kgs);
    c.area = this.area;
    c.laneSpots = this.laneSpots; // spots for these lanes: shared until either adds a lane
    c.laneKey = this.laneKey;
    return c;
  }

  /** Places a piece (its index in the caller's list); false when the floor or the stations cannot take it. */
  place(piece: number, _weightKg: number, options: readonly Orientation[], cargo?: CargoPiece): boolean {
    if (!cargo) throw new Error('loads: the station layout needs the piece itself');
    // a quick refusal when the floor has no room left for it at all
    let area = Infinity;
    for (const o of options) area = Math.min(area, o.l * o.w);
    if (this.area + area > this.aircraft.floorLengthM * this.aircraft.floorWidthM + EPS) return false;
    const ok = cargo.kind === 'pallet' ? this.addPallet({ piece, cargo, options }) : this.addFloor(piece, cargo, options);
    if (ok) this.area += area;
    return ok;
  }

  private addPallet(p: PalletItem): boolean {
    // Segregated hazards aboard: the stations must be chosen with them in mind.
    const hazardous = !!p.cargo.hazards && (this.pallets.some((q) => clash(p.cargo, q.cargo)) || this.floor.some((f) => clash(p.cargo, f.cargo)));
    if (!hazardous && !this.fitsWith(this.under, p.cargo.weightKg)) return false;
    this.pallets.push(p);
    if (hazardous && this.assign(undefined, this.blocked(), this.middle()) === null) {
      this.pallets.pop();
      return false;
    }
    insertDescending(this.kgs, p.cargo.weightKg);
    return true;
  }

  /** Can the pallets aboard, and one of `extraKg` more if given, each have a station not under a floor piece? */
  private fitsWith(blocked: ArrayLike<number | boolean>, extraKg?: number): boolean {
    const n = this.kgs.length + (extraKg === undefined ? 0 : 1);
    if (n === 0) return true;
    let free = 0;
    let weakest = Infinity;
    for (let i = 0; i < this.stations.length; i++) {
      if (blocked[i]) continue;
      free++;
      if (this.stations[i].maxKg < weakest) weakest = this.stations[i].maxKg;
    }
    if (n > free) return false;
    const heaviest = Math.max(this.kgs[0] ?? 0, extraKg ?? 0);
    if (heaviest <= weakest + 1e-6) return true;
    const kg = extraKg === undefined ? this.kgs : [...this.kgs, extraKg].sort((a, b) => b - a);
    const st: number[] = [];
    for (let i = 0; i < this.stations.length; i++) if (!blocked[i]) st.push(this.stations[i].maxKg);
    st.sort((a, b) => b - a);
    for (let i = 0; i < kg.length; i++) if (kg[i] > st[i] + 1e-6) return false;
    return true;
  }

  private addFloor(piece: number, cargo: CargoPiece, options: readonly Orientation[]): boolean {
    // Floor pieces whose hazards clash are never planned on one floor: they may end up end to end in a lane.
    if (cargo.hazards && this.floor.some((f) => clash(cargo, f.cargo))) return false;
    const L = this.aircraft.floorLengthM;
    const tries: { x: number; y: number; o: Orientation; lane: Lane | null; right: boolean; aft: boolean; blocks: number; left: number; rank: number }[] = [];
    for (let rank = 0; rank < options.length; rank++) {
      const o = options[rank];
      // in a lane that takes it without widening, behind its front pieces or ahead of its aft
      // ones, or in a new lane, at the front or the aft end
      for (const lane of this.lanes) {
        if (o.w > lane.w + EPS || lane.used + lane.aft + o.l > L + EPS) continue;
        const y = lane.right ? lane.y + lane.w - o.w : lane.y;
        const left = L - lane.used - lane.aft - o.l;
        tries.push({ x: lane.used, y, o, lane, right: lane.right, aft: false, blocks: this.blocking(lane.used, y, o), left, rank });
        const xa = L - lane.aft - o.l;
        tries.push({ x: xa, y, o, lane, right: lane.right, aft: true, blocks: this.blocking(xa, y, o), left, rank });
      }
      if (o.l > L + EPS) continue;
      for (const at of this.newLanes(o.w)) {
        tries.push({ x: 0, y: at.y, o, lane: null, right: at.right, aft: false, blocks: this.blocking(0, at.y, o), left: Infinity, rank });
        tries.push({ x: L - o.l, y: at.y, o, lane: null, right: at.right, aft: true, blocks: this.blocking(L - o.l, at.y, o), left: Infinity, rank });
      }
    }
    // fewest stations lost, then the lane it fills most closely, then its preferred standing,
    // then the front (as before there was an aft end)
    const clashing = !!cargo.hazards && this.pallets.some((p) => clash(p.cargo, cargo));
    const under = new Uint8Array(this.stations.length); // one scratch copy for all the tries
    for (const t of inTryOrder(tries)) {
      const item: FloorItem = { piece, cargo, lane: t.lane ? this.lanes.indexOf(t.lane) : this.lanes.length, x: t.x, y: t.y, l: t.o.l, w: t.o.w };
      under.set(this.under);
      for (let i = 0; i < this.stations.length; i++) if (overlapsAt(this.stations[i], item.x, item.y, item.l, item.w)) under[i] = 1;
      if (!this.fitsWith(under)) continue;
      this.floor.push(item);
      if (clashing && this.assign(undefined, under, this.middle()) === null) {
        this.floor.pop();
        continue;
      }
      this.under.set(under);
      const lane = t.lane ?? { y: t.y, w: t.o.w, used: 0, aft: 0, right: t.right };
      if (!t.lane) {
        this.lanes.push(lane);
        this.laneKey += `|${lane.y},${lane.w}`;
        this.laneSpots = new Map(); // the shared empty-floor spots stay as they are
      }
      if (t.aft) lane.aft = L - item.x;
      else lane.used = item.x + item.l;
      return true;
    }
    return false;
  }

  /** Stations not yet under a floor piece that one standing here would cover. */
  private blocking(x: number, y: number, o: Orientation): number {
    let n = 0;
    for (let i = 0; i < this.stations.length; i++) if (!this.under[i] && overlapsAt(this.stations[i], x, y, o.l, o.w)) n++;
    return n;
  }

  /**
   * Where a new lane this wide may run, clear of the lanes there are: against either wall, beside
   * another lane, or against either edge of a column of stations or of the band it owns (so it
   * covers that column only).
   */
  private newLanes(w: number): { y: number; right: boolean }[] {
    const known = this.laneSpots.get(w);
    if (known) return known;
    // The spots depend only on the lanes' places and widths: the layouts of one site's loads
    // (and each swap tried in them) lay the same first lanes again and again.
    let key = '';
    if (this.lanes.length > 0) {
      key = `${w}${this.laneKey}`;
      const shared = this.shape.spotsByLanes.get(key);
      if (shared) {
        this.laneSpots.set(w, shared);
        return shared;
      }
    }
    const W = this.aircraft.floorWidthM;
    if (w > W + EPS) return [];
    const ys: { y: number; right: boolean }[] = [{ y: 0, right: false }, { y: W - w, right: true }];
    for (const lane of this.lanes) ys.push({ y: lane.y + lane.w, right: false }, { y: lane.y - w, right: true });
    this.columns.forEach((c, k) => {
      ys.push({ y: c.y, right: false }, { y: c.y + c.w - w, right: true });
      const lo = k === 0 ? 0 : (this.columns[k - 1].y + this.columns[k - 1].w + c.y) / 2;
      const hi = k === this.columns.length - 1 ? W : (c.y + c.w + this.columns[k + 1].y) / 2;
      ys.push({ y: lo, right: false }, { y: hi - w, right: true });
    });
    const out: { y: number; right: boolean }[] = [];
    for (const c of ys) {
      if (c.y < -EPS || c.y + w > W + EPS) continue;
      const y = Math.max(0, Math.min(W - w, c.y));
      if (this.lanes.some((l) => Math.min(l.y + l.w, y + w) - Math.max(l.y, y) > EPS)) continue;
      if (out.some((o) => Math.abs(o.y - y) <= EPS)) continue;
      out.push({ y, right: c.right });
    }
    this.laneSpots.set(w, out);
    if (key) {
      if (this.shape.spotsByLanes.size >= MAX_SPOT_SETS) this.shape.spotsByLanes.clear();
      this.shape.spotsByLanes.set(key, out);
    }
    return out;
  }

  /** Stations a floor piece stands over, the floor pieces at these x (their packed places when absent). */
  private blocked(xs?: readonly number[]): boolean[] {
    if (!xs) return Array.from(this.under, (u) => u === 1);
    return this.stations.map((st) => this.floor.some((f, k) => overlapsAt(st, xs[k], f.y, f.l, f.w)));
  }

  private free(blocked: ArrayLike<number | boolean>): number[] {
    return this.stations.map((_, i) => i).filter((i) => !blocked[i]);
  }

  /**
   * Can every pallet have its own free station that takes it? Stations are alike but for their
   * weight (and the way round, which every station of a type shares), so heaviest pallet to
   * strongest station decides.
   */
  private fits(pallets: readonly PalletItem[], free: readonly number[]): boolean {
    if (pallets.length > free.length) return false;
    if (pallets.length === 0) return true;
    let heaviest = 0;
    for (const p of pallets) heaviest = Math.max(heaviest, p.cargo.weightKg);
    let weakest = Infinity;
    for (const i of free) weakest = Math.min(weakest, this.stations[i].maxKg);
    if (heaviest <= weakest + 1e-6) return true;
    const kg = pallets.map((p) => p.cargo.weightKg).sort((a, b) => b - a);
    const st = free.map((i) => this.stations[i].maxKg).sort((a, b) => b - a);
    return kg.every((w, i) => w <= st[i] + 1e-6);
  }

  private middle(): number {
    const [lo, hi] = this.aircraft.cgRangeM;
    return (lo + hi) / 2;
  }

  /**
   * A station for every pallet, heaviest first, each the free one nearest `target` (metres from
   * the front) that takes it, keeps it apart from what it must be segregated from, and leaves
   * the pallets still to place a station each; null when none does.
   */
  private assign(xs: readonly number[] | undefined, blocked: ArrayLike<number | boolean>, target: number): Map<PalletItem, number> | null {
    const order = this.pallets.slice().sort(
      (a, b) => Number(this.clashes(b)) - Number(this.clashes(a)) || b.cargo.weightKg - a.cargo.weightKg || a.piece - b.piece,
    );
    const used = new Set<number>();
    const out = new Map<PalletItem, number>();
    const placed: { cargo: CargoPiece; rect: Rect }[] = this.floor.map((f, k) => ({ cargo: f.cargo, rect: { x: xs ? xs[k] : f.x, y: f.y, l: f.l, w: f.w } }));
    for (let k = 0; k < order.length; k++) {
      const p = order[k];
      const rest = order.slice(k + 1);
      const choices = this.stations
        .map((st, i) => ({ st, i }))
        .filter(({ st, i }) => !blocked[i] && !used.has(i) && p.options.some((o) => takesPallet(st, o, p.cargo.weightKg)))
        .filter(({ st }) => !placed.some((q) => clash(p.cargo, q.cargo) && near(st, q.rect)))
        .sort((a, b) => Math.abs(a.st.x + a.st.l / 2 - target) - Math.abs(b.st.x + b.st.l / 2 - target) || a.i - b.i);
      let chosen = -1;
      for (const { i } of choices) {
        used.add(i);
        if (this.fits(rest, this.free(blocked).filter((j) => !used.has(j)))) {
          chosen = i;
          break;
        }
        used.delete(i);
      }
      if (chosen < 0) return null;
      out.set(p, chosen);
      placed.push({ cargo: p.cargo, rect: this.stations[chosen] });
    }
    return out;
  }

  private clashes(p: PalletItem): boolean {
    return (p.cargo.clashes?.length ?? 0) > 0;
  }

  /**
   * Every piece placed, with the cargo centre of gravity as near the middle of cgRangeM as the
   * places of the floor pieces and the choice of stations allow; null when no arrangement puts it
   * inside the range (the caller then leaves a piece out). The floor pieces are tried each lane
   * balanced on its own (heavy pieces toward the middle, as on a lane floor), then all together
   * as packed from the front, shifted aft in steps of a station.
   */
  arrange(): { places: StationPlace[]; cgM: number | null } | null {
    const [lo, hi] = this.aircraft.cgRangeM;
    const mid = (lo + hi) / 2;
    const floorKg = this.floor.reduce((t, f) => t + f.cargo.weightKg, 0);
    const palletKg = this.pallets.reduce((t, p) => t + p.cargo.weightKg, 0);
    const total = floorKg + palletKg;
    let best: { places: StationPlace[]; cgM: number; off: number } | null = null;
    // Enough when the centre of gravity lies in the middle half of the range.
    const goodEnough = (hi - lo) / 4;
    for (const xs of this.floorArrangements(mid, total, palletKg)) {
      const blocked = this.blocked(xs);
      if (!this.fits(this.pallets, this.free(blocked))) continue;
      const floorMoment = this.floor.reduce((t, f, k) => t + f.cargo.weightKg * (xs[k] + f.l / 2), 0);
      // the arm the pallets should balance at for the whole load to sit at the middle
      let target = palletKg > 0 ? (mid * total - floorMoment) / palletKg : mid;
      for (let step = 0; step < 4; step++) {
        const chosen = this.assign(xs, blocked, target);
        if (!chosen) break;
        let moment = floorMoment;
        for (const [p, i] of chosen) moment += p.cargo.weightKg * (this.stations[i].x + this.stations[i].l / 2);
        const cg = total > 0 ? moment / total : null;
        const off = cg === null ? 0 : Math.abs(cg - mid);
        const inside = cg === null || (cg >= lo - 1e-9 && cg <= hi + 1e-9);
        if (inside && (!best || off < best.off - 1e-9)) best = { places: this.places(xs, chosen), cgM: cg ?? mid, off };
        if (cg === null || palletKg <= 0 || off <= goodEnough) break;
        target += ((mid - cg) * total) / palletKg;
      }
      if (best && best.off <= goodEnough) break;
    }
    if (!best) return null;
    return { places: best.places, cgM: total > 0 ? best.cgM : null };
  }

  /** Places (x of each floor piece) to try, best first. */
  private *floorArrangements(mid: number, total: number, palletKg: number): Generator<number[]> {
    const L = this.aircraft.floorLengthM;
    const packed = this.floor.map((f) => f.x);
    if (this.floor.length === 0) {
      yield packed;
      return;
    }
    // Each lane on its own, its pieces reordered and shifted so its centre of gravity lands near
    // the middle (balance.ts, as the lane floor does); pallets then fill the stations left.
    const balanced = packed.slice();
    this.lanes.forEach((_, li) => {
      const members = this.floor.map((f, k) => ({ f, k })).filter(({ f }) => f.lane === li);
      const rows: Row[] = members.map(({ f }) => ({
        len: f.l, usedW: f.w, columns: [], slots: [], weightKg: f.cargo.weightKg, momentKgM: (f.cargo.weightKg * f.l) / 2,
      }));
      const a = balanceRows(rows, L, this.aircraft.cgRangeM);
      members.forEach(({ k }, i) => (balanced[k] = a.rowX[i]));
    });
    yield balanced;
    // All together as packed, shifted aft: not at all, to each row of stations, to the middle, all the way.
    const end = this.floor.reduce((t, f) => Math.max(t, f.x + f.l), 0);
    const front = Math.min(...packed);
    const shifts = new Set<number>([0]);
    for (const st of this.stations) if (st.x - front > EPS && st.x - front <= L - end + EPS) shifts.add(st.x - front);
    if (L - end > EPS) shifts.add(L - end);
    const floorKg = total - palletKg;
    const moment0 = this.floor.reduce((t, f) => t + f.cargo.weightKg * (f.x + f.l / 2), 0);
    if (floorKg > 0) shifts.add(Math.max(0, Math.min(L - end, (mid * total - moment0 - palletKg * mid) / floorKg)));
    for (const d of [...shifts].sort((a, b) => a - b)) yield packed.map((x) => x + d);
  }

  private places(xs: readonly number[], chosen: Map<PalletItem, number>): StationPlace[] {
    const out: StationPlace[] = this.floor.map((f, k) => ({ piece: f.piece, x: xs[k], y: f.y, l: f.l, w: f.w }));
    for (const [p, i] of chosen) {
      const st = this.stations[i];
      out.push({ piece: p.piece, x: st.x, y: st.y, l: st.l, w: st.w });
    }
    return out;
  }
}

type Try = { blocks: number; left: number; rank: number; y: number; aft: boolean };

function compareTries(a: Try, b: Try): number {
  return a.blocks - b.blocks || a.left - b.left || a.rank - b.rank || a.y - b.y || Number(a.aft) - Number(b.aft);
}

/**
 * The tries in the order a stable sort by compareTries gives, lazily: the first one usually
 * takes the piece, so the first two are picked by a scan (the earliest of the best) and the
 * rest are sorted only when both fail.
 */
function* inTryOrder<T extends Try>(tries: readonly T[]): Generator<T> {
  const taken = new Uint8Array(tries.length);
  for (let k = 0; k < 2 && k < tries.length; k++) {
    let bi = -1;
    for (let i = 0; i < tries.length; i++) if (!taken[i] && (bi < 0 || compareTries(tries[i], tries[bi]) < 0)) bi = i;
    taken[bi] = 1;
    yield tries[bi];
  }
  if (tries.length <= 2) return;
  yield* tries.filter((_, i) => !taken[i]).sort(compareTries);
}

/** Inserts into a list kept heaviest first. */
function insertDescending(list: number[], x: number): void {
  let i = list.length;
  list.push(x);
  while (i > 0 && list[i - 1] < x) {
    list[i] = list[i - 1];
    i--;
  }
  list[i] = x;
}
