// A binary min-heap of wake-up hints for tails: (key, sorties flown, tie rank, tail index,
// version). The scheduler treats each key as a lower bound and re-evaluates the tail when its
// hint comes up (lazy greedy); at an equal key the tail that flew fewer sorties comes first (so
// sister tails share the work), then the lower rank (the tail index for seed 1).

export interface Hint {
  key: number;
  uses: number;
  rank: number;
  tail: number;
  version: number;
}

/** Whether hint a goes before b: by key, then fewer sorties flown, then rank. */
export function before(a: Pick<Hint, 'key' | 'uses' | 'rank'>, b: Pick<Hint, 'key' | 'uses' | 'rank'>): boolean {
  return a.key < b.key || (a.key === b.key && (a.uses < b.uses || (a.uses === b.uses && a.rank < b.rank)));
}

const less = before;

export class HintHeap {
  private items: Hint[] = [];

  get size(): number {
    return this.items.length;
  }

  peek(): Hint | undefined {
    return this.items[0];
  }

  push(h: Hint): void {
    const a = this.items;
    a.push(h);
    let i = a.length - 1;
    while (i > 0) {
      const p = (i - 1) >> 1;
      if (!less(a[i], a[p])) break;
      [a[i], a[p]] = [a[p], a[i]];
      i = p;
    }
  }

  pop(): Hint | undefined {
    const a = this.items;
    if (a.length === 0) return undefined;
    const top = a[0];
    const last = a.pop()!;
    if (a.length > 0) {
      a[0] = last;
      let i = 0;
      for (;;) {
        const l = 2 * i + 1;
        const r = l + 1;
        let m = i;
        if (l < a.length && less(a[l], a[m])) m = l;
        if (r < a.length && less(a[r], a[m])) m = r;
        if (m === i) break;
        [a[i], a[m]] = [a[m], a[i]];
        i = m;
      }
    }
    return top;
  }
}
