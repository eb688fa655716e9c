// Airfield operating hours: when a site takes departures and arrivals. A site's `hours` and
// `quietHours` are local times of day (`06:00-22:00`; an end before the start runs past
// midnight), read with its `utcOffset` or IANA `timeZone` (UTC when neither). Open = inside the
// hours and outside the quiet period, both half-open ([06:00, 22:00) takes 06:00, not 22:00).
// The planner and the verifier read hours through this one definition (docs/rules.md,
// airfield.hours), as they share fleetTails.

import type { Site } from './scenario.ts';

const MIN_MS = 60_000;
const DAY_MS = 86_400_000;
/** Days looked ahead for an opening: hours repeat daily, so a site not open within them never is. */
const LOOKAHEAD_DAYS = 8;

/** `HH:MM-HH:MM` with 00:00-24:00 as the widest; the end may be before the start (overnight). */
export const HOURS_PATTERN = /^([01]\d|2[0-3]):([0-5]\d)-([01]\d|2[0-3]|24):([0-5]\d)$/;
export const UTC_OFFSET_PATTERN = /^[+-](0\d|1[0-4]):([0-5]\d)$/;

/** Minutes after local midnight of a window's start and end, or null when unreadable or empty. */
export function parseWindow(text: string): [number, number] | null {
  const m = HOURS_PATTERN.exec(text);
  if (!m) return null;
  const a = Number(m[1]) * 60 + Number(m[2]);
  const b = Number(m[3]) * 60 + Number(m[4]);
  if (b > 24 * 60 || a === b) return null;
  return [a, b];
}

/** `+01:00` -> 60; null when unreadable. */
export function parseUtcOffset(text: string): number | null {
  const m = UTC_OFFSET_PATTERN.exec(text);
  if (!m) return null;
  const minutes = Number(m[1]) * 60 + Number(m[2]);
  return text.startsWith('-') ? -minutes : minutes;
}

/** True when the runtime knows the IANA time zone. */
export function isTimeZone(name: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: name });
    return true;
  } catch {
    return false;
  }
}

/** A site restricts movements when it has hours or a quiet period. */
export function hasHours(site: Pick<Site, 'hours' | 'quietHours'>): boolean {
  return site.hours !== undefined || site.quietHours !== undefined;
}

type Interval = [number, number];

/**
 * When one site is open, in UTC milliseconds. Sites without hours are always open and cost
 * nothing to ask. Day windows are cached, so the scheduler can ask millions of times.
 */
export class SiteHours {
  readonly always: boolean;
  /** the hours as written, for messages */
  readonly text: string;
  private open: Interval | null;
  private quiet: Interval | null;
  private fixedOffset: number | null;
  private zone: Intl.DateTimeFormat | null = null;
  private offsets = new Map<number, number>();
  private days = new Map<number, Interval[]>();

  constructor(site: Pick<Site, 'hours' | 'quietHours' | 'utcOffset' | 'timeZone'>) {
    this.open = site.hours !== undefined ? parseWindow(site.hours) : null;
    this.quiet = site.quietHours !== undefined ? parseWindow(site.quietHours) : null;
    this.always = this.open === null && this.quiet === null;
    const where = site.timeZone ?? site.utcOffset ?? 'UTC';
    this.text = [site.hours ? `open ${site.hours}` : '', site.quietHours ? `quiet ${site.quietHours}` : ''].filter(Boolean).join(', ') + ` (${where})`;
    this.fixedOffset = site.timeZone ? null : site.utcOffset ? (parseUtcOffset(site.utcOffset) ?? 0) : 0;
    if (site.timeZone) {
      this.zone = new Intl.DateTimeFormat('en-US', {
        timeZone: site.timeZone, hourCycle: 'h23', year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', minute: 'numeric',
      });
    }
  }

  /** Local time minus UTC at an instant, in minutes. */
  offsetMinutes(ms: number): number {
    if (this.fixedOffset !== null) return this.fixedOffset;
    // Offsets change at most a few times a year and only on whole quarter hours: cache by hour.
    const key = Math.floor(ms / 3_600_000);
    const hit = this.offsets.get(key);
    if (hit !== undefined) return hit;
    const p = Object.fromEntries(this.zone!.formatToParts(key * 3_600_000).map((x) => [x.type, x.value]));
    const local = Date.UTC(Number(p.year), Number(p.month) - 1, Number(p.day), Number(p.hour), Number(p.minute));
    const off = Math.round((local - key * 3_600_000) / MIN_MS);
    this.offsets.set(key, off);
    return off;
  }

  /** UTC instant of a local wall-clock time (ms since the epoch, counted in local time). */
  private toUtc(localMs: number): number {
    let utc = localMs - this.offsetMinutes(localMs) * MIN_MS;
    utc = localMs - this.offsetMinutes(utc) * MIN_MS; // once more, across a change of offset
    return utc;
  }

  /** Open intervals of local day `d` (days since the epoch in local time), in UTC ms, sorted. */
  private day(d: number): Interval[] {
    const hit = this.days.get(d);
    if (hit) return hit;
    const base = d * DAY_MS;
    const span = ([a, b]: Interval, day: number): Interval[] =>
      b > a ? [[day + a * MIN_MS, day + b * MIN_MS]] : [[day + a * MIN_MS, day + DAY_MS], [day, day + b * MIN_MS]];
    // Local open pieces of this day: the hours (or all day), less the quiet period.
    let pieces: Interval[] = this.open ? span(this.open, base).filter(([a, b]) => b > a) : [[base, base + DAY_MS]];
    if (this.quiet) {
      for (const [qa, qb] of span(this.quiet, base)) {
        pieces = pieces.flatMap(([a, b]): Interval[] => {
          if (qb <= a || qa >= b) return [[a, b]];
          const out: Interval[] = [];
          if (qa > a) out.push([a, qa]);
          if (qb < b) out.push([qb, b]);
          return out;
        });
      }
    }
    const out = pieces
      .map(([a, b]): Interval => [this.toUtc(a), this.toUtc(b)])
      .filter(([a, b]) => b > a)
      .sort((x, y) => x[0] - y[0]);
    if (this.days.size > 4096) this.days.clear();
    this.days.set(d, out);
    return out;
  }

  private localDay(ms: number): number {
    return Math.floor((ms + this.offsetMinutes(ms) * MIN_MS) / DAY_MS);
  }

  isOpen(ms: number): boolean {
    if (this.always) return true;
    const d = this.localDay(ms);
    for (let k = d - 1; k <= d + 1; k++) for (const [a, b] of this.day(k)) if (ms >= a && ms < b) return true;
    return false;
  }

  /** The earliest instant at or after `ms` when the site is open; Infinity when it never opens. */
  nextOpen(ms: number): number {
    if (this.always || !Number.isFinite(ms)) return ms;
    const d = this.localDay(ms);
    let best = Infinity;
    for (let k = d - 1; k <= d + LOOKAHEAD_DAYS; k++) {
      for (const [a, b] of this.day(k)) if (b > ms) best = Math.min(best, Math.max(a, ms));
      if (best < Infinity && k >= d) return best;
    }
    return best;
  }

  /** The latest whole second at or before `ms` when the site is open; -Infinity when none is near. */
  prevOpen(ms: number): number {
    if (this.always || !Number.isFinite(ms)) return ms;
    const d = this.localDay(ms);
    let best = -Infinity;
    for (let k = d + 1; k >= d - LOOKAHEAD_DAYS; k--) {
      for (const [a, b] of this.day(k)) if (a <= ms) best = Math.max(best, Math.min(ms, Math.ceil(b / 1000) * 1000 - 1000));
      if (best > -Infinity && k <= d) return best;
    }
    return best;
  }

  /** The open intervals that meet [from, to), clipped to it, in order. */
  openWithin(from: number, to: number): Interval[] {
    if (this.always) return [[from, to]];
    const out: Interval[] = [];
    for (let k = this.localDay(from) - 1; k <= this.localDay(to) + 1; k++) {
      for (const [a, b] of this.day(k)) {
        const s = Math.max(a, from);
        const e = Math.min(b, to);
        if (e > s) out.push([s, e]);
      }
    }
    out.sort((x, y) => x[0] - y[0]);
    // Windows of adjacent local days may touch (00:00-24:00): merge them.
    const merged: Interval[] = [];
    for (const iv of out) {
      const last = merged[merged.length - 1];
      if (last && iv[0] <= last[1]) last[1] = Math.max(last[1], iv[1]);
      else merged.push([iv[0], iv[1]]);
    }
    return merged;
  }
}
