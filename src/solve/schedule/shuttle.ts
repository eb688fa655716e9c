// Shuttles through a hub when the plan is late. The scheduler flies every origin straight home:
// the fewest sorties. When a site still flies after its deadline, is served only by a smaller
// type, and has a hub nearer than home from which a bigger type flies on, sending part of its
// sorties to the hub shortens each round trip, so its few small tails empty it sooner; the
// onward legs cost sorties. Deadlines rank above sorties (docs/schedule.md), so a share is
// taken when it makes the plan less late, and among equally late plans the fewest sorties win.

import type { Scenario } from '../../model/index.ts';
import { DAY_MS, toMs } from '../../model/index.ts';
import type { ScheduleInput } from '../types.ts';
import { buildNetwork, siteDueMs } from './network.ts';
import { schedule, type ScheduleResult } from './scheduler.ts';

/** Shares of the late site's sorties tried through the hub. */
export const SHUTTLE_SHARES = [0.25, 0.5, 0.75, 1] as const;
/** Above this many pieces the extra schedules would cost more time than a plan may take. */
export const SHUTTLE_MAX_PIECES = 30_000;

export interface ShuttleChoice {
  result: ScheduleResult;
  /** the site and share taken; null when straight home was best */
  shuttle: { site: string; share: number } | null;
}

export function scheduleWithShuttles(input: ScheduleInput): ShuttleChoice {
  const base = schedule(input);
  const keep: ShuttleChoice = { result: base, shuttle: null };
  if (input.pieces.length > SHUTTLE_MAX_PIECES) return keep;
  const late = latest(input.scenario, base);
  if (!late || late.lateMs <= 0) return keep;
  const net = buildNetwork(input.scenario);
  const i = net.index.get(late.site);
  if (i === undefined || !net.hubOptions.has(i) || capBound(input.scenario, base, late.site)) return keep;

  let best = keep;
  let bestLate = late.lateMs;
  const left0 = leftBehind(base);
  for (const share of SHUTTLE_SHARES) {
    const r = schedule({ ...input, hubShare: new Map([[late.site, share]]) });
    if (leftBehind(r) > left0) continue; // never leave more behind to be less late
    const l = Math.max(0, latest(input.scenario, r)?.lateMs ?? 0); // early is no better than on time
    if (l < bestLate || (l === bestLate && r.sorties.length < best.result.sorties.length)) {
      best = { result: r, shuttle: { site: late.site, share } };
      bestLate = l;
    }
  }
  return best;
}

/** The origin that flies latest past its deadline (or, when none is late, the last to close). */
function latest(scenario: Scenario, r: ScheduleResult): { site: string; lateMs: number } | null {
  const last = new Map<string, number>();
  for (const s of r.sorties) last.set(s.from, Math.max(last.get(s.from) ?? -Infinity, toMs(s.departs)));
  let out: { site: string; lateMs: number } | null = null;
  for (const site of scenario.sites) {
    const at = last.get(site.id);
    if (site.role !== 'origin' || at === undefined) continue;
    const lateMs = at - siteDueMs(scenario, site);
    if (!out || lateMs > out.lateMs) out = { site: site.id, lateMs };
  }
  return out;
}

/**
 * Shorter round trips cannot help a site whose departure cap already binds: it used nine in ten
 * of its slots on the days from the start to its last departure.
 */
function capBound(scenario: Scenario, r: ScheduleResult, id: string): boolean {
  const cap = scenario.sites.find((s) => s.id === id)?.maxDeparturesPerDay;
  if (cap === undefined) return false;
  const from = r.sorties.filter((s) => s.from === id);
  const days = new Set(from.map((s) => s.departs.slice(0, 10)));
  const first = Math.floor(toMs(scenario.asOf) / DAY_MS);
  const last = Math.max(...[...days].map((d) => Math.floor(toMs(d) / DAY_MS)));
  return from.length >= 0.9 * cap * (last - first + 1);
}

function leftBehind(r: ScheduleResult): number {
  return r.stranded.reduce((n, s) => n + s.pieces.length + s.people, 0);
}
