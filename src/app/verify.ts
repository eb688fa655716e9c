// Use case: verify a plan against its scenario, trusting nothing in the plan. The plan's shape
// is checked first (every problem named by path), then every rule of docs/rules.md.

import type { Issue, Plan, Scenario, Violation } from '../model/index.ts';
import { parsePlan, verifyPlan } from '../verify/index.ts';

export type PlanRead = { ok: true; plan: Plan } | { ok: false; issues: Issue[] };

export type VerifyResult =
  | { ok: true; valid: boolean; violations: Violation[]; checked: { sorties: number; pallets: number } }
  | { ok: false; issues: Issue[] };

/** Plan JSON text (as `drawdown plan --json` prints it) into a plan, or issues. */
export function readPlanText(text: string): PlanRead {
  let raw: unknown;
  try {
    raw = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (e) {
    return { ok: false, issues: [{ path: '', code: 'syntax', message: `cannot read the plan as JSON: ${(e as Error).message}` }] };
  }
  return readPlanValue(raw);
}

/** An already parsed plan value into a plan, or issues naming each path. */
export function readPlanValue(raw: unknown): PlanRead {
  const r = parsePlan(raw);
  return r.ok ? { ok: true, plan: r.plan } : { ok: false, issues: r.issues as Issue[] };
}

export function verifyPlanAgainst(scenario: Scenario, plan: Plan): VerifyResult {
  const violations = verifyPlan(scenario, plan);
  return { ok: true, valid: violations.length === 0, violations, checked: { sorties: plan.sorties.length, pallets: plan.pallets.length } };
}

/** Verify a plan given as JSON text or a parsed value. */
export function verifyPlanInput(scenario: Scenario, plan: { text: string } | { value: unknown }): VerifyResult {
  const read = 'text' in plan ? readPlanText(plan.text) : readPlanValue(plan.value);
  return read.ok ? verifyPlanAgainst(scenario, read.plan) : read;
}
