// load.cargoAircraftOnly: no passenger flies on a sortie that carries a unit of an item marked
// cargoAircraftOnly (on a pallet or on the floor).

import type { Violation } from '../model/index.ts';
import type { VerifyContext } from './context.ts';
import { figures, violation } from './format.ts';

export function checkCargoAircraftOnly(ctx: VerifyContext): Violation[] {
  const out: Violation[] = [];
  for (const s of ctx.sorties) {
    if (!(s.passengers > 0)) continue;
    const only = new Set<string>();
    for (const load of s.loads) {
      const t = ctx.target(load.ref);
      if (t?.kind === 'floor' && t.item.cargoAircraftOnly) only.add(t.item.id);
      if (t?.kind === 'pallet')
        for (const p of t.pallet.placements) if (ctx.items.get(p.itemId)?.cargoAircraftOnly) only.add(p.itemId);
    }
    if (only.size === 0) continue;
    const names = [...only].sort();
    out.push(violation('load.cargoAircraftOnly',
      `${s.label}: ${s.passengers} passengers fly with cargo-aircraft-only ${names.join(', ')}`, [s.sortie.id, ...names],
      figures(s.passengers, 0, 'people')));
  }
  return out;
}
