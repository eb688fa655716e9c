// How urgent each site is, and which types should serve it. The slack penalty ranks a site by
// its critical ratio (the time its work still needs over the time to its deadline); a smaller
// type stays off an origin a bigger type serves unless the site is at risk, and never where the
// airfield, not the big jets, sets the pace (slot-bound). While no origin is at risk, a tail also
// counts each origin's slack against the closure when it picks one. See docs/schedule.md.

import type { FleetLine } from '../../model/index.ts';
import { DAY_MS, crewCount, crewLimits } from '../../model/index.ts';
import type { Airfield } from './airfield.ts';
import type { Network } from './network.ts';
import { legMs, readyAt, type Tail } from './tails.ts';
import type { WorkSite } from './work.ts';

/** Hours added to a departure from a site with all the time it needs; none for a site at risk. */
const RELAXED_PENALTY_MS = 12 * 3_600_000;
/** Share of a load a sortie is assumed to carry before a site has flown a few. */
const FIRST_FILL = 0.8;

export class Pace {
  /** site -> rough time between sorties it can sustain, and the ACL of its biggest line */
  private gap = new Map<number, { gap: number; acl: number }>();
  /** `site|line` -> the last landing of any tail of a bigger line that serves the site */
  private biggerUntil = new Map<string, number>();
  /** origins whose airfield sets the pace */
  private slotBound = new Set<number>();
  /** per origin with a mog: the tails of lines bigger than each line that serve it (line -> tails) */
  private biggerTails = new Map<string, Tail[]>();
  private loadingStarts = new Map<string, { version: number; list: { at: number; landBy: number }[] }>();
  private version = 0;

  constructor(private readonly net: Network, lines: readonly FleetLine[], tails: readonly Tail[], work: Map<number, WorkSite>, private readonly airfields: readonly Airfield[], asOf: number) {
    const stage = (line: FleetLine) => net.sites.some((s) => s.stage === true && (!s.accepts || s.accepts.includes(line.type)));
    const cycleOf = (line: FleetLine, site: number, to: number) => lineCycle(line, legMs(net, site, to, line), stage(line));
    // Departures a day the airfield allows: its cap, and its mog over the turn in its open hours.
    const perDayOf = (af: Airfield, turn: number) => {
      const open = af.hours.always ? DAY_MS : af.hours.openWithin(asOf, asOf + DAY_MS).reduce((a, [x, y]) => a + y - x, 0);
      return Math.min(af.maxDeparturesPerDay, Number.isFinite(af.mog) ? af.mog * (Math.floor(open / turn) + (open < DAY_MS ? 1 : 0)) : Infinity);
    };
    for (const ws of work.values()) {
      let best: { li: number; acl: number } | null = null;
      for (const li of ws.lanes.keys()) if (!best || lines[li].aclKg > best.acl) best = { li, acl: lines[li].aclKg };
      if (!best) continue;
      const line = lines[best.li];
      const to = net.routes.get(ws.idx)!.get(best.li)!;
      // Only the tails of the biggest line: smaller lines stay off the site unless it is at risk.
      const serving = tails.filter((t) => t.lineIdx === best.li).length;
      const turn = line.turnHours * 3_600_000;
      const cycle = cycleOf(line, ws.idx, to);
      const af = airfields[ws.idx];
      const perDay = perDayOf(af, turn);
      const gap = Math.max(Number.isFinite(perDay) ? DAY_MS / perDay : 0, cycle / Math.max(1, serving));
      this.gap.set(ws.idx, { gap, acl: best.acl });
    }
    for (const ws of work.values()) {
      for (const li of ws.lanes.keys()) {
        const bigger = tails.filter((o) => o.line.aclKg > lines[li].aclKg && ws.lanes.has(o.lineIdx));
        this.biggerUntil.set(`${ws.idx}|${li}`, bigger.reduce((until, o) => Math.max(until, o.landBy), -Infinity));
        if (Number.isFinite(airfields[ws.idx].mog)) this.biggerTails.set(`${ws.idx}|${li}`, bigger);
      }
    }
    // Slot-bound: the tails of the biggest line serving these origins are enough to fill every
    // departure slot (maxDeparturesPerDay, or mog over the turn in the open hours) at all the
    // origins that line serves, their crews' rest counted. There a smaller type only takes a slot
    // a fuller big jet would have used, so it never helps the deadline and always adds sorties.
    lines.forEach((line, li) => {
      const served = [...work.values()].filter((ws) => !ws.hub && ws.kg0 > 0 && ws.lanes.has(li) &&
        ![...ws.lanes.keys()].some((o) => lines[o].aclKg > line.aclKg));
      if (served.length === 0) return;
      const turn = line.turnHours * 3_600_000;
      let tailsNeeded = 0;
      for (const ws of served) {
        const perDay = perDayOf(airfields[ws.idx], turn);
        if (!Number.isFinite(perDay)) return; // an open airfield: more tails always help
        tailsNeeded += (perDay * cycleOf(line, ws.idx, net.routes.get(ws.idx)!.get(li)!)) / DAY_MS;
      }
      if (tails.filter((t) => t.lineIdx === li).length >= tailsNeeded) for (const ws of served) this.slotBound.add(ws.idx);
    });
  }

  /**
   * Critical ratio: estimated time the site's work still needs over the time to its deadline.
   * A site at or past 1 gets no penalty; a site with no deadline gets the whole penalty.
   */
  penalty(ws: WorkSite, dep: number): number {
    if (!this.gap.has(ws.idx) || !Number.isFinite(ws.due)) return RELAXED_PENALTY_MS;
    const ratio = this.left(ws) / Math.max(3_600_000, ws.due - dep);
    return RELAXED_PENALTY_MS * Math.min(1, Math.max(0, 1 - ratio));
  }

  /**
   * Estimated time the site's work still needs: sorties left (remaining kg over the kg a sortie
   * has carried, or a first fill) times the gap between sorties it can sustain.
   */
  left(ws: WorkSite): number {
    const g = this.gap.get(ws.idx);
    if (!g || ws.kg <= 0) return 0;
    const perSortie = ws.sorties >= 3 ? ws.movedKg / ws.sorties : FIRST_FILL * g.acl;
    return Math.ceil(ws.kg / Math.max(1, perSortie)) * g.gap;
  }

  /**
   * The longest time any origin's work still needs (the origin expected to set the closure), or
   * null when some origin is at risk of its deadline at `at` (a lower bound of any departure):
   * then the deadlines alone rank the sites.
   */
  lead(sites: readonly WorkSite[], at: number): number | null {
    let lead = 0;
    for (const ws of sites) {
      if (ws.hub || ws.kg <= 0) continue;
      if (this.penalty(ws, at) === 0) return null;
      lead = Math.max(lead, this.left(ws));
    }
    return lead;
  }

  /**
   * The penalty a tail picks its site with while no origin is at risk: the slack penalty, capped by
   * the origin's slack against the closure (how much sooner than the origin that sets it, `lead`,
   * its work is expected to end). The origin whose airfield or tails set the closure so keeps its
   * ground place busy and the others fill in around it; once a site is at risk, `lead` is null
   * and the slack penalty alone ranks them, deadlines before closure.
   */
  pickPenalty(ws: WorkSite, penalty: number, lead: number | null): number {
    if (lead === null || ws.hub) return penalty;
    return Math.min(penalty, Math.max(0, lead - this.left(ws)));
  }

  /**
   * Fewest sorties: a smaller type flies from an origin a bigger one serves only when the site
   * is at risk of its deadline (penalty 0) and the airfield does not set its pace, or no bigger
   * tail can still come; at risk, not while bigger tails could fill its ground places
   * (holdsGround). Says why it keeps the tail off, or null.
   */
  keepsOff(ws: WorkSite, t: Tail, dep: number, penalty: number): 'slot-bound' | 'ground-place' | 'bigger-type' | null {
    if (ws.hub) return null;
    if (!(penalty > 0 || this.slotBound.has(ws.idx))) return this.holdsGround(ws, t, dep) ? 'ground-place' : null;
    if (!((this.biggerUntil.get(`${ws.idx}|${t.lineIdx}`) ?? -Infinity) > dep)) return null;
    return this.slotBound.has(ws.idx) ? 'slot-bound' : 'bigger-type';
  }

  /**
   * At a site at risk whose ground places are few (mog), a smaller type loading there holds a
   * place a bigger one could fill with more: it is kept off when bigger tails that serve the site
   * could be loading there before it leaves, as many as the places. Niger with its deadline
   * at the closure bound: the C-130J-30s at Agadez's one place made the closure a day later in
   * 17 more sorties.
   */
  private holdsGround(ws: WorkSite, t: Tail, dep: number): boolean {
    const key = `${ws.idx}|${t.lineIdx}`;
    const bigger = this.biggerTails.get(key);
    if (!bigger || bigger.length === 0) return false;
    // The bigger tails' earliest loading starts here, soonest first, until one of them flies
    // (a fleet of 600 tails asks this for every small tail and site it weighs).
    let starts = this.loadingStarts.get(key);
    if (!starts || starts.version !== this.version) {
      const list = bigger.map((o) => ({ at: readyAt(this.net, o, ws.idx) - o.turnMs, landBy: o.landBy })).sort((a, b) => a.at - b.at);
      this.loadingStarts.set(key, (starts = { version: this.version, list }));
    }
    const mog = this.airfields[ws.idx].mog;
    let near = 0;
    for (const o of starts.list) {
      if (!(o.at < dep)) return false;
      if (o.landBy > dep && ++near >= mog) return true;
    }
    return false;
  }

  /** A tail flew: where the tails are, and so the loading starts above, have changed. */
  moved(): void {
    this.version++;
  }

  /** Origins whose airfield sets the pace (for the fleet.use notes). */
  slotBoundSites(): ReadonlySet<number> {
    return this.slotBound;
  }
}

/**
 * A tail's time between departures from a site: its round trip, or longer when its crews must
 * rest. A crew flies q departures a duty period (from the loading turn to the landing, each
 * further one two legs and a turn later), then rests; crews beyond one a tail help only where a
 * stage lets them take over a tail.
 */
export function lineCycle(line: FleetLine, leg: number, stage: boolean): number {
  const turn = line.turnHours * 3_600_000;
  const trip = 2 * leg + 2 * turn;
  const { dutyMs, restMs } = crewLimits(line);
  if (!Number.isFinite(dutyMs)) return trip;
  const spacing = 2 * leg + turn;
  const q = dutyMs >= turn + leg ? 1 + Math.floor((dutyMs - turn - leg) / spacing) : 0;
  const perCrew = q >= 1 ? spacing + restMs / q : spacing + 2 * restMs;
  const crews = stage ? crewCount(line) : line.count;
  return Math.max(trip, (perCrew * line.count) / Math.max(1, crews));
}
