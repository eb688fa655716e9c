// The units still waiting for a pallet, grouped by identical type. Identical units are packed
// as blocks, so a pool of a million units with a few thousand types stays cheap. A doubly
// linked list keeps the preferred order while exhausted types drop out in O(1).

import type { Dims } from '../shared/orientations.ts';

export interface BoxType {
  /** allowed placed extents that fit the container, preferred first */
  orients: Dims[];
  kg: number;
  volume: number;
  /** issue 11: most weight one unit may carry (maxLoadOnTopKg); absent: no limit */
  maxTopKg?: number;
}

export class TypePool {
  readonly types: readonly BoxType[];
  /** units left per type */
  readonly left: number[];
  totalLeft: number;
  head: number;
  readonly next: Int32Array;
  private readonly prev: Int32Array;
  /** each type's smallest extent over its standings along x, y, z (3 per type): a quick no-fit test */
  readonly orientMins: Float64Array;

  /** `order`: type indices in the order the packer should prefer them; types with no units are skipped */
  constructor(types: readonly BoxType[], counts: readonly number[], order?: readonly number[]) {
    this.types = types;
    this.left = counts.slice();
    this.next = new Int32Array(types.length).fill(-1);
    this.prev = new Int32Array(types.length).fill(-1);
    const seq = (order ?? types.map((_, i) => i)).filter((t) => this.left[t] > 0);
    this.head = seq.length ? seq[0] : -1;
    for (let k = 0; k < seq.length; k++) {
      this.prev[seq[k]] = k > 0 ? seq[k - 1] : -1;
      this.next[seq[k]] = k + 1 < seq.length ? seq[k + 1] : -1;
    }
    this.totalLeft = seq.reduce((s, t) => s + this.left[t], 0);
    this.orientMins = new Float64Array(3 * types.length).fill(Infinity);
    types.forEach((t, i) => {
      for (const o of t.orients) for (let a = 0; a < 3; a++) this.orientMins[3 * i + a] = Math.min(this.orientMins[3 * i + a], o[a]);
    });
  }

  /** per axis x, y, z, then kg and volume: types sorted by their smallest value, and how far all are gone */
  private smallest: { order: Int32Array; value: Float64Array; at: number }[] | null = null;

  /**
   * The smallest extent along each axis, the lightest weight and the smallest volume among
   * the types with units left. Units only ever leave, so each sorted list is walked once: O(types log types) in all.
   */
  minimums(): [x: number, y: number, z: number, kg: number, volume: number] {
    if (!this.smallest) {
      const live: number[] = [];
      for (let t = this.head; t >= 0; t = this.next[t]) live.push(t);
      this.smallest = [0, 1, 2, 3, 4].map((a) => {
        const key = (t: number) =>
          a === 3 ? this.types[t].kg : a === 4 ? this.types[t].volume : Math.min(...this.types[t].orients.map((o) => o[a]));
        const order = Int32Array.from(live.map((t) => [key(t), t]).sort((p, q) => p[0] - q[0] || p[1] - q[1]).map((p) => p[1]));
        return { order, value: Float64Array.from(order, key), at: 0 };
      });
    }
    const m = this.smallest.map((s) => {
      while (s.at < s.order.length && this.left[s.order[s.at]] === 0) s.at++;
      return s.at < s.order.length ? s.value[s.at] : Infinity;
    });
    return [m[0], m[1], m[2], m[3], m[4]];
  }

  take(t: number, n: number): void {
    if (n > this.left[t]) throw new Error(`pallets: took ${n} units of type ${t}, only ${this.left[t]} left`);
    this.left[t] -= n;
    this.totalLeft -= n;
    if (this.left[t] === 0) {
      const p = this.prev[t];
      const q = this.next[t];
      if (p >= 0) this.next[p] = q;
      else this.head = q;
      if (q >= 0) this.prev[q] = p;
    }
  }
}
