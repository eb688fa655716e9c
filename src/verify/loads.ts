// load.floor, load.positions, load.seats, load.payload, load.door and load.cg: each sortie's
// cargo floor rebuilt from its loads. A load's ref is a pallet id, or else an item id for one
// unit carried on the floor itself.

import type { FleetLine, Item, PalletType, Violation } from '../model/index.ts';
import { CG_REPORT_EPS_M, GEOMETRY_EPS_M } from '../model/index.ts';
import type { LoadTarget, SortieInfo, VerifyContext } from './context.ts';
import { cmp, finite } from './context.ts';
import { figures, furthestOut, kg, m, num, violation } from './format.ts';

// Local copies: module re-exports are getters, too slow for loops over every unit.
const EPS = GEOMETRY_EPS_M;

/** Tolerance on a claimed payload against the one recomputed, kg. */
const PAYLOAD_EPS_KG = 0.5;

export function checkLoads(ctx: VerifyContext): Violation[] {
  const out: Violation[] = [];
  const floorCargoReported = new Set<string>();
  // By sortie id, so the one sortie named for floor cargo that fits a pallet does not depend on plan order.
  const order = [...ctx.sorties].sort((a, b) => cmp(String(a.sortie.id), String(b.sortie.id)) || a.index - b.index);
  for (const s of order) if (s.line) checkSortie(ctx, s, s.line, floorCargoReported, out);
  return out;
}

interface Placed {
  ref: string;
  x: number;
  y: number;
  l: number;
  w: number;
  weight: number;
  target: LoadTarget;
}

function checkSortie(ctx: VerifyContext, s: SortieInfo, line: FleetLine, floorCargoReported: Set<string>, out: Violation[]): void {
  const id = s.sortie.id;
  const placed: Placed[] = [];
  let pallets = 0;
  let cargoKg = 0;

  for (const load of s.loads) {
    const target = ctx.target(load.ref);
    if (!target) continue; // reported as a reference
    const weight = target.kind === 'pallet' ? target.pallet.weightKg : target.item.unitWeightKg;
    cargoKg += weight;
    if (target.kind === 'pallet') pallets++;
    if (![load.x, load.y, load.l, load.w].every(finite)) {
      out.push(violation('load.floor', `${s.label}: load ${load.ref} has no readable position or footprint`, [id, load.ref]));
      continue;
    }
    placed.push({ ref: load.ref, x: load.x, y: load.y, l: load.l, w: load.w, weight, target });

    if (load.x < -EPS || load.y < -EPS || load.x + load.l > line.floorLengthM + EPS || load.y + load.w > line.floorWidthM + EPS) {
      out.push(violation('load.floor',
        `${s.label}: load ${load.ref} spans x ${num(load.x, 3)}–${num(load.x + load.l, 3)}, y ${num(load.y, 3)}–${num(load.y + load.w, 3)} m, ` +
        `outside the ${num(line.floorLengthM, 3)} × ${num(line.floorWidthM, 3)} m floor`, [id, load.ref],
        furthestOut([[load.x, load.x + load.l, line.floorLengthM], [load.y, load.y + load.w, line.floorWidthM]])));
    }
    const footprints = allowedFootprints(target);
    if (footprints.length > 0 && !footprints.some(([l, w]) => same(l, load.l) && same(w, load.w))) {
      const [l, w] = footprints[0];
      out.push(violation('load.floor',
        `${s.label}: load ${load.ref} takes ${num(load.l, 3)} × ${num(load.w, 3)} m of floor, not its footprint ${num(l, 3)} × ${num(w, 3)} m`, [id, load.ref]));
    }

    // Door: what goes through must be no taller than the door.
    const height = target.kind === 'pallet' ? target.pallet.heightM : heightAsLoaded(target.item, load.l, load.w);
    if (height > line.doorHeightM + EPS) {
      out.push(violation('load.door',
        `${s.label}: load ${load.ref} stands ${m(height)} tall, above the ${m(line.doorHeightM)} door`, [id, load.ref],
        figures(height, line.doorHeightM, 'm')));
    }

    if (target.kind === 'floor' && target.item.kind === 'cargo' && !floorCargoReported.has(target.item.id)) {
      const fits = palletThatFits(ctx.scenario.palletTypes, target.item);
      if (fits) {
        floorCargoReported.add(target.item.id);
        out.push(violation('load.floor',
          `${s.label}: cargo ${target.item.id} rides on the floor but fits pallet type ${fits.id} ` +
          `(${num(target.item.lengthM, 3)} × ${num(target.item.widthM, 3)} × ${num(target.item.heightM, 3)} m, ${kg(target.item.unitWeightKg)})`,
          [id, target.item.id]));
      }
    }
  }

  // No two loads share floor space.
  placed.sort((a, b) => a.x - b.x);
  for (let i = 0; i < placed.length; i++) {
    const a = placed[i];
    for (let j = i + 1; j < placed.length && placed[j].x < a.x + a.l - EPS; j++) {
      const b = placed[j];
      const dy = Math.min(a.y + a.w, b.y + b.w) - Math.max(a.y, b.y);
      if (dy > EPS) {
        const dx = Math.min(a.x + a.l, b.x + b.l) - b.x;
        out.push(violation('load.floor', `${s.label}: loads ${a.ref} and ${b.ref} overlap on the floor`, [id, a.ref, b.ref],
          figures(dx * dy, 0, 'm2')));
      }
    }
  }

  if (pallets > line.palletPositions) {
    out.push(violation('load.positions', `${s.label}: ${pallets} pallets exceed ${line.palletPositions} pallet positions`, [id],
      figures(pallets, line.palletPositions, 'pallets')));
  }
  const pax = s.passengers;
  if (pax > line.seats) {
    out.push(violation('load.seats', `${s.label}: ${pax} passengers exceed ${line.seats} seats`, [id], figures(pax, line.seats, 'people')));
  }

  const paxKg = pax * ctx.scenario.policy.passengerKg;
  const payload = cargoKg + paxKg;
  if (!finite(s.sortie.payloadKg) || Math.abs(s.sortie.payloadKg - payload) > PAYLOAD_EPS_KG) {
    out.push(violation('load.payload',
      `${s.label}: payloadKg ${s.sortie.payloadKg} but cargo ${kg(cargoKg)} + ${pax} passengers ${kg(paxKg)} = ${kg(payload)}`, [id],
      figures(s.sortie.payloadKg, payload, 'kg')));
  }
  if (payload > line.aclKg + 1e-6) {
    out.push(violation('load.payload', `${s.label}: payload ${kg(payload)} exceeds the ACL of ${kg(line.aclKg)}`, [id],
      figures(payload, line.aclKg, 'kg')));
  }

  cg(s, line, placed, out);
}

function cg(s: SortieInfo, line: FleetLine, placed: Placed[], out: Violation[]): void {
  const id = s.sortie.id;
  const claimed = s.sortie.cgM;
  const weight = placed.reduce((t, p) => t + p.weight, 0);
  if (s.loads.length === 0) {
    if (claimed !== null) out.push(violation('load.cg', `${s.label}: carries no cargo but reports cgM ${claimed}`, [id]));
    return;
  }
  if (placed.length < s.loads.length || !(weight > 0)) return; // unreadable loads are reported elsewhere
  const moment = placed.reduce((t, p) => t + p.weight * (p.x + p.l / 2), 0);
  const at = moment / weight;
  const [lo, hi] = line.cgRangeM;
  if (at < lo - EPS || at > hi + EPS) {
    out.push(violation('load.cg',
      `${s.label}: cargo centre of gravity ${m(at)} is outside the ${num(lo, 3)}–${num(hi, 3)} m range`, [id],
      figures(at, at < lo ? lo : hi, 'm')));
  }
  if (!finite(claimed) || Math.abs(claimed - at) > CG_REPORT_EPS_M + 1e-9) {
    out.push(violation('load.cg', `${s.label}: reports cgM ${claimed} but its cargo balances at ${m(at)}`, [id],
      figures(claimed as number, at, 'm')));
  }
}

function same(a: number, b: number): boolean {
  return Math.abs(a - b) <= EPS;
}

/** Footprints a load may take, either way round; a tiltable floor unit may stand on any face. */
function allowedFootprints(t: LoadTarget): [number, number][] {
  if (t.kind === 'pallet') {
    const type = t.pallet.type;
    return type ? [[type.footprintLengthM, type.footprintWidthM], [type.footprintWidthM, type.footprintLengthM]] : [];
  }
  return orientations(t.item).map(([l, w]) => [l, w]);
}

/** Every (l, w, h) a unit may take: turned about the vertical axis, or on any face if tiltable. */
function orientations(item: Item): [number, number, number][] {
  const { lengthM: L, widthM: W, heightM: H } = item;
  const upright: [number, number, number][] = [[L, W, H], [W, L, H]];
  if (!item.tiltable) return upright;
  return [...upright, [L, H, W], [H, L, W], [W, H, L], [H, W, L]];
}

function heightAsLoaded(item: Item, l: number, w: number): number {
  const matches = orientations(item).filter(([a, b]) => same(a, l) && same(b, w));
  if (matches.length > 0) return Math.min(...matches.map((o) => o[2]));
  return item.tiltable ? Math.min(item.lengthM, item.widthM, item.heightM) : item.heightM;
}

/** The first pallet type a unit fits by size and weight, if any: such cargo belongs on a pallet. */
export function palletThatFits(types: readonly PalletType[], item: Item): PalletType | undefined {
  return types.find((t) => item.unitWeightKg <= t.maxGrossKg - t.tareKg + 1e-6 &&
    orientations(item).some(([l, w, h]) => l <= t.usableLengthM + EPS && w <= t.usableWidthM + EPS && h <= t.maxHeightM + EPS));
}
