// Section scale: plan generated scenarios of growing size (by item lines, and by item units with
// many units per line) plus the Niger 2024 scenario, each in a child process so its time and
// peak memory are its own. Reported against the plan's own proven lower bounds; there is no
// first-fit baseline here (see docs/benchmarks.md for why).

import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { generateScenario } from '../src/generate/index.ts';
import { formatSize } from './args.ts';
import { REPO_ROOT } from './paths.ts';
import type { CrewVariant, ScaleResult, ScaleSpec } from './scale-child.ts';
import { fixed, mark, secs, table } from './table.ts';

/** units per line in the "by units" rows: many per line, so they differ from the "by lines" rows */
export const UNITS_ROW_PER_LINE = 20;
const SEED = 1;

export interface ScaleRow {
  spec: ScaleSpec;
  target: { units?: number; lines?: number };
  result: ScaleResult | null;
  error?: string;
  wallMs: number;
}

/**
 * The fewest lines whose units reach `units`. The generator draws lines in sequence from one
 * seed, so a longer scenario starts with the lines of a shorter one: count along a long one.
 */
export function linesForUnits(units: number, unitsPerLine: number): number {
  const sample = generateScenario({ seed: SEED, lines: 2000, unitsPerLine }).items as { quantity: number }[];
  const mean = sample.reduce((s, i) => s + i.quantity, 0) / sample.length;
  const items = generateScenario({ seed: SEED, lines: Math.ceil((1.5 * units) / mean) + 100, unitsPerLine }).items as { quantity: number }[];
  let total = 0;
  for (let n = 0; n < items.length; n++) {
    total += items[n].quantity;
    if (total >= units) return n + 1;
  }
  return items.length;
}

/**
 * Crew variants of the line rows, for evidence (BENCH_CREWS=staged,none): the same generated
 * scenarios with staged crews, or with no crew limits (scale-child.ts, CrewVariant).
 */
export function crewVariants(env: string | undefined = process.env.BENCH_CREWS): CrewVariant[] {
  return (env ?? '').split(',').map((x) => x.trim()).filter((x): x is CrewVariant => x === 'staged' || x === 'none');
}

export function scaleSpecs(sizes: readonly number[], quick: boolean, variants: readonly CrewVariant[] = crewVariants()): { spec: ScaleSpec; target: ScaleRow['target'] }[] {
  const out: { spec: ScaleSpec; target: ScaleRow['target'] }[] = [
    { spec: { kind: 'file', label: 'Niger 2024', path: 'scenarios/niger-2024.yaml' }, target: {} },
  ];
  for (const n of sizes.filter((s) => s <= 100_000)) {
    out.push({ spec: { kind: 'generated', label: `${formatSize(n)} lines`, seed: SEED, lines: n }, target: { lines: n } });
    for (const crews of variants) out.push({ spec: { kind: 'generated', label: `${formatSize(n)} lines, crews ${crews}`, seed: SEED, lines: n, crews }, target: {} });
  }
  for (const n of sizes) {
    if (quick && n >= 1_000_000) continue;
    const lines = linesForUnits(n, UNITS_ROW_PER_LINE);
    out.push({
      spec: { kind: 'generated', label: `${formatSize(n)} units`, seed: SEED, lines, unitsPerLine: UNITS_ROW_PER_LINE },
      target: { units: n },
    });
  }
  return out;
}

function runChild(spec: ScaleSpec, big: boolean, timeoutMs: number): Promise<{ result: ScaleResult | null; error?: string; wallMs: number }> {
  const t0 = performance.now();
  const args = ['--import', 'tsx', ...(big ? ['--max-old-space-size=16000'] : []), join(REPO_ROOT, 'bench', 'scale-child.ts'), JSON.stringify(spec)];
  return new Promise((done) => {
    const child = spawn(process.execPath, args, { cwd: REPO_ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.stderr.on('data', (d: Buffer) => (err += d.toString()));
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      const wallMs = performance.now() - t0;
      const last = out.trim().split('\n').pop() ?? '';
      if (code === 0 && last.startsWith('{')) done({ result: JSON.parse(last) as ScaleResult, wallMs });
      else {
        const why = signal === 'SIGKILL' ? `killed after ${secs(timeoutMs)} (timeout)` : `exit ${code ?? signal}`;
        done({ result: null, error: `${why}: ${err.trim().split('\n').slice(-3).join(' | ')}`, wallMs });
      }
    });
  });
}

export interface ScaleReport {
  targets: { sortiesRatio: number; closureRatio: number; nigerMs: number; lines10kMs: number; lines100kMs: number; lines100kMb: number };
  rows: ScaleRow[];
}

export async function runScale(sizes: readonly number[], quick: boolean, log: (s: string) => void): Promise<ScaleReport> {
  const rows: ScaleRow[] = [];
  for (const { spec, target } of scaleSpecs(sizes, quick)) {
    const units = target.units ?? 0;
    const big = units >= 1_000_000 || (target.lines ?? 0) >= 100_000;
    // 1M units: whatever it takes, within reason; 100k lines: well past the 60 s target
    const timeoutMs = units >= 1_000_000 ? 4 * 3_600_000 : big ? 3_600_000 : 1_800_000;
    log(`  scale ${spec.label}: running...`);
    const r = await runChild(spec, big, timeoutMs);
    rows.push({ spec, target, ...r });
    if (r.result) log(`  scale ${spec.label}: ${secs(r.result.ms.total)} plan, ${fixed(r.result.maxRssMb, 0)} MB peak, ${r.result.sorties} sorties`);
    else log(`  scale ${spec.label}: FAILED ${r.error}`);
  }
  return {
    // issue 13: sorties within 3% of the bound, closure within 5%; 10k lines in 10 s, 100k in 60 s
    targets: { sortiesRatio: 1.03, closureRatio: 1.05, nigerMs: 1000, lines10kMs: 10_000, lines100kMs: 60_000, lines100kMb: 4096 },
    rows,
  };
}

/**
 * Sites one type alone can use: the plan's sorties there against the plan's bound and the
 * configuration-LP bound (weight x single-file floor length): evidence whose the gap is.
 */
function singleClassLines(rep: ScaleReport): string[] {
  const out: string[] = [];
  for (const row of rep.rows) {
    for (const c of row.result?.singleClass ?? []) {
      out.push(`  ${row.spec.label}, ${c.site} (${c.type} only): ${c.sorties} sorties, bound ${c.bound}, configuration LP (weight x single-file floor length) ${c.configurationLp || 'not run'} (${secs(c.ms)})`);
    }
  }
  return out.length ? ['single-class sites:', ...out] : [];
}

/**
 * The closure-first runs (scale-child.ts): each small row's scenario with its deadline at the
 * closure bound, the closure the scheduler then reaches and the sorties it pays for it.
 */
function closureFirstLines(rep: ScaleReport): string[] {
  const out: string[] = [];
  for (const row of rep.rows) {
    const r = row.result;
    const c = r?.closureFirst;
    if (!r || !c) continue;
    const ratio = c.closureDays !== null && r.closureBoundDays ? c.closureDays / r.closureBoundDays : null;
    out.push(`  ${row.spec.label}: deadline ${c.deadline}: closure ${fixed(c.closureDays, 1)} d (${fixed(ratio, 3)} x bound; on time: ${fixed(r.closureDays, 1)} d) in ${c.sorties} sorties (on time: ${r.sorties}); ${c.violations} violations besides the deadline; ${c.shuttle ?? 'no shuttle note'}`);
    // the bound for any plan lets the last site's cargo relay through a neighbouring origin
    if (c.noRelayDays != null && c.closureDays !== null) {
      out.push(`    it lands no origin's sortie at another origin; no such plan closes before ${fixed(c.noRelayDays, 1)} d (${fixed(c.closureDays / c.noRelayDays, 3)} x): ${c.noRelayBasis ?? ''}`);
    }
  }
  return out.length ? ['closure first (the deadline moved to the day of the closure bound, so the scheduler trades sorties for time):', ...out] : [];
}

/**
 * Rows whose sorties miss their target: per origin, the fewest sorties the plan's own pieces and
 * people need by weight alone (exact bin packing), against the plan's sorties and bound there.
 */
function piecesLines(rep: ScaleReport): string[] {
  const out: string[] = [];
  for (const row of rep.rows) {
    const ps = row.result?.pieces;
    if (!ps?.length) continue;
    const sum = (k: 'sorties' | 'bound' | 'byWeight') => ps.reduce((a, p) => a + p[k], 0);
    const sites = ps.filter((p) => p.sorties > 0).map((p) => `${p.site} ${p.sorties}/${p.byWeight}/${p.bound}`).join(', ');
    out.push(`  ${row.spec.label}: ${sum('sorties')} sorties from origins; their pieces need at least ${sum('byWeight')}; bound ${sum('bound')} (per site, sorties/pieces/bound: ${sites})`);
    // The bound counts departures from origins (and onward legs only where every class must land
    // inside a country to be emptied): legs on from a hub where cargo may end are the plan's choice.
    const onward = (row.result?.sorties ?? 0) - sum('sorties');
    if (onward > 0) {
      out.push(`    and ${onward} onward legs from hubs; from origins alone ${fixed(sum('sorties') / sum('bound'), 3)} x the bound`);
    }
    // where the loads lose sorties: the stations they use, and what lane widths could prove
    for (const l of row.result?.lanes ?? []) {
      const value = l.lanesLp || 'not run'; // 0: more kinds of floor units than the LP takes
      const lp = l.alone ? `configuration LP with lane widths (single file, two or three abreast, area) ${value}` : `configuration LP with lane widths and ${l.type} loads only ${value} (the site takes other types too: the mixed fleet's is at most that)`;
      out.push(`    ${l.site}: ${l.sorties} sorties, pieces ${l.byWeight}, bound ${l.bound}; its ${l.type} sorties use ${l.stationsUsed} of their ${l.stations} stations; ${lp} (${secs(l.ms)})`);
    }
    // the last site to close, when the plan flies straight home: its closure at its pieces' count
    const last = ps.filter((p) => p.lastDays != null).sort((a, b) => b.lastDays! - a.lastDays!)[0];
    if (last && last.homeDays != null) {
      out.push(`    closure: ${last.site}, the last to close, at ${fixed(last.lastDays!, 2)} d; straight home with these pieces (its ${last.byWeight} departures at least) no plan closes it before ${fixed(last.homeDays, 2)} d (${fixed(last.lastDays! / last.homeDays, 3)} x)`);
    }
  }
  return out.length
    ? ['the plan\'s own pieces (its pallets, floor units and people, by weight alone: exact bin packing in HiGHS; or the site\'s bound where higher): the fewest sorties any loads of them need:', ...out]
    : [];
}

/** Rows whose plan flies straight home: their closure against the bound of such plans. */
function straightHomeLines(rep: ScaleReport): string[] {
  const out: string[] = [];
  for (const row of rep.rows) {
    const r = row.result;
    if (!r || r.closureBoundHomeDays === undefined) continue;
    const ratio = r.closureDays !== null && r.closureBoundHomeDays ? r.closureDays / r.closureBoundHomeDays : null;
    out.push(`  ${row.spec.label}: closure ${fixed(r.closureDays, 1)} d against ${fixed(r.closureBoundHomeDays, 1)} d (${fixed(ratio, 3)} x; any plan: ${fixed(r.closureBoundDays, 1)} d): ${r.closureBoundHomeBasis ?? ''}`);
  }
  return out.length ? ['straight home (every origin sortie lands at a destination, as the plan does): the closure bound of such plans:', ...out] : [];
}

export function sortiesRatio(r: ScaleResult): number | null {
  return r.sortiesBound > 0 ? r.sorties / r.sortiesBound : null;
}

export function closureRatio(r: ScaleResult): number | null {
  return r.closureDays !== null && r.closureBoundDays !== null && r.closureBoundDays > 0 ? r.closureDays / r.closureBoundDays : null;
}

export function scaleTable(rep: ScaleReport): string {
  const t = rep.targets;
  const rows = rep.rows.map((row) => {
    const r = row.result;
    if (!r) return [row.spec.label, '-', '-', '-', '-', '-', '-', '-', '-', '-', '-', '-', '-', '-', '-', '-', `error: ${row.error ?? ''}`.slice(0, 60)];
    const sr = sortiesRatio(r);
    const cr = closureRatio(r);
    const speed =
      row.spec.kind === 'file'
        ? ` <1s ${mark(r.ms.total < t.nigerMs)}`
        : row.target.lines === 100_000
          ? ` <60s ${mark(r.ms.total < t.lines100kMs)} <4GB ${mark(r.maxRssMb < t.lines100kMb)}`
          : row.target.lines === 10_000
            ? ` <10s ${mark(r.ms.total < t.lines10kMs)}`
            : '';
    return [
      row.spec.label,
      String(r.lines),
      String(r.units),
      String(r.pallets),
      secs(r.loadMs),
      secs(r.ms.dispose),
      secs(r.ms.pallets),
      secs(r.ms.schedule),
      secs(r.ms.verify),
      secs(r.ms.total),
      secs(r.cpuMs),
      fixed(r.maxRssMb, 0),
      `${r.sorties}/${r.sortiesBound}`,
      `${fixed(sr, 3)} ${mark(sr === null ? null : sr <= t.sortiesRatio)}`,
      `${fixed(r.closureDays, 1)}/${fixed(r.closureBoundDays, 1)}`,
      `${fixed(cr, 3)} ${mark(cr === null ? null : cr <= t.closureRatio)}`,
      `${r.feasible ? 'yes' : 'NO'} ${r.violations}v${speed}`,
    ];
  });
  return [
    table(
      ['run', 'lines', 'units', 'pallets', 'load', 'dispose', 'pallets', 'schedule', 'verify', 'plan total', 'child CPU', 'peak MB', 'sorties/bound', 'ratio', 'closure d/bound', 'ratio', 'feasible, violations, speed'],
      rows,
    ),
    `targets: sorties <= ${t.sortiesRatio} x bound, closure (days from asOf) <= ${t.closureRatio} x bound, Niger plan < 1 s, 10k lines < 10 s, 100k lines < 60 s and < 4 GB peak RSS`,
    ...singleClassLines(rep),
    ...piecesLines(rep),
    ...closureFirstLines(rep),
    ...straightHomeLines(rep),
    `plan total = dispose + pallets + schedule + verify + the rest (pieces, bounds, metrics); load = generate/read + parse + normalise, not in the total; child CPU = user + system time of the whole child (load included; wall far above CPU = a busy machine); peak MB = the child's max RSS`,
  ].join('\n');
}
