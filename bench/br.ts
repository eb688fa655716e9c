// Section br: container loading, Bischoff & Ratcliff BR1-BR7, through the palletiser's 3D
// packer (packContainer) on the 587 x 233 x 220 container, in cm as the files give them.
// Orientation flags map one to one onto packContainer's per-dimension `vertical` flags, and
// the packer enforces 75% support for every unit. Baseline: first-fit columns (br-baseline.ts).

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { packContainer, type ContainerUnit } from '../src/solve/pallets/index.ts';
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

export const PUBLISHED: Record<string, number> = {
  BR1: 92.95, BR2: 93.95, BR3: 93.54, BR4: 93.05, BR5: 93.01, BR6: 92.72, BR7: 91.62,
};

export interface BrProblemResult {
  cls: string;
  id: number;
  fill: number;
  baselineFill: number;
  ms: number;
  /** placements inside the container, no overlaps, extents a permutation of the box (cheap check) */
  valid: boolean;
}

export function solveProblem(cls: string, p: BrProblem, restarts?: number): BrProblemResult {
  const [L, W, H] = p.container;
  const units: ContainerUnit[] = [];
  for (const b of p.boxes)
    for (let q = 0; q < b.qty; q++)
      units.push({ id: `${b.type}.${q}`, l: b.dims[0], w: b.dims[1], h: b.dims[2], kg: 1, vertical: b.vertical });
  const box = { l: L, w: W, h: H, maxKg: Infinity };
  const t0 = performance.now();
  const load = packContainer(box, units, restarts ? { restarts } : {});
  const ms = performance.now() - t0;
  const cv = L * W * H;
  return {
    cls,
    id: p.id,
    fill: load.volume / cv,
    baselineFill: columnBaseline(p.container, p.boxes) / cv,
    ms,
    valid: placementsValid(load.placements, L, W, H),
  };
}

function placementsValid(ps: readonly { x: number; y: number; z: number; l: number; w: number; h: number }[], L: number, W: number, H: number): boolean {
  const e = 1e-6;
  for (const p of ps) if (p.x < -e || p.y < -e || p.z < -e || p.x + p.l > L + e || p.y + p.w > W + e || p.z + p.h > H + e) return false;
  // overlap check, sweep on x (a few thousand boxes at most)
  const s = ps.slice().sort((a, b) => a.x - b.x);
  for (let i = 0; i < s.length; i++)
    for (let j = i + 1; j < s.length && s[j].x < s[i].x + s[i].l - e; j++) {
      const a = s[i], b = s[j];
      if (a.y < b.y + b.w - e && b.y < a.y + a.w - e && a.z < b.z + b.h - e && b.z < a.z + a.h - e) return false;
    }
  return true;
}

export interface BrClassSummary {
  cls: string;
  problems: number;
  fill: number;
  published: number;
  /** our average fill / published average fill */
  vsPublished: number;
  baselineFill: number;
  /** our fill / baseline fill, averaged over problems */
  vsBaseline: number;
  msPerProblem: number;
  maxMs: number;
  invalid: number;
}

export interface BrReport {
  problemsPerClass: number;
  restarts: number | 'default';
  flags: string;
  classes: BrClassSummary[];
  total: BrClassSummary;
  problems: BrProblemResult[];
}

function summarise(cls: string, rs: readonly BrProblemResult[], published: number): BrClassSummary {
  const avg = (f: (r: BrProblemResult) => number) => rs.reduce((s, r) => s + f(r), 0) / rs.length;
  const fill = avg((r) => r.fill);
  return {
    cls,
    problems: rs.length,
    fill,
    published,
    vsPublished: (100 * fill) / published,
    baselineFill: avg((r) => r.baselineFill),
    vsBaseline: fill / avg((r) => r.baselineFill),
    msPerProblem: avg((r) => r.ms),
    maxMs: Math.max(...rs.map((r) => r.ms)),
    invalid: rs.filter((r) => !r.valid).length,
  };
}

export function runBr(problemsPerClass: number, log: (s: string) => void, restarts?: number): BrReport {
  const all: BrProblemResult[] = [];
  const classes: BrClassSummary[] = [];
  for (let c = 1; c <= 7; c++) {
    const cls = `BR${c}`;
    const problems = parseBr(readFileSync(join(SHARED_BENCH, 'br', `${cls}.txt`), 'utf8')).slice(0, problemsPerClass);
    const rs = problems.map((p) => solveProblem(cls, p, restarts));
    const s = summarise(cls, rs, PUBLISHED[cls]);
    log(`  br ${cls}: ${rs.length} problems, fill ${fixed(100 * s.fill)}% (published ${s.published}), ${secs(s.msPerProblem)}/problem`);
    classes.push(s);
    all.push(...rs);
  }
  const meanPublished = Object.values(PUBLISHED).reduce((a, b) => a + b, 0) / 7;
  return {
    problemsPerClass,
    restarts: restarts ?? 'default',
    flags: 'respected: per-dimension vertical flags passed as packContainer `vertical`; 75% support enforced by the packer',
    classes,
    total: summarise('all', all, meanPublished),
    problems: all,
  };
}

export function brTable(r: BrReport): string {
  const row = (s: BrClassSummary) => [
    s.cls,
    String(s.problems),
    fixed(100 * s.fill),
    fixed(s.published),
    fixed(s.vsPublished, 3),
    mark(100 * s.fill >= s.published),
    fixed(100 * s.baselineFill),
    fixed(s.vsBaseline, 3),
    String(s.invalid),
    secs(s.msPerProblem),
    secs(s.maxMs),
  ];
  return [
    table(
      ['class', 'probs', 'fill %', 'Parreño %', 'vs pub', 'target', 'FF col %', 'vs FF', 'invalid', 'time/prob', 'max'],
      [...r.classes.map(row), row(r.total)],
    ),
    `target (issue 4): average fill of BR1-BR7 >= 90%: ${fixed(100 * r.total.fill)}% ${mark(r.total.fill >= 0.9)}`,
    `stretch: the "target" column compares each class with Parreño et al. 2008 (indicative figures); ${r.problemsPerClass} problems per class; ${r.flags}`,
  ].join('\n');
}
