// Which ways a unit may stand. A unit always turns about the vertical axis; which of its
// dimensions may stand vertical is the item's `verticalDims` (tiltable = all three), the same
// per-dimension form as the BR container-loading instances' flags.

import type { UnitDimension } from '../../model/index.ts';

/** Extent of a unit as placed: length along x, width along y, height along z. */
export type Dims = readonly [l: number, w: number, h: number];

/** Per original dimension (length, width, height): may it be the vertical one? */
export type VerticalFlags = readonly [boolean, boolean, boolean];

export const UPRIGHT: VerticalFlags = [false, false, true];
export const ANY_FACE: VerticalFlags = [true, true, true];

/** An item's `verticalDims` as flags per dimension (length, width, height). */
export function verticalFlags(dims: readonly UnitDimension[]): VerticalFlags {
  return [dims.includes('length'), dims.includes('width'), dims.includes('height')];
}

/** Distinct placed extents of a unit, upright ones first, with turns about the vertical. */
export function orientationsOf(l: number, w: number, h: number, vertical: VerticalFlags): Dims[] {
  const dims = [l, w, h];
  const out: Dims[] = [];
  // height first so that the upright orientations come first when several are allowed
  for (const v of [2, 1, 0]) {
    if (!vertical[v]) continue;
    const [a, b] = [0, 1, 2].filter((i) => i !== v).map((i) => dims[i]);
    for (const d of [[a, b, dims[v]] as const, [b, a, dims[v]] as const]) {
      if (!out.some((o) => o[0] === d[0] && o[1] === d[1] && o[2] === d[2])) out.push(d);
    }
  }
  return out;
}

/** The orientations that fit inside a box of the given extents (eps for rounding). */
export function fittingOrientations(
  orients: readonly Dims[],
  box: { l: number; w: number; h: number },
  eps = 1e-9,
): Dims[] {
  return orients.filter((o) => o[0] <= box.l + eps && o[1] <= box.w + eps && o[2] <= box.h + eps);
}
