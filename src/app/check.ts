// Use case: check a scenario. The figures a planner reads before planning (what is where, what
// flies, which deadlines bind), or every problem in the file.

import type { Issue, Scenario } from '../model/index.ts';
import { summarizeScenario, type ScenarioSummary } from '../scenario/index.ts';
import { readScenarioFile } from './scenario.ts';

export type { ScenarioSummary, SiteSummary, FleetSummary, LoadFigures } from '../scenario/index.ts';

export type CheckResult =
  | { ok: true; scenario: Scenario; summary: ScenarioSummary; warnings: Issue[]; file?: string }
  | { ok: false; issues: Issue[]; file?: string };

export function checkScenarioFile(pathOrName: string): CheckResult {
  const r = readScenarioFile(pathOrName);
  if (!r.ok) return r;
  return { ...r, summary: summarizeScenario(r.scenario) };
}

export function summarize(scenario: Scenario): ScenarioSummary {
  return summarizeScenario(scenario);
}
