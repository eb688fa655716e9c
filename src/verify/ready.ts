// item.ready: no unit departs before its item's readyFrom, on any leg (a unit that left its
// origin has passed it already, so in practice the first leg is the one that can break it).

import type { Violation } from '../model/index.ts';
import { HOUR_MS, TIME_EPS_MS, toMs } from '../model/index.ts';
import type { VerifyContext } from './context.ts';
import { at, figures, violation } from './format.ts';

export function checkReady(ctx: VerifyContext): Violation[] {
  const ready = new Map<string, number>();
  for (const it of ctx.scenario.items) if (it.readyFrom !== undefined) ready.set(it.id, toMs(it.readyFrom));
  if (ready.size === 0) return [];
  const out: Violation[] = [];
  for (const s of ctx.byDeparture) {
    // each item once per sortie, with the first load that carries it
    const carried = new Map<string, string>();
    for (const l of s.loads) {
      const t = ctx.target(l.ref);
      if (t?.kind === 'pallet') for (const p of t.pallet.placements) { if (!carried.has(p.itemId)) carried.set(p.itemId, `on pallet ${l.ref}`); }
      else if (t?.kind === 'floor' && !carried.has(t.item.id)) carried.set(t.item.id, 'on the floor');
    }
    for (const [itemId, how] of carried) {
      const from = ready.get(itemId);
      if (from === undefined || !(s.dep < from - TIME_EPS_MS)) continue;
      out.push(violation('item.ready', `${s.label} departs ${s.from!.id} at ${at(s.dep)} with item ${itemId} ${how}, which is ready only from ${at(from)}`,
        [String(s.sortie.id), itemId], figures((from - s.dep) / HOUR_MS, 0, 'h')));
    }
  }
  return out;
}
