// The units still waiting for a pallet, grouped by identical type. Identical units are packed
// as blocks, so a pool of a million units with a few thousand types stays cheap. A doubly
// linked list keeps the preferred order while exhausted types drop out in O(1).

import type { Dims } from './orientations.ts';

export interface BoxType {
  /** allowed placed extents that fit the container, preferred first */
  orients: Dims[];
  kg: number;
  volume: number;
}

export class TypePool {
  readonly types: readonly BoxType[];
  /** units left per type */
  readonly left: number[];
  totalLeft: number;
  head: number;
  readonly next: Int32Array;
  private readonly prev: Int32Array;

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
