// The sortie scheduler: an event-driven greedy over tails. Each tail holds a wake-up hint in a
// heap (a lower bound on the score of its best job); the smallest hint is re-evaluated and, if
// still the best, its job becomes a sortie. The steps, each in its own file: what waits where
// (backlog.ts), where legs go (routes.ts), how urgent a site is (pace.ts), the departure slot
// (slots.ts), hub consolidation (hubs.ts), job choice (choice.ts), flying a job (fly.ts) and
// finishing (finish.ts). See docs/schedule.md.

import { toMs } from '../../model/index.ts';
import { tieRanks } from '../shared/random.ts';
import type { CargoPiece, ScheduleInput } from '../types.ts';
import { Airfield } from './airfield.ts';
import { buildBacklog } from './backlog.ts';
import type { Board } from './board.ts';
import { bestJob } from './choice.ts';
import { Crews } from './crews.ts';
import { finish, type ScheduleResult } from './finish.ts';
import { fly } from './fly.ts';
import { HintHeap, before } from './heap.ts';
import { Consolidation } from './hubs.ts';
import { buildNetwork } from './network.ts';
import { Pace } from './pace.ts';
import { Routes } from './routes.ts';
import { ceilSec, makeTails, readyAt, type Tail } from './tails.ts';

export type { ScheduleResult, StrandedCargo } from './finish.ts';

/** Streams of the seed's tie-breaks (shared/random.ts), one per kind of tie. */
const TIES = { tails: 0, sites: 1, pieces: 2 } as const;

export function schedule(input: ScheduleInput): ScheduleResult {
  const { board, unknown } = setUp(input);
  run(board);
  return finish(board, unknown);
}

function setUp(input: ScheduleInput): { board: Board; unknown: CargoPiece[] } {
  const { scenario, seed } = input;
  const net = buildNetwork(scenario);
  const lines = scenario.aircraft;
  const asOf = ceilSec(toMs(scenario.asOf));
  const airfields = net.sites.map((s) => new Airfield(s));
  const tails = makeTails(scenario, net, asOf);
  const tailRank = tieRanks(seed, tails.length, TIES.tails);
  if (tailRank) for (const t of tails) t.rank = tailRank[t.idx];
  const routes = new Routes(net, input.hubShare, input.relayShare);
  const { work, unknown, lanesFor } = buildBacklog(scenario, net, input.pieces, tieRanks(seed, input.pieces.length, TIES.pieces));
  const pkg = scenario.policy.passengerKg;
  const sites = [...work.values()];
  const siteRank = tieRanks(seed, sites.length, TIES.sites);
  const tieOrder = siteRank ? sites.map((ws, i) => ({ ws, r: siteRank[i] })).sort((x, y) => x.r - y.r).map((x) => x.ws) : sites;
  const board: Board = {
    scenario, net, lines, pkg, airfields, tails, work, tieOrder, lanesFor, routes,
    hubs: new Consolidation(work, routes.feeders, lines, pkg),
    pace: new Pace(net, lines, tails, work, airfields, asOf),
    buildLoad: input.buildLoad,
    crews: new Crews(scenario, net, tails, asOf),
    flights: [],
  };
  return { board, unknown };
}

/**
 * The lazy greedy: pop the smallest hint; if the tail's best job still scores no worse than the
 * next hint, fly it, else put the hint back with the fresh score. At an equal score the tail
 * that flew fewer sorties goes first. New cargo at a hub wakes the tails that serve it; a crew
 * landing at a stage wakes the tails waiting there; pieces found unfit or an origin emptied wake
 * every tail. When nothing is left to do, hubs flush what waits once.
 */
function run(b: Board): void {
  const { tails, work } = b;
  const heap = new HintHeap();
  const hint = (t: Tail, key: number) => {
    t.key = Math.min(t.key, key);
    t.version++;
    heap.push({ key: t.key, uses: t.uses, rank: t.rank, tail: t.idx, version: t.version });
  };
  for (const t of tails) hint(t, t.freeMs);
  const wakeAll = () => {
    for (const t of tails) {
      t.blocked.clear();
      hint(t, t.freeMs);
    }
  };

  for (;;) {
    const h = heap.pop();
    if (!h) {
      const waiting = [...work.values()].some((w) => w.hub && (w.peopleTotal() > 0 || [...w.lanes.values()].some((l) => l.hasAny())));
      if (!b.hubs.flush && waiting) {
        b.hubs.flush = true;
        b.hubs.epoch++;
        wakeAll();
        continue;
      }
      break;
    }
    const t = tails[h.tail];
    if (h.version !== t.version) continue;
    t.key = Infinity;
    const job = bestJob(b, t);
    if (!job) continue; // idle until work changes
    const top = heap.peek();
    if (top && before(top, { key: job.score, uses: t.uses, rank: t.rank })) {
      hint(t, job.score);
      continue;
    }
    const flown = fly(b, job);
    hint(t, t.freeMs);
    if (flown.workChanged) wakeAll();
    else {
      if (flown.crewLanded >= 0) {
        // A crew reached a stage: tails there that found no crew may now find one.
        for (const o of tails) if (o !== t && o.site === flown.crewLanded && o.lineIdx === t.lineIdx) hint(o, o.freeMs);
      }
      if (flown.hubChanged >= 0) {
        // New cargo at a hub (or relayed to an origin) can make an earlier job for any tail that serves it.
        const hub = work.get(flown.hubChanged)!;
        for (const o of tails) {
          if (!hub.lanes.has(o.lineIdx)) continue;
          o.blocked.delete(hub.idx);
          const lb = hub.hub ? Math.max(readyAt(b.net, o, hub.idx), b.hubs.ready(hub, o.lineIdx)) : readyAt(b.net, o, hub.idx);
          if (lb < Infinity) hint(o, lb);
        }
      }
    }
  }
}
