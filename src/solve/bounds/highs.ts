// The HiGHS LP solver (WebAssembly), loaded once when this module is first imported: the
// loader is asynchronous but each solve is synchronous, so the planner itself stays synchronous.

import * as highsModule from 'highs';
import type { Highs } from 'highs';

// The package's types describe a CommonJS module; as an ES module its default export is the loader.
const loadHighs = (highsModule as unknown as { default: () => Promise<Highs> }).default;
const highs: Highs = await loadHighs();

/** The optimal objective of a CPLEX-LP-format minimisation, or null when HiGHS cannot prove one. */
export function lpOptimum(lp: string): number | null {
  try {
    const r = highs.solve(lp, { output_flag: false });
    return r.Status === 'Optimal' && Number.isFinite(r.ObjectiveValue) ? r.ObjectiveValue : null;
  } catch {
    return null;
  }
}

/** Solves a CPLEX-LP-format model (LP or MILP): status, objective and column values. */
export function solveModel(lp: string): { status: string; objective: number; columns: Record<string, number> } {
  const r = highs.solve(lp, { output_flag: false });
  const columns: Record<string, number> = {};
  for (const [name, c] of Object.entries(r.Columns ?? {})) columns[name] = (c as { Primal?: number }).Primal ?? NaN;
  return { status: r.Status, objective: r.ObjectiveValue, columns };
}

/**
 * Solves a CPLEX-LP-format minimisation and returns the row duals in row order, or null when
 * HiGHS cannot prove an optimum (column generation in bench/scale-floor-lp.ts).
 */
export function solveWithDuals(lp: string): number[] | null {
  try {
    const r = highs.solve(lp, { output_flag: false });
    if (r.Status !== 'Optimal') return null;
    return (r.Rows ?? []).map((row) => (row as { Dual?: number }).Dual ?? 0);
  } catch {
    return null;
  }
}
