// Loading one container (or one pallet's usable box) as full as possible. Two methods:
// fillOne, several quick block constructions in maximal spaces with different space orders,
// block scores and seeded perturbations (the palletiser's default, cheap enough for a million
// units); searchOne, the block-building tree search (tree/) completed in maximal spaces at the
// support share, for one container or a few pallets. packContainer, the unit-level entry the
// container-loading benchmark calls, uses searchOne.

import { MIN_SUPPORT_SHARE } from '../../model/index.ts';
import { construct, minExtents, type Block, type Construction, type ContainerBox } from './blocks.ts';
import { ANY_FACE, UPRIGHT, fittingOrientations, orientationsOf, type VerticalFlags } from '../shared/orientations.ts';
import { TypePool, type BoxType } from './pool.ts';
import { seededRandom } from '../shared/random.ts';
import { stackingFor, topLimit } from './stacking.ts';
import { TREE_DEFAULTS, treeLoad } from './tree/search.ts';

export type { ContainerBox, Block } from './blocks.ts';

export interface FillOptions {
  /** constructions tried (the first four are greedy, the rest perturbed); at least 1 */
  restarts?: number;
  /** types that fit a space compared per block */
  window?: number;
  seed?: number;
  /** share of each unit's base that must rest on what is below (default MIN_SUPPORT_SHARE, 75%) */
  support?: number;
  /** blocks every construction starts from (units of the pool, placed first) */
  start?: readonly Block[];
}

const GREEDY = [
  { spaceOrder: 'floor', score: 'volume' },
  { spaceOrder: 'corner', score: 'volume' },
  { spaceOrder: 'floor', score: 'fit' },
  { spaceOrder: 'corner', score: 'fit' },
] as const;

/** How full a load is: its share of the box's volume plus its share of the box's weight limit. */
export function loadValue(box: ContainerBox, c: { volume: number; kg: number }): number {
  return c.volume / (box.l * box.w * box.h) + (Number.isFinite(box.maxKg) ? c.kg / box.maxKg : 0);
}

/** Fill one box from the pool (without taking from it); best of the restarts. */
export function fillOne(box: ContainerBox, pool: TypePool, opts: FillOptions = {}): Construction {
  const restarts = Math.max(1, opts.restarts ?? 8);
  const window = opts.window ?? 24;
  const rng = seededRandom(opts.seed ?? 1);
  const minExt = minExtents(pool);
  const value = (c: Construction) => loadValue(box, c);
  let best: Construction | null = null;
  const packedAll = (c: Construction) => {
    let packed = 0;
    for (const n of c.used.values()) packed += n;
    return packed === pool.totalLeft;
  };
  // half the budget on fresh constructions, the rest completing the start of the best load
  const fresh = Math.max(Math.min(restarts, GREEDY.length), Math.ceil(restarts / 2));
  const start = opts.start ?? [];
  for (let r = 0; r < restarts; r++) {
    const g = GREEDY[r % GREEDY.length];
    const improving = r >= fresh && best !== null;
    const keep = improving ? Math.max(start.length, Math.floor(best!.blocks.length * (0.3 + 0.6 * rng()))) : start.length;
    const c = construct(
      box,
      pool,
      minExt,
      {
        spaceOrder: g.spaceOrder,
        score: r < GREEDY.length ? g.score : 'volume',
        noise: r < GREEDY.length ? 0 : 0.1 + 0.3 * (r % 3),
        rng,
        window,
        support: opts.support ?? MIN_SUPPORT_SHARE,
      },
      improving ? best!.blocks.slice(0, keep) : start,
    );
    if (!best || value(c) > value(best) + 1e-12) best = c;
    if (packedAll(best)) break; // everything is in: nothing left to improve
  }
  return best!;
}

export interface SearchOptions {
  /** the tree search's work budget (greedy steps; see tree/search.ts) */
  work?: number;
  /** the tree search's general blocks (default: where units are few per type) */
  general?: boolean;
  seed?: number;
  /** share of each unit's base that must rest on what is below (default MIN_SUPPORT_SHARE, 75%) */
  support?: number;
}

/**
 * Fill one box from the pool (without taking from it) by the tree search, whose loads are
 * fully supported, then complete the load in the maximal spaces it leaves, by the four greedy
 * constructions at the given support share (at 75% they can overhang what the tree search
 * would not); the fullest is kept.
 */
export function searchOne(box: ContainerBox, pool: TypePool, opts: SearchOptions = {}): Construction {
  return searchAt(box, pool, [opts.support ?? MIN_SUPPORT_SHARE], opts)[0];
}

/** searchOne at several support shares: one tree search, one completion per share. */
export function searchAt(box: ContainerBox, pool: TypePool, supports: readonly number[], opts: SearchOptions = {}): Construction[] {
  const types = pool.types.map((t, i) => ({ orients: t.orients, kg: t.kg, volume: t.volume, count: pool.left[i] }));
  const found = treeLoad(box, types, { work: opts.work ?? TREE_DEFAULTS.work, seed: opts.seed ?? 1, general: opts.general });
  // The tree search knows nothing of the stacking rule (issue 11): its load is kept only
  // where every block stands by the rule, else the greedy constructions (which ask it) start empty.
  const tree = !box.stacking || standsByRule(box, pool, found.blocks) ? found : { blocks: [], used: new Map<number, number>(), volume: 0, kg: 0 };
  const minExt = minExtents(pool);
  return supports.map((support) => {
    const rng = seededRandom(opts.seed ?? 1);
    let best = tree;
    for (const g of GREEDY) {
      const c = construct(box, pool, minExt, { spaceOrder: g.spaceOrder, score: g.score, noise: 0, rng, window: 24, support }, tree.blocks);
      if (c.volume > best.volume + 1e-9 && c.kg <= box.maxKg + 1e-9) best = c;
    }
    return best;
  });
}

/** Do these blocks, placed bottom first, keep the stacking rule (no unit on a lighter one, weight limits)? */
function standsByRule(box: ContainerBox, pool: TypePool, blocks: readonly Block[]): boolean {
  const stack = stackingFor(box.stacking!, pool.types);
  if (stack.idle) return true;
  for (const b of [...blocks].sort((a, c) => a.zs[0] - c.zs[0])) {
    const t = pool.types[b.type];
    if (!stack.mayPlace(b, t.kg, topLimit(t))) return false;
    stack.place(b, t.kg, topLimit(t));
  }
  return true;
}

/** The units of a block, x fastest, then y, then z (bottom layer first). */
export function* unitsOf(b: Block): Generator<{ x: number; y: number; z: number; l: number; w: number; h: number }> {
  for (let k = 0; k + 1 < b.zs.length; k++)
    for (let j = 0; j + 1 < b.ys.length; j++)
      for (let i = 0; i + 1 < b.xs.length; i++)
        yield { x: b.xs[i], y: b.ys[j], z: b.zs[k], l: b.dims[0], w: b.dims[1], h: b.dims[2] };
}

export interface ContainerUnit {
  id: string;
  l: number;
  w: number;
  h: number;
  kg: number;
  /** any face may go down (ignored when `vertical` is given) */
  tiltable?: boolean;
  /** per dimension l, w, h: may it stand vertical (the BR flags); default upright only */
  vertical?: VerticalFlags;
}

export interface UnitPlacement {
  id: string;
  x: number;
  y: number;
  z: number;
  l: number;
  w: number;
  h: number;
}

export interface ContainerLoad {
  placements: UnitPlacement[];
  packedIds: string[];
  unpackedIds: string[];
  volume: number;
  kg: number;
}

/**
 * Load one container with as many of the units as possible (by volume, within maxKg), by
 * searchOne at the given support share (default 75%; 1 = full support).
 * Identical units (same extents, weight, orientation freedom) are packed as blocks; the ids
 * of a type are used in input order.
 */
export function packContainer(box: ContainerBox, units: readonly ContainerUnit[], opts: SearchOptions = {}): ContainerLoad {
  return packContainerAt(box, units, [opts.support ?? MIN_SUPPORT_SHARE], opts)[0];
}

/** packContainer at several support shares (one tree search): one load per share. */
export function packContainerAt(box: ContainerBox, units: readonly ContainerUnit[], supports: readonly number[], opts: SearchOptions = {}): ContainerLoad[] {
  const types: BoxType[] = [];
  const ids: string[][] = [];
  const byKey = new Map<string, number>();
  for (const u of units) {
    const vertical = u.vertical ?? (u.tiltable ? ANY_FACE : UPRIGHT);
    const key = `${u.l}|${u.w}|${u.h}|${u.kg}|${vertical.join(',')}`;
    let t = byKey.get(key);
    if (t === undefined) {
      const orients = fittingOrientations(orientationsOf(u.l, u.w, u.h, vertical), box);
      if (orients.length === 0 || u.kg > box.maxKg) continue; // reported as unpacked below
      t = types.length;
      byKey.set(key, t);
      types.push({ orients, kg: u.kg, volume: u.l * u.w * u.h });
      ids.push([]);
    }
    ids[t].push(u.id);
  }
  // bigger units first: they are the hard ones to place late
  const order = types.map((_, i) => i).sort((a, b) => types[b].volume - types[a].volume || a - b);
  const pool = new TypePool(
    types,
    ids.map((l) => l.length),
    order,
  );
  return searchAt(box, pool, supports, opts).map((best) => {
    const next = new Array<number>(types.length).fill(0);
    const placements: UnitPlacement[] = [];
    for (const b of best.blocks) {
      for (const u of unitsOf(b)) placements.push({ id: ids[b.type][next[b.type]++], ...u });
    }
    const packed = new Set(placements.map((p) => p.id));
    return {
      placements,
      packedIds: placements.map((p) => p.id),
      unpackedIds: units.map((u) => u.id).filter((id) => !packed.has(id)),
      volume: best.volume,
      kg: best.kg,
    };
  });
}
