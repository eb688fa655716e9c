// Occupancy of one airfield: ground intervals for its mog and departures per UTC day. Intervals
// are half-open [start, end) in ms, so a turn that ends as another begins does not overlap it.
// One tail's touching or overlapping turns at a site are merged: it counts once (docs/rules.md).

import type { Site } from '../../model/index.ts';
import { DAY_MS } from '../../model/index.ts';

interface Ground {
  start: number;
  end: number;
  tail: number;
}

export class Airfield {
  readonly mog: number;
  readonly maxDeparturesPerDay: number;
  /** sorted by start */
  private ground: Ground[] = [];
  private lastOfTail = new Map<number, Ground>();
  private longest = 0;
  private departuresByDay = new Map<number, number>();
  /** for a full day: a later day that was the first open one when last looked at */
  private laterDay = new Map<number, number>();

  constructor(site: Site) {
    this.mog = site.mog ?? Infinity;
    this.maxDeparturesPerDay = site.maxDeparturesPerDay ?? Infinity;
  }

  /**
   * Null when the day of `t` has a departure left; else the midnight that starts the first later
   * day with one. Full days stay full, so each remembers a later day to look at (path
   * compression): a busy site's queue of full days is crossed in one step, not day by day.
   */
  departureDayFull(t: number): number | null {
    if (!Number.isFinite(this.maxDeparturesPerDay)) return null;
    const day = Math.floor(t / DAY_MS);
    if (!this.full(day)) return null;
    const path: number[] = [];
    let d = day;
    while (this.full(d)) {
      path.push(d);
      d = this.laterDay.get(d) ?? d + 1;
    }
    for (const p of path) this.laterDay.set(p, d);
    return d * DAY_MS;
  }

  private full(day: number): boolean {
    return (this.departuresByDay.get(day) ?? 0) >= this.maxDeparturesPerDay;
  }

  /**
   * Null when `tail` may be on the ground over [a, b) without exceeding the mog; otherwise the
   * earliest later start worth trying (no feasible start lies between `a` and it).
   */
  groundConflict(a: number, b: number, tail: number): number | null {
    if (!Number.isFinite(this.mog)) return null;
    const list = this.ground;
    let lo = 0;
    let hi = list.length;
    const from = a - this.longest;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (list[mid].start < from) lo = mid + 1;
      else hi = mid;
    }
    const hits: Ground[] = [];
    for (let i = lo; i < list.length && list[i].start < b; i++) {
      const g = list[i];
      if (g.tail !== tail && g.end > a) hits.push(g);
    }
    if (hits.length < this.mog) return null;
    // Peak of the others within the window: starts and ends as events, ends first at a tie.
    const events: [number, number][] = [];
    for (const g of hits) {
      events.push([Math.max(a, g.start), 1]);
      events.push([Math.min(b, g.end), -1]);
    }
    events.sort((x, y) => x[0] - y[0] || x[1] - y[1]);
    let now = 0;
    let peak = 0;
    for (const [, d] of events) {
      now += d;
      if (now > peak) peak = now;
    }
    if (peak < this.mog) return null;
    // Every interval in the peak ends at or after the first end, so nothing earlier can work.
    let firstEnd = Infinity;
    for (const g of hits) firstEnd = Math.min(firstEnd, g.end);
    return firstEnd;
  }

  addGround(start: number, end: number, tail: number): void {
    if (!Number.isFinite(this.mog)) return;
    const last = this.lastOfTail.get(tail);
    if (last && start <= last.end && end >= last.start) {
      last.end = Math.max(last.end, end);
      this.longest = Math.max(this.longest, last.end - last.start);
      return;
    }
    const g: Ground = { start, end, tail };
    const list = this.ground;
    let lo = 0;
    let hi = list.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (list[mid].start <= start) lo = mid + 1;
      else hi = mid;
    }
    list.splice(lo, 0, g);
    if (!last || start >= last.start) this.lastOfTail.set(tail, g);
    this.longest = Math.max(this.longest, end - start);
  }

  addDeparture(t: number): void {
    if (!Number.isFinite(this.maxDeparturesPerDay)) return;
    const day = Math.floor(t / DAY_MS);
    this.departuresByDay.set(day, (this.departuresByDay.get(day) ?? 0) + 1);
  }
}
