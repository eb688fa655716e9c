// The baseline for container loading: first-fit columns. Each box type is stacked in columns
// of identical boxes (standing on the allowed face whose height wastes least of the container
// height), and the columns' footprints go onto the floor by first-fit shelf packing in input
// order. Every box sits fully on the floor or on a box like it. A yardstick, not a method.

export interface BoxSpec {
  type: number;
  /** length, width, height */
  dims: [number, number, number];
  /** per dimension: may it stand vertical (the BR flags) */
  vertical: [boolean, boolean, boolean];
  qty: number;
}

interface Shelf {
  y: number;
  depth: number;
  used: number;
}

/** Volume the column packer loads into a container of extents [L, W, H]. */
export function columnBaseline(container: readonly [number, number, number], boxes: readonly BoxSpec[]): number {
  const [L, W, H] = container;
  const shelves: Shelf[] = [];
  let volume = 0;
  for (const b of boxes) {
    // the standing face that fits most of the height in one column
    let stand: { v: number; per: number } | null = null;
    for (let v = 0; v < 3; v++) {
      if (!b.vertical[v] || b.dims[v] > H) continue;
      const per = Math.floor(H / b.dims[v]);
      if (!stand || per * b.dims[v] > stand.per * b.dims[stand.v]) stand = { v, per };
    }
    if (!stand) continue;
    const [a, c] = [0, 1, 2].filter((i) => i !== stand!.v).map((i) => b.dims[i]);
    let left = b.qty;
    while (left > 0) {
      const n = Math.min(left, stand.per);
      if (!place(shelves, L, W, a, c)) break;
      volume += n * b.dims[0] * b.dims[1] * b.dims[2];
      left -= n;
    }
  }
  return volume;
}

/** First-fit shelf placement of an a x c footprint (either turn); false when the floor is full. */
function place(shelves: Shelf[], L: number, W: number, a: number, c: number): boolean {
  for (const s of shelves) {
    for (const [l, w] of [[a, c], [c, a]]) {
      if (w <= s.depth && s.used + l <= L) {
        s.used += l;
        return true;
      }
    }
  }
  const top = shelves.length === 0 ? 0 : shelves[shelves.length - 1].y + shelves[shelves.length - 1].depth;
  // a new shelf as shallow as the footprint allows
  const turns = [[a, c], [c, a]].filter(([l, w]) => l <= L && top + w <= W).sort((p, q) => p[1] - q[1]);
  if (turns.length === 0) return false;
  const [l, w] = turns[0];
  shelves.push({ y: top, depth: w, used: l });
  return true;
}
