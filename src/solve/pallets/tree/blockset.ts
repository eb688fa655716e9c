// The blocks a container-loading tree search places: simple blocks (nx × ny × nz identical
// units in one orientation) and general blocks (two blocks side by side or one on the other,
// with at most a few per cent of gaps), after Fanslau & Bortfeldt (2010). Every block is fully
// supported inside: a block on top of another stands on the lower one's packing area, the
// rectangle of its top that unit tops cover completely. Sorted by volume, largest first.

import type { Dims } from '../../shared/orientations.ts';

export interface BlockType {
  /** allowed placed extents that fit the container, preferred first */
  orients: readonly Dims[];
  kg: number;
  volume: number;
  /** units available */
  count: number;
}

/** How a block is made: simple, or two blocks along x, along y, or the second on top (z). */
export const SIMPLE = 0;
export const ALONG_X = 1;
export const ALONG_Y = 2;
export const ON_TOP = 3;

export interface BlockSet {
  n: number;
  l: Float64Array;
  w: Float64Array;
  h: Float64Array;
  /** volume of the units (not of the bounding box) */
  vol: Float64Array;
  kg: Float64Array;
  /** packing area on top (at z = h): offset and extents */
  px: Float64Array;
  py: Float64Array;
  ax: Float64Array;
  ay: Float64Array;
  kind: Uint8Array;
  /** simple: type and orientation index; composite: the two blocks */
  a: Int32Array;
  b: Int32Array;
  /** simple: units per axis */
  nx: Int32Array;
  ny: Int32Array;
  nz: Int32Array;
  /** units per type: entries cStart[k] .. cStart[k + 1] of cType / cN */
  cStart: Int32Array;
  cType: Int32Array;
  cN: Int32Array;
}

interface Draft {
  l: number;
  w: number;
  h: number;
  vol: number;
  kg: number;
  px: number;
  py: number;
  ax: number;
  ay: number;
  kind: number;
  a: number;
  b: number;
  nx: number;
  ny: number;
  nz: number;
  /** [type, units], by type */
  counts: [number, number][];
}

export interface BlockOptions {
  /** at most this many blocks (simple ones first, then general ones by round) */
  maxBlocks: number;
  /** general blocks: least share of their bounding box the units fill (0 = none made) */
  minFill: number;
}

const EPS = 1e-9;

function addCounts(p: readonly [number, number][], q: readonly [number, number][]): [number, number][] {
  const out: [number, number][] = [];
  let i = 0;
  let j = 0;
  while (i < p.length || j < q.length) {
    if (j >= q.length || (i < p.length && p[i][0] < q[j][0])) out.push([p[i][0], p[i++][1]]);
    else if (i >= p.length || q[j][0] < p[i][0]) out.push([q[j][0], q[j++][1]]);
    else out.push([p[i][0], p[i++][1] + q[j++][1]]);
  }
  return out;
}

const keyOf = (d: Draft) =>
  `${d.l},${d.w},${d.h},${d.px},${d.py},${d.ax},${d.ay}|${d.counts.map(([t, n]) => `${t}:${n}`).join(',')}`;

/**
 * The blocks for a container of extents box (l × w × h, weight limit maxKg): all simple
 * blocks, then general blocks by rounds of pairing (each round pairs the previous round's
 * blocks with all), until `maxBlocks`.
 */
export function makeBlocks(box: { l: number; w: number; h: number; maxKg: number }, types: readonly BlockType[], opts: BlockOptions): BlockSet {
  const drafts: Draft[] = [];
  const seen = new Set<string>();
  const add = (d: Draft): boolean => {
    const k = keyOf(d);
    if (seen.has(k)) return false;
    seen.add(k);
    drafts.push(d);
    return true;
  };
  types.forEach((t, ti) => {
    t.orients.forEach((o, oi) => {
      const mx = Math.min(t.count, Math.floor(box.l / o[0] + EPS));
      for (let nx = 1; nx <= mx; nx++) {
        const my = Math.min(Math.floor(t.count / nx), Math.floor(box.w / o[1] + EPS));
        for (let ny = 1; ny <= my; ny++) {
          const mz = Math.min(Math.floor(t.count / (nx * ny)), Math.floor(box.h / o[2] + EPS));
          for (let nz = 1; nz <= mz; nz++) {
            const n = nx * ny * nz;
            if (n * t.kg > box.maxKg + EPS) break;
            const l = nx * o[0];
            const w = ny * o[1];
            add({ l, w, h: nz * o[2], vol: n * t.volume, kg: n * t.kg, px: 0, py: 0, ax: l, ay: w, kind: SIMPLE, a: ti, b: oi, nx, ny, nz, counts: [[ti, n]] });
          }
        }
      }
    });
  });
  // simple blocks beyond the cap: keep the largest, and every single unit
  if (drafts.length > opts.maxBlocks) {
    const singles = drafts.filter((d) => d.nx * d.ny * d.nz === 1);
    const rest = drafts.filter((d) => d.nx * d.ny * d.nz > 1).sort((p, q) => q.vol - p.vol);
    drafts.length = 0;
    drafts.push(...singles, ...rest.slice(0, Math.max(0, opts.maxBlocks - singles.length)));
  }
  if (opts.minFill > 0) generalBlocks(box, types, drafts, add, opts);
  return freeze(drafts);
}

/** Rounds of pairing: the new blocks of a round with every block so far, along x, y and z. */
function generalBlocks(
  box: { l: number; w: number; h: number; maxKg: number },
  types: readonly BlockType[],
  drafts: Draft[],
  add: (d: Draft) => boolean,
  opts: BlockOptions,
): void {
  const f = opts.minFill;
  const fits = (counts: readonly [number, number][]) => counts.every(([t, n]) => n <= types[t].count);
  let hMin = Infinity;
  for (const t of types) if (t.count > 0) for (const o of t.orients) hMin = Math.min(hMin, o[2]);
  let fresh = drafts.map((_, i) => i);
  const full = () => drafts.length >= opts.maxBlocks;
  while (fresh.length > 0 && !full()) {
    const next: number[] = [];
    const all = drafts.length;
    const tryAdd = (d: Draft) => {
      if (!full() && add(d)) next.push(drafts.length - 1);
    };
    // side by side needs equal heights: pairs within a height
    const byHeight = new Map<number, number[]>();
    for (let i = 0; i < all; i++) {
      const list = byHeight.get(drafts[i].h);
      if (list) list.push(i);
      else byHeight.set(drafts[i].h, [i]);
    }
    const side = (fi: number, si: number) => {
      const first = drafts[fi];
      const second = drafts[si];
      const h = first.h;
      const vol = first.vol + second.vol;
      const kg = first.kg + second.kg;
      if (kg > box.maxKg + EPS) return;
      // along x: second at x = first.l
      const lx = first.l + second.l;
      const wx = Math.max(first.w, second.w);
      if (lx <= box.l + EPS && vol >= f * lx * wx * h - EPS) {
        const counts = addCounts(first.counts, second.counts);
        if (fits(counts)) {
          // packing area: the first's, or across both when the first's spans its length
          let px = first.px, py = first.py, ax = first.ax, ay = first.ay;
          if (first.px === 0 && first.ax === first.l && second.px === 0) {
            const y0 = Math.max(first.py, second.py);
            const y1 = Math.min(first.py + first.ay, second.py + second.ay);
            if (y1 > y0 && (first.l + second.ax) * (y1 - y0) > ax * ay) {
              px = 0; py = y0; ax = first.l + second.ax; ay = y1 - y0;
            }
          }
          tryAdd({ l: lx, w: wx, h, vol, kg, px, py, ax, ay, kind: ALONG_X, a: fi, b: si, nx: 0, ny: 0, nz: 0, counts });
        }
      }
      // along y: second at y = first.w
      const ly = Math.max(first.l, second.l);
      const wy = first.w + second.w;
      if (wy <= box.w + EPS && vol >= f * ly * wy * h - EPS) {
        const counts = addCounts(first.counts, second.counts);
        if (fits(counts)) {
          let px = first.px, py = first.py, ax = first.ax, ay = first.ay;
          if (first.py === 0 && first.ay === first.w && second.py === 0) {
            const x0 = Math.max(first.px, second.px);
            const x1 = Math.min(first.px + first.ax, second.px + second.ax);
            if (x1 > x0 && (x1 - x0) * (first.w + second.ay) > ax * ay) {
              px = x0; py = 0; ax = x1 - x0; ay = first.w + second.ay;
            }
          }
          tryAdd({ l: ly, w: wy, h, vol, kg, px, py, ax, ay, kind: ALONG_Y, a: fi, b: si, nx: 0, ny: 0, nz: 0, counts });
        }
      }
    };
    for (const i of fresh) {
      if (full()) break;
      for (const j of byHeight.get(drafts[i].h) ?? []) {
        if (full()) break;
        side(i, j);
        if (i !== j) side(j, i);
      }
    }
    // one on the other: the upper within the lower's packing area. With fill f the upper's
    // length is at least θ of the lower's, θ = f − (1 − f)·(lower height)/(least unit height)
    // (its width is at most the lower's), so candidates come from a range of lengths.
    const byLength = Array.from({ length: all }, (_, i) => i).sort((p, q) => drafts[p].l - drafts[q].l || p - q);
    const lengths = Float64Array.from(byLength, (i) => drafts[i].l);
    const from = (x: number) => {
      let lo = 0;
      let hi = all;
      while (lo < hi) {
        const m = (lo + hi) >> 1;
        if (lengths[m] < x - EPS) lo = m + 1;
        else hi = m;
      }
      return lo;
    };
    const stack = (li: number, ui: number) => {
      const lo = drafts[li];
      const up = drafts[ui];
      if (up.l > lo.ax + EPS || up.w > lo.ay + EPS || lo.h + up.h > box.h + EPS) return;
      const vol = lo.vol + up.vol;
      if (vol < f * lo.l * lo.w * (lo.h + up.h) - EPS || lo.kg + up.kg > box.maxKg + EPS) return;
      const counts = addCounts(lo.counts, up.counts);
      if (!fits(counts)) return;
      tryAdd({
        l: lo.l, w: lo.w, h: lo.h + up.h, vol, kg: lo.kg + up.kg,
        px: lo.px + up.px, py: lo.py + up.py, ax: up.ax, ay: up.ay,
        kind: ON_TOP, a: li, b: ui, nx: 0, ny: 0, nz: 0, counts,
      });
    };
    const theta = (lower: Draft) => Math.max(0, f - ((1 - f) * lower.h) / hMin);
    const thetaMin = Math.max(0, f - ((1 - f) * box.h) / hMin);
    for (const i of fresh) {
      if (full()) break;
      const A = drafts[i];
      // A below: uppers with length in [θ·A.l, A.ax]
      for (let k = from(theta(A) * A.l); k < all && lengths[k] <= A.ax + EPS && !full(); k++) stack(i, byLength[k]);
      // A above: lowers with length in [A.l, A.l / θmin]
      const top = thetaMin > 0 ? A.l / thetaMin : Infinity;
      for (let k = from(A.l); k < all && lengths[k] <= top + EPS && !full(); k++) if (byLength[k] !== i) stack(byLength[k], i);
    }
    fresh = next;
  }
}

function freeze(drafts: Draft[]): BlockSet {
  // largest volume first; ties: fewer kinds of unit, then the order made
  const order = drafts.map((_, i) => i).sort((p, q) => drafts[q].vol - drafts[p].vol || drafts[p].counts.length - drafts[q].counts.length || p - q);
  const rank = new Int32Array(drafts.length);
  order.forEach((d, k) => (rank[d] = k));
  const n = drafts.length;
  const f = () => new Float64Array(n);
  const i32 = () => new Int32Array(n);
  const set: BlockSet = {
    n, l: f(), w: f(), h: f(), vol: f(), kg: f(), px: f(), py: f(), ax: f(), ay: f(),
    kind: new Uint8Array(n), a: i32(), b: i32(), nx: i32(), ny: i32(), nz: i32(),
    cStart: new Int32Array(n + 1), cType: new Int32Array(drafts.reduce((s, d) => s + d.counts.length, 0)), cN: new Int32Array(0),
  };
  set.cN = new Int32Array(set.cType.length);
  let c = 0;
  order.forEach((di, k) => {
    const d = drafts[di];
    set.l[k] = d.l; set.w[k] = d.w; set.h[k] = d.h; set.vol[k] = d.vol; set.kg[k] = d.kg;
    set.px[k] = d.px; set.py[k] = d.py; set.ax[k] = d.ax; set.ay[k] = d.ay;
    set.kind[k] = d.kind;
    set.a[k] = d.kind === SIMPLE ? d.a : rank[d.a];
    set.b[k] = d.kind === SIMPLE ? d.b : rank[d.b];
    set.nx[k] = d.nx; set.ny[k] = d.ny; set.nz[k] = d.nz;
    set.cStart[k] = c;
    for (const [t, m] of d.counts) {
      set.cType[c] = t;
      set.cN[c++] = m;
    }
  });
  set.cStart[n] = c;
  return set;
}
