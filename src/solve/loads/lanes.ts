// Floor layout by lanes: strips that run the whole length of the floor, side by side across its
// width (two 2.7 m lanes on a C-17, one lane on a C-130). Pieces stand one behind another in a
// lane, so lengths of different pieces add up along the floor instead of each row taking the
// length of its longest piece. A lane's pieces may be put in any order and shifted along it,
// which is how the load is balanced: each lane is arranged on its own toward the middle of
// cgRangeM, with the same row-order walk as the row layout (balance.ts).

import { GEOMETRY_EPS_M } from '../../model/index.ts';
import { arrange } from './balance.ts';
import type { Orientation } from '../shared/orientations.ts';
import type { Row } from './layout.ts';

const EPS = GEOMETRY_EPS_M;

interface LaneItem {
  piece: number;
  l: number;
  w: number;
  weightKg: number;
}

interface Lane {
  w: number;
  used: number;
  items: LaneItem[];
}

/** A placed piece: x from the front of the floor, y from the left wall. */
export interface LanePlace {
  piece: number;
  x: number;
  y: number;
  l: number;
  w: number;
}

export class LaneLayout {
  readonly lanes: Lane[] = [];
  private usedW = 0;

  constructor(
    readonly floorLengthM: number,
    readonly floorWidthM: number,
  ) {}

  /**
   * Best fit: the lane the piece fills most closely without widening it; else a new lane; else a
   * lane widened into spare width. False when none takes it.
   */
  place(piece: number, weightKg: number, options: readonly Orientation[]): boolean {
    const L = this.floorLengthM;
    let best: { lane: Lane; o: Orientation; left: number } | null = null;
    for (const o of options) {
      for (const lane of this.lanes) {
        const left = L - lane.used - o.l;
        if (left < -EPS || o.w > lane.w + EPS) continue;
        if (!best || left < best.left - EPS) best = { lane, o, left };
      }
    }
    if (best) return this.put(best.lane, piece, weightKg, best.o);
    for (const o of options) {
      if (o.l <= L + EPS && this.usedW + o.w <= this.floorWidthM + EPS) {
        const lane: Lane = { w: o.w, used: 0, items: [] };
        this.lanes.push(lane);
        this.usedW += o.w;
        return this.put(lane, piece, weightKg, o);
      }
    }
    for (const o of options) {
      for (const lane of this.lanes) {
        if (lane.used + o.l > L + EPS) continue;
        const wider = this.usedW - lane.w + o.w;
        if (wider > this.floorWidthM + EPS) continue;
        this.usedW = wider;
        lane.w = o.w;
        return this.put(lane, piece, weightKg, o);
      }
    }
    return false;
  }

  private put(lane: Lane, piece: number, weightKg: number, o: Orientation): boolean {
    lane.items.push({ piece, l: o.l, w: o.w, weightKg });
    lane.used += o.l;
    return true;
  }

  /**
   * Each lane arranged toward the middle of the range; the places and the cargo CG, or null
   * when the whole load's CG misses the range (the caller then tries the row layout).
   */
  arrange(cgRangeM: [number, number]): { places: LanePlace[]; cgM: number | null } | null {
    const places: LanePlace[] = [];
    let y = 0;
    let kg = 0;
    let moment = 0;
    for (const lane of this.lanes) {
      const rows: Row[] = lane.items.map((it) => ({
        len: it.l, usedW: it.w, columns: [], slots: [], weightKg: it.weightKg, momentKgM: (it.weightKg * it.l) / 2,
      }));
      const a = arrange(rows, this.floorLengthM, cgRangeM);
      lane.items.forEach((it, i) => {
        places.push({ piece: it.piece, x: a.rowX[i], y, l: it.l, w: it.w });
        kg += it.weightKg;
        moment += it.weightKg * (a.rowX[i] + it.l / 2);
      });
      y += lane.w;
    }
    if (kg <= 0) return { places, cgM: null };
    const cg = moment / kg;
    const [lo, hi] = cgRangeM;
    return cg >= lo - 1e-9 && cg <= hi + 1e-9 ? { places, cgM: cg } : null;
  }
}
