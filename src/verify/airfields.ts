// airfield.mog and airfield.departures. MOG is a sweep over ground intervals: a tail is on the
// ground for the turn before each departure and after each arrival; one tail's intervals at a
// site are merged first, so it counts once however its turns line up.

import type { Violation } from '../model/index.ts';
import { TIME_EPS_MS, toDate } from '../model/index.ts';
import type { VerifyContext } from './context.ts';
import { cmp, finite } from './context.ts';
import { at, figures, violation } from './format.ts';

interface Interval {
  start: number;
  end: number;
  tail: string;
}

export function checkAirfields(ctx: VerifyContext): Violation[] {
  return [...mog(ctx), ...departures(ctx)];
}

function mog(ctx: VerifyContext): Violation[] {
  const out: Violation[] = [];
  const ground = new Map<string, Map<string, Interval[]>>(); // site -> tail -> intervals
  const add = (site: string, tail: string, start: number, end: number) => {
    const limit = ctx.sites.get(site)?.mog;
    if (!finite(limit)) return;
    let byTail = ground.get(site);
    if (!byTail) ground.set(site, (byTail = new Map()));
    let list = byTail.get(tail);
    if (!list) byTail.set(tail, (list = []));
    list.push({ start, end, tail });
  };
  for (const s of ctx.byDeparture) {
    const tail = String(s.sortie.tail);
    add(s.from!.id, tail, s.dep - s.turnMs, s.dep);
    add(s.to!.id, tail, s.arr, s.arr + s.turnMs);
  }

  for (const [site, byTail] of [...ground].sort((a, b) => cmp(a[0], b[0]))) {
    const limit = ctx.sites.get(site)!.mog!;
    // Events of merged intervals, shrunk by half the time tolerance so touching turns do not count.
    const events: { t: number; shown: number; delta: number; tail: string }[] = [];
    for (const [tail, list] of byTail) {
      list.sort((a, b) => a.start - b.start);
      let cur: Interval | undefined;
      const flush = () => {
        if (cur && cur.end - cur.start > TIME_EPS_MS) {
          events.push({ t: cur.start + TIME_EPS_MS / 2, shown: cur.start, delta: 1, tail });
          events.push({ t: cur.end - TIME_EPS_MS / 2, shown: cur.end, delta: -1, tail });
        }
      };
      for (const iv of list) {
        if (cur && iv.start <= cur.end + TIME_EPS_MS) cur.end = Math.max(cur.end, iv.end);
        else {
          flush();
          cur = { ...iv };
        }
      }
      flush();
    }
    events.sort((a, b) => a.t - b.t || a.delta - b.delta || cmp(a.tail, b.tail));
    const onGround = new Set<string>();
    let over = false;
    for (const e of events) {
      if (e.delta < 0) onGround.delete(e.tail);
      else onGround.add(e.tail);
      if (onGround.size > limit && !over) {
        const tails = [...onGround].sort(cmp);
        out.push(violation('airfield.mog',
          `site ${site}: ${onGround.size} aircraft on the ground at ${at(e.shown)} exceed its mog of ${limit} (${tails.join(', ')})`,
          [site, ...tails], figures(onGround.size, limit, 'aircraft')));
      }
      over = onGround.size > limit;
    }
  }
  return out;
}

function departures(ctx: VerifyContext): Violation[] {
  const out: Violation[] = [];
  const perDay = new Map<string, string[]>(); // `site date` -> sortie ids
  for (const s of ctx.byDeparture) {
    if (!finite(s.from!.maxDeparturesPerDay)) continue;
    const k = `${s.from!.id}\u0000${toDate(s.dep)}`;
    let ids = perDay.get(k);
    if (!ids) perDay.set(k, (ids = []));
    ids.push(String(s.sortie.id));
  }
  for (const [k, ids] of [...perDay].sort((a, b) => cmp(a[0], b[0]))) {
    const [site, day] = k.split('\u0000');
    const limit = ctx.sites.get(site)!.maxDeparturesPerDay!;
    if (ids.length > limit) {
      out.push(violation('airfield.departures', `site ${site}: ${ids.length} departures on ${day} exceed ${limit} per day`, [site, ...ids],
        figures(ids.length, limit, 'departures')));
    }
  }
  return out;
}
