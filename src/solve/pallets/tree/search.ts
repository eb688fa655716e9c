// Container loading by block building with a greedy-lookahead tree search, after Fanslau &
// Bortfeldt (2010, CLTRS) and Zhu & Lim (2012, iterative doubling). The free volume is a stack
// of disjoint (guillotine) residual spaces; a block goes into the corner of the space on top;
// the space above a block is its packing area, so every unit is fully supported (100%, which
// also meets the plans' 75%). A greedy completion fills each space with the best-fitting of the
// largest blocks that fit (volume less the space left unusable). A pass at width w, at each
// step, completes the w best candidates greedily and places the one whose completion loads most.
// Widths double from 1 over eight strategies (four orders of filling the residual spaces × two
// rules for cutting them) while the work budget lasts; budget left goes to the other block kind
// (general blocks where simple ones came first, or the reverse). The fullest load seen in any
// completion is kept. Deterministic: the same input, options and seed give the same load.

import type { Block, Construction } from '../blocks.ts';
import { seededRandom } from '../../shared/random.ts';
import { ALONG_X, ALONG_Y, ON_TOP, SIMPLE, makeBlocks, type BlockSet, type BlockType } from './blockset.ts';

export interface TreeOptions {
  /** greedy steps in all (each fills one space; completions included): the work budget */
  work: number;
  /**
   * general blocks (two blocks combined) besides simple ones; default: where units are few per
   * type (at most 4 on average), where simple blocks are small. Measured on BR samples: general
   * blocks gain 1-3 points on BR11-BR15 and lose a little on BR1-BR7 at the same work.
   */
  general?: boolean;
  /** general blocks: least share of their bounding box the units fill */
  minFill: number;
  /** at most this many blocks */
  maxBlocks: number;
  /** the seed: 1 ranks candidates by their completions alone; others add a small seeded noise */
  seed: number;
}

export const TREE_DEFAULTS: TreeOptions = { work: 2_000_000, minFill: 0.98, maxBlocks: 3_000, seed: 1 };

const EPS = 1e-9;
/** the largest blocks a greedy step compares by the space they leave unusable */
const GREEDY_CANDIDATES = 8;
/**
 * Push orders (see Context.order; the last pushed is filled first): above first, so the floor
 * beside a block is filled before its top; then the other orders. Measured on BR samples: each
 * is best on some problems, so the search runs them all, each with both split rules.
 */
const ORDERS: readonly (readonly number[])[] = [[2, 0, 1], [0, 2, 1], [2, 1, 0], [1, 2, 0]];
const STRATEGIES: readonly [order: number, split: number][] = [[0, 0], [1, 0], [2, 0], [3, 0], [0, 1], [1, 1], [2, 1], [3, 1]];

/** stack of spaces as flat numbers: x, y, z, X, Y, Z per space */
class State {
  spaces: number[];
  counts: Int32Array;
  vol: number;
  kg: number;
  /** placed: block, x, y, z */
  placed: number[];

  constructor(spaces: number[], counts: Int32Array, vol: number, kg: number, placed: number[]) {
    this.spaces = spaces;
    this.counts = counts;
    this.vol = vol;
    this.kg = kg;
    this.placed = placed;
  }

  clone(): State {
    return new State(this.spaces.slice(), this.counts.slice(), this.vol, this.kg, this.placed.slice());
  }
}

interface Context {
  set: BlockSet;
  maxKg: number;
  /** smallest extent of any unit in any orientation, per axis */
  minExt: [number, number, number];
  work: number;
  best: State | null;
  /** the order residual spaces are pushed in (0 beside in x, 1 beside in y, 2 above); the last is filled first */
  order: readonly number[];
  /** which side keeps the full extent (see fullX) */
  split: number;
  /** blocks that fit each space extents seen (see shapeFits) */
  shapes: Map<string, Int32Array>;
  seenShapes: Set<string>;
  /** share by which greedy scores are perturbed (0 in the plain sweep) */
  noise: number;
  rng: () => number;
}

/**
 * The blocks whose extents fit a space of X × Y × Z, largest first; spaces of the same extents
 * recur across completions, so the list is kept per extents.
 */
function shapeFits(ctx: Context, X: number, Y: number, Z: number): Int32Array | null {
  const key = `${X},${Y},${Z}`;
  const list = ctx.shapes.get(key);
  if (list) return list;
  // a space seen once is scanned directly; the list is made when it comes again
  if (!ctx.seenShapes.has(key)) {
    ctx.seenShapes.add(key);
    return null;
  }
  const made = fitsOfShape(ctx, X, Y, Z);
  if (ctx.shapes.size < 200_000) ctx.shapes.set(key, made);
  return made;
}

/** first block index whose volume fits a space of volume `room` */
function firstByVolume(set: BlockSet, room: number): number {
  let lo = 0;
  let hi = set.n;
  while (lo < hi) {
    const m = (lo + hi) >> 1;
    if (set.vol[m] > room) lo = m + 1;
    else hi = m;
  }
  return lo;
}

function fitsOfShape(ctx: Context, X: number, Y: number, Z: number): Int32Array {
  const { set } = ctx;
  const out: number[] = [];
  // blocks are sorted by volume: skip those bigger than the space
  for (let b = firstByVolume(set, X * Y * Z + EPS); b < set.n; b++) {
    if (set.l[b] <= X + EPS && set.w[b] <= Y + EPS && set.h[b] <= Z + EPS) out.push(b);
  }
  return Int32Array.from(out);
}

/** the first `k` blocks (largest first) that fit the space and what is left, into `out` */
function fitting(ctx: Context, st: State, X: number, Y: number, Z: number, k: number, out: number[]): void {
  const { set } = ctx;
  out.length = 0;
  const kgLeft = ctx.maxKg - st.kg + EPS;
  const list = shapeFits(ctx, X, Y, Z);
  const end = list ? list.length : set.n;
  for (let i = list ? 0 : firstByVolume(set, X * Y * Z + EPS); i < end && out.length < k; i++) {
    const b = list ? list[i] : i;
    if (!list && (set.l[b] > X + EPS || set.w[b] > Y + EPS || set.h[b] > Z + EPS)) continue;
    if (set.kg[b] > kgLeft) continue;
    let ok = true;
    for (let c = set.cStart[b]; c < set.cStart[b + 1]; c++) {
      if (set.cN[c] > st.counts[set.cType[c]]) {
        ok = false;
        break;
      }
    }
    if (ok) out.push(b);
  }
}

/**
 * Which side keeps the full extent when a block leaves rx beside it in x and ry in y: true, the
 * x side (rx × Y, the y side l × ry); false, the y side (X × ry, the x side rx × w). Rule 0: the
 * larger remainder; rule 1: the larger remainder in whole multiples of the smallest unit extent.
 */
function fullX(ctx: Context, rx: number, ry: number, X: number, Y: number): boolean {
  if (ctx.split === 0) return rx >= ry;
  const mx = ctx.minExt[0];
  const my = ctx.minExt[1];
  return Math.floor(rx / mx + EPS) * mx >= Math.floor(ry / my + EPS) * my;
}

/** push a residual space unless it is too small for every unit */
function pushSpace(ctx: Context, st: State, x: number, y: number, z: number, X: number, Y: number, Z: number): void {
  const m = ctx.minExt;
  const flat = Math.min(m[0], m[1]);
  if (X + EPS < flat || Y + EPS < flat || Z + EPS < m[2] || (X + EPS < m[0] && Y + EPS < m[1])) return;
  st.spaces.push(x, y, z, X, Y, Z);
}

/**
 * Place block b at the corner of the space x..Z (already off the stack) and push what is left:
 * the space above (the block's packing area) first, so it is filled last, then the two beside
 * it, the larger horizontal remainder keeping the full extent of the other side.
 */
function place(ctx: Context, st: State, b: number, x: number, y: number, z: number, X: number, Y: number, Z: number): void {
  const { set } = ctx;
  for (let c = set.cStart[b]; c < set.cStart[b + 1]; c++) st.counts[set.cType[c]] -= set.cN[c];
  st.vol += set.vol[b];
  st.kg += set.kg[b];
  st.placed.push(b, x, y, z);
  const l = set.l[b];
  const w = set.w[b];
  const h = set.h[b];
  const rx = X - l;
  const ry = Y - w;
  const full = fullX(ctx, rx, ry, X, Y);
  for (let k = 0; k < 3; k++) {
    const which = ctx.order[k];
    if (which === 2) pushSpace(ctx, st, x + set.px[b], y + set.py[b], z + h, set.ax[b], set.ay[b], Z - h);
    else if (which === 0) pushSpace(ctx, st, x + l, y, z, rx, full ? Y : w, Z);
    else pushSpace(ctx, st, x, y + w, z, full ? l : X, ry, Z);
  }
}

/** of the candidates, the one whose volume less the space it leaves unusable is largest */
function bestFit(ctx: Context, cands: readonly number[], X: number, Y: number, Z: number): number {
  let best = cands[0];
  let bestScore = -Infinity;
  for (const b of cands) {
    const score = fitScore(ctx, b, X, Y, Z) * (ctx.noise > 0 ? 1 + ctx.noise * ctx.rng() : 1);
    if (score > bestScore + EPS) {
      bestScore = score;
      best = b;
    }
  }
  return best;
}

/** a block's volume less the space it leaves unusable in a space of X × Y × Z */
function fitScore(ctx: Context, b: number, X: number, Y: number, Z: number): number {
  const { set, minExt } = ctx;
  {
    const l = set.l[b], w = set.w[b], h = set.h[b];
    const rx = X - l, ry = Y - w, rz = Z - h;
    let lost = 0;
    const full = fullX(ctx, rx, ry, X, Y);
    const flat = Math.min(minExt[0], minExt[1]);
    if (rx > EPS && rx + EPS < flat) lost += rx * (full ? Y : w) * Z;
    if (ry > EPS && ry + EPS < flat) lost += ry * (full ? l : X) * Z;
    if (rz > EPS && rz + EPS < minExt[2]) lost += set.ax[b] * set.ay[b] * rz;
    // the top outside the packing area cannot carry anything
    lost += (l * w - set.ax[b] * set.ay[b]) * rz;
    return set.vol[b] - lost;
  }
}

/**
 * Greedy completion: in each space, of the largest blocks that fit, the one that leaves least
 * space unusable; returns the final state (and keeps it if it is the fullest so far).
 */
function greedy(ctx: Context, st: State, buf: number[]): State {
  const s = st.spaces;
  while (s.length > 0) {
    const Z = s.pop()!, Y = s.pop()!, X = s.pop()!, z = s.pop()!, y = s.pop()!, x = s.pop()!;
    fitting(ctx, st, X, Y, Z, GREEDY_CANDIDATES, buf);
    ctx.work++;
    if (buf.length === 0) {
      continue;
    }
    place(ctx, st, bestFit(ctx, buf, X, Y, Z), x, y, z, X, Y, Z);
  }
  if (!ctx.best || st.vol > ctx.best.vol + EPS) ctx.best = st;
  return st;
}

/** one pass of the lookahead search at `width`; false when the budget ran out */
function pass(ctx: Context, start: State, width: number, budget: number, rng: () => number, noise: number): boolean {
  let st = start.clone();
  const buf: number[] = [];
  const cands: number[] = [];
  while (st.spaces.length > 0) {
    if (ctx.work >= budget) return false;
    const s = st.spaces;
    const n = s.length;
    const x = s[n - 6], y = s[n - 5], z = s[n - 4], X = s[n - 3], Y = s[n - 2], Z = s[n - 1];
    candidates(ctx, st, X, Y, Z, width, cands);
    if (cands.length === 0) {
      s.length = n - 6;
      continue;
    }
    let pick = cands[0];
    if (cands.length > 1) {
      let bestVol = -Infinity;
      for (const b of cands) {
        const trial = st.clone();
        trial.spaces.length = n - 6;
        place(ctx, trial, b, x, y, z, X, Y, Z);
        const done = greedy(ctx, trial, buf);
        const v = done.vol * (noise > 0 ? 1 + noise * rng() : 1);
        if (v > bestVol + EPS) {
          bestVol = v;
          pick = b;
        }
      }
    }
    s.length = n - 6;
    place(ctx, st, pick, x, y, z, X, Y, Z);
  }
  if (!ctx.best || st.vol > ctx.best.vol + EPS) ctx.best = st;
  return true;
}

/**
 * The `width` candidates for a space: of the largest blocks that fit (twice as many, at least
 * GREEDY_CANDIDATES), those with the best fit score. Width 1 is the largest block alone.
 */
function candidates(ctx: Context, st: State, X: number, Y: number, Z: number, width: number, out: number[]): void {
  if (width > 1) {
    fitting(ctx, st, X, Y, Z, Math.max(GREEDY_CANDIDATES, 2 * width), out);
    const sc = new Map(out.map((b) => [b, fitScore(ctx, b, X, Y, Z)]));
    out.sort((a, b) => sc.get(b)! - sc.get(a)! || a - b);
    out.length = Math.min(out.length, width);
  } else fitting(ctx, st, X, Y, Z, width, out);
}

/** Expand a placed block into simple blocks (type, orientation, grid) at absolute positions. */
function expand(set: BlockSet, types: readonly BlockType[], b: number, x: number, y: number, z: number, out: Block[]): void {
  const kind = set.kind[b];
  if (kind === SIMPLE) {
    const o = types[set.a[b]].orients[set.b[b]];
    const grid = (start: number, size: number, n: number) => {
      const g = [start];
      for (let i = 0; i < n; i++) g.push(g[i] + size);
      return g;
    };
    out.push({ type: set.a[b], dims: o, xs: grid(x, o[0], set.nx[b]), ys: grid(y, o[1], set.ny[b]), zs: grid(z, o[2], set.nz[b]) });
    return;
  }
  const A = set.a[b];
  const B = set.b[b];
  expand(set, types, A, x, y, z, out);
  if (kind === ALONG_X) expand(set, types, B, x + set.l[A], y, z, out);
  else if (kind === ALONG_Y) expand(set, types, B, x, y + set.w[A], z, out);
  else if (kind === ON_TOP) expand(set, types, B, x + set.px[A], y + set.py[A], z + set.h[A], out);
}

/**
 * The fullest load of one container the search finds within its work budget. `types`: the
 * units per type with their allowed orientations (fitting the box); `box.maxKg` bounds weight.
 */
export function treeLoad(
  box: { l: number; w: number; h: number; maxKg: number },
  types: readonly BlockType[],
  options: Partial<TreeOptions> = {},
): Construction {
  const opts = { ...TREE_DEFAULTS, ...options };
  let units = 0;
  let live = 0;
  for (const t of types) {
    units += t.count;
    if (t.count > 0) live++;
  }
  const minExt: [number, number, number] = [Infinity, Infinity, Infinity];
  for (const t of types) if (t.count > 0) for (const o of t.orients) for (let a = 0; a < 3; a++) minExt[a] = Math.min(minExt[a], o[a]);
  const start = new State([0, 0, 0, box.l, box.w, box.h], Int32Array.from(types, (t) => t.count), 0, 0, []);
  const rng = seededRandom(opts.seed);
  const general = opts.general ?? (live > 0 && units / live <= 4);
  let spent = 0;
  let best: { st: State; set: BlockSet } | null = null;
  // the preferred block kinds first; budget left when its widths ran out goes to the other kind
  // (unless the caller chose), so a small problem uses its whole budget
  for (const withGeneral of opts.general === undefined ? [general, !general] : [general]) {
    if (spent >= opts.work) break;
    const set = makeBlocks(box, types, { maxBlocks: opts.maxBlocks, minFill: withGeneral ? opts.minFill : 0 });
    const ctx: Context = {
      set, maxKg: box.maxKg, minExt, work: spent, best: null, order: ORDERS[0], split: 0,
      shapes: new Map(), seenShapes: new Set(), noise: 0, rng,
    };
    // widths 1, 2, 4, ... over every strategy while the budget lasts; seeds other than 1 add noise
    search: for (let width = 1, k = 0; width <= 2 * set.n; width *= 2, k++) {
      for (const [order, split] of STRATEGIES) {
        ctx.order = ORDERS[order];
        ctx.split = split;
        ctx.noise = opts.seed === 1 || k === 0 ? 0 : 0.002;
        if (!pass(ctx, start, width, opts.work, rng, ctx.noise)) break search;
      }
    }
    spent = ctx.work;
    if (ctx.best && (!best || ctx.best.vol > best.st.vol + EPS)) best = { st: ctx.best, set };
  }
  const blocks: Block[] = [];
  if (best) {
    const p = best.st.placed;
    for (let i = 0; i < p.length; i += 4) expand(best.set, types, p[i], p[i + 1], p[i + 2], p[i + 3], blocks);
  }
  const used = new Map<number, number>();
  let volume = 0;
  let kg = 0;
  for (const bl of blocks) {
    const n = (bl.xs.length - 1) * (bl.ys.length - 1) * (bl.zs.length - 1);
    used.set(bl.type, (used.get(bl.type) ?? 0) + n);
    volume += n * types[bl.type].volume;
    kg += n * types[bl.type].kg;
  }
  return { blocks, used, volume, kg };
}
