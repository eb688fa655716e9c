// Section bpp: one-dimensional bin packing (Falkenauer U/T, Scholl 1/2) through the real
// palletiser. Each weight is a unit's unitWeightKg, the capacity a pallet type's maxGrossKg with
// tare 0, and the units are cubes small enough that all of an instance fits one pallet by
// volume, so the pallets built are bins. Baseline: first fit in input order.

import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import type { Item, Scenario } from '../src/model/index.ts';
import { packPallets } from '../src/solve/pallets/index.ts';
import { binByWeight, lowerBound } from '../src/solve/pallets/weight.ts';
import { SHARED_BENCH } from './paths.ts';
import { fixed, mark, pct, secs, table } from './table.ts';

export interface BppInstance {
  name: string;
  capacity: number;
  weights: number[];
}

/** BPPLIB text: n, capacity, then n weights (CRLF tolerated). */
export function parseBpp(name: string, text: string): BppInstance {
  const nums = text.split(/\s+/).filter(Boolean).map(Number);
  const [n, capacity] = nums;
  const weights = nums.slice(2, 2 + n);
  if (weights.length !== n || weights.some((w) => !Number.isFinite(w))) throw new Error(`bpp: ${name} is not n, c, n weights`);
  return { name, capacity, weights };
}

/** Plain first fit in input order: the bins a naive loader would use. */
export function firstFitBins(capacity: number, weights: readonly number[]): number {
  const loads: number[] = [];
  for (const w of weights) {
    let i = 0;
    while (i < loads.length && loads[i] + w > capacity) i++;
    if (i === loads.length) loads.push(w);
    else loads[i] += w;
  }
  return loads.length;
}

const PALLET_M = 2;

/** A normalised scenario: one site, one pallet type of the bin capacity, one item per distinct weight. */
export function bppScenario(inst: BppInstance): { scenario: Scenario; retrograde: Map<string, number> } {
  // cubes small enough that every unit of the instance fits one pallet by volume, with room to spare
  const perSide = Math.ceil(Math.cbrt(inst.weights.length * 2));
  const side = Math.min(0.1, PALLET_M / perSide);
  const counts = new Map<number, number>();
  for (const w of inst.weights) counts.set(w, (counts.get(w) ?? 0) + 1);
  const items: Item[] = [...counts].map(([w, n]) => ({
    id: `w${w}`,
    name: `weight ${w}`,
    site: 'bin',
    quantity: n,
    unitWeightKg: w,
    lengthM: side,
    widthM: side,
    heightM: side,
    unitValueUsd: 1,
    kind: 'cargo',
    sensitive: [],
    hostTransfer: false,
    demilInPlace: false,
    tiltable: false,
    verticalDims: ['height'],
    cargoAircraftOnly: false,
  }));
  const scenario: Scenario = {
    name: inst.name,
    asOf: '2030-01-01',
    sites: [{ id: 'bin', name: 'Bins', country: 'NE', lat: 13.5, lon: 2.1, role: 'origin' }],
    aircraft: [],
    palletTypes: [
      {
        id: 'bin',
        usableLengthM: PALLET_M,
        usableWidthM: PALLET_M,
        maxHeightM: PALLET_M,
        maxGrossKg: inst.capacity,
        tareKg: 0,
        footprintLengthM: PALLET_M,
        footprintWidthM: PALLET_M,
      },
    ],
    personnel: [],
    items,
    infrastructure: [],
    agreements: [],
    policy: { transferWhenShipCostOverValue: 1, minSecurityPerSite: 0, passengerKg: 100 },
  };
  return { scenario, retrograde: new Map(items.map((it) => [it.id, it.quantity])) };
}

export interface BppInstanceResult {
  instance: string;
  optimum: number;
  pallets: number;
  firstFit: number;
  ms: number;
  /** every unit on a pallet, no pallet over capacity, no unit on the floor */
  valid: boolean;
}

export function runInstance(inst: BppInstance, optimum: number): BppInstanceResult {
  const { scenario, retrograde } = bppScenario(inst);
  const t0 = performance.now();
  const packed = packPallets(scenario, retrograde);
  const ms = performance.now() - t0;
  const placed = packed.pallets.reduce((s, p) => s + p.placements.length, 0);
  const valid =
    packed.floorUnits.length === 0 &&
    placed === inst.weights.length &&
    packed.pallets.every((p) => p.grossKg <= inst.capacity + 1e-9);
  return { instance: inst.name, optimum, pallets: packed.pallets.length, firstFit: firstFitBins(inst.capacity, inst.weights), ms, valid };
}

export const BPP_SETS = [
  { id: 'falkenauer_u', label: 'Falkenauer U' },
  { id: 'falkenauer_t', label: 'Falkenauer T' },
  { id: 'scholl_1', label: 'Scholl 1' },
  { id: 'scholl_2', label: 'Scholl 2' },
] as const;

export interface BppSetSummary {
  set: string;
  instances: number;
  pallets: number;
  optima: number;
  ratio: number;
  optimalShare: number;
  firstFit: number;
  firstFitRatio: number;
  /** palletiser pallets / first-fit bins */
  vsBaseline: number;
  invalid: number;
  ms: number;
  maxMs: number;
}

function summarise(set: string, rs: readonly BppInstanceResult[]): BppSetSummary {
  const sum = (f: (r: BppInstanceResult) => number) => rs.reduce((s, r) => s + f(r), 0);
  const pallets = sum((r) => r.pallets);
  const optima = sum((r) => r.optimum);
  const firstFit = sum((r) => r.firstFit);
  return {
    set,
    instances: rs.length,
    pallets,
    optima,
    ratio: pallets / optima,
    optimalShare: rs.filter((r) => r.pallets === r.optimum).length / rs.length,
    firstFit,
    firstFitRatio: firstFit / optima,
    vsBaseline: pallets / firstFit,
    invalid: rs.filter((r) => !r.valid).length,
    ms: sum((r) => r.ms),
    maxMs: Math.max(...rs.map((r) => r.ms)),
  };
}

/**
 * Grouped units where volume binds for the light ones (60,003 units of three types on 463L
 * capacities): the 1D search's bins against the L2 bound. Target (formerly a unit test's): ≤ 1.15.
 */
export function groupedCase(): { bins: number; bound: number; ratio: number; ms: number } {
  const types = [
    { kg: 700, volume: 0.5, count: 10_000 },
    { kg: 45, volume: 0.2, count: 50_000 },
    { kg: 1200, volume: 1, count: 3 },
  ];
  const t0 = performance.now();
  const bins = binByWeight(types, 4375, 13.7).length;
  const ms = performance.now() - t0;
  const bound = lowerBound(types, 4375, 13.7);
  return { bins, bound, ratio: bins / bound, ms };
}

export interface BppReport {
  grouped: ReturnType<typeof groupedCase>;
  targets: { totalWithin: number; optimalShare: number; groupedRatio: number };
  sets: BppSetSummary[];
  total: BppSetSummary;
  pass: { total: boolean; optimalShare: boolean };
  instances: BppInstanceResult[];
}

/** quick: every 8th instance of each set (in name order); full: all of them. */
export function runBpp(quick: boolean, log: (s: string) => void): BppReport {
  const dir = join(SHARED_BENCH, 'bpp1d');
  const optima = new Map(
    readFileSync(join(dir, 'optima.tsv'), 'utf8')
      .split(/\r?\n/)
      .slice(1)
      .filter(Boolean)
      .map((l) => l.split('\t'))
      .map(([k, v]) => [k, Number(v)] as const),
  );
  const all: BppInstanceResult[] = [];
  const sets: BppSetSummary[] = [];
  for (const { id, label } of BPP_SETS) {
    const files = readdirSync(join(dir, id)).filter((f) => f.endsWith('.txt')).sort();
    const chosen = quick ? files.filter((_, i) => i % 8 === 0) : files;
    const rs: BppInstanceResult[] = [];
    for (const f of chosen) {
      const name = f.replace(/\.txt$/, '');
      const optimum = optima.get(name);
      if (optimum === undefined) throw new Error(`bpp: no optimum for ${name} in optima.tsv`);
      rs.push(runInstance(parseBpp(name, readFileSync(join(dir, id, f), 'utf8')), optimum));
    }
    const s = summarise(label, rs);
    log(`  bpp ${label}: ${s.instances} instances, ${s.pallets} pallets vs ${s.optima} optimal, ${secs(s.ms)}`);
    sets.push(s);
    all.push(...rs);
  }
  const total = summarise('all', all);
  const targets = { totalWithin: 0.005, optimalShare: 0.95, groupedRatio: 1.15 };
  return {
    grouped: groupedCase(),
    targets,
    sets,
    total,
    pass: { total: total.ratio <= 1 + targets.totalWithin + 1e-12, optimalShare: total.optimalShare >= targets.optimalShare },
    instances: all,
  };
}

export function bppTable(r: BppReport): string {
  const row = (s: BppSetSummary) => [
    s.set,
    String(s.instances),
    String(s.pallets),
    String(s.optima),
    fixed(s.ratio, 4),
    pct(s.optimalShare),
    String(s.firstFit),
    fixed(s.firstFitRatio, 4),
    fixed(s.vsBaseline, 4),
    String(s.invalid),
    secs(s.ms),
    secs(s.maxMs),
  ];
  const t = table(
    ['set', 'inst', 'pallets', 'Σ optima', 'ratio', 'optimal', 'FF bins', 'FF ratio', 'vs FF', 'invalid', 'time', 'max/inst'],
    [...r.sets.map(row), row(r.total)],
  );
  return [
    t,
    `target: total pallets <= ${fixed(1 + r.targets.totalWithin, 3)} x Σ optima: ${fixed(r.total.ratio, 4)} ${mark(r.pass.total)}`,
    `target: >= ${pct(r.targets.optimalShare, 0)} of instances optimal: ${pct(r.total.optimalShare)} ${mark(r.pass.optimalShare)}`,
    `target: grouped units, volume binding for the light ones (binByWeight alone): ${r.grouped.bins} bins / L2 ${r.grouped.bound} = ` +
      `${fixed(r.grouped.ratio, 4)} <= ${fixed(r.targets.groupedRatio, 2)} ${mark(r.grouped.ratio <= r.targets.groupedRatio)} (${secs(r.grouped.ms)})`,
  ].join('\n');
}
