// Evidence for the scale section (issue 13): at an origin site, how many sorties do the plan's
// own pieces need, whoever loads them? Every sortie from the site carries some of the site's
// pallets (their gross weight), floor units (their unit weight) and people (at passengerKg each)
// within its payload limit, so one-dimensional bin packing of exactly those weights in bins of
// the largest ACL the site's runway takes is a relaxation of any load plan for them: its optimum
// bounds the sorties from below. Solved exactly (column generation over packing patterns in
// HiGHS, the palletiser's own weight-bin method, src/solve/pallets/bins/exact.ts), with weights
// and the ACL rounded down to a 10 kg grid, which only relaxes it further. When this is the
// plan's count, the loads are optimal for the pieces the palletiser built, and the gap to the
// plan's sortie bound is the pallets' weights (and the bound, which sees the cargo as fluid).

import type { Plan, Scenario } from '../src/model/index.ts';
import { exactBins } from '../src/solve/pallets/bins/exact.ts';
import { lowerBound } from '../src/solve/pallets/bins/bound.ts';
import { firstFitDecreasing } from '../src/solve/pallets/bins/ffd.ts';
import type { WeightedType } from '../src/solve/pallets/bins/types.ts';

const GRID_KG = 10;

export interface PiecesByWeight {
  /** proven: no load plan flies these pieces and people in fewer sorties */
  lowerBound: number;
  /** the exact method met the bound with a packing (so it is the weight-only optimum) */
  optimal: boolean;
  pieces: number;
  people: number;
}

/** The weight-only bin-packing bound on sorties for the pieces and people the plan flew from `site`. */
export function piecesByWeight(scenario: Scenario, plan: Plan, site: string, aclKg: number): PiecesByWeight {
  const palletKg = new Map(plan.pallets.map((p) => [p.id, p.grossKg]));
  const itemKg = new Map(scenario.items.map((i) => [i.id, i.unitWeightKg]));
  const counts = new Map<number, number>();
  const add = (kg: number, n = 1) => {
    const w = Math.floor(kg / GRID_KG + 1e-9);
    if (w > 0) counts.set(w, (counts.get(w) ?? 0) + n);
  };
  let pieces = 0;
  let people = 0;
  for (const s of plan.sorties) {
    if (s.from !== site) continue;
    for (const l of s.loads) {
      const kg = palletKg.get(l.ref) ?? itemKg.get(l.ref);
      if (kg === undefined) throw new Error(`bench: sortie ${s.id} carries ${l.ref}, neither a pallet nor an item`);
      add(kg);
      pieces++;
    }
    people += s.passengers;
  }
  add(scenario.policy.passengerKg, people);
  const types: WeightedType[] = [...counts].sort((a, b) => b[0] - a[0]).map(([kg, count]) => ({ kg, volume: 0, count }));
  const cap = Math.floor(aclKg / GRID_KG + 1e-9);
  if (types.length === 0) return { lowerBound: 0, optimal: true, pieces, people };
  const ffd = firstFitDecreasing(types, cap, 1);
  const known = lowerBound(types, cap, 1);
  const out = exactBins(types, cap, 1, ffd, known);
  const best = Math.max(known, out.lowerBound);
  return { lowerBound: best, optimal: out.status === 'optimal' || ffd.length === best, pieces, people };
}
