// One sortie's load: the pieces that take most of the sortie's weight limit and floor together.
// Four candidate loads (priority-order and balanced fills, each on rows and on lanes), each
// improved by swaps, are balanced by arrangement and the best kept; on a type with pallet
// stations, two (priority and balanced) on the stations (stations.ts), on a single-file floor
// up to two chosen by the runs of vehicles at each end (runs.ts), and on a floor with two columns
// of stations the better of the two with its floor pieces split between the runs of each column
// (columns.ts). A piece is left for a later sortie when it does not fit, or as a last resort
// when no arrangement balances.
// Formulation: docs/loads.md.

import type { Load } from '../../model/index.ts';
import { GEOMETRY_EPS_M } from '../../model/index.ts';
import type { AircraftLoad, CargoPiece, LoadRequest } from '../types.ts';
import { arrange, type Arrangement } from './balance.ts';
import { canBalanceAlone } from '../shared/capability.ts';
import { floorOrientations, type Orientation } from '../shared/orientations.ts';
import { LaneLayout } from './lanes.ts';
import { FloorLayout } from './layout.ts';
import { hasStations } from '../shared/stations.ts';
import { StationLayout, clash } from './stations.ts';
import { runProposals } from './runs.ts';
import { columnProposals, resplit, type ColumnSet } from './columns.ts';

/** How far down the waiting list one sortie looks for pieces that fit. */
export const LOOK_AHEAD = 300;

/** Weight slack below which the load counts as full. */
const FULL_KG = 1e-6;

interface Candidate {
  piece: CargoPiece;
  options: Orientation[];
  /** place in the request's priority order */
  rank: number;
}

interface Packed {
  chosen: Candidate[];
  layout: FloorLayout;
}

/** Something that places pieces on the floor one at a time (rows, lanes or stations). */
interface Placer {
  place(piece: number, weightKg: number, options: readonly Orientation[], cargo: CargoPiece): boolean;
  /** an independent copy of the layout so far, where the placer can give one (improve's swaps) */
  clone?(): Placer;
}

/** Share of the floor area a light, bulky load can be expected to fill; see balancedPick. */
const AREA_FILL = 0.8;

/**
 * What the loads on a floor with two columns of stations add (columns.ts): `resplit`, the best
 * greedy load's floor pieces split between the columns' runs so they cover the fewest stations
 * and the stations this frees given to waiting pallets, on loads at most RESPLIT_SHARE of the
 * weight limit; `sets`, also the sets of up to three floor pieces so split with the heaviest
 * pallets on the stations left (flies more sorties: docs/loads.md); `off`, neither.
 */
export type ColumnRuns = 'off' | 'resplit' | 'sets';

export interface LoadOptions {
  columnRuns?: ColumnRuns;
}

/**
 * Loads heavier than this share of the weight limit are not split again: the few kilograms they
 * have left take a light pallet at most, and giving them the heaviest waiting pallets flew more
 * sorties on the generated 100k-units scenario (docs/loads.md, "Runs in two columns").
 */
const RESPLIT_SHARE = 0.9;

/**
 * The standings of a piece a type's floor takes, less those that cannot balance even alone (never
 * worth trying). A piece waits through many sorties of one type and is offered to each (up to
 * LOOK_AHEAD a sortie), so they are worked out once per piece and type: at 100k generated lines
 * working them out on every offer took 1.3 s of the schedule's 25 s (profiled), once 0.5 s.
 * Pieces and fleet lines are never changed once made, and the lists are only read.
 */
const standings = new WeakMap<LoadRequest['aircraft'], WeakMap<CargoPiece, Orientation[]>>();

function standingsOf(piece: CargoPiece, aircraft: LoadRequest['aircraft']): Orientation[] {
  let byPiece = standings.get(aircraft);
  if (!byPiece) standings.set(aircraft, (byPiece = new WeakMap()));
  let options = byPiece.get(piece);
  if (!options) byPiece.set(piece, (options = floorOrientations(piece, aircraft).filter((o) => canBalanceAlone(o, aircraft, piece))));
  return options;
}

export function buildLoad(req: LoadRequest, opts: LoadOptions = {}): AircraftLoad {
  const { aircraft } = req;
  const capKg = Math.min(req.maxCargoKg, aircraft.aclKg);
  const candidates: Candidate[] = [];
  const n = Math.min(req.pieces.length, LOOK_AHEAD);
  for (let i = 0; i < n; i++) {
    const piece = req.pieces[i];
    if (piece.weightKg > capKg) continue;
    if (piece.kind === 'pallet' && aircraft.palletPositions < 1) continue;
    // No passenger flies with it: it waits for a sortie that carries none (load.cargoAircraftOnly).
    if (req.passengers && piece.cargoAircraftOnly) continue;
    const options = standingsOf(piece, aircraft);
    if (options.length > 0) candidates.push({ piece, options, rank: candidates.length });
  }
  if (candidates.length === 0) return { pieces: [], loads: [], cargoKg: 0, cgM: null };
  if (hasStations(aircraft)) return bestOf(stationLoads(candidates, capKg, aircraft, opts.columnRuns ?? 'resplit'), capKg, aircraft);

  // Four ways to choose and place, the load that takes most of the sortie's weight and floor
  // wins (the first at a tie): priority order and balanced fill, each on rows and on lanes.
  const { palletPositions: positions, floorLengthM: L, floorWidthM: W } = aircraft;
  const options: AircraftLoad[] = [];
  // Without stations a floor is packed tight, so hazards that must be segregated fly apart.
  const apart = { separate: true };
  for (const pick of [priorityPick, balancedPick]) {
    const onRows = improve(pick(candidates, capKg, positions, new FloorLayout(L, W), L * W, apart), candidates, capKg, positions, () => new FloorLayout(L, W), L * W, apart);
    options.push(rowLoad(onRows.chosen, capKg, aircraft));
    const onLanes = improve(pick(candidates, capKg, positions, new LaneLayout(L, W), L * W, apart), candidates, capKg, positions, () => new LaneLayout(L, W), L * W, apart);
    const byLanes = laneLoad(onLanes.chosen, onLanes.layout as LaneLayout, aircraft);
    if (byLanes) options.push(byLanes);
  }
  return bestOf(options, capKg, aircraft);
}

/** The load that takes most of the sortie's weight and floor; the first at a tie. */
function bestOf(options: readonly AircraftLoad[], capKg: number, aircraft: LoadRequest['aircraft']): AircraftLoad {
  let best = options[0];
  let bestValue = loadValue(best, capKg, aircraft);
  for (const o of options.slice(1)) {
    const v = loadValue(o, capKg, aircraft);
    if (v > bestValue + 1e-9) {
      best = o;
      bestValue = v;
    }
  }
  return best;
}

/** On a type with pallet stations: the priority and balanced fills, each improved by swaps, on the stations. */
function stationLoads(candidates: readonly Candidate[], capKg: number, aircraft: LoadRequest['aircraft'], columnRuns: ColumnRuns): AircraftLoad[] {
  const { palletPositions: positions, floorLengthM: L, floorWidthM: W } = aircraft;
  const fresh = () => new StationLayout(aircraft);
  const none = { separate: false };
  const greedy = [priorityPick, balancedPick].map((pick) => {
    const chosen = improve(pick(candidates, capKg, positions, fresh(), L * W, none), candidates, capKg, positions, fresh, L * W, none).chosen;
    return stationLoad(chosen, capKg, aircraft);
  });
  // On a single-file floor, also the sets whose vehicles stand together at the ends so as to
  // cover the fewest stations (runs.ts); at a tie the greedy loads above win.
  const beat = Math.max(...greedy.map((g) => loadValue(g, capKg, aircraft)));
  const runs = runProposals(candidates, capKg, aircraft, RUN_PROPOSALS, beat).map((set) => stationLoad(set, capKg, aircraft));
  return [...greedy, ...runs, ...columnLoads(greedy, candidates, capKg, aircraft, columnRuns, beat)];
}

/**
 * On a floor with two columns of stations (columns.ts): the best greedy load with its floor pieces
 * split between the columns' runs and waiting pallets on the stations this frees, and with `sets`
 * the sets of columnProposals; each in an order the station layout places whole. At a tie the
 * loads before them win.
 */
function columnLoads(greedy: readonly AircraftLoad[], candidates: readonly Candidate[], capKg: number, aircraft: LoadRequest['aircraft'], columnRuns: ColumnRuns, beat: number): AircraftLoad[] {
  if (columnRuns === 'off') return [];
  const sets: ColumnSet<Candidate>[] = [];
  const g = bestOf(greedy, capKg, aircraft);
  if (g.cargoKg <= RESPLIT_SHARE * capKg) {
    const inLoad = new Set(g.pieces);
    const mine = candidates.filter((c) => inLoad.has(c.piece));
    const split = resplit(
      mine.filter((c) => c.piece.kind !== 'pallet'),
      mine.filter((c) => c.piece.kind === 'pallet'),
      candidates.filter((c) => !inLoad.has(c.piece)),
      coveredStations(g, aircraft),
      capKg,
      aircraft,
    );
    if (split) sets.push(split);
  }
  if (columnRuns === 'sets') sets.push(...columnProposals(candidates, capKg, aircraft, RUN_PROPOSALS, beat));
  const out: AircraftLoad[] = [];
  for (const set of sets) {
    const order = placeableOrder(set, capKg, aircraft);
    if (order) out.push(stationLoad(order, capKg, aircraft));
  }
  return out;
}

/** Stations under a load's floor pieces. */
function coveredStations(load: AircraftLoad, aircraft: LoadRequest['aircraft']): number {
  const floor = load.loads.filter((_, i) => load.pieces[i].kind !== 'pallet');
  const over = (s: { x: number; y: number; l: number; w: number }, f: Load) =>
    Math.min(f.x + f.l, s.x + s.l) - Math.max(f.x, s.x) > GEOMETRY_EPS_M && Math.min(f.y + f.w, s.y + s.w) - Math.max(f.y, s.y) > GEOMETRY_EPS_M;
  return (aircraft.palletStations ?? []).filter((s) => floor.some((f) => over(s, f))).length;
}

/**
 * The pallets, then the four runs in the first of their 24 orders that a fresh station layout
 * places whole, or null. The layout puts each floor piece where it covers the fewest stations;
 * with the pallets placed first it must leave them a station each, so a whole placement covers
 * no more stations than the split.
 */
function placeableOrder(set: ColumnSet<Candidate>, capKg: number, aircraft: LoadRequest['aircraft']): Candidate[] | null {
  const idx = [0, 1, 2, 3];
  do {
    const list = [...set.pallets, ...idx.flatMap((i) => set.runs[i])];
    if (priorityPick(list, capKg, aircraft.palletPositions, new StationLayout(aircraft), 0, { separate: false }).length === list.length) return list;
  } while (nextPermutation(idx));
  return null;
}

/** The next permutation in lexicographic order, in place; false after the last. */
function nextPermutation(a: number[]): boolean {
  let i = a.length - 2;
  while (i >= 0 && a[i] >= a[i + 1]) i--;
  if (i < 0) return false;
  let j = a.length - 1;
  while (a[j] <= a[i]) j--;
  [a[i], a[j]] = [a[j], a[i]];
  for (let l = i + 1, r = a.length - 1; l < r; l++, r--) [a[l], a[r]] = [a[r], a[l]];
  return true;
}

/** Sets of runs.ts placed and balanced on the stations for one load (the best few by weight and floor). */
const RUN_PROPOSALS = 2;

/**
 * The chosen pieces on the stations, balanced; as on rows, the lowest-priority piece whose
 * absence lets the rest balance is left out when no arrangement does, else the last, repeating.
 */
function stationLoad(chosen: readonly Candidate[], capKg: number, aircraft: LoadRequest['aircraft']): AircraftLoad {
  const positions = aircraft.palletPositions;
  const attempt = (list: readonly Candidate[]) => {
    const layout = new StationLayout(aircraft);
    const placed = priorityPick(list, capKg, positions, layout, 0, { separate: false });
    return { placed, arranged: layout.arrange() };
  };
  let current = attempt(chosen);
  while (!current.arranged) {
    const list = current.placed;
    let next: typeof current | null = null;
    const byRank = list.map((_, k) => k).sort((a, b) => list[b].rank - list[a].rank);
    for (const k of byRank) {
      if (list.length > 1 && k === byRank[byRank.length - 1]) break; // never drop every piece
      const trial = attempt(without(list, k));
      if (trial.arranged) {
        next = trial;
        break;
      }
    }
    current = next ?? attempt(without(list, byRank[0]));
  }
  const loads = new Array<Load>(current.placed.length);
  for (const p of current.arranged.places) loads[p.piece] = { ref: current.placed[p.piece].piece.ref, x: p.x, y: p.y, l: p.l, w: p.w };
  return inPriorityOrder(current.placed, loads, current.arranged.cgM);
}

/** Share of the weight limit plus share of the floor area a load uses: what a sortie takes away. */
function loadValue(load: AircraftLoad, capKg: number, aircraft: LoadRequest['aircraft']): number {
  let area = 0;
  for (const l of load.loads) area += l.l * l.w;
  return load.cargoKg / capKg + area / (aircraft.floorLengthM * aircraft.floorWidthM);
}

/** How a fill treats hazards that must be segregated: `separate`, never on one sortie (floors packed tight). */
interface HazardRule {
  separate: boolean;
}

/** Tries one piece: weight, positions and floor must all take it. */
function tryAdd(c: Candidate, state: { kg: number; pallets: number; area: number; chosen: Candidate[] }, capKg: number, positions: number, layout: Placer, hazards: HazardRule): boolean {
  if (state.kg + c.piece.weightKg > capKg) return false;
  const isPallet = c.piece.kind === 'pallet';
  if (isPallet && state.pallets >= positions) return false;
  if (hazards.separate && c.piece.hazards && state.chosen.some((o) => clash(c.piece, o.piece))) return false;
  if (!layout.place(state.chosen.length, c.piece.weightKg, c.options, c.piece)) return false;
  state.chosen.push(c);
  state.kg += c.piece.weightKg;
  state.area += c.piece.lengthM * c.piece.widthM;
  if (isPallet) state.pallets++;
  return true;
}

/** Greedy in priority order: a piece is skipped only when weight, positions or floor refuse it. */
function priorityPick(candidates: readonly Candidate[], capKg: number, positions: number, layout: Placer, _areaM2 = 0, hazards: HazardRule = { separate: false }): Candidate[] {
  const state = { kg: 0, pallets: 0, area: 0, chosen: [] as Candidate[] };
  for (const c of candidates) {
    if (capKg - state.kg <= FULL_KG) break;
    tryAdd(c, state, capKg, positions, layout, hazards);
  }
  return state.chosen;
}

/**
 * Every piece by weight per square metre, taking from the dense end while the load's share of
 * the weight limit lags its share of the floor (over AREA_FILL, what mixed cargo can cover) and
 * from the light, bulky end otherwise. Heavy vehicles then fly with light bulky cargo beside them
 * instead of leaving it for sorties that run out of floor long before weight. Sensitive pieces
 * take their turn by density like the rest (the priority fill takes them first): taking them all
 * first filled a site's first sorties with dense sensitive cargo up to the weight limit on half
 * the floor, and left its light vehicles to fly at half the weight limit at the end (o4 of the
 * generated 10k-units scenario: 131 sorties, 123 without; docs/loads.md).
 */
function balancedPick(candidates: readonly Candidate[], capKg: number, positions: number, layout: Placer, areaM2: number, hazards: HazardRule = { separate: false }): Candidate[] {
  const state = { kg: 0, pallets: 0, area: 0, chosen: [] as Candidate[] };
  const rest = candidates.slice();
  const density = (c: Candidate) => c.piece.weightKg / (c.piece.lengthM * c.piece.widthM);
  rest.sort((a, b) => density(b) - density(a) || a.rank - b.rank);
  let lo = 0;
  let hi = rest.length - 1;
  while (lo <= hi && capKg - state.kg > FULL_KG) {
    const wantDense = state.kg / capKg <= state.area / (areaM2 * AREA_FILL);
    if (wantDense) tryAdd(rest[lo++], state, capKg, positions, layout, hazards);
    else tryAdd(rest[hi--], state, capKg, positions, layout, hazards);
  }
  return state.chosen;
}

/** Layout re-placements one load may spend on swaps. */
const SWAP_TRIES = 24;

/**
 * Swaps one chosen piece for a waiting one that takes more of the weight limit and floor
 * (heaviest first) while weight, positions and a fresh placement of the whole set allow:
 * greedy fills stop a few hundred kilograms short when the next piece is one too many.
 */
function improve(
  chosen: Candidate[],
  candidates: readonly Candidate[],
  capKg: number,
  positions: number,
  fresh: () => Placer,
  areaM2: number,
  hazards: HazardRule = { separate: false },
): { chosen: Candidate[]; layout: Placer | null } {
  let layout: Placer | null = null;
  const size = (c: Candidate) => c.piece.weightKg / capKg + (c.piece.lengthM * c.piece.widthM) / areaM2;
  let kg = chosen.reduce((a, c) => a + c.piece.weightKg, 0);
  let pallets = chosen.filter((c) => c.piece.kind === 'pallet').length;
  let tries = 0;
  const inLoad = new Set(chosen);
  const waiting = candidates.filter((c) => !inLoad.has(c)).sort((a, b) => b.piece.weightKg - a.piece.weightKg || a.rank - b.rank);
  let current = chosen;
  const prefix: Prefix[] = [];
  outer: while (tries < SWAP_TRIES && capKg - kg > FULL_KG) {
    const byLight = current.map((_, i) => i).sort((a, b) => current[a].piece.weightKg - current[b].piece.weightKg || b - a);
    for (const i of byLight) {
      const out = current[i];
      // A cargo-aircraft-only piece was offered because this sortie flies no passengers: such
      // sorties are the only ones that may take it, so it is not given up for a heavier piece.
      if (out.piece.cargoAircraftOnly) continue;
      for (let j = 0; j < waiting.length; j++) {
        const u = waiting[j];
        const dKg = u.piece.weightKg - out.piece.weightKg;
        if (kg + dKg > capKg || size(u) <= size(out) + 1e-9) continue;
        const dPal = (u.piece.kind === 'pallet' ? 1 : 0) - (out.piece.kind === 'pallet' ? 1 : 0);
        if (pallets + dPal > positions) continue;
        if (++tries > SWAP_TRIES) break outer;
        const next = current.slice();
        next[i] = u;
        const trial = placeAll(next, i, prefix, capKg, positions, fresh, hazards);
        if (!trial) continue;
        prefix.length = Math.min(prefix.length, i + 1); // the layouts of the first i pieces still hold
        current = next;
        layout = trial;
        waiting[j] = out;
        kg += dKg;
        pallets += dPal;
        continue outer;
      }
    }
    break;
  }
  if (!layout) {
    layout = fresh();
    priorityPick(current, capKg, positions, layout, 0, hazards);
  }
  return { chosen: current, layout };
}

/** The priority fill's state after the first k pieces of the current set (k = its index). */
interface Prefix {
  layout: Placer;
  state: { kg: number; pallets: number; area: number; chosen: Candidate[] };
}

/**
 * The placement of `list` in order, as priorityPick on a fresh layout gives it, or null when some
 * piece does not go in. A swap changes one piece, at `changed`: the layouts of the pieces before
 * it are the current set's, so where the placer can be copied they are kept (`prefix`, filled as
 * needed) and only the rest is placed again: the same layout, without placing the same pieces
 * over and over (most of the loads stage's time on the largest benchmarks).
 */
function placeAll(list: readonly Candidate[], changed: number, prefix: Prefix[], capKg: number, positions: number, fresh: () => Placer, hazards: HazardRule): Placer | null {
  const first = fresh();
  if (!first.clone) return priorityPick(list, capKg, positions, first, 0, hazards).length === list.length ? first : null;
  if (prefix.length === 0) prefix.push({ layout: first, state: { kg: 0, pallets: 0, area: 0, chosen: [] } });
  // extend the prefix of the set the swap starts from up to the changed piece
  while (prefix.length <= changed) {
    const last = prefix[prefix.length - 1];
    const layout = last.layout.clone!();
    const state = { ...last.state, chosen: last.state.chosen.slice() };
    const c = list[prefix.length - 1];
    if (capKg - state.kg <= FULL_KG || !tryAdd(c, state, capKg, positions, layout, hazards)) return null; // cannot happen: the set was placed whole
    prefix.push({ layout, state });
  }
  const { layout: at, state: s0 } = prefix[changed];
  const layout = at.clone!();
  const state = { ...s0, chosen: s0.chosen.slice() };
  for (let k = changed; k < list.length; k++) {
    if (capKg - state.kg <= FULL_KG) return null;
    if (!tryAdd(list[k], state, capKg, positions, layout, hazards)) return null;
  }
  return layout;
}

/** The chosen pieces on rows, balanced; pieces left out one at a time when no order balances. */
function rowLoad(chosen: Candidate[], capKg: number, aircraft: LoadRequest['aircraft']): AircraftLoad {
  const { palletPositions: positions, floorLengthM: L, floorWidthM: W, cgRangeM } = aircraft;
  let packed = pack(chosen, capKg, positions, L, W);
  let placed = arrange(packed.layout.rows, L, cgRangeM);
  while (!placed.inside) {
    // Last resort: leave out the lowest-priority piece whose absence lets the rest balance;
    // failing that, the last piece, and try again. One piece alone always balances.
    const retry = dropOne(packed.chosen, capKg, positions, L, W, cgRangeM);
    packed = retry.packed;
    placed = retry.placed;
  }
  return toLoad(packed, placed);
}

/** The chosen pieces on lanes, balanced lane by lane; null when the whole misses the range. */
function laneLoad(chosen: readonly Candidate[], layout: LaneLayout, aircraft: LoadRequest['aircraft']): AircraftLoad | null {
  const placed = layout.arrange(aircraft.cgRangeM);
  if (!placed) return null;
  const loads = new Array<Load>(chosen.length);
  for (const p of placed.places) loads[p.piece] = { ref: chosen[p.piece].piece.ref, x: p.x, y: p.y, l: p.l, w: p.w };
  return inPriorityOrder(chosen, loads, placed.cgM);
}

/** Re-packs a list in its own order (used to re-place a chosen set after dropping a piece). */
function pack(candidates: readonly Candidate[], capKg: number, positions: number, lengthM: number, widthM: number): Packed {
  const layout = new FloorLayout(lengthM, widthM);
  const chosen = priorityPick(candidates, capKg, positions, layout);
  return { chosen, layout };
}

function dropOne(
  chosen: readonly Candidate[],
  capKg: number,
  positions: number,
  lengthM: number,
  widthM: number,
  cgRangeM: [number, number],
): { packed: Packed; placed: Arrangement } {
  let worst = 0;
  for (let k = 1; k < chosen.length; k++) if (chosen[k].rank > chosen[worst].rank) worst = k;
  const byRank = chosen.map((_, k) => k).sort((a, b) => chosen[b].rank - chosen[a].rank);
  for (const k of byRank) {
    if (chosen.length > 1 && k === byRank[byRank.length - 1]) break; // never drop every piece
    const packed = pack(without(chosen, k), capKg, positions, lengthM, widthM);
    const placed = arrange(packed.layout.rows, lengthM, cgRangeM);
    if (placed.inside) return { packed, placed };
  }
  const packed = pack(without(chosen, worst), capKg, positions, lengthM, widthM);
  return { packed, placed: arrange(packed.layout.rows, lengthM, cgRangeM) };
}

function without<T>(list: readonly T[], k: number): T[] {
  return list.filter((_, i) => i !== k);
}

function toLoad(packed: Packed, placed: Arrangement): AircraftLoad {
  const loads = new Array<Load>(packed.chosen.length);
  packed.layout.rows.forEach((row, r) => {
    for (const s of row.slots) {
      const dx = placed.flipped[r] ? row.len - s.dx - s.l : s.dx;
      loads[s.piece] = { ref: packed.chosen[s.piece].piece.ref, x: placed.rowX[r] + dx, y: s.y, l: s.l, w: s.w };
    }
  });
  return inPriorityOrder(packed.chosen, loads, placed.cgM);
}

/** Pieces and their places sorted back into the request's priority order, with weight and CG. */
function inPriorityOrder(chosen: readonly Candidate[], loads: Load[], fallbackCg: number | null): AircraftLoad {
  const idx = chosen.map((_, i) => i).sort((a, b) => chosen[a].rank - chosen[b].rank);
  const pieces = idx.map((i) => chosen[i].piece);
  const sorted = idx.map((i) => loads[i]);
  let kg = 0;
  let moment = 0;
  pieces.forEach((p, i) => {
    kg += p.weightKg;
    moment += p.weightKg * (sorted[i].x + sorted[i].l / 2);
  });
  return { pieces, loads: sorted, cargoKg: kg, cgM: pieces.length === 0 ? null : kg > 0 ? moment / kg : fallbackCg };
}
