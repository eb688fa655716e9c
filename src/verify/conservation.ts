// conservation.item and conservation.people: every unit and every person is followed through
// the sorties in departure order. A piece leaves a site only if it is there: at its origin from
// the start, anywhere else from its arrival plus the arriving type's turn (time to unload).

import type { Site, Violation } from '../model/index.ts';
import { HOUR_MS, TIME_EPS_MS } from '../model/index.ts';
import type { SortieInfo, VerifyContext } from './context.ts';
import { compareDeparture, finite, list } from './context.ts';
import { MinHeap } from './heap.ts';
import type { Figures } from './format.ts';
import { at, figures, violation } from './format.ts';

/** Nothing may end at an origin site or at a hub inside a country with an agreement. */
export function mustBeEmptied(ctx: VerifyContext, site: Site | undefined): boolean {
  if (!site) return false;
  return site.role === 'origin' || (site.role === 'hub' && ctx.agreements.has(site.country));
}

export function checkConservation(ctx: VerifyContext): Violation[] {
  // claims.bounds asks too (a bound holds only for a plan that moves everything): follow the
  // pieces once per plan. A copy each time, so no caller can change what another sees.
  let found = FOUND.get(ctx);
  if (!found) FOUND.set(ctx, (found = [...checkItems(ctx), ...checkPeople(ctx)]));
  return found.slice();
}

const FOUND = new WeakMap<VerifyContext, Violation[]>();

function checkItems(ctx: VerifyContext): Violation[] {
  const out: Violation[] = [];
  const bad = (message: string, refs: string[], measured?: Figures) => out.push(violation('conservation.item', message, refs, measured));
  // A piece taken before it is unloaded: hours early against none allowed.
  const early = (ready: number, dep: number) => figures((ready - dep) / HOUR_MS, 0, 'h');

  // Disposition rows add up to each item's quantity; retrograde rows say how many must leave.
  const retrograde = new Map<string, number>();
  const declared = new Map<string, number>();
  for (const d of list(ctx.plan.dispositions)) {
    const item = d && ctx.items.get(d.itemId);
    if (!item) continue;
    if (!finite(d.quantity) || d.quantity < 0 || !Number.isInteger(d.quantity)) {
      bad(`item ${item.id}: disposition quantity ${d.quantity} is not a count of units`, [item.id]);
      continue;
    }
    declared.set(item.id, (declared.get(item.id) ?? 0) + d.quantity);
    if (d.action === 'retrograde') retrograde.set(item.id, (retrograde.get(item.id) ?? 0) + d.quantity);
  }
  for (const item of ctx.scenario.items) {
    const n = declared.get(item.id) ?? 0;
    if (n !== item.quantity) {
      bad(`item ${item.id}: dispositions account for ${n} units of ${item.quantity}`, [item.id], figures(n, item.quantity, 'units'));
    }
  }

  // Units on pallets; what is retrograde and not on a pallet waits at the origin for the floor.
  const onPallets = new Map<string, number>();
  for (const p of ctx.pallets.values()) {
    for (const u of p.placements) {
      if (ctx.items.has(u.itemId)) onPallets.set(u.itemId, (onPallets.get(u.itemId) ?? 0) + 1);
    }
  }
  const atOrigin = new Map<string, number>();
  for (const item of ctx.scenario.items) {
    const r = retrograde.get(item.id) ?? 0;
    const p = onPallets.get(item.id) ?? 0;
    if (p > r) bad(`item ${item.id}: ${p} units on pallets but only ${r} retrograde`, [item.id], figures(p, r, 'units'));
    atOrigin.set(item.id, Math.max(0, r - p));
  }

  // Follow every pallet and floor unit through the sorties in departure order.
  const where = new Map<string, { site: string; ready: number; flown: number }>();
  for (const [id, p] of ctx.pallets) where.set(id, { site: p.pallet.site, ready: -Infinity, flown: 0 });
  const delivered = new Map<string, MinHeap>(); // `${site} ${itemId}` -> ready times
  const key = (site: string, item: string) => `${site}\u0000${item}`;

  for (const s of ctx.byDeparture) {
    const from = s.from!.id;
    const to = s.to!.id;
    const ready = s.arr + s.turnMs;
    const onBoard = new Set<string>();
    for (const load of s.loads) {
      const t = ctx.target(load.ref);
      if (t?.kind === 'pallet') {
        const id = t.pallet.pallet.id;
        const st = where.get(id)!;
        if (onBoard.has(id)) {
          bad(`${s.label}: pallet ${id} is loaded twice`, [id, s.sortie.id]);
          continue;
        }
        onBoard.add(id);
        if (st.site !== from) {
          bad(`${s.label} takes pallet ${id} from ${from} at ${at(s.dep)}, but the pallet is at ${st.site}`, [id, s.sortie.id]);
        } else if (st.ready > s.dep + TIME_EPS_MS) {
          bad(`${s.label} takes pallet ${id} from ${from} at ${at(s.dep)}, before it is unloaded there at ${at(st.ready)}`, [id, s.sortie.id], early(st.ready, s.dep));
        }
        st.site = to;
        st.ready = ready;
        st.flown++;
      } else if (t?.kind === 'floor') {
        const item = t.item;
        const left = atOrigin.get(item.id) ?? 0;
        if (from === item.site && left > 0) {
          atOrigin.set(item.id, left - 1);
        } else {
          const pool = delivered.get(key(from, item.id));
          const first = pool?.pop();
          if (first === undefined) {
            bad(`${s.label} takes a unit of ${item.id} from ${from} at ${at(s.dep)}, but none is there to take`, [item.id, s.sortie.id]);
          } else if (first > s.dep + TIME_EPS_MS) {
            bad(`${s.label} takes a unit of ${item.id} from ${from} at ${at(s.dep)}, before it is unloaded there at ${at(first)}`, [item.id, s.sortie.id], early(first, s.dep));
          }
        }
        let pool = delivered.get(key(to, item.id));
        if (!pool) delivered.set(key(to, item.id), (pool = new MinHeap()));
        pool.push(ready);
      }
    }
  }

  // Nothing left behind at an origin, or at a hub in a country that has an agreement.
  for (const [id, st] of where) {
    const site = ctx.sites.get(st.site);
    if (!mustBeEmptied(ctx, site)) continue;
    const how = st.flown === 0 ? 'never flown out' : `after ${st.flown} sortie${st.flown > 1 ? 's' : ''}`;
    bad(`pallet ${id} is left behind at ${st.site} (${site!.role}, ${how})`, [id, st.site], figures(1, 0, 'pallets'));
  }
  for (const item of ctx.scenario.items) {
    const n = atOrigin.get(item.id) ?? 0;
    if (n > 0) bad(`item ${item.id}: ${n} retrograde unit${n > 1 ? 's' : ''} left behind at ${item.site} (on no pallet and no sortie)`, [item.id, item.site], figures(n, 0, 'units'));
  }
  for (const [k, pool] of delivered) {
    const [siteId, itemId] = k.split('\u0000');
    if (pool.size > 0 && mustBeEmptied(ctx, ctx.sites.get(siteId))) {
      bad(`item ${itemId}: ${pool.size} unit${pool.size > 1 ? 's' : ''} delivered to ${siteId} never taken on`, [itemId, siteId], figures(pool.size, 0, 'units'));
    }
  }
  return out;
}

export interface PeopleEvent {
  site: string;
  /** arrivals count from arrives + turn, slightly early so a departure at that instant sees them */
  time: number;
  delta: number;
  sortie: SortieInfo;
}

/** People moving in and out of sites, in the order they happen (arrivals first on ties). */
export function peopleEvents(ctx: VerifyContext): PeopleEvent[] {
  const events: PeopleEvent[] = [];
  for (const s of ctx.byDeparture) {
    const p = s.passengers;
    if (!(p > 0) || !Number.isInteger(p)) continue;
    events.push({ site: s.from!.id, time: s.dep, delta: -p, sortie: s });
    events.push({ site: s.to!.id, time: s.arr + s.turnMs - TIME_EPS_MS, delta: p, sortie: s });
  }
  return events.sort((a, b) => a.time - b.time || b.delta - a.delta || compareDeparture(a.sortie, b.sortie));
}

function checkPeople(ctx: VerifyContext): Violation[] {
  const out: Violation[] = [];
  const bad = (message: string, refs: string[], measured?: Figures) => out.push(violation('conservation.people', message, refs, measured));
  for (const s of ctx.sorties) {
    const p = s.sortie.passengers;
    if (!finite(p) || p < 0 || !Number.isInteger(p)) bad(`${s.label}: passengers ${p} is not a count of people`, [s.sortie.id]);
  }
  const count = new Map(ctx.peopleAt);
  for (const e of peopleEvents(ctx)) {
    const n = (count.get(e.site) ?? 0) + e.delta;
    if (n < 0) {
      const s = e.sortie;
      bad(`${s.label} takes ${-e.delta} passengers from ${e.site} at ${at(s.dep)}, where only ${n - e.delta} people are`, [s.sortie.id, e.site], figures(-e.delta, n - e.delta, 'people'));
    }
    count.set(e.site, Math.max(0, n));
  }
  for (const [site, n] of [...count].sort()) {
    if (n > 0 && mustBeEmptied(ctx, ctx.sites.get(site))) {
      bad(`${n} people remain at ${site} (${ctx.sites.get(site)!.role}) at the end`, [site], figures(n, 0, 'people'));
    }
  }
  return out;
}
