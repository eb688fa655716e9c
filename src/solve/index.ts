// The planner: dispositions -> pallets -> pieces -> schedule (which builds each sortie's load)
// -> handovers, closures, metrics and bounds. Pure: a scenario and a seed in, a plan out; the
// verifier runs afterwards in src/app, so nothing here vouches for itself.

import type { Disposition, DispositionAction, Handover, Plan, PlanNote, PlanProblem, Scenario, SiteClosure, Sortie } from '../model/index.ts';
import { toDate, toMs } from '../model/index.ts';
import { computeBounds } from './bounds/index.ts';
import { dispose } from './dispose/index.ts';
import { buildLoad } from './loads/index.ts';
import { planMetrics } from './metrics.ts';
import { packPallets } from './pallets/index.ts';
import { cargoPieces } from './pieces.ts';
import { flyBestPallets } from './pallet-choice.ts';
import { scheduleWithShuttles } from './schedule/index.ts';
import type { CargoPiece, DispositionResult, PackResult } from './types.ts';

export interface SolveOptions {
  seed?: number;
  /** items forced to stay (a remedy being tried): transfer or demilitarize instead of moving */
  forceStay?: ReadonlyMap<string, { action: Exclude<DispositionAction, 'retrograde'>; reason: string }>;
  /** called after each stage with its duration, for benchmarks; planning never reads a clock otherwise */
  onStage?: (stage: SolveStage, ms: number) => void;
}

export type SolveStage = 'dispose' | 'pallets' | 'schedule' | 'rest';

/** What the planner decides; src/app adds the verifier's findings and the deadlines. */
export type Solution = Pick<
  Plan,
  'closure' | 'siteClosures' | 'dispositions' | 'handovers' | 'pallets' | 'sorties' | 'metrics' | 'bounds' | 'problems' | 'notes'
> & { seed: number };

export interface SolveResult {
  solution: Solution;
  /** items nobody can move, give or destroy */
  blocked: DispositionResult['blocked'];
  /** pieces and people the schedule could not move at all */
  stranded: { site: string; pieces: CargoPiece[]; people: number; reason: string }[];
}

export function solve(scenario: Scenario, options: SolveOptions = {}): SolveResult {
  const seed = options.seed ?? 1;
  const onStage = options.onStage;
  const stage = <T>(name: SolveStage, f: () => T): T => {
    if (!onStage) return f();
    const t0 = performance.now();
    const out = f();
    onStage(name, performance.now() - t0);
    return out;
  };
  const disposed = stage('dispose', () => applyForced(dispose(scenario), options.forceStay));
  const packed = stage('pallets', () => packPallets(scenario, disposed.retrograde, { seed }));
  const { pallets, flown } = flyBestPallets(scenario, packed, (p) => {
    const pieces = stage('rest', () => cargoPieces(scenario, disposed.retrograde, p));
    return { pieces: pieces.length, choice: stage('schedule', () => scheduleWithShuttles({ scenario, pieces, buildLoad, seed })) };
  });
  const { result: r, note } = flown.choice;
  const scheduled = { sorties: r.sorties, stranded: r.stranded, notes: note ? [note, ...r.notes] : r.notes };
  return stage('rest', () => assemble(scenario, seed, disposed, pallets, scheduled));
}

function assemble(
  scenario: Scenario,
  seed: number,
  disposed: DispositionResult,
  packed: PackResult,
  scheduled: { sorties: Sortie[]; stranded: SolveResult['stranded']; notes: PlanNote[] },
): SolveResult {
  const sorties = scheduled.sorties;
  const siteClosures = closures(scenario, sorties);
  const origins = new Set(scenario.sites.filter((s) => s.role === 'origin').map((s) => s.id));
  const closure = maxIso(sorties.filter((s) => origins.has(s.from)).map((s) => s.departs));
  const bounds = computeBounds(scenario, disposed.retrograde);
  const solution: Solution = {
    closure,
    siteClosures,
    dispositions: disposed.dispositions,
    handovers: handovers(scenario, siteClosures),
    pallets: packed.pallets,
    sorties,
    metrics: planMetrics(scenario, sorties, packed.pallets, disposed.dispositions),
    bounds: { sorties: bounds.sorties, closure: bounds.closure },
    problems: problems(disposed.blocked, scheduled.stranded),
    notes: scheduled.notes,
    seed,
  };
  return { solution, blocked: disposed.blocked, stranded: scheduled.stranded };
}

/** Items nobody can move and cargo left behind, as typed problems (each makes the plan infeasible). */
function problems(blocked: DispositionResult['blocked'], stranded: SolveResult['stranded']): PlanProblem[] {
  return [
    ...blocked.map((b): PlanProblem => ({
      kind: 'item.blocked', subject: b.itemId, refs: [b.itemId],
      message: `item ${b.itemId} cannot be moved, given or destroyed: ${b.reason}`,
    })),
    ...stranded.map((s): PlanProblem => ({
      kind: 'cargo.stranded', subject: s.site, refs: [s.site, ...new Set(s.pieces.flatMap((p) => p.itemIds))].slice(0, 50),
      message: `${s.pieces.length} loads and ${s.people} people stranded at ${s.site}: ${s.reason}`,
      figures: { loads: s.pieces.length, people: s.people },
    })),
  ];
}

function applyForced(result: DispositionResult, forced: SolveOptions['forceStay']): DispositionResult {
  if (!forced || forced.size === 0) return result;
  const retrograde = new Map(result.retrograde);
  const dispositions: Disposition[] = [];
  for (const d of result.dispositions) {
    const f = forced.get(d.itemId);
    if (f && d.action === 'retrograde') {
      dispositions.push({ ...d, action: f.action, reason: f.reason });
      retrograde.delete(d.itemId);
    } else dispositions.push(d);
  }
  return { ...result, dispositions, retrograde };
}

function closures(scenario: Scenario, sorties: readonly Sortie[]): SiteClosure[] {
  const last = new Map<string, string>();
  for (const s of sorties) {
    const prev = last.get(s.from);
    if (!prev || s.departs > prev) last.set(s.from, s.departs);
  }
  return scenario.sites
    .filter((s) => s.role === 'origin')
    .map((s) => ({ site: s.id, lastDeparture: last.get(s.id) ?? null }));
}

/** Infrastructure is handed over on the day its site empties (asOf's day when nothing leaves). */
function handovers(scenario: Scenario, siteClosures: readonly SiteClosure[]): Handover[] {
  const last = new Map(siteClosures.map((c) => [c.site, c.lastDeparture]));
  return scenario.infrastructure.map((inf) => {
    const when = last.get(inf.site);
    return { infrastructureId: inf.id, site: inf.site, date: toDate(toMs(when ?? scenario.asOf)) };
  });
}

function maxIso(values: string[]): string | null {
  let best: string | null = null;
  for (const v of values) if (best === null || v > best) best = v;
  return best;
}
