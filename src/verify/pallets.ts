// pallet.bounds, pallet.overlap, pallet.support, pallet.orientation, pallet.weight and
// pallet.content: each pallet is rebuilt from its placements and the scenario's items.
// Overlap and support compare a unit only with units near it (sorted by x, grouped by top),
// so a pallet of k units costs about k log k, not k².

import type { Item, Placement, UnitDimension, Violation } from '../model/index.ts';
import { GEOMETRY_EPS_M, MIN_SUPPORT_SHARE as SUPPORT_SHARE, isSensitive } from '../model/index.ts';
import type { PalletInfo, VerifyContext } from './context.ts';
import { finite } from './context.ts';
import { figures, furthestOut, kg, m, num, violation } from './format.ts';

// Local copies: module re-exports are getters, too slow for loops over every unit.
const EPS = GEOMETRY_EPS_M;
const MIN_SUPPORT_SHARE = SUPPORT_SHARE;

interface Unit {
  p: Placement;
  item: Item;
  name: string;
}

export function checkPallets(ctx: VerifyContext): Violation[] {
  const out: Violation[] = [];
  for (const info of ctx.pallets.values()) checkPallet(ctx, info, out);
  return out;
}

function checkPallet(ctx: VerifyContext, info: PalletInfo, out: Violation[]): void {
  const { pallet, type } = info;
  const id = pallet.id;
  const units: Unit[] = [];
  info.placements.forEach((p, k) => {
    const item = ctx.items.get(p.itemId);
    if (!item) return; // reported as a reference
    const name = `${p.itemId} (unit ${k + 1})`;
    if (![p.x, p.y, p.z, p.l, p.w, p.h].every(finite)) {
      out.push(violation('pallet.bounds', `pallet ${id}: unit ${name} has no readable position or size`, [id, item.id]));
      return;
    }
    units.push({ p, item, name });
  });

  content(id, pallet.site, units, out);
  orientation(id, units, out);
  if (!type) return; // unknown pallet type: reported as a reference

  // Bounds: inside the usable box, and the claimed height is the top of the highest unit.
  for (const { p, item, name } of units) {
    if (p.x < -EPS || p.y < -EPS || p.z < -EPS || p.x + p.l > type.usableLengthM + EPS ||
      p.y + p.w > type.usableWidthM + EPS || p.z + p.h > type.maxHeightM + EPS) {
      out.push(violation('pallet.bounds',
        `pallet ${id}: unit ${name} spans x ${num(p.x, 3)}–${num(p.x + p.l, 3)}, y ${num(p.y, 3)}–${num(p.y + p.w, 3)}, ` +
        `z ${num(p.z, 3)}–${num(p.z + p.h, 3)} m, outside the ${type.id} usable box ` +
        `${num(type.usableLengthM, 3)} × ${num(type.usableWidthM, 3)} × ${num(type.maxHeightM, 3)} m`, [id, item.id],
        furthestOut([[p.x, p.x + p.l, type.usableLengthM], [p.y, p.y + p.w, type.usableWidthM], [p.z, p.z + p.h, type.maxHeightM]])));
    }
  }
  const top = units.reduce((t, u) => Math.max(t, u.p.z + u.p.h), 0);
  if (!finite(pallet.heightM) || Math.abs(pallet.heightM - top) > EPS) {
    out.push(violation('pallet.bounds', `pallet ${id}: heightM ${pallet.heightM} but its highest unit tops at ${m(top)}`, [id],
      figures(pallet.heightM, top, 'm')));
  }

  overlap(id, units, out);
  support(id, units, out);

  // Weight: tare plus units, as claimed, within the limit.
  const gross = info.weightKg;
  if (!finite(pallet.grossKg) || Math.abs(pallet.grossKg - gross) > 0.01 + 1e-9 * gross) {
    out.push(violation('pallet.weight',
      `pallet ${id}: grossKg ${pallet.grossKg} but tare ${kg(type.tareKg)} + units ${kg(gross - type.tareKg)} = ${kg(gross)}`, [id], figures(pallet.grossKg, gross, 'kg')));
  }
  if (gross > type.maxGrossKg + 1e-6) {
    out.push(violation('pallet.weight', `pallet ${id}: ${kg(gross)} gross exceeds the ${type.id} limit of ${kg(type.maxGrossKg)}`, [id],
      figures(gross, type.maxGrossKg, 'kg')));
  }
}

function content(id: string, site: string, units: Unit[], out: Violation[]): void {
  const sensitive = units.filter((u) => isSensitive(u.item));
  const plain = units.filter((u) => !isSensitive(u.item));
  if (sensitive.length > 0 && plain.length > 0) {
    out.push(violation('pallet.content',
      `pallet ${id} mixes sensitive ${sensitive[0].item.id} with non-sensitive ${plain[0].item.id}`,
      [id, sensitive[0].item.id, plain[0].item.id]));
  }
  const reported = new Set<string>();
  for (const { item } of units) {
    if (reported.has(item.id)) continue;
    if (item.kind === 'vehicle') {
      reported.add(item.id);
      out.push(violation('pallet.content', `pallet ${id} carries vehicle ${item.id}: vehicles roll on, never on pallets`, [id, item.id]));
    } else if (item.site !== site) {
      reported.add(item.id);
      out.push(violation('pallet.content', `pallet ${id} is built at ${site} but carries ${item.id} from ${item.site}`, [id, item.id]));
    }
  }
}

function orientation(id: string, units: Unit[], out: Violation[]): void {
  for (const { p, item, name } of units) {
    const size = () => `${num(p.l, 3)} × ${num(p.w, 3)} × ${num(p.h, 3)} m`;
    if (!sameBox(p.l, p.w, p.h, item.lengthM, item.widthM, item.heightM)) {
      out.push(violation('pallet.orientation',
        `pallet ${id}: unit ${name} is placed as ${size()}, not a turn of its ${num(item.lengthM, 3)} × ${num(item.widthM, 3)} × ${num(item.heightM, 3)} m`, [id, item.id]));
    } else if (!item.verticalDims.some((d) => Math.abs(p.h - extent(item, d)) <= EPS)) {
      // the vertical extent must be one of the dimensions allowed to stand vertical
      const upright = item.verticalDims.length === 1 && item.verticalDims[0] === 'height';
      out.push(violation('pallet.orientation', upright
        ? `pallet ${id}: unit ${name} is laid on its side (${size()}, height ${m(p.h)} not ${m(item.heightM)}) but is not tiltable`
        : `pallet ${id}: unit ${name} stands ${m(p.h)} high (${size()}), but only its ` +
          `${item.verticalDims.map((d) => `${d} ${m(extent(item, d))}`).join(' or ')} may stand vertical`, [id, item.id]));
    }
  }
}

/**
 * Is a placed box a turn of the unit's: its sorted extents within EPS of the unit's? Without
 * arrays: the verifier asks for every unit of a plan (a million on the largest benchmark).
 */
function sameBox(a: number, b: number, c: number, x: number, y: number, z: number): boolean {
  const lo1 = Math.min(a, b, c);
  const hi1 = Math.max(a, b, c);
  const lo2 = Math.min(x, y, z);
  const hi2 = Math.max(x, y, z);
  // the middle extent is what is left of the sum (its rounding is far below EPS)
  return Math.abs(lo1 - lo2) <= EPS && Math.abs(hi1 - hi2) <= EPS && Math.abs(a + b + c - lo1 - hi1 - (x + y + z - lo2 - hi2)) <= EPS;
}

function extent(item: Item, d: UnitDimension): number {
  return d === 'length' ? item.lengthM : d === 'width' ? item.widthM : item.heightM;
}

/** Overlap length of two intervals, 0 when they only touch (within the tolerance). */
function span(a0: number, a1: number, b0: number, b1: number): number {
  const d = Math.min(a1, b1) - Math.max(a0, b0);
  return d > EPS ? d : 0;
}

function overlap(id: string, units: Unit[], out: Violation[]): void {
  const order = [...units].sort((a, b) => a.p.x - b.p.x);
  for (let i = 0; i < order.length; i++) {
    const a = order[i].p;
    for (let j = i + 1; j < order.length && order[j].p.x < a.x + a.l - EPS; j++) {
      const b = order[j].p;
      const dx = span(a.x, a.x + a.l, b.x, b.x + b.l);
      const dy = span(a.y, a.y + a.w, b.y, b.y + b.w);
      const dz = span(a.z, a.z + a.h, b.z, b.z + b.h);
      if (dx > 0 && dy > 0 && dz > 0) {
        out.push(violation('pallet.overlap',
          `pallet ${id}: units ${order[i].name} and ${order[j].name} overlap by ${num(dx, 3)} × ${num(dy, 3)} × ${num(dz, 3)} m`,
          [id, order[i].item.id, order[j].item.id], figures(dx * dy * dz, 0, 'm3')));
      }
    }
  }
}

function support(id: string, units: Unit[], out: Violation[]): void {
  // Units grouped by the height of their top, to the micrometre; neighbours cover rounding.
  const byTop = new Map<number, Unit[]>();
  for (const u of units) {
    const k = Math.round((u.p.z + u.p.h) / EPS);
    let g = byTop.get(k);
    if (!g) byTop.set(k, (g = []));
    g.push(u);
  }
  for (const u of units) {
    const a = u.p;
    if (a.z <= EPS) continue; // on the pallet itself
    const k = Math.round(a.z / EPS);
    let area = 0;
    for (const g of [byTop.get(k - 1), byTop.get(k), byTop.get(k + 1)]) {
      for (const below of g ?? []) {
        const b = below.p;
        if (below === u || Math.abs(b.z + b.h - a.z) > EPS) continue;
        area += span(a.x, a.x + a.l, b.x, b.x + b.l) * span(a.y, a.y + a.w, b.y, b.y + b.w);
      }
    }
    const base = a.l * a.w;
    if (area < MIN_SUPPORT_SHARE * base - EPS * EPS) {
      out.push(violation('pallet.support',
        `pallet ${id}: unit ${u.name} at z ${m(a.z)} rests on ${num((100 * area) / base, 1)}% of its base, under ${num(100 * MIN_SUPPORT_SHARE)}%`,
        [id, u.item.id], figures((100 * area) / base, 100 * MIN_SUPPORT_SHARE, '%')));
    }
  }
}

