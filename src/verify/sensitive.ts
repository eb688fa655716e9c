// sensitive.order and sensitive.guard: sensitive cargo leaves a site no later than its last
// people, and until it has gone a guard of min(minSecurityPerSite, people initially there) stays.

import type { Violation } from '../model/index.ts';
import { HOUR_MS, TIME_EPS_MS, isSensitive } from '../model/index.ts';
import type { SortieInfo, VerifyContext } from './context.ts';
import { cmp } from './context.ts';
import { peopleEvents } from './conservation.ts';
import { at, figures, violation } from './format.ts';

export function checkSensitive(ctx: VerifyContext): Violation[] {
  const out: Violation[] = [];
  const lastSensitive = new Map<string, SortieInfo>();
  const lastPeople = new Map<string, SortieInfo>();
  const firstSensitiveIn = new Map<string, number>(); // site -> when sensitive cargo is first unloaded there
  for (const s of ctx.byDeparture) {
    if (s.carriesSensitive) {
      lastSensitive.set(s.from!.id, s);
      const ready = s.arr + s.turnMs;
      firstSensitiveIn.set(s.to!.id, Math.min(firstSensitiveIn.get(s.to!.id) ?? Infinity, ready));
    }
    if (s.passengers > 0) lastPeople.set(s.from!.id, s);
  }

  for (const [site, sens] of [...lastSensitive].sort((a, b) => cmp(a[0], b[0]))) {
    const people = lastPeople.get(site);
    if (people && sens.dep > people.dep + TIME_EPS_MS) {
      out.push(violation('sensitive.order',
        `site ${site}: sensitive cargo leaves on ${sens.label} at ${at(sens.dep)}, after the last people leave on ${people.label} at ${at(people.dep)}`,
        [site, sens.sortie.id, people.sortie.id], figures((sens.dep - people.dep) / HOUR_MS, 0, 'h')));
    } else if (!people && (ctx.peopleAt.get(site) ?? 0) > 0) {
      out.push(violation('sensitive.order',
        `site ${site}: sensitive cargo leaves on ${sens.label} at ${at(sens.dep)}, but no sortie takes its people`, [site, sens.sortie.id]));
    }
  }

  // Guard: walk each site's head count while sensitive cargo is still there.
  const sensitiveHome = new Set(ctx.scenario.items.filter(isSensitive).map((i) => i.site));
  const events = peopleEvents(ctx);
  for (const [site, initial] of [...ctx.peopleAt].sort((a, b) => cmp(a[0], b[0]))) {
    const required = Math.min(ctx.scenario.policy.minSecurityPerSite, initial);
    const last = lastSensitive.get(site);
    if (!(required > 0) || !last) continue;
    const from = sensitiveHome.has(site) ? -Infinity : (firstSensitiveIn.get(site) ?? Infinity);
    const mine = events.filter((e) => e.site === site);
    let count = initial;
    for (let i = 0; i < mine.length; i++) {
      count += mine[i].delta;
      const t = mine[i].time;
      if (i + 1 < mine.length && mine[i + 1].time === t) continue; // simultaneous moves count together
      if (t >= from && t < last.dep - TIME_EPS_MS && count < required) {
        const s = mine[i].sortie;
        out.push(violation('sensitive.guard',
          `site ${site}: ${Math.max(0, count)} people remain after ${s.label} leaves at ${at(t)} while sensitive cargo waits for ${last.label} at ${at(last.dep)}; the guard needs ${required}`,
          [site, s.sortie.id, last.sortie.id], figures(Math.max(0, count), required, 'people')));
        break;
      }
    }
  }
  return out;
}
