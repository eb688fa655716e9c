// The one-dimensional subproblem of palletising: units grouped by type (weight, volume,
// count) go into bins of a weight capacity with the box volume as a second, coarse capacity.

export interface WeightedType {
  kg: number;
  volume: number;
  count: number;
}

/** per bin: [type index, units] */
export type Bin = [number, number][];

export interface BinOptions {
  /** units up to which the local search runs (it works unit by unit) */
  searchUnits?: number;
  /** local-search rounds */
  rounds?: number;
  /**
   * work budget (moves evaluated, search nodes): bin completion gets a tenth (at most 200k),
   * the bin-removing search twice this, the swap search three tenths; 0 = FFD and MBS only
   */
  work?: number;
  /**
   * try the exact method (column generation and an LP-guided dive) before the local searches;
   * it applies only where weight alone binds (no bin full by weight can be over the volume cap)
   */
  exact?: boolean;
  /** plan seed for the randomised searches (1: the seeds they always had) */
  seed?: number;
}

/** tolerance on weights and volumes (sums of floats) */
export const EPS = 1e-9;
