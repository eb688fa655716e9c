// Closure against every agreement deadline and every site handover date, in days of slack
// (positive) or of miss (negative).

import type { DeadlineStatus, Plan, Scenario } from '../model/index.ts';
import { DAY_MS, deadlineEndMs, toMs } from '../model/index.ts';

export function deadlineStatuses(scenario: Scenario, plan: Plan): DeadlineStatus[] {
  const siteCountry = new Map(scenario.sites.map((s) => [s.id, s.country]));
  const lastBySite = new Map<string, string>();
  for (const s of plan.sorties) {
    const prev = lastBySite.get(s.from);
    if (!prev || s.departs > prev) lastBySite.set(s.from, s.departs);
  }
  const out: DeadlineStatus[] = [];
  for (const a of scenario.agreements) {
    let closure: string | null = null;
    for (const [site, t] of lastBySite) if (siteCountry.get(site) === a.country && (!closure || t > closure)) closure = t;
    out.push(status('agreement', a.country, a.deadline, closure));
  }
  for (const site of scenario.sites) {
    if (!site.handoverBy) continue;
    out.push(status('handover', site.id, site.handoverBy, lastBySite.get(site.id) ?? null));
  }
  return out;
}

function status(kind: DeadlineStatus['kind'], subject: string, deadline: string, closure: string | null): DeadlineStatus {
  if (closure === null) return { kind, subject, deadline, closure, slackDays: null, met: true };
  const slack = (deadlineEndMs(deadline) - toMs(closure)) / DAY_MS;
  // Round towards the safe side: a miss of a few hours is a miss of at least 0.1 day.
  const slackDays = slack >= 0 ? Math.floor(slack * 10) / 10 : -Math.ceil(-slack * 10) / 10;
  return { kind, subject, deadline, closure, slackDays, met: slack >= 0 };
}

/** Whole days by which a deadline is missed (0 when met). */
export function daysLate(s: DeadlineStatus): number {
  return s.met || s.slackDays === null ? 0 : Math.ceil(-s.slackDays);
}
