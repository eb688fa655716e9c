// When a deadline is missed, find concrete changes that fix it and prove each one by planning
// again: more aircraft, a later deadline, or items left to the host or destroyed in place.

import type { DispositionAction, FleetLine, Plan, Remedy, Scenario } from '../model/index.ts';
import { isSensitive, toDate, toMs } from '../model/index.ts';
import type { SolveOptions } from '../solve/index.ts';
import { daysLate } from './deadlines.ts';

export type Replan = (scenario: Scenario, options: Pick<SolveOptions, 'forceStay'>) => Plan;

/** How many replans one remedy search may spend: remedies must not cost more than planning. */
const MAX_TRIES_PER_KIND = 8;
/**
 * All the remedy searches together get this many sorties' worth of replanning (a replan costs
 * about in proportion to the plan's sorties), between 4 and 40 replans: a big infeasible plan
 * gets its cheap remedies rather than a minute of bisection. Counted, not timed, so the same
 * input gives the same remedies.
 */
const REPLAN_SORTIES = 15_000;

class OutOfReplans extends Error {}

export function replanBudget(plan: Plan): number {
  return Math.max(4, Math.min(40, Math.floor(REPLAN_SORTIES / Math.max(1, plan.sorties.length))));
}

export function findRemedies(scenario: Scenario, plan: Plan, replan: Replan): Remedy[] {
  const missed = (plan.deadlines ?? []).filter((d) => !d.met);
  if (missed.length === 0) return [];
  let left = replanBudget(plan);
  const limited: Replan = (s, o) => {
    if (left-- <= 0) throw new OutOfReplans();
    return replan(s, o);
  };
  const attempt = (search: () => Remedy | null): Remedy | null => {
    try {
      return search();
    } catch (e) {
      if (e instanceof OutOfReplans) return null;
      throw e;
    }
  };
  // Cheapest first, so a tight budget still buys the remedy that always exists.
  const later = attempt(() => laterDeadlines(scenario, plan, limited));
  const stay = attempt(() => leaveItems(scenario, plan, limited));
  const aircraft = attempt(() => moreAircraft(scenario, limited));
  return [aircraft, later, stay].filter((r): r is Remedy => r !== null);
}

/** The smallest number of extra tails of one fleet line's type, found by doubling then bisection. */
function moreAircraft(scenario: Scenario, replan: Replan): Remedy | null {
  // Try the line with the biggest aircraft first: it adds the most lift per airframe.
  const lines = [...scenario.aircraft].sort((a, b) => b.aclKg - a.aclKg);
  for (const line of lines.slice(0, 2)) {
    const withExtra = (k: number) => ({
      ...scenario,
      aircraft: [...scenario.aircraft, { ...line, count: k } satisfies FleetLine],
    });
    let tries = 0;
    let lo = 0;
    let hi = 1;
    let found: Plan | null = null;
    while (tries < MAX_TRIES_PER_KIND) {
      tries++;
      const p = replan(withExtra(hi), {});
      if (p.feasible) {
        found = p;
        break;
      }
      lo = hi;
      hi *= 2;
    }
    if (!found) continue;
    while (hi - lo > 1 && tries < MAX_TRIES_PER_KIND * 2) {
      tries++;
      const mid = Math.floor((lo + hi) / 2);
      const p = replan(withExtra(mid), {});
      if (p.feasible) {
        hi = mid;
        found = p;
      } else lo = mid;
    }
    const from = line.availableFrom ?? scenario.asOf;
    return {
      kind: 'aircraft',
      summary: `Add ${hi} more ${line.type} based at ${line.base} from ${toDate(toMs(from))}: the plan then closes ${found.closure} and meets every deadline (${found.metrics.sorties} sorties).`,
      closure: found.closure,
      details: { type: line.type, count: hi, base: line.base, availableFrom: from },
    };
  }
  return null;
}

/** Move each missed deadline to the day the plan can close, and check that it then holds. */
function laterDeadlines(scenario: Scenario, plan: Plan, replan: Replan): Remedy | null {
  let current = plan;
  let moved: Scenario = scenario;
  for (let i = 0; i < 4; i++) {
    const missed = (current.deadlines ?? []).filter((d) => !d.met);
    if (missed.length === 0) break;
    // A site with more time to its deadline gets less urgency, so its closure can slip past the
    // date it was moved to; the last try moves every deadline still missed to the plan's closure.
    const to = (m: (typeof missed)[number]) => toDate(toMs(i < 2 || !current.closure ? m.closure! : current.closure > m.closure! ? current.closure : m.closure!));
    moved = {
      ...moved,
      agreements: moved.agreements.map((a) => {
        const m = missed.find((d) => d.kind === 'agreement' && d.subject === a.country);
        return m?.closure ? { ...a, deadline: to(m) } : a;
      }),
      sites: moved.sites.map((s) => {
        const m = missed.find((d) => d.kind === 'handover' && d.subject === s.id);
        return m?.closure ? { ...s, handoverBy: to(m) } : s;
      }),
    };
    current = replan(moved, {});
    if (current.feasible) {
      const changes = (plan.deadlines ?? [])
        .filter((d) => !d.met)
        .map((d) => {
          const now =
            d.kind === 'agreement'
              ? moved.agreements.find((a) => a.country === d.subject)!.deadline
              : moved.sites.find((s) => s.id === d.subject)!.handoverBy!;
          return `${d.kind === 'agreement' ? `the ${d.subject} deadline` : `handover of ${d.subject}`} from ${d.deadline} to ${now} (${daysLate(d)} days later)`;
        });
      return {
        kind: 'deadline',
        summary: `Move ${changes.join(' and ')}: the plan then closes ${current.closure}.`,
        closure: current.closure,
        details: { agreements: moved.agreements, handovers: moved.sites.filter((s) => s.handoverBy).map((s) => ({ site: s.id, handoverBy: s.handoverBy })) },
      };
    }
  }
  return null;
}

/**
 * Leave or destroy eligible items at the late sites, cheapest value per tonne first, and find by
 * bisection the shortest list that makes the plan feasible.
 */
function leaveItems(scenario: Scenario, plan: Plan, replan: Replan): Remedy | null {
  const missed = (plan.deadlines ?? []).filter((d) => !d.met);
  const lateCountries = new Set(missed.filter((d) => d.kind === 'agreement').map((d) => d.subject));
  const lateSites = new Set(missed.filter((d) => d.kind === 'handover').map((d) => d.subject));
  const siteCountry = new Map(scenario.sites.map((s) => [s.id, s.country]));
  const moving = new Set(plan.dispositions.filter((d) => d.action === 'retrograde' && d.quantity > 0).map((d) => d.itemId));
  const candidates = scenario.items
    .filter((i) => moving.has(i.id) && (lateSites.has(i.site) || lateCountries.has(siteCountry.get(i.site) ?? '')))
    .filter((i) => (i.hostTransfer && !isSensitive(i)) || i.demilInPlace)
    .sort((a, b) => a.unitValueUsd / a.unitWeightKg - b.unitValueUsd / b.unitWeightKg || (a.id < b.id ? -1 : 1));
  if (candidates.length === 0) return null;
  const forced = (n: number) => {
    const m = new Map<string, { action: Exclude<DispositionAction, 'retrograde'>; reason: string }>();
    for (const i of candidates.slice(0, n)) {
      const action = i.hostTransfer && !isSensitive(i) ? 'transfer' : 'demilitarize';
      m.set(i.id, { action, reason: `${action === 'transfer' ? 'Transfer' : 'Demilitarize'}: left behind so the deadline can be met (remedy), value $${Math.round(i.unitValueUsd).toLocaleString('en-US')} a unit.` });
    }
    return m;
  };
  const all = replan(scenario, { forceStay: forced(candidates.length) });
  if (!all.feasible) return null;
  let lo = 0;
  let hi = candidates.length;
  let best = all;
  for (let tries = 0; hi - lo > 1 && tries < MAX_TRIES_PER_KIND; tries++) {
    const mid = Math.floor((lo + hi) / 2);
    const p = replan(scenario, { forceStay: forced(mid) });
    if (p.feasible) {
      hi = mid;
      best = p;
    } else lo = mid;
  }
  const chosen = candidates.slice(0, hi);
  const tonnes = chosen.reduce((a, i) => a + i.quantity * i.unitWeightKg, 0) / 1000;
  const value = chosen.reduce((a, i) => a + i.quantity * i.unitValueUsd, 0);
  const names = chosen.slice(0, 5).map((i) => i.id).join(', ') + (chosen.length > 5 ? `, and ${chosen.length - 5} more` : '');
  return {
    kind: 'dispose',
    summary: `Leave or destroy ${chosen.length} item lines (${tonnes.toFixed(1)} t, value $${Math.round(value).toLocaleString('en-US')}): ${names}; the plan then closes ${best.closure}.`,
    closure: best.closure,
    details: { items: chosen.map((i) => i.id) },
  };
}
