// Use case: plan a scenario. Runs the planner, then the independent verifier on its output,
// then judges the deadlines; an infeasible plan is still a full answer, with remedies that
// were each checked by planning again. The plan is assembled here once, from the planner's
// solution and the verifier's findings, never patched afterwards.

import type { Plan, Scenario } from '../model/index.ts';
import { solve, type SolveOptions, type SolveStage } from '../solve/index.ts';
import { verifyPlan } from '../verify/index.ts';
import { deadlineStatuses } from './deadlines.ts';
import { findRemedies } from './remedies.ts';
import { findWhatIfs } from './what-if.ts';

export interface PlanOptions {
  /** seeds the planner's randomised choices; the same scenario and seed give the same plan */
  seed?: number;
  /** look for remedies when the plan is infeasible (replans several times) */
  remedies?: boolean;
  /** plan the what-ifs (24-hour operations at the site that sets the closure); one replan each */
  whatIfs?: boolean;
  /** called after each stage with its duration, for benchmarks; planning never reads a clock otherwise */
  onStage?: (stage: PlanStage, ms: number) => void;
}

export type PlanStage = SolveStage | 'verify';

export const DEFAULT_SEED = 1;

export function planScenario(scenario: Scenario, options: PlanOptions = {}): Plan {
  const seed = options.seed ?? DEFAULT_SEED;
  const plan = planOnce(scenario, { seed, onStage: options.onStage });
  const whatIfs = options.whatIfs === false ? [] : findWhatIfs(scenario, plan, (s) => planOnce(s, { seed }));
  const withWhatIfs = whatIfs.length ? { ...plan, whatIfs } : plan;
  if (plan.feasible || options.remedies === false) return withWhatIfs;
  const remedies = findRemedies(scenario, plan, (s, o) => planOnce(s, { ...o, seed }));
  return { ...withWhatIfs, remedies };
}

/** One planning pass: solve, verify, judge. */
export function planOnce(scenario: Scenario, options: Omit<SolveOptions, 'onStage'> & { onStage?: PlanOptions['onStage'] }): Plan {
  const { solution } = solve(scenario, options);
  const { seed, problems, notes, ...decided } = solution;
  // The verifier reads the plan as anyone would, claims included: this draft claims nothing.
  const draft: Plan = { formatVersion: 1, scenario: scenario.name, feasible: false, ...decided, violations: [], problems, notes, seed };
  const t0 = options.onStage ? performance.now() : 0;
  const violations = verifyPlan(scenario, draft);
  options.onStage?.('verify', performance.now() - t0);
  return {
    formatVersion: 1,
    scenario: scenario.name,
    feasible: violations.length === 0 && problems.length === 0,
    ...decided,
    violations,
    problems,
    notes,
    seed,
    deadlines: deadlineStatuses(scenario, draft),
  };
}
