// The stacking rule (docs/rules.md, pallet.stacking) as the packer asks it while it builds a
// pallet: may this block of identical units rest where it is? No unit rests on a lighter one
// unless the policy allows it, and the weight on each unit stays within its maxLoadOnTopKg. Weight
// passes down as formats.md says and the verifier recomputes it: each unit hands its own weight
// plus what rests on it to the units whose tops meet its base, in proportion to contact area.
//
// Two modes, so the rule costs nothing where it cannot bind: without any weight limit in the pool
// a block is one box (a block of identical units rests on a lighter unit exactly when it rests on
// a lighter block); with limits, every unit is kept with the load on it and a new block's weight
// is passed down through what it stands on.

const EPS = 1e-9;
/** Weight tolerance, kg: the verifier's. */
const KG_EPS = 1e-6;

/** The boundaries of a block of identical units (as the packer builds them: tops meet bottoms exactly). */
export interface Grid {
  readonly xs: readonly number[];
  readonly ys: readonly number[];
  readonly zs: readonly number[];
}

export interface StackRules {
  /** policy.heavierOnLighter: a unit may rest on a lighter one */
  heavierOnLighter: boolean;
}

/** One unit (or, without weight limits, one block) already on the pallet. */
interface Box {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
  z0: number;
  z1: number;
  kg: number;
  /** most weight it may carry; Infinity when no limit */
  cap: number;
  /** weight resting on it now */
  load: number;
  /** the boxes it rests on, with the share of its weight each takes */
  under: { box: number; share: number }[];
}

/** The most weight a unit of this type may carry: its maxTopKg, Infinity when it has none. */
export function topLimit(t: { maxTopKg?: number }): number {
  return t.maxTopKg ?? Infinity;
}

/** The rule as it applies to a pool: units and their loads are kept only where some type has a limit. */
export function stackingFor(rules: StackRules, types: readonly { maxTopKg?: number }[]): Stacking {
  let limited = TOP_LIMITED.get(types);
  if (limited === undefined) TOP_LIMITED.set(types, (limited = types.some((t) => t.maxTopKg !== undefined)));
  return new Stacking(rules, limited);
}

/**
 * Whether any of a pool's types limits the weight on top, per types list: a pool's list never
 * changes, and the palletiser sets up a rule for every construction it tries (a scan of every type each time).
 */
const TOP_LIMITED = new WeakMap<readonly object[], boolean>();

/** The layers of identical units one may stack on another: its limit over its weight, plus itself. */
export function maxLayers(kg: number, maxTopKg: number): number {
  if (!Number.isFinite(maxTopKg) || kg <= 0) return Infinity;
  return Math.floor(maxTopKg / kg + 1e-9) + 1;
}

export class Stacking {
  private readonly boxes: Box[] = [];
  /** box indices by the level of their top, for finding what a base meets */
  private readonly byTop = new Map<number, number[]>();
  /** box indices by the level of their base, for finding what rests on a new top */
  private readonly byBase = new Map<number, number[]>();

  /**
   * @param capped true when some unit in the pool has a weight limit: keep every unit and its load
   */
  constructor(
    private readonly rules: StackRules,
    private readonly capped: boolean,
  ) {}

  /** Nothing to check: lighter units may carry heavier ones and nothing has a limit. */
  get idle(): boolean {
    return this.rules.heavierOnLighter && !this.capped;
  }

  /** May a block of units of this weight and limit stand at its place? */
  mayPlace(g: Grid, kg: number, maxTopKg: number): boolean {
    if (this.idle) return true;
    const nz = g.zs.length - 1;
    if ((nz - 1) * kg > maxTopKg + KG_EPS) return false;
    const z0 = g.zs[0];
    const z1 = g.zs[nz];
    const x0 = g.xs[0];
    const x1 = g.xs[g.xs.length - 1];
    const y0 = g.ys[0];
    const y1 = g.ys[g.ys.length - 1];
    // the order of weights, below and above the block
    if (!this.rules.heavierOnLighter) {
      if (z0 > EPS && this.some(this.byTop, z0, x0, y0, x1, y1, (b) => b.kg + KG_EPS < kg)) return false;
      if (this.some(this.byBase, z1, x0, y0, x1, y1, (b) => b.kg > kg + KG_EPS)) return false;
    }
    if (!this.capped) return true;
    if (this.some(this.byBase, z1, x0, y0, x1, y1, () => true)) return this.recomputed(g, kg, maxTopKg);
    return this.passDown(g, kg, false);
  }

  /** Puts the block on the pallet (after mayPlace said yes), with the weight it passes down. */
  place(g: Grid, kg: number, maxTopKg: number): void {
    if (this.idle) return;
    if (!this.capped) {
      this.push({ x0: g.xs[0], y0: g.ys[0], x1: g.xs[g.xs.length - 1], y1: g.ys[g.ys.length - 1], z0: g.zs[0], z1: g.zs[g.zs.length - 1], kg, cap: Infinity, load: 0, under: [] });
      return;
    }
    const nz = g.zs.length - 1;
    if (this.some(this.byBase, g.zs[nz], g.xs[0], g.ys[0], g.xs[g.xs.length - 1], g.ys[g.ys.length - 1], () => true)) {
      this.addUnits(g, kg, maxTopKg);
      this.relink();
      this.reload();
      return;
    }
    this.passDown(g, kg, true);
    this.addUnits(g, kg, maxTopKg);
  }

  /** Is there a box at level z (top or base, by the index given) over the rectangle that passes the test? */
  private some(index: Map<number, number[]>, z: number, x0: number, y0: number, x1: number, y1: number, test: (b: Box) => boolean): boolean {
    const key = levelKey(z);
    const top = index === this.byTop;
    for (let k = key - 1; k <= key + 1; k++) {
      const list = index.get(k);
      if (!list) continue;
      for (const i of list) {
        const b = this.boxes[i];
        if (Math.abs((top ? b.z1 : b.z0) - z) > EPS * 1e3) continue;
        if (Math.min(x1, b.x1) - Math.max(x0, b.x0) > EPS && Math.min(y1, b.y1) - Math.max(y0, b.y0) > EPS && test(b)) return true;
      }
    }
    return false;
  }

  /** Boxes whose level (top or base, by the index given) is z and whose footprint overlaps the rectangle. */
  private meeting(index: Map<number, number[]>, z: number, x0: number, y0: number, x1: number, y1: number): number[] {
    if (z <= EPS && index === this.byTop) return [];
    const out: number[] = [];
    const key = levelKey(z);
    for (const k of [key - 1, key, key + 1]) {
      for (const i of index.get(k) ?? []) {
        const b = this.boxes[i];
        const level = index === this.byTop ? b.z1 : b.z0;
        if (Math.abs(level - z) > EPS * 1e3) continue;
        if (Math.min(x1, b.x1) - Math.max(x0, b.x0) > EPS && Math.min(y1, b.y1) - Math.max(y0, b.y0) > EPS) out.push(i);
      }
    }
    return out;
  }

  /**
   * The new block's columns hand their weight to what they stand on, and that on down; with
   * `commit` the loads are kept, else only checked against every limit.
   */
  private passDown(g: Grid, kg: number, commit: boolean): boolean {
    const z0 = g.zs[0];
    if (z0 <= EPS) return true; // on the pallet base
    const nz = g.zs.length - 1;
    const delta = new Map<number, number>();
    for (let i = 0; i + 1 < g.xs.length; i++)
      for (let j = 0; j + 1 < g.ys.length; j++) {
        const under = this.contacts(z0, g.xs[i], g.ys[j], g.xs[i + 1], g.ys[j + 1]);
        for (const { box, share } of under) delta.set(box, (delta.get(box) ?? 0) + nz * kg * share);
      }
    // highest first, so every share has arrived before a box hands its own on
    const pending = [...delta.keys()];
    const seen = new Set(pending);
    while (pending.length > 0) {
      let at = 0;
      for (let k = 1; k < pending.length; k++) if (this.boxes[pending[k]].z0 > this.boxes[pending[at]].z0) at = k;
      const i = pending[at];
      pending.splice(at, 1);
      const b = this.boxes[i];
      const d = delta.get(i)!;
      if (b.load + d > b.cap + KG_EPS) return false;
      for (const { box, share } of b.under) {
        delta.set(box, (delta.get(box) ?? 0) + d * share);
        if (!seen.has(box)) {
          seen.add(box);
          pending.push(box);
        }
      }
    }
    if (commit) for (const [i, d] of delta) this.boxes[i].load += d;
    return true;
  }

  /** What a base rectangle at z rests on, each with its share of the contact area. */
  private contacts(z: number, x0: number, y0: number, x1: number, y1: number): { box: number; share: number }[] {
    if (z <= EPS) return [];
    const out: { box: number; share: number }[] = [];
    let total = 0;
    for (const i of this.meeting(this.byTop, z, x0, y0, x1, y1)) {
      const b = this.boxes[i];
      const area = (Math.min(x1, b.x1) - Math.max(x0, b.x0)) * (Math.min(y1, b.y1) - Math.max(y0, b.y0));
      out.push({ box: i, share: area });
      total += area;
    }
    for (const c of out) c.share /= total;
    return out;
  }

  private addUnits(g: Grid, kg: number, maxTopKg: number): void {
    const nz = g.zs.length - 1;
    for (let k = 0; k < nz; k++)
      for (let j = 0; j + 1 < g.ys.length; j++)
        for (let i = 0; i + 1 < g.xs.length; i++) {
          const [x0, y0, x1, y1, z0] = [g.xs[i], g.ys[j], g.xs[i + 1], g.ys[j + 1], g.zs[k]];
          const under = this.contacts(z0, x0, y0, x1, y1);
          this.push({ x0, y0, x1, y1, z0, z1: g.zs[k + 1], kg, cap: maxTopKg, load: (nz - 1 - k) * kg, under });
        }
  }

  private push(b: Box): void {
    const i = this.boxes.length;
    this.boxes.push(b);
    for (const [index, z] of [[this.byTop, b.z1], [this.byBase, b.z0]] as const) {
      const key = levelKey(z);
      const list = index.get(key);
      if (list) list.push(i);
      else index.set(key, [i]);
    }
  }

  /** After a block slid in under others: who rests on whom, afresh. */
  private relink(): void {
    for (const b of this.boxes) b.under = this.contacts(b.z0, b.x0, b.y0, b.x1, b.y1);
  }

  /**
   * Every load recomputed as the verifier does, with the block's units added (for the rare block
   * that slides in under units already placed); null when a limit breaks.
   */
  private recomputed(g: Grid, kg: number, maxTopKg: number): boolean {
    const trial = new Stacking(this.rules, true);
    for (const b of this.boxes) trial.push({ ...b, load: 0, under: [] });
    trial.addUnits(g, kg, maxTopKg);
    trial.relink();
    return trial.reload();
  }

  /** Every load from the top down, as the verifier computes it; false when one is over its limit. */
  private reload(): boolean {
    const order = this.boxes.map((_, i) => i).sort((a, b) => this.boxes[b].z0 - this.boxes[a].z0);
    for (const b of this.boxes) b.load = 0;
    let ok = true;
    for (const i of order) {
      const b = this.boxes[i];
      if (b.load > b.cap + KG_EPS) ok = false;
      for (const { box, share } of b.under) this.boxes[box].load += (b.kg + b.load) * share;
    }
    return ok;
  }
}

function levelKey(z: number): number {
  return Math.round(z * 1e6);
}
