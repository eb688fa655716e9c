// pallet.stacking: no unit rests on a lighter one unless policy.heavierOnLighter, and the weight
// resting on each unit stays within its item's maxLoadOnTopKg. Weight passes down as formats.md
// says: each unit hands its own weight plus what rests on it to the units directly below it (tops
// at its base), shared in proportion to the contact areas; units on the pallet base hand it to the
// pallet, whose maxGrossKg is pallet.weight's to check.

import type { Item, Placement, Violation } from '../model/index.ts';
import { GEOMETRY_EPS_M } from '../model/index.ts';
import type { PalletInfo, VerifyContext } from './context.ts';
import { finite } from './context.ts';
import { figures, kg, violation } from './format.ts';

const EPS = GEOMETRY_EPS_M;
/** Weight tolerance, kg: shares of decimal weights do not add up exactly. */
const KG_EPS = 1e-6;

interface Unit {
  p: Placement;
  item: Item;
  name: string;
  /** weight resting on the unit, kg */
  load: number;
}

export function checkStacking(ctx: VerifyContext): Violation[] {
  const out: Violation[] = [];
  const lighterAllowed = ctx.scenario.policy.heavierOnLighter === true;
  for (const info of ctx.pallets.values()) checkPallet(ctx, info, lighterAllowed, out);
  return out;
}

function checkPallet(ctx: VerifyContext, info: PalletInfo, lighterAllowed: boolean, out: Violation[]): void {
  const id = info.pallet.id;
  const units: Unit[] = [];
  info.placements.forEach((p, k) => {
    const item = ctx.items.get(p.itemId);
    if (!item || ![p.x, p.y, p.z, p.l, p.w, p.h].every(finite)) return; // reported elsewhere
    units.push({ p, item, name: `${p.itemId} (unit ${k + 1})`, load: 0 });
  });
  // Units by the level of their top, so a unit meets only those it may rest on.
  const byTop = new Map<number, Unit[]>();
  for (const u of units) {
    const key = Math.round((u.p.z + u.p.h) / EPS);
    const list = byTop.get(key);
    if (list) list.push(u);
    else byTop.set(key, [u]);
  }
  // Highest first: by the time a unit is reached, everything above it has handed its weight down.
  const order = units.slice().sort((a, b) => b.p.z - a.p.z);
  for (const u of order) {
    if (u.p.z <= EPS) continue;
    const below: { v: Unit; area: number }[] = [];
    let total = 0;
    const key = Math.round(u.p.z / EPS);
    const near = [...(byTop.get(key - 1) ?? []), ...(byTop.get(key) ?? []), ...(byTop.get(key + 1) ?? [])];
    for (const v of near) {
      if (v === u || Math.abs(v.p.z + v.p.h - u.p.z) > EPS) continue;
      const area = overlap(u.p.x, u.p.l, v.p.x, v.p.l) * overlap(u.p.y, u.p.w, v.p.y, v.p.w);
      if (area <= EPS * EPS) continue;
      below.push({ v, area });
      total += area;
    }
    const down = u.item.unitWeightKg + u.load;
    for (const { v, area } of below) {
      v.load += (down * area) / total;
      if (!lighterAllowed && u.item.unitWeightKg > v.item.unitWeightKg + KG_EPS) {
        out.push(violation('pallet.stacking',
          `pallet ${id}: unit ${u.name} of ${kg(u.item.unitWeightKg)} rests on the lighter ${v.name} of ${kg(v.item.unitWeightKg)}`,
          [id, u.item.id, v.item.id], figures(u.item.unitWeightKg, v.item.unitWeightKg, 'kg')));
      }
    }
  }
  for (const u of units) {
    const limit = u.item.maxLoadOnTopKg;
    if (limit === undefined || u.load <= limit + KG_EPS) continue;
    out.push(violation('pallet.stacking',
      `pallet ${id}: unit ${u.name} carries ${kg(u.load)} on top, over its limit of ${kg(limit)}`,
      [id, u.item.id], figures(u.load, limit, 'kg')));
  }
}

function overlap(a: number, la: number, b: number, lb: number): number {
  return Math.max(0, Math.min(a + la, b + lb) - Math.max(a, b));
}
