// One scale run in its own process, so its peak memory is its own: build or load the
// scenario, plan it stage by stage, verify, and print one JSON line on stdout.
// Usage: node --import tsx bench/scale-child.ts '<ScaleSpec as JSON>'

import { performance } from 'node:perf_hooks';
import { resolve } from 'node:path';
import type { Scenario } from '../src/model/index.ts';
import { DAY_MS, toMs } from '../src/model/index.ts';
import { generateScenario } from '../src/generate/index.ts';
import { loadScenarioFile, parseScenario } from '../src/scenario/load.ts';
import { planOnce } from '../src/app/plan.ts';
import { REPO_ROOT } from './paths.ts';
import { timedPlan } from './scale-pipeline.ts';
import { computeBounds } from '../src/solve/bounds/index.ts';
import { nthDeparture } from '../src/solve/bounds/closure.ts';
import { FLOOR_AREA, SINGLE_FILE, floorLengthBound, laneShare, singleClassNeed, type WidthShare } from './scale-floor-lp.ts';
import { piecesByWeight } from './scale-pieces.ts';
import { overlapsAt } from '../src/solve/loads/stations.ts';

export type ScaleSpec =
  | { kind: 'generated'; label: string; seed: number; lines: number; unitsPerLine?: number; crews?: CrewVariant }
  | { kind: 'file'; label: string; path: string };

/**
 * Evidence rows (`--crews`): the generated scenario with its crews changed. `staged`: two crews a
 * tail and crew stages at the destination and the hub (an airlift with staged crews); `none`: no
 * duty limit and no rest (the scheduler before crews were planned for).
 */
export type CrewVariant = 'staged' | 'none';

export interface ScaleResult {
  label: string;
  lines: number;
  units: number;
  retrogradeUnits: number;
  pallets: number;
  /** ms: building the file and loading it (parse, schema, normalise) */
  loadMs: number;
  ms: { dispose: number; pallets: number; schedule: number; rest: number; verify: number; total: number };
  maxRssMb: number;
  /** CPU time of the whole child (user + system), ms: wall time above it means a busy machine */
  cpuMs: number;
  heapUsedMb: number;
  sorties: number;
  sortiesBound: number;
  closureDays: number | null;
  closureBoundDays: number | null;
  feasible: boolean;
  violations: number;
  violationRules: Record<string, number>;
  blocked: number;
  stranded: number;
  /** Niger only: does this pipeline give solve()'s sorties and closure */
  /** Niger only: a second run gives the same sorties and closure (determinism) */
  repeatable?: boolean;
  /**
   * Sites only one type can use: the plan's sorties from there, the plan's own bound for them,
   * and the configuration-LP bound (weight x single-file floor length, scale-floor-lp.ts)
   */
  singleClass?: { site: string; type: string; sorties: number; bound: number; configurationLp: number; ms: number }[];
  /**
   * Rows whose sorties are far above their bound: per origin site, its sorties, its share of the
   * plan's bound, and the fewest sorties the plan's own pieces and people need by their weights
   * alone (scale-pieces.ts), or the site's bound where that is higher: where this is the plan's
   * count, the loads lose nothing.
   */
  pieces?: {
    site: string; sorties: number; bound: number; byWeight: number; optimal: boolean;
    /**
     * when every sortie flies straight home, in days from asOf: the earliest the site's
     * byWeight-th departure can be (nthDeparture, hops to destinations only; or the closure bound
     * of straight-home plans where later), and the plan's last departure there
     */
    homeDays?: number | null; lastDays?: number | null;
  }[];
  /**
   * Sites of those rows whose sorties are more than their pieces need by weight (the loads lose
   * some): the type flying most of them, how many of its stations its sorties there use (a pallet
   * on it or a floor piece over it) out of all they have, and the configuration LP with that
   * type's loads only, its floor length counted by each width share (scale-floor-lp.ts: single
   * file, u_2, u_3, the area), the highest. Where the site takes that type alone it bounds the
   * site's sorties (`alone`); where it takes others too, the mixed fleet's LP is at most this
   * (more loads to choose from): how far such relaxations could lift the bound.
   */
  lanes?: {
    site: string; type: string; sorties: number; byWeight: number; bound: number; lanesLp: number; alone: boolean;
    stationsUsed: number; stations: number; ms: number;
  }[];
  /**
   * Rows whose closure is far above its bound: the same scenario planned again with every
   * agreement deadline moved to the day of the closure bound, so that the plan is late and the
   * scheduler trades sorties for an earlier closure (shuttles through a hub) where it can: what
   * the closure costs in sorties, where the row's own plan (on time) takes the fewest sorties.
   */
  closureFirst?: {
    deadline: string; sorties: number; closureDays: number | null; feasible: boolean; violations: number; shuttle: string | null;
    /**
     * when that plan lands no origin's sortie at another origin: the closure bound of such plans
     * (computeBounds with noOriginRelay), in days from asOf, and its basis; the bound for any
     * plan counts relays through a neighbouring origin, which the scheduler flies only when a
     * relay (shuttle.ts) makes a late site less late than any hub
     */
    noRelayDays?: number | null; noRelayBasis?: string;
  };
  /**
   * The closure bound of the plans that fly every origin's sorties straight to a destination
   * (computeBounds with straightHome), in days from asOf, when the row's own plan is one of them;
   * null when it is not (it uses a hub or lands at another origin).
   */
  closureBoundHomeDays?: number | null;
  closureBoundHomeBasis?: string;
}

/** Rows up to this many item lines get the closure-first run when their closure ratio is above the target. */
const CLOSURE_FIRST_MAX_LINES = 5_000;
const CLOSURE_RATIO_TARGET = 1.05;
const SORTIES_RATIO_TARGET = 1.03;

function load(spec: ScaleSpec): Scenario {
  if (spec.kind === 'file') {
    const r = loadScenarioFile(resolve(REPO_ROOT, spec.path));
    if (!r.ok) throw new Error(`scale: ${spec.path} does not load: ${r.issues.map((i) => i.message).join('; ')}`);
    return r.scenario;
  }
  const file = generateScenario({ seed: spec.seed, lines: spec.lines, ...(spec.unitsPerLine ? { unitsPerLine: spec.unitsPerLine } : {}) });
  const r = parseScenario(JSON.stringify(file), { format: 'json' });
  if (!r.ok) throw new Error(`scale: generated scenario does not load: ${r.issues.slice(0, 3).map((i) => `${i.path} ${i.message}`).join('; ')}`);
  if (spec.crews === 'staged') {
    const stages = new Set(['dest', 'hub']);
    return { ...r.scenario, sites: r.scenario.sites.map((x) => (stages.has(x.id) ? { ...x, stage: true } : x)), aircraft: r.scenario.aircraft.map((l) => ({ ...l, crewsPerTail: 2 })) };
  }
  if (spec.crews === 'none') return { ...r.scenario, aircraft: r.scenario.aircraft.map(({ crewDutyHours: _d, crewRestHours: _r, ...l }) => l) };
  return r.scenario;
}

const days = (iso: string | null, from: string): number | null => (iso === null ? null : (toMs(iso) - toMs(from)) / DAY_MS);

function run(spec: ScaleSpec): ScaleResult {
  const t0 = performance.now();
  const scenario = load(spec);
  const loadMs = performance.now() - t0;
  const { plan, ms, blocked, stranded } = timedPlan(scenario);
  const rules: Record<string, number> = {};
  for (const v of plan.violations) rules[v.rule] = (rules[v.rule] ?? 0) + 1;
  const out: ScaleResult = {
    label: spec.label,
    lines: scenario.items.length,
    units: scenario.items.reduce((s, i) => s + i.quantity, 0),
    retrogradeUnits: plan.dispositions.filter((d) => d.action === 'retrograde').reduce((s, d) => s + d.quantity, 0),
    pallets: plan.pallets.length,
    loadMs,
    ms: { ...ms, total: ms.dispose + ms.pallets + ms.schedule + ms.rest + ms.verify },
    maxRssMb: process.resourceUsage().maxRSS / 1024,
    cpuMs: (process.cpuUsage().user + process.cpuUsage().system) / 1000,
    heapUsedMb: process.memoryUsage().heapUsed / 2 ** 20,
    sorties: plan.sorties.length,
    sortiesBound: Number(plan.bounds.sorties.value),
    closureDays: days(plan.closure, scenario.asOf),
    closureBoundDays: typeof plan.bounds.closure.value === 'string' ? days(plan.bounds.closure.value, scenario.asOf) : null,
    feasible: plan.feasible,
    violations: plan.violations.length,
    violationRules: rules,
    blocked,
    stranded,
  };
  out.singleClass = singleClassSites(scenario, plan);
  if (out.sorties > SORTIES_RATIO_TARGET * out.sortiesBound) {
    out.pieces = piecesBySite(scenario, plan);
    out.lanes = lanesBySite(scenario, plan, out.pieces);
  }
  const roles = new Map(scenario.sites.map((x) => [x.id, x.role]));
  const straight = plan.sorties.every((x) => roles.get(x.from) === 'origin' && roles.get(x.to) === 'destination');
  if (straight && out.closureDays !== null && out.closureBoundDays && out.closureDays / out.closureBoundDays > CLOSURE_RATIO_TARGET) {
    const home = computeBounds(scenario, retrogradeOf(plan), { straightHome: true }).closure;
    out.closureBoundHomeDays = typeof home.value === 'string' ? days(home.value, scenario.asOf) : null;
    out.closureBoundHomeBasis = home.basis;
  }
  const boundIso = plan.bounds.closure.value;
  if (typeof boundIso === 'string' && out.closureDays !== null && out.closureBoundDays && scenario.items.length <= CLOSURE_FIRST_MAX_LINES
    && out.closureDays / out.closureBoundDays > CLOSURE_RATIO_TARGET && scenario.agreements.length > 0) {
    const deadline = boundIso.slice(0, 10);
    const tight = { ...scenario, agreements: scenario.agreements.map((a) => ({ ...a, deadline })) };
    const p = planOnce(tight, { seed: 1 });
    const shuttle = p.notes.find((n) => n.kind === 'schedule.shuttle');
    out.closureFirst = {
      deadline, sorties: p.sorties.length, closureDays: days(p.closure, scenario.asOf),
      feasible: p.violations.every((v) => v.rule.startsWith('deadline.')), violations: p.violations.filter((v) => !v.rule.startsWith('deadline.')).length,
      shuttle: shuttle?.message ?? null,
    };
    if (p.sorties.every((x) => roles.get(x.from) !== 'origin' || roles.get(x.to) !== 'origin')) {
      const noRelay = computeBounds(tight, retrogradeOf(p), { noOriginRelay: true }).closure;
      out.closureFirst.noRelayDays = typeof noRelay.value === 'string' ? days(noRelay.value, scenario.asOf) : null;
      out.closureFirst.noRelayBasis = noRelay.basis;
    }
  }
  if (spec.kind === 'file') {
    const ref = planOnce(scenario, { seed: 1 });
    out.repeatable = JSON.stringify(ref.sorties) === JSON.stringify(plan.sorties) && ref.closure === plan.closure;
  }
  return out;
}

/** Units going home per item, as the plan's dispositions say (what the bounds are computed for). */
function retrogradeOf(plan: ReturnType<typeof timedPlan>['plan']): Map<string, number> {
  const out = new Map<string, number>();
  for (const d of plan.dispositions) if (d.action === 'retrograde') out.set(d.itemId, (out.get(d.itemId) ?? 0) + d.quantity);
  return out;
}

/** Sites whose runway takes one type of the fleet: plan, bound and configuration-LP bound. */
function singleClassSites(scenario: Scenario, plan: ReturnType<typeof timedPlan>['plan']): NonNullable<ScaleResult['singleClass']> {
  const retrograde = retrogradeOf(plan);
  const perSite = computeBounds(scenario, retrograde).perSite;
  const out: NonNullable<ScaleResult['singleClass']> = [];
  for (const site of scenario.sites.filter((x) => x.role === 'origin')) {
    const lines = scenario.aircraft.filter((l) => !site.accepts || site.accepts.includes(l.type));
    if (new Set(lines.map((l) => l.type)).size !== 1) continue;
    const t0 = performance.now();
    const configurationLp = floorLengthBound(singleClassNeed(scenario, site.id, lines[0], retrograde));
    out.push({
      site: site.id, type: lines[0].type, sorties: plan.sorties.filter((x) => x.from === site.id).length,
      bound: perSite.find((b) => b.site === site.id)?.sortiesLowerBound ?? 0, configurationLp, ms: performance.now() - t0,
    });
  }
  return out;
}

/** single file, two and three abreast (Fekete and Schepers' u_2, u_3), the floor's area */
const WIDTH_SHARES: readonly WidthShare[] = [SINGLE_FILE, laneShare(2), laneShare(3), FLOOR_AREA];

/** Where the loads lose sorties: the stations their sorties use, and the lane-width configuration LP (ScaleResult.lanes). */
function lanesBySite(scenario: Scenario, plan: ReturnType<typeof timedPlan>['plan'], pieces: NonNullable<ScaleResult['pieces']>): NonNullable<ScaleResult['lanes']> {
  const retrograde = retrogradeOf(plan);
  const out: NonNullable<ScaleResult['lanes']> = [];
  for (const p of pieces) {
    if (p.sorties <= p.byWeight) continue;
    const from = plan.sorties.filter((x) => x.from === p.site);
    const byType = new Map<string, number>();
    for (const x of from) byType.set(x.aircraft, (byType.get(x.aircraft) ?? 0) + 1);
    const [type] = [...byType.entries()].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))[0];
    const line = scenario.aircraft.find((l) => l.type === type)!;
    const site = scenario.sites.find((x) => x.id === p.site)!;
    const alone = new Set(scenario.aircraft.filter((l) => !site.accepts || site.accepts.includes(l.type)).map((l) => l.type)).size === 1;
    const stations = line.palletStations ?? [];
    let stationsUsed = 0;
    let places = 0;
    for (const x of from) {
      if (x.aircraft !== type) continue;
      places += stations.length;
      for (const st of stations) {
        if (x.loads.some((l) => overlapsAt(st, l.x, l.y, l.l, l.w))) stationsUsed++;
      }
    }
    const t0 = performance.now();
    const lanesLp = Math.max(...WIDTH_SHARES.map((share) => floorLengthBound(singleClassNeed(scenario, p.site, line, retrograde, share))));
    out.push({ site: p.site, type, sorties: from.length, byWeight: p.byWeight, bound: p.bound, lanesLp, alone, stationsUsed, stations: places, ms: performance.now() - t0 });
  }
  return out;
}

/** Per origin site: sorties, bound, and the weight-only bound for the plan's own pieces. */
function piecesBySite(scenario: Scenario, plan: ReturnType<typeof timedPlan>['plan']): NonNullable<ScaleResult['pieces']> {
  const retrograde = retrogradeOf(plan);
  const perSite = computeBounds(scenario, retrograde).perSite;
  const roles = new Map(scenario.sites.map((x) => [x.id, x.role]));
  const straight = plan.sorties.every((x) => roles.get(x.from) === 'origin' && roles.get(x.to) === 'destination');
  const homeClosure = straight ? computeBounds(scenario, retrograde, { straightHome: true }).closure.value : null;
  const homeBound = typeof homeClosure === 'string' ? days(homeClosure, scenario.asOf) : null;
  return scenario.sites.filter((x) => x.role === 'origin').map((site) => {
    // any type the site's runway takes could fly them: the largest payload bounds every sortie
    const acl = Math.max(...scenario.aircraft.filter((l) => !site.accepts || site.accepts.includes(l.type)).map((l) => l.aclKg));
    const w = piecesByWeight(scenario, plan, site.id, acl);
    const bound = perSite.find((b) => b.site === site.id)?.sortiesLowerBound ?? 0;
    // the plan's bound holds for any plan, so for any loads of these pieces too (seats, say)
    const byWeight = Math.max(w.lowerBound, bound);
    const from = plan.sorties.filter((x) => x.from === site.id);
    const row = { site: site.id, sorties: from.length, bound, byWeight, optimal: w.optimal };
    if (!straight || from.length === 0) return row;
    // the closure bound of straight-home plans holds for those with these pieces too
    const home = nthDeparture(scenario, site, byWeight, -Infinity, 0, (x) => x.role === 'destination');
    const homeDays = Math.max(home ? (home.at - toMs(scenario.asOf)) / DAY_MS : -Infinity, homeBound ?? -Infinity);
    const last = from.reduce((a, x) => (x.departs > a ? x.departs : a), from[0].departs);
    return { ...row, homeDays: Number.isFinite(homeDays) ? homeDays : null, lastDays: days(last, scenario.asOf) };
  });
}

const spec = JSON.parse(process.argv[2] ?? 'null') as ScaleSpec | null;
if (!spec) {
  console.error('usage: scale-child.ts <spec json>');
  process.exit(2);
}
process.stdout.write(`${JSON.stringify(run(spec))}\n`);
