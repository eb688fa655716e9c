// Section br: container loading, Bischoff & Ratcliff BR1-BR7 and Davies & Bischoff BR11-BR15,
// on the 587 x 233 x 220 container, in cm as the files give them, two ways:
// - packer: packContainerAt (src/solve/pallets) at two support rules, 75% of each base (the
//   plans' rule, MIN_SUPPORT_SHARE) and 100% (the literature's "full support"), one tree search;
// - plan path: a scenario built from the problem (one origin site, a pallet type the size of
//   the container, one item per box type with verticalDims from the file's flags), read by the
//   scenario loader and palletised by packPallets, the planner's own stage; the fullest pallet's
//   fill is reported (75% support, the plans' rule).
// Orientation flags map one to one onto `vertical` (packer) and `verticalDims` (plan path).
// Every load is rechecked here: inside the container, no overlaps, each unit standing on an
// allowed dimension, no more units than given, and each base supported at its rule.
// Baseline: first-fit columns (br-baseline.ts).

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { MIN_SUPPORT_SHARE } from '../src/model/index.ts';
import { parseScenario } from '../src/scenario/index.ts';
import { packContainerAt, packPallets, type ContainerUnit, type UnitPlacement } from '../src/solve/pallets/index.ts';
import { columnBaseline, type BoxSpec } from './br-baseline.ts';
import { SHARED_BENCH } from './paths.ts';
import { fixed, mark, secs, table } from './table.ts';

export interface BrProblem {
  id: number;
  container: [number, number, number];
  boxes: BoxSpec[];
}

/** OR-Library thpack format: P, then per problem `id seed`, `L W H`, n, n lines `type l fl w fw h fh qty`. */
export function parseBr(text: string): BrProblem[] {
  const t = text.split(/\s+/).filter(Boolean).map(Number);
  let i = 0;
  const next = () => {
    if (i >= t.length || !Number.isFinite(t[i])) throw new Error(`br: bad or missing number at token ${i}`);
    return t[i++];
  };
  const count = next();
  const out: BrProblem[] = [];
  for (let p = 0; p < count; p++) {
    const id = next();
    next(); // generator seed
    const container: [number, number, number] = [next(), next(), next()];
    const n = next();
    const boxes: BoxSpec[] = [];
    for (let k = 0; k < n; k++) {
      const type = next();
      const l = next(), fl = next(), w = next(), fw = next(), h = next(), fh = next();
      boxes.push({ type, dims: [l, w, h], vertical: [fl === 1, fw === 1, fh === 1], qty: next() });
    }
    out.push({ id, container, boxes });
  }
  return out;
}

export const BR_CLASSES = ['BR1', 'BR2', 'BR3', 'BR4', 'BR5', 'BR6', 'BR7', 'BR11', 'BR12', 'BR13', 'BR14', 'BR15'] as const;

/** Published averages (% of container volume) per class, with where each comes from. */
export interface PublishedFigure {
  value: number;
  method: string;
  support: string;
  source: string;
}

const README = '../shared/bench/README.md';
const PARRENO: PublishedFigure = {
  value: NaN,
  method: 'Parreño, Alvarez-Valdes, Oliveira & Tamarit 2008, maximal-space GRASP (INFORMS J. Computing 20)',
  support: 'as published (not restated second-hand)',
  source: `second-hand via ${README} ("transcribed second-hand, so treat as indicative")`,
};
const CLTRS: PublishedFigure = {
  value: NaN,
  method: 'Fanslau & Bortfeldt 2010, CLTRS tree search (INFORMS J. Computing 22), full-support variant',
  support: 'full support (100%)',
  source:
    `per-class values recalled from the paper's results table, not verified here; they agree with the aggregates in ${README} ` +
    '(94.2% over BR1-7, 91.9% over BR1-15, 87.6% on BR15, about 90% over BR8-15)',
};

export const PARRENO_2008: Record<string, number> = {
  BR1: 92.95, BR2: 93.95, BR3: 93.54, BR4: 93.05, BR5: 93.01, BR6: 92.72, BR7: 91.62,
};
export const CLTRS_2010: Record<string, number> = {
  BR1: 94.51, BR2: 94.73, BR3: 94.74, BR4: 94.41, BR5: 94.13, BR6: 93.85, BR7: 93.2,
  BR8: 92.26, BR9: 91.48, BR10: 90.86, BR11: 90.11, BR12: 89.51, BR13: 88.98, BR14: 88.26, BR15: 87.57,
};
/** aggregates (second-hand via the README) */
export const AGGREGATES = [
  { what: 'BR1-7 average, full support', value: 94.5, method: 'Gonçalves & Resende 2012, parallel multi-population BRKGA (Computers & OR 39)', source: `second-hand via ${README}` },
  { what: 'BR1-7 average, full support', value: 94.2, method: 'Fanslau & Bortfeldt 2010, CLTRS', source: `${README}` },
  { what: 'BR8-15 average, full support', value: 90, method: 'best tree searches (CLTRS)', source: `${README} ("about 90%")` },
  { what: 'BR15, full support', value: 87.6, method: 'Fanslau & Bortfeldt 2010, CLTRS', source: `${README}` },
];

export const PUBLISHED_SOURCES = { parreno: PARRENO, cltrs: CLTRS };

export interface BrProblemResult {
  cls: string;
  id: number;
  /** packer fill at 75% and at 100% support */
  fill75: number;
  fill100: number;
  baselineFill: number;
  ms: number;
  cpuMs: number;
  valid75: boolean;
  valid100: boolean;
  /** plan path: the fullest pallet's fill, null when not run */
  planFill: number | null;
  planPallets: number | null;
  planValid: boolean | null;
  planMs: number | null;
}

/** a unit where a load put it (the packer's or one made from a plan's pallet) */
type Placed = UnitPlacement;

/**
 * Inside the container, no overlaps, extents a turn of the unit's standing on an allowed
 * dimension, and each unit off the floor resting on at least `share` of its base.
 */
export function loadValid(
  ps: readonly Placed[],
  container: readonly [number, number, number],
  unitOf: (id: string) => { dims: readonly [number, number, number]; vertical: readonly [boolean, boolean, boolean] } | undefined,
  share: number,
): boolean {
  const [L, W, H] = container;
  const e = 1e-6;
  const seen = new Set<string>();
  for (const p of ps) {
    if (seen.has(p.id)) return false;
    seen.add(p.id);
    if (p.x < -e || p.y < -e || p.z < -e || p.x + p.l > L + e || p.y + p.w > W + e || p.z + p.h > H + e) return false;
    const u = unitOf(p.id);
    if (!u) return false;
    const a = [p.l, p.w, p.h].sort((x, y) => x - y);
    const b = [...u.dims].sort((x, y) => x - y);
    if (a.some((v, i) => Math.abs(v - b[i]) > e)) return false;
    if (!u.dims.some((d, i) => u.vertical[i] && Math.abs(d - p.h) <= e)) return false;
  }
  // overlap check, sweep on x (a few hundred boxes)
  const s = ps.slice().sort((a, b) => a.x - b.x);
  for (let i = 0; i < s.length; i++)
    for (let j = i + 1; j < s.length && s[j].x < s[i].x + s[i].l - e; j++) {
      const a = s[i], c = s[j];
      if (a.y < c.y + c.w - e && c.y < a.y + a.w - e && a.z < c.z + c.h - e && c.z < a.z + a.h - e) return false;
    }
  for (const p of ps) {
    if (p.z <= e) continue;
    let area = 0;
    for (const q of ps) {
      if (Math.abs(q.z + q.h - p.z) > e) continue;
      const ox = Math.min(p.x + p.l, q.x + q.l) - Math.max(p.x, q.x);
      const oy = Math.min(p.y + p.w, q.y + q.w) - Math.max(p.y, q.y);
      if (ox > 0 && oy > 0) area += ox * oy;
    }
    if (area < share * p.l * p.w * (1 - 1e-9) - e) return false;
  }
  return true;
}

/** The problem as a scenario file, in metres: one origin site, a pallet type the size of the container. */
export function brScenarioFile(p: BrProblem): unknown {
  const [L, W, H] = p.container;
  const dims = ['length', 'width', 'height'] as const;
  return {
    formatVersion: 1,
    name: `BR problem ${p.id}`,
    asOf: '2030-01-01',
    sites: [
      { id: 'depot', name: 'Depot', country: 'NE', lat: 13.5, lon: 2.1, role: 'origin' },
      { id: 'home', name: 'Home', country: 'FR', lat: 48.7, lon: 2.4, role: 'destination' },
    ],
    aircraft: [{ type: 'C-17A', count: 1, base: 'home' }],
    palletTypes: [
      {
        id: 'container',
        usableLengthM: L / 100,
        usableWidthM: W / 100,
        maxHeightM: H / 100,
        maxGrossKg: 100_000, // the boxes weigh 1 kg each, so weight never binds (and the limit, docs/limits.md, holds)
        tareKg: 0,
        footprintLengthM: L / 100,
        footprintWidthM: W / 100,
      },
    ],
    items: p.boxes.map((b) => ({
      id: `box${b.type}`,
      name: `box type ${b.type}`,
      site: 'depot',
      quantity: b.qty,
      unitWeightKg: 1,
      lengthM: b.dims[0] / 100,
      widthM: b.dims[1] / 100,
      heightM: b.dims[2] / 100,
      unitValueUsd: 1_000_000,
      kind: 'cargo',
      verticalDims: dims.filter((_, i) => b.vertical[i]),
    })),
  };
}

/** The plan path: the scenario loader, then packPallets; the fullest pallet on the container-size type. */
function planPath(p: BrProblem): { fill: number; pallets: number; valid: boolean; ms: number } {
  const t0 = performance.now();
  const r = parseScenario(JSON.stringify(brScenarioFile(p)), { format: 'json' });
  if (!r.ok) throw new Error(`br: the scenario of problem ${p.id} does not load: ${JSON.stringify(r.issues).slice(0, 300)}`);
  const scenario = r.scenario;
  const packed = packPallets(scenario, new Map(scenario.items.map((it) => [it.id, it.quantity])));
  const ms = performance.now() - t0;
  const items = new Map(scenario.items.map((it) => [it.id, it]));
  const [L, W, H] = p.container.map((v) => v / 100) as [number, number, number];
  let fill = 0;
  let valid = packed.floorUnits.length === 0;
  let placed = 0;
  for (const pal of packed.pallets) {
    placed += pal.placements.length;
    const type = scenario.palletTypes.find((t) => t.id === pal.palletType)!;
    const ps = pal.placements.map((u, k) => ({ id: `${u.itemId}#${k}`, x: u.x, y: u.y, z: u.z, l: u.l, w: u.w, h: u.h }));
    const unitOf = (id: string) => {
      const it = items.get(id.slice(0, id.indexOf('#')));
      if (!it) return undefined;
      return {
        dims: [it.lengthM, it.widthM, it.heightM] as const,
        vertical: [it.verticalDims.includes('length'), it.verticalDims.includes('width'), it.verticalDims.includes('height')] as const,
      };
    };
    if (!loadValid(ps, [type.usableLengthM, type.usableWidthM, type.maxHeightM], unitOf, MIN_SUPPORT_SHARE)) valid = false;
    if (pal.palletType !== 'container') continue;
    const volume = pal.placements.reduce((s, u) => s + u.l * u.w * u.h, 0);
    fill = Math.max(fill, volume / (L * W * H));
  }
  if (placed !== scenario.items.reduce((s, it) => s + it.quantity, 0)) valid = false;
  return { fill, pallets: packed.pallets.length, valid, ms };
}

export function solveProblem(cls: string, p: BrProblem, opts: { work?: number; plan: boolean }): BrProblemResult {
  const [L, W, H] = p.container;
  const units: ContainerUnit[] = [];
  const spec = new Map<string, BoxSpec>();
  for (const b of p.boxes)
    for (let q = 0; q < b.qty; q++) {
      const id = `${b.type}.${q}`;
      spec.set(id, b);
      units.push({ id, l: b.dims[0], w: b.dims[1], h: b.dims[2], kg: 1, vertical: b.vertical });
    }
  const box = { l: L, w: W, h: H, maxKg: Infinity };
  const t0 = performance.now();
  const c0 = process.cpuUsage();
  const [l75, l100] = packContainerAt(box, units, [MIN_SUPPORT_SHARE, 1], opts.work ? { work: opts.work } : {});
  const cpu = process.cpuUsage(c0);
  const ms = performance.now() - t0;
  const cv = L * W * H;
  const unitOf = (id: string) => spec.get(id);
  const plan = opts.plan ? planPath(p) : null;
  return {
    cls,
    id: p.id,
    fill75: l75.volume / cv,
    fill100: l100.volume / cv,
    baselineFill: columnBaseline(p.container, p.boxes) / cv,
    ms,
    cpuMs: (cpu.user + cpu.system) / 1000,
    valid75: loadValid(l75.placements, p.container, unitOf, MIN_SUPPORT_SHARE),
    valid100: loadValid(l100.placements, p.container, unitOf, 1),
    planFill: plan?.fill ?? null,
    planPallets: plan?.pallets ?? null,
    planValid: plan?.valid ?? null,
    planMs: plan?.ms ?? null,
  };
}

export interface Stats {
  avg: number;
  min: number;
  max: number;
}

function stats(xs: readonly number[]): Stats {
  return { avg: xs.reduce((a, b) => a + b, 0) / xs.length, min: Math.min(...xs), max: Math.max(...xs) };
}

export interface BrClassSummary {
  cls: string;
  problems: number;
  fill75: Stats;
  fill100: Stats;
  plan: Stats | null;
  baseline: number;
  parreno: number | null;
  cltrs: number | null;
  /** fill100 average / the best published per-class full-support figure (CLTRS) */
  vsBest: number | null;
  msPerProblem: number;
  cpuMsPerProblem: number;
  maxMs: number;
  /** plan path wall time per problem (loader and packPallets) */
  planMsPerProblem: number | null;
  invalid: number;
}

export interface BrReport {
  problemsPerClass: number;
  planProblemsPerClass: number;
  work: number | 'default';
  classes: BrClassSummary[];
  groups: { name: string; classes: string[]; summary: BrClassSummary }[];
  published: { parreno: Record<string, number>; cltrs: Record<string, number>; sources: typeof PUBLISHED_SOURCES; aggregates: typeof AGGREGATES };
  targets: { name: string; value: number | null; target: number; pass: boolean | null; rule: string }[];
  problems: BrProblemResult[];
}

function summarise(cls: string, rs: readonly BrProblemResult[], parreno: number | null, cltrs: number | null): BrClassSummary {
  const fill100 = stats(rs.map((r) => 100 * r.fill100));
  const planned = rs.filter((r) => r.planFill !== null);
  return {
    cls,
    problems: rs.length,
    fill75: stats(rs.map((r) => 100 * r.fill75)),
    fill100,
    plan: planned.length ? stats(planned.map((r) => 100 * r.planFill!)) : null,
    baseline: stats(rs.map((r) => 100 * r.baselineFill)).avg,
    parreno,
    cltrs,
    vsBest: cltrs ? fill100.avg / cltrs : null,
    msPerProblem: stats(rs.map((r) => r.ms)).avg,
    cpuMsPerProblem: stats(rs.map((r) => r.cpuMs)).avg,
    maxMs: Math.max(...rs.map((r) => r.ms)),
    planMsPerProblem: planned.length ? stats(planned.map((r) => r.planMs!)).avg : null,
    invalid: rs.filter((r) => !r.valid75 || !r.valid100 || r.planValid === false).length,
  };
}

const mean = (xs: readonly number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;

export function runBr(
  problemsPerClass: number,
  log: (s: string) => void,
  opts: { work?: number; planProblems?: number; classes?: readonly string[] } = {},
): BrReport {
  const all: BrProblemResult[] = [];
  const classes: BrClassSummary[] = [];
  const planPer = opts.planProblems ?? problemsPerClass;
  for (const cls of opts.classes ?? BR_CLASSES) {
    const problems = parseBr(readFileSync(join(SHARED_BENCH, 'br', `${cls}.txt`), 'utf8')).slice(0, problemsPerClass);
    const rs = problems.map((p, k) => solveProblem(cls, p, { work: opts.work, plan: k < planPer }));
    const s = summarise(cls, rs, PARRENO_2008[cls] ?? null, CLTRS_2010[cls] ?? null);
    log(
      `  br ${cls}: ${rs.length} problems, packer ${fixed(s.fill100.avg)}% at 100% support, ${fixed(s.fill75.avg)}% at 75%, ` +
        `plan path ${s.plan ? fixed(s.plan.avg) : '-'}%, ${secs(s.msPerProblem)}/problem`,
    );
    classes.push(s);
    all.push(...rs);
  }
  const group = (name: string, members: string[]) => {
    const rs = all.filter((r) => members.includes(r.cls));
    const have = members.filter((c) => classes.some((s) => s.cls === c));
    const cl = have.map((c) => CLTRS_2010[c]).filter((v) => v !== undefined);
    const pa = have.map((c) => PARRENO_2008[c]).filter((v) => v !== undefined);
    return { name, classes: have, summary: summarise(name, rs, pa.length === have.length ? mean(pa) : null, cl.length === have.length ? mean(cl) : null) };
  };
  const groups = [
    group('BR1-7', ['BR1', 'BR2', 'BR3', 'BR4', 'BR5', 'BR6', 'BR7']),
    group('BR11-15', ['BR11', 'BR12', 'BR13', 'BR14', 'BR15']),
  ].filter((g) => g.summary.problems > 0);
  const weak = groups.find((g) => g.name === 'BR1-7')?.summary;
  const strong = groups.find((g) => g.name === 'BR11-15')?.summary;
  const weakClasses = classes.filter((c) => c.parreno !== null);
  const targets = [
    { name: 'BR1-7 average fill >= 94.0%', value: weak?.fill100.avg ?? null, target: 94, rule: '100% support' },
    {
      name: 'each of BR1-7 >= its Parreño 2008 figure',
      value: weakClasses.length ? weakClasses.filter((c) => c.fill100.avg >= c.parreno!).length : null,
      target: weakClasses.length,
      rule: '100% support',
    },
    { name: 'BR1-7 time per problem <= 5 s (wall, this machine)', value: weak ? weak.msPerProblem / 1000 : null, target: 5, rule: 'both rules, one search' },
    { name: 'BR11-15 average fill >= 89%', value: strong?.fill100.avg ?? null, target: 89, rule: '100% support' },
  ].map((t) => ({
    ...t,
    pass: t.value === null ? null : t.name.includes('time') ? t.value <= t.target : t.value >= t.target,
  }));
  return {
    problemsPerClass,
    planProblemsPerClass: planPer,
    work: opts.work ?? 'default',
    classes,
    groups,
    published: { parreno: PARRENO_2008, cltrs: CLTRS_2010, sources: PUBLISHED_SOURCES, aggregates: AGGREGATES },
    targets,
    problems: all,
  };
}

export function brTable(r: BrReport): string {
  const pctRange = (s: Stats | null) => (s ? `${fixed(s.avg)} (${fixed(s.min, 1)}-${fixed(s.max, 1)})` : '-');
  const row = (s: BrClassSummary) => [
    s.cls,
    String(s.problems),
    pctRange(s.fill100),
    pctRange(s.fill75),
    pctRange(s.plan),
    s.cltrs === null ? '-' : fixed(s.cltrs),
    s.vsBest === null ? '-' : fixed(s.vsBest, 3),
    s.parreno === null ? '-' : fixed(s.parreno),
    s.parreno === null ? '-' : mark(s.fill100.avg >= s.parreno),
    fixed(s.baseline),
    String(s.invalid),
    secs(s.msPerProblem),
    secs(s.cpuMsPerProblem),
    secs(s.maxMs),
    secs(s.planMsPerProblem),
  ];
  const t = table(
    ['class', 'probs', 'packer 100% avg (min-max)', 'packer 75%', 'plan path 75%', 'CLTRS 100%', 'vs best', 'Parreño', '>= Parreño', 'FF col', 'invalid', 'wall/prob', 'cpu/prob', 'max wall', 'plan/prob'],
    [...r.classes.map(row), ...r.groups.map((g) => row(g.summary))],
  );
  const lines = [
    t,
    `support rule: "100%" = every unit off the floor rests on its whole base (the literature's full support); "75%" = on at least 75% (the plans' rule, MIN_SUPPORT_SHARE);`,
    `  the packer's tree search builds fully supported loads, then completes them in maximal spaces at each rule. Orientation flags respected in every column.`,
    `plan path = scenario (verticalDims from the flags, a pallet type the size of the container) -> scenario loader -> packPallets; fullest pallet's fill, 75% support;`,
    `  first ${r.planProblemsPerClass} problems per class. FF col = first-fit columns baseline (full support). vs best = packer 100% / CLTRS 100%.`,
    `published: CLTRS = ${CLTRS.method}; ${CLTRS.source}.`,
    `  Parreño = ${PARRENO.method}, support ${PARRENO.support}; ${PARRENO.source}.`,
    ...AGGREGATES.map((a) => `  ${a.what}: ${a.value}% (${a.method}; ${a.source})`),
    ...r.targets.map((t) => `target (issue 13, ${t.rule}): ${t.name}: ${t.value === null ? '-' : fixed(t.value)} ${mark(t.pass)}`),
  ];
  return lines.join('\n');
}
