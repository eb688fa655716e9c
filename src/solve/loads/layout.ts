// Floor layout by rows: each row spans the floor's width and has the length of the piece that
// opened it; inside a row, pieces stand in columns across the width, and a column may hold
// several short pieces one behind the other (two pallets beside a long vehicle). Rows are
// independent blocks, so the balance step can reorder and shift them without new overlaps.

import { GEOMETRY_EPS_M } from '../../model/index.ts';
import type { Orientation } from '../shared/orientations.ts';

const EPS = GEOMETRY_EPS_M;

/** One piece inside a row: dx from the row's front, y from the left wall. */
export interface Slot {
  /** index of the piece in the caller's list */
  piece: number;
  dx: number;
  y: number;
  l: number;
  w: number;
  weightKg: number;
}

interface Column {
  y: number;
  w: number;
  used: number;
}

export interface Row {
  len: number;
  usedW: number;
  columns: Column[];
  slots: Slot[];
  weightKg: number;
  /** Σ w (dx + l/2): the row's moment about its own front */
  momentKgM: number;
}

export class FloorLayout {
  readonly rows: Row[] = [];
  totalLen = 0;

  constructor(
    readonly floorLengthM: number,
    readonly floorWidthM: number,
  ) {}

  /** Places the piece in the first row, column or new row that takes it; false when none does. */
  place(piece: number, weightKg: number, options: readonly Orientation[]): boolean {
    for (const row of this.rows) {
      for (const o of options) if (this.intoRow(row, piece, weightKg, o, false)) return true;
    }
    for (const o of options) {
      if (this.totalLen + o.l <= this.floorLengthM + EPS) {
        const row: Row = { len: o.l, usedW: 0, columns: [], slots: [], weightKg: 0, momentKgM: 0 };
        this.rows.push(row);
        this.totalLen += o.l;
        this.intoRow(row, piece, weightKg, o, false);
        return true;
      }
    }
    // Last resort: lengthen a row where spare floor length allows, beside what it holds.
    for (const row of this.rows) {
      for (const o of options) if (this.intoRow(row, piece, weightKg, o, true)) return true;
    }
    return false;
  }

  private intoRow(row: Row, piece: number, weightKg: number, o: Orientation, stretch: boolean): boolean {
    if (!stretch) {
      for (const col of row.columns) {
        if (o.w <= col.w + EPS && col.used + o.l <= row.len + EPS) {
          this.put(row, col, piece, weightKg, o);
          return true;
        }
      }
    }
    if (row.usedW + o.w > this.floorWidthM + EPS) return false;
    if (o.l > row.len + EPS) {
      if (!stretch || this.totalLen - row.len + o.l > this.floorLengthM + EPS) return false;
      this.totalLen += o.l - row.len;
      row.len = o.l;
    }
    const col: Column = { y: row.usedW, w: o.w, used: 0 };
    row.columns.push(col);
    row.usedW += o.w;
    this.put(row, col, piece, weightKg, o);
    return true;
  }

  private put(row: Row, col: Column, piece: number, weightKg: number, o: Orientation): void {
    row.slots.push({ piece, dx: col.used, y: col.y, l: o.l, w: o.w, weightKg });
    row.weightKg += weightKg;
    row.momentKgM += weightKg * (col.used + o.l / 2);
    col.used += o.l;
  }
}
