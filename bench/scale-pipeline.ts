// The planner's stages one by one, timed, producing the same plan as solve() in
// src/solve/index.ts (which has no timing hook). Keep in step with solve(); the Niger run
// compares this pipeline's plan with solve()'s so a drift shows in the results.

import type { Handover, Plan, Scenario, SiteClosure, Sortie } from '../src/model/index.ts';
import { toDate, toMs } from '../src/model/index.ts';
import { computeBounds } from '../src/solve/bounds/index.ts';
import { dispose } from '../src/solve/dispose/index.ts';
import { buildLoad } from '../src/solve/loads/index.ts';
import { planMetrics } from '../src/solve/metrics.ts';
import { packPallets } from '../src/solve/pallets/index.ts';
import { cargoPieces } from '../src/solve/pieces.ts';
import { schedule } from '../src/solve/schedule/index.ts';
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
  const stage = <T>(name: keyof StageTimes, ms: StageTimes, f: () => T): T => {
    const t0 = now();
    const out = f();
    ms[name] += now() - t0;
    rss[name] = process.memoryUsage().rss;
    return out;
  };
  const ms: StageTimes = { dispose: 0, pallets: 0, schedule: 0, rest: 0, verify: 0 };
  const disposed = stage('dispose', ms, () => dispose(scenario));
  const packed = stage('pallets', ms, () => packPallets(scenario, disposed.retrograde));
  const pieces = stage('rest', ms, () => cargoPieces(scenario, disposed.retrograde, packed));
  const scheduled = stage('schedule', ms, () => schedule({ scenario, pieces, buildLoad, seed }));
  const plan = stage('rest', ms, (): Plan => {
    const sorties = scheduled.sorties;
    const siteClosures = closures(scenario, sorties);
    const origins = new Set(scenario.sites.filter((s) => s.role === 'origin').map((s) => s.id));
    const closure = maxIso(sorties.filter((s) => origins.has(s.from)).map((s) => s.departs));
    const bounds = computeBounds(scenario, disposed.retrograde);
    return {
      formatVersion: 1,
      scenario: scenario.name,
      feasible: false,
      closure,
      siteClosures,
      dispositions: disposed.dispositions,
      handovers: handovers(scenario, siteClosures),
      pallets: packed.pallets,
      sorties,
      metrics: planMetrics(scenario, sorties, packed.pallets, disposed.dispositions),
      bounds: { sorties: bounds.sorties, closure: bounds.closure },
      violations: [],
      seed,
    };
  });
  plan.violations = stage('verify', ms, () => verifyPlan(scenario, plan));
  plan.feasible = plan.violations.length === 0 && disposed.blocked.length === 0 && scheduled.stranded.length === 0;
  return { plan, ms, blocked: disposed.blocked.length, stranded: scheduled.stranded.length, rss };
}

// the two helpers below are copies of solve()'s private ones
function closures(scenario: Scenario, sorties: readonly Sortie[]): SiteClosure[] {
  const last = new Map<string, string>();
  for (const s of sorties) {
    const prev = last.get(s.from);
    if (!prev || s.departs > prev) last.set(s.from, s.departs);
  }
  return scenario.sites.filter((s) => s.role === 'origin').map((s) => ({ site: s.id, lastDeparture: last.get(s.id) ?? null }));
}

function handovers(scenario: Scenario, siteClosures: readonly SiteClosure[]): Handover[] {
  const last = new Map(siteClosures.map((c) => [c.site, c.lastDeparture]));
  return scenario.infrastructure.map((inf) => ({ infrastructureId: inf.id, site: inf.site, date: toDate(toMs(last.get(inf.site) ?? scenario.asOf)) }));
}

function maxIso(values: readonly string[]): string | null {
  let best: string | null = null;
  for (const v of values) if (best === null || v > best) best = v;
  return best;
}
