// airfield.hours: every departure and arrival falls inside its airfield's open hours (its
// `hours`, outside its `quietHours`, in local time), and so do the take-off and landing of a
// tail's positioning flight, which lands at the sortie's origin at its `positioningArrives`, or
// turnHours before the departure (docs/rules.md). The hours are read by the model's SiteHours,
// as the planner reads them.

import type { Site, Violation } from '../model/index.ts';
import { HOUR_MS, SiteHours, TIME_EPS_MS, hasHours } from '../model/index.ts';
import type { VerifyContext } from './context.ts';
import { flightMs } from './context.ts';
import { at, figures, violation } from './format.ts';
import { positioningLands } from './crews.ts';
import { sortiesByTail } from './tails.ts';

export function checkHours(ctx: VerifyContext): Violation[] {
  const clocks = new Map<string, SiteHours>();
  for (const s of ctx.scenario.sites) if (hasHours(s)) clocks.set(s.id, new SiteHours(s));
  if (clocks.size === 0) return [];
  const out: Violation[] = [];
  const check = (site: Site, t: number, what: string, refs: string[]) => {
    const clock = clocks.get(site.id);
    if (!clock || !Number.isFinite(t)) return;
    if (clock.isOpen(t) || clock.isOpen(t + TIME_EPS_MS) || clock.isOpen(t - TIME_EPS_MS)) return;
    const opens = clock.nextOpen(t);
    out.push(violation('airfield.hours', `${what} at ${site.id} at ${at(t)}, when it is closed (${clock.text})`, [site.id, ...refs],
      Number.isFinite(opens) ? figures((opens - t) / HOUR_MS, 0, 'h') : undefined));
  };
  for (const [tailId, legs] of sortiesByTail(ctx)) {
    const tail = ctx.tails.get(tailId);
    let where = tail ? ctx.sites.get(tail.line.base) : undefined;
    for (const s of legs) {
      const id = String(s.sortie.id);
      check(s.from!, s.dep, `${s.label} departs`, [id]);
      check(s.to!, s.arr, `${s.label} lands`, [id]);
      if (where && where.id !== s.from!.id && s.line) {
        const land = positioningLands(s);
        const off = land - flightMs(where, s.from!, s.line);
        check(where, off, `the positioning flight of ${tailId} before ${id} takes off`, [id, tailId]);
        check(s.from!, land, `the positioning flight of ${tailId} before ${id} lands`, [id, tailId]);
      }
      where = s.to;
    }
  }
  return out;
}
