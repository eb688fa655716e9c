// deadline.agreement and deadline.handover: departures from a country with an agreement, or
// from a site with a handover date, by the end of that day; and each piece of infrastructure
// handed over once, at its site, after the site's last departure and by its deadlines.

import type { Handover, Violation } from '../model/index.ts';
import { DAY_MS, deadlineEndMs, isIsoDate, toDate, toMs } from '../model/index.ts';
import type { VerifyContext } from './context.ts';
import { list } from './context.ts';
import { at, figures, quote, violation } from './format.ts';

/** Plans are written to the second: a departure is late once it reaches the next second. */
function late(ms: number, deadline: string): boolean {
  return Math.floor(ms / 1000) * 1000 > deadlineEndMs(deadline);
}

/**
 * Days a departure is late, against none allowed; rounded up to the tenth as the plan's
 * deadlines[].slackDays are, so one second late reads 0.1 days.
 */
function daysLate(ms: number, deadline: string) {
  return figures((Math.floor(ms / 1000) * 1000 - deadlineEndMs(deadline)) / DAY_MS, 0, 'days');
}

/** Whole days from one YYYY-MM-DD date to a later one (negative when it is earlier), against none allowed. */
function daysAfter(date: string, than: string) {
  return figures((toMs(date) - toMs(than.slice(0, 10))) / DAY_MS, 0, 'days');
}

export function checkDeadlines(ctx: VerifyContext): Violation[] {
  const out: Violation[] = [];
  const lastDeparture = new Map<string, number>();
  for (const s of ctx.sorties) {
    const site = s.from;
    if (!site || !Number.isFinite(s.dep)) continue;
    lastDeparture.set(site.id, Math.max(lastDeparture.get(site.id) ?? -Infinity, s.dep));
    const agreement = ctx.agreements.get(site.country);
    if (agreement && late(s.dep, agreement.deadline)) {
      out.push(violation('deadline.agreement',
        `${s.label} departs ${site.id} at ${at(s.dep)}, after the ${site.country} deadline ${agreement.deadline}`, [s.sortie.id, site.id],
        daysLate(s.dep, agreement.deadline)));
    }
    if (site.handoverBy && late(s.dep, site.handoverBy)) {
      out.push(violation('deadline.handover',
        `${s.label} departs ${site.id} at ${at(s.dep)}, after its handover date ${site.handoverBy}`, [s.sortie.id, site.id],
        daysLate(s.dep, site.handoverBy)));
    }
  }

  const handovers = new Map<string, Handover[]>();
  for (const x of list(ctx.plan.handovers)) {
    if (!x || typeof x !== 'object') continue;
    const g = handovers.get(x.infrastructureId);
    if (g) g.push(x);
    else handovers.set(x.infrastructureId, [x]);
  }
  for (const infra of ctx.scenario.infrastructure) {
    const mine = handovers.get(infra.id) ?? [];
    const refs = [infra.id, infra.site];
    if (mine.length !== 1) {
      out.push(violation('deadline.handover',
        `infrastructure ${infra.id} at ${infra.site} has ${mine.length} handovers, not one`, refs, figures(mine.length, 1, 'handovers')));
    }
    for (const hnd of mine) {
      const what = `handover of ${infra.id}`;
      if (hnd.site !== infra.site) {
        out.push(violation('deadline.handover', `${what} is at ${quote(hnd.site)}, not at its site ${infra.site}`, refs));
      }
      if (typeof hnd.date !== 'string' || !isIsoDate(hnd.date)) {
        out.push(violation('deadline.handover', `${what} is dated ${quote(hnd.date)}, not a YYYY-MM-DD date`, refs));
        continue;
      }
      const last = lastDeparture.get(infra.site);
      if (last !== undefined && hnd.date < toDate(last)) {
        out.push(violation('deadline.handover',
          `${what} is dated ${hnd.date}, before the last departure from ${infra.site} at ${at(last)}`, refs,
          daysAfter(toDate(last), hnd.date)));
      }
      const site = ctx.sites.get(infra.site);
      if (site?.handoverBy && hnd.date > site.handoverBy) {
        out.push(violation('deadline.handover', `${what} is dated ${hnd.date}, after the site's handover date ${site.handoverBy}`, refs,
          daysAfter(hnd.date, site.handoverBy)));
      }
      const agreement = site && ctx.agreements.get(site.country);
      if (agreement && hnd.date > agreement.deadline.slice(0, 10)) {
        out.push(violation('deadline.handover',
          `${what} is dated ${hnd.date}, after the ${site!.country} deadline ${agreement.deadline}`, refs,
          daysAfter(hnd.date, agreement.deadline)));
      }
    }
  }
  return out;
}
