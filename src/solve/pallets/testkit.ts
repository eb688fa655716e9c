// Test helpers: an independent geometric checker (it shares no code with the packer, and not
// src/verify either) and small fixture builders.

import type { Item, PalletType, Scenario } from '../../model/index.ts';
import type { PackResult } from '../types.ts';

const EPS = 1e-6;

export interface CheckedBox {
  ref: string;
  x: number;
  y: number;
  z: number;
  l: number;
  w: number;
  h: number;
}

/** bounds, overlap and 75% support of boxes inside [0,L]x[0,W]x[0,H]; returns problems found */
export function checkGeometry(boxes: readonly CheckedBox[], L: number, W: number, H: number): string[] {
  const bad: string[] = [];
  for (const b of boxes) {
    if (b.x < -EPS || b.y < -EPS || b.z < -EPS || b.x + b.l > L + EPS || b.y + b.w > W + EPS || b.z + b.h > H + EPS)
      bad.push(`${b.ref} out of bounds at ${b.x},${b.y},${b.z}`);
  }
  for (let i = 0; i < boxes.length; i++) {
    for (let j = i + 1; j < boxes.length; j++) {
      const a = boxes[i];
      const c = boxes[j];
      const ox = Math.min(a.x + a.l, c.x + c.l) - Math.max(a.x, c.x);
      const oy = Math.min(a.y + a.w, c.y + c.w) - Math.max(a.y, c.y);
      const oz = Math.min(a.z + a.h, c.z + c.h) - Math.max(a.z, c.z);
      if (ox > EPS && oy > EPS && oz > EPS) bad.push(`${a.ref} overlaps ${c.ref}`);
    }
  }
  for (const b of boxes) {
    if (b.z <= EPS) continue;
    let area = 0;
    for (const c of boxes) {
      if (c === b || Math.abs(c.z + c.h - b.z) > EPS) continue;
      const ox = Math.min(b.x + b.l, c.x + c.l) - Math.max(b.x, c.x);
      const oy = Math.min(b.y + b.w, c.y + c.w) - Math.max(b.y, c.y);
      if (ox > 0 && oy > 0) area += ox * oy;
    }
    if (area < 0.75 * b.l * b.w - EPS) bad.push(`${b.ref} at z=${b.z} supported ${((100 * area) / (b.l * b.w)).toFixed(1)}%`);
  }
  return bad;
}

const sorted3 = (a: number, b: number, c: number) => [a, b, c].sort((p, q) => p - q);
export const samePermutation = (p: number[], q: number[]) => {
  const a = sorted3(p[0], p[1], p[2]);
  const b = sorted3(q[0], q[1], q[2]);
  return a.every((v, i) => Math.abs(v - b[i]) <= EPS);
};

/** every pallet rule of docs/rules.md plus conservation; returns problems found */
export function checkPack(scenario: Scenario, retrograde: ReadonlyMap<string, number>, r: PackResult): string[] {
  const bad: string[] = [];
  const items = new Map(scenario.items.map((it) => [it.id, it]));
  const types = new Map(scenario.palletTypes.map((t) => [t.id, t]));
  const seen = new Map<string, number>();
  const ids = new Set<string>();
  for (const p of r.pallets) {
    if (ids.has(p.id)) bad.push(`duplicate pallet id ${p.id}`);
    ids.add(p.id);
    const pt = types.get(p.palletType);
    if (!pt) {
      bad.push(`${p.id}: unknown pallet type`);
      continue;
    }
    if (p.placements.length === 0) bad.push(`${p.id} is empty`);
    let kg = pt.tareKg;
    let top = 0;
    const sens = new Set<boolean>();
    for (const u of p.placements) {
      const it = items.get(u.itemId);
      if (!it) {
        bad.push(`${p.id}: unknown item ${u.itemId}`);
        continue;
      }
      seen.set(it.id, (seen.get(it.id) ?? 0) + 1);
      kg += it.unitWeightKg;
      top = Math.max(top, u.z + u.h);
      sens.add(it.sensitive.length > 0);
      if (it.kind !== 'cargo') bad.push(`${p.id}: vehicle ${it.id} on a pallet`);
      if (it.site !== p.site) bad.push(`${p.id} at ${p.site} carries ${it.id} from ${it.site}`);
      if (!samePermutation([u.l, u.w, u.h], [it.lengthM, it.widthM, it.heightM])) bad.push(`${p.id}: ${it.id} resized`);
      if (!it.verticalDims.some((d) => Math.abs(u.h - extentOf(it, d)) <= EPS)) bad.push(`${p.id}: ${it.id} stands on a face it may not`);
    }
    if (sens.size > 1) bad.push(`${p.id} mixes sensitive and other cargo`);
    if (Math.abs(kg - p.grossKg) > 1e-6) bad.push(`${p.id}: grossKg ${p.grossKg}, units and tare ${kg}`);
    if (kg > pt.maxGrossKg + 1e-6) bad.push(`${p.id}: ${kg} kg over ${pt.maxGrossKg}`);
    if (Math.abs(top - p.heightM) > EPS) bad.push(`${p.id}: heightM ${p.heightM}, top ${top}`);
    const boxes = p.placements.map((u, i) => ({ ref: `${p.id}#${i}:${u.itemId}`, ...u }));
    bad.push(...checkGeometry(boxes, pt.usableLengthM, pt.usableWidthM, pt.maxHeightM));
  }
  for (const f of r.floorUnits) {
    const it = items.get(f.itemId);
    if (!it) continue;
    seen.set(it.id, (seen.get(it.id) ?? 0) + 1);
    if (f.site !== it.site) bad.push(`floor unit ${it.id} at ${f.site}, item at ${it.site}`);
    if (scenario.palletTypes.some((pt) => fitsSomeWay(it, pt))) bad.push(`floor unit ${it.id} fits a pallet`);
  }
  for (const it of scenario.items) {
    const want = it.kind === 'cargo' ? (retrograde.get(it.id) ?? 0) : 0;
    if ((seen.get(it.id) ?? 0) !== want) bad.push(`${it.id}: ${seen.get(it.id) ?? 0} units packed, ${want} retrograde`);
  }
  return bad;
}

function extentOf(it: Item, d: Item['verticalDims'][number]): number {
  return d === 'length' ? it.lengthM : d === 'width' ? it.widthM : it.heightM;
}

function fitsSomeWay(it: Item, pt: PalletType): boolean {
  if (it.unitWeightKg > pt.maxGrossKg - pt.tareKg) return false;
  const d = [it.lengthM, it.widthM, it.heightM];
  const perms = [
    [0, 1, 2],
    [1, 0, 2],
    [0, 2, 1],
    [2, 0, 1],
    [1, 2, 0],
    [2, 1, 0],
  ].filter((p) => it.verticalDims.includes((['length', 'width', 'height'] as const)[p[2]]));
  return perms.some((p) => d[p[0]] <= pt.usableLengthM && d[p[1]] <= pt.usableWidthM && d[p[2]] <= pt.maxHeightM);
}

export const PALLET_463L: PalletType = {
  id: '463L',
  usableLengthM: 2.64,
  usableWidthM: 2.13,
  maxHeightM: 2.44,
  maxGrossKg: 4536,
  tareKg: 161,
  footprintLengthM: 2.74,
  footprintWidthM: 2.24,
};

export function item(id: string, site: string, quantity: number, kg: number, dims: [number, number, number], extra: Partial<Item> = {}): Item {
  return {
    id,
    name: id,
    site,
    quantity,
    unitWeightKg: kg,
    lengthM: dims[0],
    widthM: dims[1],
    heightM: dims[2],
    unitValueUsd: 1000,
    kind: 'cargo',
    sensitive: [],
    hostTransfer: false,
    demilInPlace: false,
    tiltable: false,
    ...extra,
    verticalDims: extra.verticalDims ?? (extra.tiltable ? ['length', 'width', 'height'] : ['height']), cargoAircraftOnly: extra.cargoAircraftOnly ?? false,
  };
}

export function scenarioWith(items: Item[], palletTypes: PalletType[] = [PALLET_463L]): Scenario {
  const sites = [...new Set(items.map((i) => i.site))];
  return {
    name: 'test',
    asOf: '2024-05-20',
    sites: sites.map((id, k) => ({ id, name: id, country: 'NE', lat: 13 + k, lon: 2 + k, role: 'origin' as const })),
    aircraft: [],
    palletTypes,
    personnel: [],
    items,
    infrastructure: [],
    agreements: [],
    policy: { transferWhenShipCostOverValue: 1, minSecurityPerSite: 0, passengerKg: 100 },
  };
}

/** every unit of every cargo item moves */
export function allOf(s: Scenario): Map<string, number> {
  return new Map(s.items.map((i) => [i.id, i.quantity]));
}
