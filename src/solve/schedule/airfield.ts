// Occupancy of one airfield: ground intervals for its mog, its opening hours, and departures per
// UTC day. Intervals are half-open [start, end) in ms, so a turn that ends as another begins does
// not overlap it. One tail's touching or overlapping turns at a site are merged: it counts once
// (docs/rules.md). A day's departures are spread over its open hours: with n a day, the k-th
// departure of the day leaves no earlier than the instant k/n of the day's open time has passed
// (slot times), so a queue of tails does not stack its departures at the day's first minute.

import type { Site } from '../../model/index.ts';
import { DAY_MS, SiteHours } from '../../model/index.ts';

const SEC = 1000;

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
  readonly hours: SiteHours;
  /** departures booked per UTC day, sorted by time */
  private departuresByDay = new Map<number, number[]>();
  /** for a full day: a later day that was the first open one when last looked at */
  private laterDay = new Map<number, number>();
  private slotCache = new Map<number, number[]>();

  constructor(site: Site) {
    this.mog = site.mog ?? Infinity;
    this.maxDeparturesPerDay = site.maxDeparturesPerDay ?? Infinity;
    this.hours = new SiteHours(site);
  }

  /**
   * The earliest time at or after `t` with a departure slot left (slot times above). Full days
   * stay full, so each remembers a later day to look at (path compression): a busy site's queue
   * of full days is crossed in one step, not day by day.
   */
  nextSlot(t: number): number {
    if (!Number.isFinite(this.maxDeparturesPerDay) || !Number.isFinite(t)) return t;
    let day = Math.floor(t / DAY_MS);
    let from = t;
    for (let guard = 0; guard < 10_000; guard++) {
      day = this.notFull(day);
      if (day * DAY_MS > from) from = day * DAY_MS;
      const at = this.slotInDay(day, from);
      if (at !== null) return at;
      day++;
    }
    return Infinity;
  }

  /** The first day from `day` on that is not full. */
  private notFull(day: number): number {
    if (!this.full(day)) return day;
    const path: number[] = [];
    let d = day;
    while (this.full(d)) {
      path.push(d);
      d = this.laterDay.get(d) ?? d + 1;
    }
    for (const p of path) this.laterDay.set(p, d);
    return d;
  }

  private full(day: number): boolean {
    return (this.departuresByDay.get(day)?.length ?? 0) >= Math.min(this.maxDeparturesPerDay, this.slotTimes(day).length);
  }

  /** The k-th slot time of a UTC day: k/n of its open time passed (whole seconds). */
  private slotTimes(day: number): number[] {
    const hit = this.slotCache.get(day);
    if (hit) return hit;
    const open = this.hours.openWithin(day * DAY_MS, (day + 1) * DAY_MS);
    const total = open.reduce((a, [x, y]) => a + (y - x), 0);
    const n = this.maxDeparturesPerDay;
    const out: number[] = [];
    if (total > 0) {
      for (let k = 0; k < n; k++) {
        let need = (k * total) / n;
        for (const [x, y] of open) {
          if (need < y - x) {
            out.push(Math.ceil((x + need) / SEC) * SEC);
            break;
          }
          need -= y - x;
        }
      }
    }
    if (this.slotCache.size > 8192) this.slotCache.clear();
    this.slotCache.set(day, out);
    return out;
  }

  /** A departure at `x` fits the day when, once added, the k-th earliest is at or after slot k. */
  private fits(booked: readonly number[], slots: readonly number[], x: number): boolean {
    if (booked.length >= slots.length) return false;
    let p = 0;
    while (p < booked.length && booked[p] <= x) p++;
    if (x < slots[p]) return false;
    for (let i = p; i < booked.length; i++) if (booked[i] < slots[i + 1]) return false;
    return true;
  }

  /** The earliest time at or after `from` in UTC day `day` that fits, or null. */
  private slotInDay(day: number, from: number): number | null {
    const slots = this.slotTimes(day);
    const booked = this.departuresByDay.get(day) ?? [];
    if (this.fits(booked, slots, from)) return from;
    // Fit changes only at slot times and booked departures: try those after `from`.
    const end = (day + 1) * DAY_MS;
    const tries = [...slots, ...booked].filter((x) => x > from && x < end).sort((a, b) => a - b);
    for (const x of tries) if (this.fits(booked, slots, x)) return x;
    return null;
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
    const list = this.departuresByDay.get(day) ?? [];
    let i = list.length;
    while (i > 0 && list[i - 1] > t) i--;
    list.splice(i, 0, t);
    this.departuresByDay.set(day, list);
  }
}
