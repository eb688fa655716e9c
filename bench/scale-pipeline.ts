// The planner timed stage by stage through the planning use case's own hook, the verifier included.

import type { Plan, Scenario } from '../src/model/index.ts';
import { planOnce } from '../src/app/plan.ts';

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

export function timedPlan(scenario: Scenario, seed = 1): TimedPlan {
  const rss: Record<string, number> = {};
  const ms: StageTimes = { dispose: 0, pallets: 0, schedule: 0, rest: 0, verify: 0 };
  const plan = planOnce(scenario, {
    seed,
    onStage: (name, t) => {
      ms[name] += t;
      rss[name] = process.memoryUsage().rss;
    },
  });
  const count = (kind: string) => plan.problems.filter((p) => p.kind === kind).length;
  return { plan, ms, blocked: count('item.blocked'), stranded: count('cargo.stranded'), rss };
}
