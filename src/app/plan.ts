// Use case: plan a scenario. Runs the planner, then the independent verifier on its output,
// then judges the deadlines; an infeasible plan is still a full answer, with remedies that
// were each checked by planning again.

import type { Plan, Scenario, Violation } from '../model/index.ts';
import { solve, type SolveOptions } from '../solve/index.ts';
import { verifyPlan } from '../verify/index.ts';
import { deadlineStatuses } from './deadlines.ts';
import { findRemedies } from './remedies.ts';

export interface PlanOptions {
  seed?: number;
  /** look for remedies when the plan is infeasible (replans several times) */
  remedies?: boolean;
}

export interface PlanOutcome {
  plan: Plan;
  /** the solver's own findings that are not rule violations: items nobody can move, cargo stranded */
  problems: string[];
}

export function planScenario(scenario: Scenario, options: PlanOptions = {}): PlanOutcome {
  const outcome = planOnce(scenario, { seed: options.seed });
  if (!outcome.plan.feasible && options.remedies !== false) {
    outcome.plan.remedies = findRemedies(scenario, outcome.plan, (s, o) => planOnce(s, { ...o, seed: options.seed }).plan);
  }
  return outcome;
}

/** One planning pass: solve, verify, judge. */
export function planOnce(scenario: Scenario, options: SolveOptions): PlanOutcome {
  const { plan, blocked, stranded } = solve(scenario, options);
  const violations: Violation[] = verifyPlan(scenario, plan);
  plan.violations = violations;
  plan.deadlines = deadlineStatuses(scenario, plan);
  const problems = [
    ...blocked.map((b) => `item ${b.itemId} cannot be moved, given or destroyed: ${b.reason}`),
    ...stranded.map((s) => `${s.pieces.length} loads and ${s.people} people stranded at ${s.site}: ${s.reason}`),
  ];
  plan.feasible = violations.length === 0 && problems.length === 0;
  return { plan, problems };
}
