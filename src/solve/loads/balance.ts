// Weight and balance: order the rows along the floor, turn rows end for end and shift the whole
// block fore or aft in the free floor so the cargo centre of gravity lands as near the middle of
// cgRangeM as it can. No cargo is dropped here; the caller decides what to do when it misses.

import type { Row } from './layout.ts';

export interface Arrangement {
  /** row indices from the front of the floor */
  order: number[];
  /** per row index: turned end for end */
  flipped: boolean[];
  /** x of each row's front, per row index */
  rowX: number[];
  /** Σ w (x + l/2) / Σ w; null without weight */
  cgM: number | null;
  inside: boolean;
}

const CG_EPS_M = 1e-9;

/**
 * Rows sorted densest-first give the lowest centre of gravity; each adjacent swap that moves a
 * denser row aft raises it (by w_a·l_b − w_b·l_a ≥ 0) until the order is lightest-first, the
 * highest. Walking that path visits every place for the heavy rows, and at each step the free
 * floor allows a continuous shift, so the best step is kept.
 */
export function arrange(rows: readonly Row[], floorLengthM: number, cgRangeM: [number, number]): Arrangement {
  const n = rows.length;
  const total = rows.reduce((s, r) => s + r.weightKg, 0);
  const used = rows.reduce((s, r) => s + r.len, 0);
  const free = Math.max(0, floorLengthM - used);
  const [lo, hi] = cgRangeM;
  const mid = (lo + hi) / 2;
  const flipped = rows.map(() => false);
  if (total <= 0) {
    return { order: rows.map((_, i) => i), flipped, rowX: prefixX(rows, rows.map((_, i) => i), 0), cgM: null, inside: true };
  }
  const density = rows.map((r) => r.weightKg / r.len);
  const order = rows.map((_, i) => i).sort((a, b) => density[b] - density[a] || a - b);
  const rowMoment = (i: number): number => (flipped[i] ? rows[i].weightKg * rows[i].len - rows[i].momentKgM : rows[i].momentKgM);

  let moment = 0; // with the block at the front of the floor
  let x = 0;
  for (const i of order) {
    moment += rows[i].weightKg * x + rowMoment(i);
    x += rows[i].len;
  }
  const reach = (m: number): number => clamp(mid, m / total, m / total + free);
  let best = order.slice();
  let bestMoment = moment;
  let bestScore = Math.abs(reach(moment) - mid);

  for (let pass = 0; pass < n - 1 && bestScore > 0; pass++) {
    let swapped = false;
    for (let j = 0; j + 1 < n - pass; j++) {
      const a = order[j];
      const b = order[j + 1];
      if (!(density[a] > density[b])) continue;
      moment += rows[a].weightKg * rows[b].len - rows[b].weightKg * rows[a].len;
      order[j] = b;
      order[j + 1] = a;
      swapped = true;
      const score = Math.abs(reach(moment) - mid);
      if (score < bestScore) {
        bestScore = score;
        best = order.slice();
        bestMoment = moment;
        if (score === 0) break;
      }
    }
    if (!swapped) break;
  }

  // Turning a row end for end moves its weight within its own length: fine tuning when the
  // floor is full and the swaps step past the range.
  moment = bestMoment;
  for (let improved = true; improved && bestScore > 0; ) {
    improved = false;
    for (const i of best) {
      const r = rows[i];
      const delta = r.weightKg * r.len - 2 * rowMoment(i);
      const score = Math.abs(reach(moment + delta) - mid);
      if (score < bestScore - CG_EPS_M) {
        flipped[i] = !flipped[i];
        moment += delta;
        bestScore = score;
        improved = true;
      }
    }
  }

  const cg = reach(moment);
  const offset = clamp(cg - moment / total, 0, free);
  const rowX = prefixX(rows, best, offset);
  const cgM = moment / total + offset;
  return { order: best, flipped, rowX, cgM, inside: cgM >= lo - CG_EPS_M && cgM <= hi + CG_EPS_M };
}

function prefixX(rows: readonly Row[], order: readonly number[], offset: number): number[] {
  const out = new Array<number>(rows.length).fill(0);
  let x = offset;
  for (const i of order) {
    out[i] = x;
    x += rows[i].len;
  }
  return out;
}

function clamp(v: number, a: number, b: number): number {
  return v < a ? a : v > b ? b : v;
}
