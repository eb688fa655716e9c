// Loading one container (or one pallet's usable box) as full as possible: several block
// constructions with different space orders, block scores and seeded perturbations, keeping
// the best. packContainer is the unit-level entry the container-loading benchmark calls;
// the palletiser calls fillOne on grouped units.

import { construct, minExtents, type Block, type Construction, type ContainerBox } from './blocks.ts';
import { ANY_FACE, UPRIGHT, fittingOrientations, orientationsOf, type VerticalFlags } from './orientations.ts';
import { TypePool, type BoxType } from './pool.ts';
import { seededRandom } from './random.ts';

export type { ContainerBox, Block } from './blocks.ts';

export interface FillOptions {
  /** constructions tried (the first four are greedy, the rest perturbed); at least 1 */
  restarts?: number;
  /** types that fit a space compared per block */
  window?: number;
  seed?: number;
}

const GREEDY = [
  { spaceOrder: 'floor', score: 'volume' },
  { spaceOrder: 'corner', score: 'volume' },
  { spaceOrder: 'floor', score: 'fit' },
  { spaceOrder: 'corner', score: 'fit' },
] as const;

/** Fill one box from the pool (without taking from it); best of the restarts. */
export function fillOne(box: ContainerBox, pool: TypePool, opts: FillOptions = {}): Construction {
  const restarts = Math.max(1, opts.restarts ?? 8);
  const window = opts.window ?? 24;
  const rng = seededRandom(opts.seed ?? 1);
  const minExt = minExtents(pool);
  const boxVolume = box.l * box.w * box.h;
  const value = (c: Construction) => c.volume / boxVolume + (Number.isFinite(box.maxKg) ? c.kg / box.maxKg : 0);
  let best: Construction | null = null;
  const packedAll = (c: Construction) => {
    let packed = 0;
    for (const n of c.used.values()) packed += n;
    return packed === pool.totalLeft;
  };
  // half the budget on fresh constructions, the rest completing the start of the best load
  const fresh = Math.max(Math.min(restarts, GREEDY.length), Math.ceil(restarts / 2));
  for (let r = 0; r < restarts; r++) {
    const g = GREEDY[r % GREEDY.length];
    const improving = r >= fresh && best !== null;
    const keep = improving ? Math.floor(best!.blocks.length * (0.3 + 0.6 * rng())) : 0;
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
      },
      improving ? best!.blocks.slice(0, keep) : [],
    );
    if (!best || value(c) > value(best) + 1e-12) best = c;
    if (packedAll(best)) break; // everything is in: nothing left to improve
  }
  return best!;
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
 * Load one container with as many of the units as possible (by volume, within maxKg).
 * Identical units (same extents, weight, orientation freedom) are packed as blocks; the ids
 * of a type are used in input order.
 */
export function packContainer(box: ContainerBox, units: readonly ContainerUnit[], opts: FillOptions = {}): ContainerLoad {
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
  const best = fillOne(box, pool, { restarts: 100, ...opts });
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
}
