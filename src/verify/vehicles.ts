// load.vehicle: a vehicle drives on and off, so its length runs along the floor: the load's `l`
// is the item's lengthM and `w` its widthM, never the other way round.

import type { Violation } from '../model/index.ts';
import { GEOMETRY_EPS_M } from '../model/index.ts';
import type { VerifyContext } from './context.ts';
import { finite } from './context.ts';
import { num, violation } from './format.ts';

const EPS = GEOMETRY_EPS_M;

export function checkVehicles(ctx: VerifyContext): Violation[] {
  const out: Violation[] = [];
  for (const s of ctx.sorties) {
    for (const load of s.loads) {
      const t = ctx.target(load.ref);
      if (t?.kind !== 'floor' || t.item.kind !== 'vehicle' || ![load.l, load.w].every(finite)) continue;
      const { lengthM, widthM } = t.item;
      if (Math.abs(load.l - lengthM) <= EPS && Math.abs(load.w - widthM) <= EPS) continue;
      out.push(violation('load.vehicle',
        `${s.label}: vehicle ${load.ref} (${num(lengthM, 3)} m long, ${num(widthM, 3)} m wide) takes ${num(load.l, 3)} m along ` +
        `and ${num(load.w, 3)} m across the floor; it drives on, so its length runs along the floor`, [s.sortie.id, load.ref]));
    }
  }
  return out;
}
