// The crews as the scheduler tracks them (docs/rules.md, crew.duty and crew.rest). A sortie's
// duty block runs from its crew reporting (the positioning flight, which lands at the origin
// turnHours before the departure, or else the loading turn) to its landing. Blocks less than the
// rest apart make one duty period, which must stay within the crew's flight duty period; a
// longer gap is a rest. A crew stays aboard its tail except at a stage site, where crews wait
// in a pool and the one rested longest (first in, first out) takes the next tail.

import type { Scenario } from '../../model/index.ts';
import { crewLimits, fleetCrews } from '../../model/index.ts';
import type { Network } from './network.ts';
import type { Tail } from './tails.ts';

export interface CrewState {
  idx: number;
  id: string;
  lineIdx: number;
  /** where it is once its last block has ended */
  site: number;
  /** end of its last block (its last landing); -Infinity before it flies */
  lastEnd: number;
  /** start of its current duty period */
  dutyStart: number;
  dutyMs: number;
  restMs: number;
  /** not before: the line's availability */
  from: number;
}

/** A crew able to fly a block, and whether it starts a new duty period (after a rest). */
export interface CrewPick {
  crew: CrewState;
  fresh: boolean;
}

export class Crews {
  readonly all: CrewState[];
  /** tail index -> the crew aboard it */
  private aboard: (CrewState | null)[];
  /** `site|line` -> crews waiting at a stage site */
  private pools = new Map<string, CrewState[]>();
  private stage: boolean[];
  /** per site: bumped when its pool changes (a memo of a slot for a tail there is stale) */
  readonly poolVersion: Int32Array;
  /** no line limits its crews: every check is skipped */
  readonly unlimited: boolean;
  /** per fleet line: its crews' shortest rest and longest duty period */
  private restOf: number[];
  private dutyOf: number[];

  constructor(scenario: Scenario, net: Network, tails: readonly Tail[], asOf: number) {
    this.stage = net.sites.map((s) => s.stage === true);
    this.poolVersion = new Int32Array(net.sites.length);
    const crews = fleetCrews(scenario);
    const tailIdx = new Map(tails.map((t) => [t.id, t.idx]));
    this.aboard = tails.map(() => null);
    this.all = crews.map((c, idx) => {
      const { dutyMs, restMs } = crewLimits(c.line);
      const from = Math.max(asOf, c.line.availableFrom ? Date.parse(c.line.availableFrom.length === 10 ? `${c.line.availableFrom}T00:00:00Z` : c.line.availableFrom) : asOf);
      return { idx, id: c.id, lineIdx: c.lineIndex, site: net.index.get(c.site)!, lastEnd: -Infinity, dutyStart: -Infinity, dutyMs, restMs, from };
    });
    crews.forEach((c, i) => {
      const crew = this.all[i];
      if (c.tail !== null) this.aboard[tailIdx.get(c.tail)!] = crew;
      if (this.stage[crew.site]) this.pool(crew.site, crew.lineIdx).push(crew);
    });
    this.unlimited = this.all.every((c) => c.dutyMs === Infinity && c.restMs === 0);
    this.restOf = scenario.aircraft.map(() => Infinity);
    this.dutyOf = scenario.aircraft.map(() => 0);
    for (const c of this.all) {
      this.restOf[c.lineIdx] = Math.min(this.restOf[c.lineIdx], c.restMs);
      this.dutyOf[c.lineIdx] = Math.max(this.dutyOf[c.lineIdx], c.dutyMs);
    }
  }

  private pool(site: number, line: number): CrewState[] {
    const k = `${site}|${line}`;
    let p = this.pools.get(k);
    if (!p) this.pools.set(k, (p = []));
    return p;
  }

  /** The crews that may take the tail where it is: the one aboard, or a stage's pool. */
  private candidates(t: Tail): readonly CrewState[] {
    if (this.stage[t.site]) return this.pool(t.site, t.lineIdx);
    const own = this.aboard[t.idx];
    return own ? [own] : [];
  }

  /**
   * The earliest departure at or after `dep` that some crew can fly, a block being
   * [dep - lead, dep + flyMs] (lead = loading turn + positioning); Infinity when no crew ever can.
   */
  nextDeparture(t: Tail, dep: number, leadMs: number, flyMs: number): number {
    if (!this.stage[t.site]) {
      // the common case: the crew aboard, no pool to look through
      const own = this.aboard[t.idx];
      return own ? (this.unlimited ? dep : earliest(own, dep, leadMs, flyMs)) : Infinity;
    }
    if (this.unlimited && this.candidates(t).length > 0) return dep;
    let best = Infinity;
    for (const c of this.candidates(t)) {
      const d = earliest(c, dep, leadMs, flyMs);
      if (d < best) best = d;
      if (best === dep) break;
    }
    return best;
  }

  /** The shortest rest a crew of the tail's line takes (Infinity without crews). */
  minRest(t: Tail): number {
    return this.restOf[t.lineIdx];
  }

  /** No crew of the tail's line could fly a block this long within its duty period. */
  tooLong(t: Tail, blockMs: number): boolean {
    return this.dutyOf[t.lineIdx] < blockMs;
  }

  /** The crew that flies a departure at `dep` (the one free longest), or null when none can. */
  pick(t: Tail, dep: number, leadMs: number, flyMs: number): CrewPick | null {
    if (!this.stage[t.site]) {
      const own = this.aboard[t.idx];
      if (!own || earliest(own, dep, leadMs, flyMs) !== dep) return null;
      return { crew: own, fresh: dep - leadMs >= own.lastEnd + own.restMs };
    }
    let best: CrewPick | null = null;
    let since = Infinity;
    for (const c of this.candidates(t)) {
      if (earliest(c, dep, leadMs, flyMs) !== dep) continue;
      const fresh = dep - leadMs >= c.lastEnd + c.restMs;
      // free since: a rested crew from the end of its rest, one going on from its last landing
      const s = fresh ? Math.max(c.from, c.lastEnd + c.restMs) : c.lastEnd;
      if (s < since || (s === since && best && c.idx < best.crew.idx)) {
        best = { crew: c, fresh };
        since = s;
      }
    }
    return best;
  }

  /** The crew flies the block: it boards the tail, ends at `to`, and waits there if it is a stage. */
  fly(t: Tail, pick: CrewPick, blockStart: number, blockEnd: number, to: number): void {
    const c = pick.crew;
    if (this.stage[c.site]) {
      const p = this.pool(c.site, c.lineIdx);
      const i = p.indexOf(c);
      if (i >= 0) p.splice(i, 1);
      this.poolVersion[c.site]++;
    }
    if (pick.fresh) c.dutyStart = blockStart;
    c.lastEnd = blockEnd;
    c.site = to;
    this.aboard[t.idx] = c;
    if (this.stage[to]) {
      this.pool(to, c.lineIdx).push(c);
      this.poolVersion[to]++;
    }
  }
}

/**
 * The earliest departure at or after `dep` this crew can fly: going on with its duty period
 * when the block still ends within it, else after a full rest (a block longer than the whole
 * duty period can never be flown).
 */
function earliest(c: CrewState, dep: number, leadMs: number, flyMs: number): number {
  const block = leadMs + flyMs;
  let d = Math.max(dep, c.from + leadMs);
  if (d - leadMs < c.lastEnd) d = c.lastEnd + leadMs; // blocks of one crew never overlap
  if (d - leadMs >= c.lastEnd + c.restMs) return block <= c.dutyMs ? d : Infinity;
  // Not rested: it may go on only if the block ends within the duty period it is in.
  if (d + flyMs - c.dutyStart <= c.dutyMs) return d;
  if (block > c.dutyMs) return Infinity;
  return c.lastEnd + c.restMs + leadMs;
}
