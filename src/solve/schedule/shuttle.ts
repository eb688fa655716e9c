// Shuttles through a hub when the plan is late. The scheduler flies every origin straight home:
// the fewest sorties. When a site still flies after its deadline, is served only by a smaller
// type, and has a hub nearer than home from which a bigger type flies on, sending part of its
// sorties to the hub shortens each round trip, so its few small tails empty it sooner; the
// onward legs cost sorties. A neighbouring origin from which a bigger type flies home can take
// the same part (a relay: cargo only, never people or sensitive cargo, which stay under their
// own site's guard and leave with it). Deadlines rank above sorties (docs/schedule.md), so a
// share is taken when it makes the plan less late, and among equally late plans the fewest
// sorties win. The choice, or why straight home was kept, is a `schedule.shuttle` note.

import type { NoteCause, PlanNote, Scenario } from '../../model/index.ts';
import { DAY_MS, toMs } from '../../model/index.ts';
import type { ScheduleInput } from '../types.ts';
import type { ScheduleResult } from './finish.ts';
import { buildNetwork, siteDueMs } from './network.ts';
import { schedule } from './scheduler.ts';

/** Shares of the late site's sorties tried through the hub. */
export const SHUTTLE_SHARES = [0.25, 0.5, 0.75, 1] as const;
/** Above this many pieces the extra schedules would cost more time than a plan may take. */
export const SHUTTLE_MAX_PIECES = 30_000;

export interface ShuttleChoice {
  result: ScheduleResult;
  /** the site and share taken (relay: through a neighbouring origin); null when straight home was best */
  shuttle: { site: string; share: number; relay?: true } | null;
  /** the choice and its figures, or why straight home was kept; null when no origin flies */
  note: PlanNote | null;
}

const hours = (ms: number) => Math.round(ms / 36_000) / 100;
const lateText = (ms: number) => (ms > 0 ? `${hours(ms).toFixed(1)} h late` : 'on time');

export function scheduleWithShuttles(input: ScheduleInput): ShuttleChoice {
  const base = schedule(input);
  const late = latest(input.scenario, base);
  if (!late) return { result: base, shuttle: null, note: null };
  const keep = (cause: NoteCause, message: string, figures: Record<string, number>, refs: string[] = []): ShuttleChoice => ({
    result: base, shuttle: null,
    note: { kind: 'schedule.shuttle', cause, subject: late.site, message, refs: [late.site, ...refs], figures },
  });
  const lateHours = hours(Math.max(0, late.lateMs));
  if (late.lateMs === -Infinity) return keep('on-time', 'no origin has a deadline: straight home, the fewest sorties', {});
  if (late.lateMs <= 0) {
    return keep('on-time', `every origin closes by its deadline (the last, ${late.site}, with ${hours(-late.lateMs).toFixed(1)} h to spare): straight home, the fewest sorties`,
      { slackHours: hours(-late.lateMs) });
  }
  const closes = `${late.site} closes ${lateText(late.lateMs)}`;
  if (input.pieces.length > SHUTTLE_MAX_PIECES) {
    return keep('too-many-pieces', `${closes}; with ${input.pieces.length} pieces (over ${SHUTTLE_MAX_PIECES}) shuttles through a hub are not tried`,
      { lateHours, pieces: input.pieces.length, maxPieces: SHUTTLE_MAX_PIECES });
  }
  const net = buildNetwork(input.scenario);
  const i = net.index.get(late.site);
  const hubOptions = i === undefined ? undefined : net.hubOptions.get(i);
  const relayOptions = i === undefined ? undefined : net.relayOptions.get(i);
  if (!hubOptions && !relayOptions) {
    return keep('no-hub', `${closes}, but no hub or other origin nearer than home has a bigger type flying on: straight home`, { lateHours });
  }
  const cap = capBound(input.scenario, base, late.site);
  if (cap) {
    return keep('departure-cap', `${closes} with ${cap.used} of its ${cap.slots} departure slots used: shorter round trips cannot help`,
      { lateHours, departures: cap.used, slots: cap.slots });
  }

  // Through a hub first, then relayed through a neighbouring origin (cargo only): the least
  // late, then the fewest sorties; a relay is kept only where it does strictly better.
  let best: ShuttleChoice = { result: base, shuttle: null, note: null };
  let bestLate = late.lateMs;
  let bestVia: Map<number, number> | undefined;
  const left0 = leftBehind(base);
  for (const [options, relay] of [[hubOptions, false], [relayOptions, true]] as const) {
    if (!options) continue;
    for (const share of SHUTTLE_SHARES) {
      const shares = new Map([[late.site, share]]);
      const r = schedule({ ...input, ...(relay ? { relayShare: shares } : { hubShare: shares }) });
      if (leftBehind(r) > left0) continue; // never leave more behind to be less late
      const l = Math.max(0, latest(input.scenario, r)?.lateMs ?? 0); // early is no better than on time
      if (l < bestLate || (l === bestLate && r.sorties.length < best.result.sorties.length)) {
        best = { result: r, shuttle: relay ? { site: late.site, share, relay: true } : { site: late.site, share }, note: null };
        bestLate = l;
        bestVia = options;
      }
    }
  }
  const describe = (options: Map<number, number>) => {
    const via = [...options].map(([li, h]) => ({ type: input.scenario.aircraft[li].type, hub: net.sites[h].id }));
    return { stops: [...new Set(via.map((v) => v.hub))], types: [...new Set(via.map((v) => v.type))].join(', ') };
  };
  if (!best.shuttle) {
    const hubs = hubOptions ? describe(hubOptions) : null;
    const relays = relayOptions ? describe(relayOptions) : null;
    const ways = [hubs && `${hubs.types} sorties through ${hubs.stops.join(', ')}`, relays && `${relays.types} cargo relayed through ${relays.stops.join(', ')}`].filter(Boolean);
    const stops = [...new Set([...(hubs?.stops ?? []), ...(relays?.stops ?? [])])];
    return keep('straight-home', `${closes}; sending ${SHUTTLE_SHARES[0] * 100}-${SHUTTLE_SHARES[SHUTTLE_SHARES.length - 1] * 100}% of its ${ways.join(', or its ')} was no less late or left more behind: straight home`,
      { lateHours }, stops);
  }
  const { share } = best.shuttle;
  const { stops, types } = describe(bestVia!);
  const how = best.shuttle.relay ? 'land their cargo at' : 'go through';
  const tail = best.shuttle.relay ? ' (cargo only; the people and sensitive cargo fly straight home)' : '';
  const message = `${share * 100}% of ${late.site}'s ${types} sorties ${how} ${stops.join(', ')}${tail}: it closes ${lateText(bestLate)} instead of ${lateText(late.lateMs)}, ` +
    `in ${best.result.sorties.length} sorties instead of ${base.sorties.length}`;
  return {
    ...best,
    note: {
      kind: 'schedule.shuttle', cause: 'shuttle', subject: late.site, message, refs: [late.site, ...stops],
      figures: { share, lateHours, lateHoursAfter: hours(bestLate), sorties: base.sorties.length, sortiesAfter: best.result.sorties.length },
    },
  };
}

/**
 * How good a schedule is, compared in order, smaller first: what it leaves behind, how late its
 * latest origin closes (on time counts as 0), its sorties, its closure (docs/schedule.md: deadlines
 * rank above sorties, sorties above the closure).
 */
export function scheduleRank(scenario: Scenario, r: ScheduleResult): number[] {
  const origins = new Set(scenario.sites.filter((s) => s.role === 'origin').map((s) => s.id));
  let closure = -Infinity;
  for (const s of r.sorties) if (origins.has(s.from)) closure = Math.max(closure, toMs(s.departs));
  return [leftBehind(r), Math.max(0, latest(scenario, r)?.lateMs ?? 0), r.sorties.length, closure];
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
 * of its slots on the days from the start to its last departure. The departures and slots, or
 * null when the cap does not bind.
 */
function capBound(scenario: Scenario, r: ScheduleResult, id: string): { used: number; slots: number } | null {
  const cap = scenario.sites.find((s) => s.id === id)?.maxDeparturesPerDay;
  if (cap === undefined) return null;
  const from = r.sorties.filter((s) => s.from === id);
  const days = new Set(from.map((s) => s.departs.slice(0, 10)));
  const first = Math.floor(toMs(scenario.asOf) / DAY_MS);
  const last = Math.max(...[...days].map((d) => Math.floor(toMs(d) / DAY_MS)));
  return from.length >= 0.9 * cap * (last - first + 1) ? { used: from.length, slots: cap * (last - first + 1) } : null;
}

function leftBehind(r: ScheduleResult): number {
  return r.stranded.reduce((n, s) => n + s.pieces.length + s.people, 0);
}
