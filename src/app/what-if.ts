// What-ifs: changes a planner asks about whether or not the plan is feasible, each answered by
// planning again and verifying (as remedies are), so the answer is a plan, not a guess. Today one:
// 24-hour operations at the origin that sets the closure, when its hours or quiet period hold
// it back (e.g. Agadez, open 05:30-17:30 in the Niger scenario).

import type { Plan, Scenario, WhatIf } from '../model/index.ts';
import { DAY_MS, SiteHours, hasHours, minuteText, toMs } from '../model/index.ts';

export type WhatIfReplan = (scenario: Scenario) => Plan;

export function findWhatIfs(scenario: Scenario, plan: Plan, replan: WhatIfReplan): WhatIf[] {
  const out: WhatIf[] = [];
  const h24 = aroundTheClock(scenario, plan, replan);
  if (h24) out.push(h24);
  return out;
}

/** The origin whose last departure is the plan's closure, if it keeps hours: planned open around the clock. */
function aroundTheClock(scenario: Scenario, plan: Plan, replan: WhatIfReplan): WhatIf | null {
  if (!plan.closure) return null;
  const last = plan.siteClosures.find((c) => c.lastDeparture === plan.closure);
  const site = last && scenario.sites.find((s) => s.id === last.site);
  if (!site || !hasHours(site)) return null;
  const { hours: _h, quietHours: _q, ...open } = site;
  const changed: Scenario = { ...scenario, sites: scenario.sites.map((s) => (s === site ? open : s)) };
  const after = replan(changed);
  const clock = new SiteHours(site);
  const from = after.sorties.filter((s) => s.from === site.id);
  const outside = from.filter((s) => !clock.isOpen(toMs(s.departs))).length;
  const before = plan.sorties.filter((s) => s.from === site.id).length;
  const siteAfter = after.siteClosures.find((c) => c.site === site.id)?.lastDeparture ?? null;
  const days = (a: string | null, b: string | null) => (a && b ? Math.round(((toMs(a) - toMs(b)) / DAY_MS) * 10) / 10 : 0);
  const earlier = days(plan.closure, after.closure);
  const hoursText = [site.hours ? `open ${site.hours}` : '', site.quietHours ? `quiet ${site.quietHours}` : ''].filter(Boolean).join(', ');
  const at = (iso: string | null) => (iso ? minuteText(iso) : 'never');
  const change =
    earlier > 0 ? `close ${at(after.closure)} instead of ${at(plan.closure)} (${earlier.toFixed(1)} days earlier)`
      : earlier < 0 ? `close ${at(after.closure)}, ${(-earlier).toFixed(1)} days later than ${at(plan.closure)}`
        : `close at the same time (${at(plan.closure)}): the hours at ${site.id} are not what holds it back`;
  const lastAtSite = siteAfter && siteAfter !== after.closure ? `; ${site.id} itself would empty ${at(siteAfter)} instead of ${at(last!.lastDeparture)}` : '';
  const verdict = after.feasible ? 'feasible' : `not feasible (${after.violations.length} violations, ${after.problems.length} problems)`;
  return {
    kind: 'hours',
    subject: site.id,
    summary: `With 24-hour operations at ${site.id} (today ${hoursText}) the plan would ${change}, in ${after.metrics.sorties === plan.metrics.sorties ? `the same ${plan.metrics.sorties}` : `${after.metrics.sorties} instead of ${plan.metrics.sorties}`} sorties${lastAtSite}; ` +
      `${outside} of its ${from.length} departures would leave outside today's hours. Planned and verified: ${verdict}.`,
    closure: after.closure,
    sorties: after.metrics.sorties,
    feasible: after.feasible,
    figures: {
      daysEarlier: earlier,
      sortiesBefore: plan.metrics.sorties,
      sortiesAfter: after.metrics.sorties,
      departuresBefore: before,
      departuresAfter: from.length,
      departuresOutsideHours: outside,
      siteDaysEarlier: days(last!.lastDeparture, siteAfter),
    },
  };
}
