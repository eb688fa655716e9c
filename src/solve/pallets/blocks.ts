// Construction of one container load from blocks of identical units in maximal empty spaces
// (after Parreño, Alvarez-Valdes, Oliveira & Tamarit 2008), with the support rule (a share of
// each base: MIN_SUPPORT_SHARE, 75%, in plans) checked for every unit of a block's bottom layer.

import type { Dims } from '../shared/orientations.ts';
import type { TypePool } from './pool.ts';
import { maxLayers, stackingFor, topLimit, type StackRules } from './stacking.ts'; // issue 11: the stacking rule

export interface ContainerBox {
  l: number;
  w: number;
  h: number;
  /** weight the units may add; Infinity when weight does not matter */
  maxKg: number;
  /** issue 11: apply the stacking rule (stacking.ts); absent, as in the benchmarks' containers: no rule */
  stacking?: StackRules;
}

/** nx × ny × nz identical units; boundaries are accumulated so tops meet bottoms exactly. */
export interface Block {
  type: number;
  dims: Dims;
  xs: number[];
  ys: number[];
  zs: number[];
}

interface Space {
  x0: number;
  y0: number;
  z0: number;
  x1: number;
  y1: number;
  z1: number;
}

export interface Construction {
  blocks: Block[];
  /** units used per type */
  used: Map<number, number>;
  volume: number;
  kg: number;
}

export interface ConstructParams {
  /** floor: lowest space first (layers, heavy first); corner: nearest a container corner */
  spaceOrder: 'floor' | 'corner';
  /** volume: biggest block; fit: block that leaves the smallest gap in its space */
  score: 'volume' | 'fit';
  /** 0 for a greedy pass; > 0 perturbs block volumes by up to this share (GRASP-like) */
  noise: number;
  rng: () => number;
  /** how many types that fit a space are compared before choosing */
  window: number;
  /** share of each unit's base that must rest on tops below (MIN_SUPPORT_SHARE in plans) */
  support: number;
}

const EPS = 1e-9;

function bounds(start: number, size: number, n: number): number[] {
  const out = [start];
  for (let i = 0; i < n; i++) out.push(out[i] + size);
  return out;
}

interface Candidate {
  type: number;
  dims: Dims;
  n: [number, number, number];
  value: number;
  /** the gaps the block leaves in its space, smallest first */
  g0: number;
  g1: number;
  g2: number;
}

function pushShape(out: [number, number, number][], nx: number, ny: number, nz: number): void {
  if (nx <= 0 || ny <= 0 || nz <= 0) return;
  for (const o of out) if (o[0] === nx && o[1] === ny && o[2] === nz) return;
  out.push([nx, ny, nz]);
}

/** block shapes for a type and orientation that fit the space, given how many units remain */
function shapes(mx: number, my: number, mz: number, n: number): [number, number, number][] {
  if (mx * my * mz <= n) return [[mx, my, mz]];
  const out: [number, number, number][] = [];
  let nx = Math.min(mx, n);
  let ny = Math.min(my, Math.floor(n / nx));
  pushShape(out, nx, ny, Math.min(mz, Math.floor(n / (nx * ny))));
  ny = Math.min(my, n);
  nx = Math.min(mx, Math.floor(n / ny));
  pushShape(out, nx, ny, Math.min(mz, Math.floor(n / (nx * ny))));
  const nz = Math.min(mz, n);
  nx = Math.min(mx, Math.floor(n / nz));
  pushShape(out, nx, Math.min(my, Math.floor(n / (nz * nx))), nz);
  return out;
}

/** negative when a is the better block */
function compareCandidates(a: Candidate, b: Candidate, score: 'volume' | 'fit'): number {
  if (score === 'fit') {
    if (Math.abs(a.g0 - b.g0) > EPS) return a.g0 - b.g0;
    if (Math.abs(a.g1 - b.g1) > EPS) return a.g1 - b.g1;
    if (Math.abs(a.g2 - b.g2) > EPS) return a.g2 - b.g2;
  }
  return b.value - a.value;
}

/** share of each bottom unit's base resting on tops at exactly z; true when all reach `share` */
function supported(blocks: readonly Block[], xs: number[], ys: number[], z: number, share: number): boolean {
  if (z <= EPS) return true;
  const bx0 = xs[0];
  const bx1 = xs[xs.length - 1];
  const by0 = ys[0];
  const by1 = ys[ys.length - 1];
  const under: Block[] = [];
  for (const b of blocks) {
    if (Math.abs(b.zs[b.zs.length - 1] - z) > EPS) continue;
    if (b.xs[0] >= bx1 - EPS || b.xs[b.xs.length - 1] <= bx0 + EPS) continue;
    if (b.ys[0] >= by1 - EPS || b.ys[b.ys.length - 1] <= by0 + EPS) continue;
    under.push(b);
  }
  if (under.length === 0) return false;
  for (let i = 0; i + 1 < xs.length; i++) {
    for (let j = 0; j + 1 < ys.length; j++) {
      const need = share * (xs[i + 1] - xs[i]) * (ys[j + 1] - ys[j]) * (1 - 1e-9);
      let area = 0;
      for (const b of under) {
        const ox = Math.min(xs[i + 1], b.xs[b.xs.length - 1]) - Math.max(xs[i], b.xs[0]);
        if (ox <= 0) continue;
        const oy = Math.min(ys[j + 1], b.ys[b.ys.length - 1]) - Math.max(ys[j], b.ys[0]);
        if (oy > 0) area += ox * oy;
      }
      if (area < need) return false;
    }
  }
  return true;
}

/** The smallest extent any remaining unit can have along each axis: smaller spaces are dead. */
export function minExtents(pool: TypePool): [number, number, number] {
  const [x, y, z] = pool.minimums();
  return [x, y, z];
}

/** One greedy (or perturbed) construction; reads the pool, does not change it. */
export function construct(
  box: ContainerBox,
  pool: TypePool,
  minExt: readonly [number, number, number],
  p: ConstructParams,
  start: readonly Block[] = [],
): Construction {
  // A space is only ever offered the first 8 × window types of the pool (the pool does not
  // change during a construction), so a piece smaller than all of those is dead at once.
  const reach: [number, number, number] = [Infinity, Infinity, Infinity];
  let offered = 0;
  // and once the weight left is below the lightest of them, nothing more goes in
  let lightest = Infinity;
  const mins = pool.orientMins;
  for (let t = pool.head; t >= 0 && offered < 8 * p.window; t = pool.next[t], offered++) {
    for (let a = 0; a < 3; a++) reach[a] = Math.min(reach[a], mins[3 * t + a]);
    lightest = Math.min(lightest, pool.types[t].kg);
  }
  for (let a = 0; a < 3; a++) reach[a] = Math.max(reach[a], minExt[a]);
  let spaces: Space[] = [{ x0: 0, y0: 0, z0: 0, x1: box.l, y1: box.w, z1: box.h }];
  const blocks: Block[] = [];
  const used = new Map<number, number>();
  let volume = 0;
  let kg = 0;
  let unitsLeft = pool.totalLeft;
  // issue 11: what rests on what, so no block stands on lighter units or over a weight limit
  const stack = box.stacking ? stackingFor(box.stacking, pool.types) : null;
  const cap = (t: number) => topLimit(pool.types[t]);
  const add = (b: Block) => {
    stack?.place(b, pool.types[b.type].kg, cap(b.type));
    const count = (b.xs.length - 1) * (b.ys.length - 1) * (b.zs.length - 1);
    blocks.push(b);
    used.set(b.type, (used.get(b.type) ?? 0) + count);
    unitsLeft -= count;
    volume += count * pool.types[b.type].volume;
    kg += count * pool.types[b.type].kg;
    spaces = carve(spaces, b, reach);
  };
  const stands = (c: Candidate, g: Block) => !stack || stack.mayPlace(g, pool.types[c.type].kg, cap(c.type)); // issue 11
  // a partial load to complete (the improvement step keeps the start of a good load)
  for (const b of start) add(b);

  // the key of a space, lexicographic: floor = (z, distance to walls, -volume);
  // corner = its three distances to the nearest container corner, smallest first
  const key = [0, 0, 0];
  const spaceKey = (s: Space, out: number[]): void => {
    const dx = Math.min(s.x0, box.l - s.x1);
    const dy = Math.min(s.y0, box.w - s.y1);
    if (p.spaceOrder === 'floor') {
      out[0] = s.z0;
      out[1] = dx + dy;
      out[2] = -(s.x1 - s.x0) * (s.y1 - s.y0) * (s.z1 - s.z0);
      return;
    }
    let a = dx;
    let b = dy;
    let c = s.z0;
    if (a > b) [a, b] = [b, a];
    if (b > c) [b, c] = [c, b];
    if (a > b) [a, b] = [b, a];
    out[0] = a;
    out[1] = b;
    out[2] = c;
  };

  while (spaces.length > 0 && unitsLeft > 0) {
    if (lightest > 0 && (box.maxKg - kg) / lightest + EPS < 1) break;
    // the space to fill next
    let si = 0;
    const best = [0, 0, 0];
    spaceKey(spaces[0], best);
    for (let i = 1; i < spaces.length; i++) {
      spaceKey(spaces[i], key);
      for (let a = 0; a < 3; a++) {
        if (Math.abs(key[a] - best[a]) <= EPS) continue;
        if (key[a] < best[a]) {
          si = i;
          best[0] = key[0];
          best[1] = key[1];
          best[2] = key[2];
        }
        break;
      }
    }
    const s = spaces[si];
    const dx = s.x1 - s.x0;
    const dy = s.y1 - s.y0;
    const dz = s.z1 - s.z0;

    // candidate blocks from the first types that fit this space
    const cands: Candidate[] = [];
    let fitting = 0;
    let scanned = 0;
    const kgLeft = box.maxKg - kg;
    for (let t = pool.head; t >= 0 && fitting < p.window && scanned < 8 * p.window; t = pool.next[t]) {
      scanned++;
      // most types in a late, small space do not fit at all: reject those before anything else,
      // first by the type's smallest extent on each axis (no standing is smaller), then standing by standing
      if (dx / mins[3 * t] + EPS < 1 || dy / mins[3 * t + 1] + EPS < 1 || dz / mins[3 * t + 2] + EPS < 1) continue;
      const type = pool.types[t];
      let fitsSome = false;
      for (const o of type.orients) {
        if (dx / o[0] + EPS >= 1 && dy / o[1] + EPS >= 1 && dz / o[2] + EPS >= 1) {
          fitsSome = true;
          break;
        }
      }
      if (!fitsSome) continue;
      let n = pool.left[t] - (used.get(t) ?? 0);
      if (type.kg > 0 && Number.isFinite(kgLeft)) n = Math.min(n, Math.floor(kgLeft / type.kg + EPS));
      if (n <= 0) continue;
      let fits = false;
      for (const o of type.orients) {
        const mx = Math.floor(dx / o[0] + EPS);
        const my = Math.floor(dy / o[1] + EPS);
        const mz = Math.min(Math.floor(dz / o[2] + EPS), stack ? maxLayers(type.kg, cap(t)) : Infinity);
        if (mx === 0 || my === 0 || mz === 0) continue;
        fits = true;
        for (const sh of shapes(mx, my, mz, n)) {
          const v = sh[0] * sh[1] * sh[2] * type.volume;
          let g0 = dx - sh[0] * o[0];
          let g1 = dy - sh[1] * o[1];
          let g2 = dz - sh[2] * o[2];
          if (g0 > g1) [g0, g1] = [g1, g0];
          if (g1 > g2) [g1, g2] = [g2, g1];
          if (g0 > g1) [g0, g1] = [g1, g0];
          cands.push({ type: t, dims: o, n: sh, value: p.noise > 0 ? v * (1 + p.noise * p.rng()) : v, g0, g1, g2 });
        }
      }
      if (fits) fitting++;
    }

    // the best candidate that stands on enough support in one of the space's floor corners;
    // picked one at a time (the first usually stands), ties to the earlier candidate
    let placed: Block | null = null;
    const nearX = s.x0 <= box.l - s.x1;
    const nearY = s.y0 <= box.w - s.y1;
    let bi = -1;
    for (let i = 0; i < cands.length; i++) {
      if (bi < 0 || compareCandidates(cands[i], cands[bi], p.score) < 0) bi = i;
    }
    if (bi >= 0) placed = tryPlace(cands[bi], s, blocks, nearX, nearY, p.support, stands);
    if (!placed && cands.length > 1) {
      const rest = cands.filter((_, i) => i !== bi).sort((a, b) => compareCandidates(a, b, p.score));
      for (const c of rest) if ((placed = tryPlace(c, s, blocks, nearX, nearY, p.support, stands))) break;
    }
    if (!placed) {
      spaces.splice(si, 1);
      continue;
    }

    add(placed);
  }
  return { blocks, used, volume, kg };
}

/** the block of a candidate in one of the space's floor corners (nearest wall first) that stands */
function tryPlace(c: Candidate, s: Space, blocks: readonly Block[], nearX: boolean, nearY: boolean, share: number, stands: (c: Candidate, g: Block) => boolean): Block | null {
  const bl = c.n[0] * c.dims[0];
  const bw = c.n[1] * c.dims[1];
  const xStarts = nearX ? [s.x0, s.x1 - bl] : [s.x1 - bl, s.x0];
  const yStarts = nearY ? [s.y0, s.y1 - bw] : [s.y1 - bw, s.y0];
  for (let k = 0; k < 4; k++) {
    const xs = bounds(xStarts[k >> 1], c.dims[0], c.n[0]);
    const ys = bounds(yStarts[k & 1], c.dims[1], c.n[1]);
    if (supported(blocks, xs, ys, s.z0, share)) {
      const g = { type: c.type, dims: c.dims, xs, ys, zs: bounds(s.z0, c.dims[2], c.n[2]) };
      if (stands(c, g)) return g; // issue 11: the stacking rule
    }
    if (s.z0 <= EPS) break;
  }
  return null;
}

/** Cut a placed block out of the maximal spaces; drop pieces too small or inside another. */
function carve(spaces: Space[], b: Block, minExt: readonly [number, number, number]): Space[] {
  const B = {
    x0: b.xs[0],
    x1: b.xs[b.xs.length - 1],
    y0: b.ys[0],
    y1: b.ys[b.ys.length - 1],
    z0: b.zs[0],
    z1: b.zs[b.zs.length - 1],
  };
  const kept: Space[] = [];
  const pieces: Space[] = [];
  for (const s of spaces) {
    if (
      s.x0 >= B.x1 - EPS ||
      s.x1 <= B.x0 + EPS ||
      s.y0 >= B.y1 - EPS ||
      s.y1 <= B.y0 + EPS ||
      s.z0 >= B.z1 - EPS ||
      s.z1 <= B.z0 + EPS
    ) {
      kept.push(s);
      continue;
    }
    if (B.x0 - s.x0 >= minExt[0] - EPS) pieces.push({ ...s, x1: B.x0 });
    if (s.x1 - B.x1 >= minExt[0] - EPS) pieces.push({ ...s, x0: B.x1 });
    if (B.y0 - s.y0 >= minExt[1] - EPS) pieces.push({ ...s, y1: B.y0 });
    if (s.y1 - B.y1 >= minExt[1] - EPS) pieces.push({ ...s, y0: B.y1 });
    if (B.z0 - s.z0 >= minExt[2] - EPS) pieces.push({ ...s, z1: B.z0 });
    if (s.z1 - B.z1 >= minExt[2] - EPS) pieces.push({ ...s, z0: B.z1 });
  }
  const out = kept;
  for (let i = 0; i < pieces.length; i++) {
    const a = pieces[i];
    if (a.x1 - a.x0 < minExt[0] - EPS || a.y1 - a.y0 < minExt[1] - EPS || a.z1 - a.z0 < minExt[2] - EPS) continue;
    let dominated = false;
    for (const c of kept) if (c !== a && inside(a, c)) { dominated = true; break; }
    if (!dominated) {
      for (let j = 0; j < pieces.length && !dominated; j++) {
        if (j === i) continue;
        // of two equal pieces keep the first
        if (inside(a, pieces[j]) && (!inside(pieces[j], a) || j < i)) dominated = true;
      }
    }
    if (!dominated) out.push(a);
  }
  return out;
}

/** Is space a inside space c (within EPS)? */
function inside(a: Space, c: Space): boolean {
  return a.x0 >= c.x0 - EPS && a.y0 >= c.y0 - EPS && a.z0 >= c.z0 - EPS && a.x1 <= c.x1 + EPS && a.y1 <= c.y1 + EPS && a.z1 <= c.z1 + EPS;
}
