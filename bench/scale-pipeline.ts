// The planner timed stage by stage through solve()'s own hook, then the verifier.

import type { Plan, Scenario } from '../src/model/index.ts';
import { solve } from '../src/solve/index.ts';
import { verifyPlan } from '../src/verify/index.ts';

export interface StageTimes {
  dispose: number;
  pallets: number;
  schedule: number;
  /** pieces, closures, bounds, metrics */
  rest: number;
  verify: number;
}

export interface TimedPlan {
  plan: Plan;
  ms: StageTimes;
  blocked: number;
  stranded: number;
  /** rss after each stage, bytes */
  rss: Record<string, number>;
}

export function timedPlan(scenario: Scenario, seed = 1, now: () => number = () => performance.now()): TimedPlan {
  const rss: Record<string, number> = {};
  const ms: StageTimes = { dispose: 0, pallets: 0, schedule: 0, rest: 0, verify: 0 };
  const { plan, blocked, stranded } = solve(scenario, {
    seed,
    onStage: (name, t) => {
      ms[name] += t;
      rss[name] = process.memoryUsage().rss;
    },
  });
  const t0 = now();
  plan.violations = verifyPlan(scenario, plan);
  ms.verify = now() - t0;
  rss.verify = process.memoryUsage().rss;
  plan.feasible = plan.violations.length === 0 && blocked.length === 0 && stranded.length === 0;
  return { plan, ms, blocked: blocked.length, stranded: stranded.length, rss };
}
