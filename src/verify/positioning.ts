// tail.continuity and tail.availability for a sortie's `positioningArrives`: a tail that positions
// early lands at the origin no earlier than it could fly there (after its last unloading, or
// from its base once available) and at least turnHours before the departure; a sortie without a
// positioning flight has no positioning time. (Without the field the positioning flight lands
// turnHours before the departure, which tails.ts already checks.)

import type { Violation } from '../model/index.ts';
import { HOUR_MS, TIME_EPS_MS, toMs } from '../model/index.ts';
import type { VerifyContext } from './context.ts';
import { flightMs } from './context.ts';
import { at, figures, h, violation } from './format.ts';
import { sortiesByTail } from './tails.ts';

export function checkPositioning(ctx: VerifyContext): Violation[] {
  const out: Violation[] = [];
  for (const [tailId, legs] of sortiesByTail(ctx)) {
    const tail = ctx.tails.get(tailId);
    if (!tail) continue;
    const line = tail.line;
    const start = Math.max(ctx.asOfMs, line.availableFrom ? toMs(line.availableFrom) : ctx.asOfMs);
    legs.forEach((s, i) => {
      const v = s.sortie.positioningArrives;
      if (v === undefined) return;
      const id = String(s.sortie.id);
      const land = typeof v === 'string' ? toMs(v) : NaN;
      if (!Number.isFinite(land)) return; // reference: an unreadable time
      const prevSite = i === 0 ? ctx.sites.get(line.base) : legs[i - 1].to;
      const rule = i === 0 ? 'tail.availability' : 'tail.continuity';
      if (!prevSite || prevSite.id === s.from!.id) {
        out.push(violation(rule, `${s.label} gives positioningArrives ${at(land)}, but ${tailId} is at ${s.from!.id} already: it does not position`, [id, tailId]));
        return;
      }
      const fly = flightMs(prevSite, s.from!, line);
      const free = i === 0 ? start : legs[i - 1].arr + legs[i - 1].turnMs;
      if (land - fly < free - TIME_EPS_MS) {
        out.push(violation(rule,
          `${s.label}: ${tailId}'s positioning flight lands at ${s.from!.id} at ${at(land)}, so it takes off from ${prevSite.id} at ${at(land - fly)}, before the tail is free there at ${at(free)}`,
          [id, tailId], figures((free - (land - fly)) / HOUR_MS, 0, 'h')));
      }
      if (land > s.dep - s.turnMs + TIME_EPS_MS) {
        out.push(violation('tail.continuity',
          `${s.label}: ${tailId}'s positioning flight lands at ${s.from!.id} at ${at(land)}, less than its ${h(s.turnMs / HOUR_MS)} loading turn before it departs at ${at(s.dep)}`,
          [id, tailId], figures((land - (s.dep - s.turnMs)) / HOUR_MS, 0, 'h')));
      }
    });
  }
  return out;
}
