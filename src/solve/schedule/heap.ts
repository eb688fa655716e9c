// A binary min-heap of wake-up hints for tails: (key, tie rank, tail index, version). The
// scheduler treats each key as a lower bound and re-evaluates the tail when its hint comes up
// (lazy greedy); at an equal key the lower rank comes first (the tail index for seed 1).

export interface Hint {
  key: number;
  rank: number;
  tail: number;
  version: number;
}

function less(a: Hint, b: Hint): boolean {
  return a.key < b.key || (a.key === b.key && a.rank < b.rank);
}

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
