// Occupancy of one airfield: ground intervals for its mog, its opening hours, and departures per
// UTC day. Intervals are half-open [start, end) in ms, so a turn that ends as another begins does
// not overlap it. One tail's touching or overlapping turns at a site are merged: it counts once
// (docs/rules.md). A day's departures are spread over its open hours in up to four waves: with n
// a day, the k-th departure of the day leaves no earlier than the start of its wave (slot
// times), so a queue of tails does not stack its departures at the day's first minute.

import type { Site } from '../../model/index.ts';
import { DAY_MS, SiteHours } from '../../model/index.ts';

const SEC = 1000;
const NONE: readonly number[] = [];

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
  /** bumped whenever a booking changes the slots or the ground: a memo of a slot here is stale */
  version = 0;
  /** departures booked per UTC day, sorted by time */
  private departuresByDay = new Map<number, number[]>();
  /** for a full day: a later day that was the first open one when last looked at */
  private laterDay = new Map<number, number>();
  private slotCache = new Map<number, number[]>();
  /** slot offsets from midnight when the site is open all day, else null */
  private readonly regular: number[] | null;

  constructor(site: Site) {
    this.mog = site.mog ?? Infinity;
    this.maxDeparturesPerDay = site.maxDeparturesPerDay ?? Infinity;
    this.hours = new SiteHours(site);
    // Open all day: every day's slots are the same offsets from midnight.
    this.regular = this.hours.always && Number.isFinite(this.maxDeparturesPerDay) ? spread([[0, DAY_MS]], this.maxDeparturesPerDay) : null;
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
    return (this.departuresByDay.get(day)?.length ?? 0) >= this.slotCount(day);
  }

  /** Slots in a UTC day: the cap, or fewer on a day with no open hours. */
  private slotCount(day: number): number {
    return this.regular ? this.maxDeparturesPerDay : this.slotTimes(day).length;
  }

  /** The k-th slot time of a UTC day. */
  private slotAt(day: number, k: number): number {
    return this.regular ? day * DAY_MS + this.regular[k] : this.slotTimes(day)[k];
  }

  /** The slot times of a UTC day, from its open hours (spread). */
  private slotTimes(day: number): number[] {
    const hit = this.slotCache.get(day);
    if (hit) return hit;
    const open = this.hours.openWithin(day * DAY_MS, (day + 1) * DAY_MS);
    const out = spread(open, this.maxDeparturesPerDay);
    this.slotCache.set(day, out);
    return out;
  }

  /** A departure at `x` fits the day when, once added, the k-th earliest is at or after slot k. */
  private fits(day: number, booked: readonly number[], n: number, x: number): boolean {
    if (booked.length >= n) return false;
    let p = 0;
    while (p < booked.length && booked[p] <= x) p++;
    if (x < this.slotAt(day, p)) return false;
    for (let i = p; i < booked.length; i++) if (booked[i] < this.slotAt(day, i + 1)) return false;
    return true;
  }

  /** The earliest time at or after `from` in UTC day `day` that fits, or null. */
  private slotInDay(day: number, from: number): number | null {
    const n = this.slotCount(day);
    const booked = this.departuresByDay.get(day) ?? NONE;
    const end = (day + 1) * DAY_MS;
    // Usually every booking is earlier: the next slot is the first one not taken.
    if (booked.length === 0 || booked[booked.length - 1] <= from) {
      if (booked.length >= n) return null;
      const at = Math.max(from, this.slotAt(day, booked.length));
      return at < end ? at : null;
    }
    if (this.fits(day, booked, n, from)) return from;
    // Fit changes only at slot times and booked departures: try those after `from`, in order.
    let i = 0;
    let j = 0;
    while (i < n && this.slotAt(day, i) <= from) i++;
    while (j < booked.length && booked[j] <= from) j++;
    while (i < n || j < booked.length) {
      const x = j >= booked.length || (i < n && this.slotAt(day, i) <= booked[j]) ? this.slotAt(day, i++) : booked[j++];
      if (x >= end) break;
      if (this.fits(day, booked, n, x)) return x;
    }
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
    this.version++;
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
    this.version++;
    const day = Math.floor(t / DAY_MS);
    const list = this.departuresByDay.get(day) ?? [];
    let i = list.length;
    while (i > 0 && list[i - 1] > t) i--;
    list.splice(i, 0, t);
    this.departuresByDay.set(day, list);
  }
}

/**
 * Departure waves a day at most: a site with more departures a day sends them in this many
 * waves, so queued tails are re-weighed once a wave, not once a departure (the scheduler's cost).
 */
export const WAVES_PER_DAY = 4;

/**
 * n slot times spread over the open intervals, in waves: slot k opens where wave
 * floor(k x waves / n) of `waves` starts, waves = min(n, WAVES_PER_DAY), each wave the same
 * share of the open time (whole seconds).
 */
function spread(open: readonly (readonly [number, number])[], n: number): number[] {
  const total = open.reduce((a, [x, y]) => a + (y - x), 0);
  const out: number[] = [];
  if (!(total > 0)) return out;
  const waves = Math.min(n, WAVES_PER_DAY);
  for (let k = 0; k < n; k++) {
    let need = (Math.floor((k * waves) / n) * total) / waves;
    for (const [x, y] of open) {
      if (need < y - x) {
        out.push(Math.ceil((x + need) / SEC) * SEC);
        break;
      }
      need -= y - x;
    }
  }
  return out;
}
