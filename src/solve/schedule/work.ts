// What is still to move from one site (an origin, or a hub that cargo passes through): pieces
// in priority order, one lane per fleet line that serves the site, and the people there.

import type { Site } from '../../model/index.ts';
import type { CargoPiece } from '../types.ts';

export interface Entry {
  piece: CargoPiece;
  /** when it may be loaded (-Infinity at an origin; arrival + unloading at a hub) */
  at: number;
  gone: boolean;
  /** lanes that may still carry it; none left means no serving type can take it */
  lanes: number;
}

/** Entries looked at for each sample of the lighter end of a lane's list. */
const PROBE = 8;

/** The pieces of one site that one fleet line may carry, in priority order. */
export class Lane {
  readonly entries: Entry[] = [];
  private head = 0;
  private unfit = new Set<Entry>();
  private sinceCompact = 0;
  /** entries by the time they may be loaded, built when first asked (readyFrom at origins) */
  private byAt: Entry[] | null = null;
  private atHead = 0;
  /** some entry may only be loaded from a finite time */
  timed = false;
  /** entries ever added: 0 means no piece of the site fits the line */
  added = 0;

  constructor(readonly line: number) {}

  add(e: Entry): void {
    this.entries.push(e);
    this.added++;
    if (e.at > -Infinity) this.timed = true;
    this.byAt = null;
  }

  /** The earliest time any piece left in the lane may be loaded (-Infinity: now). */
  earliestAt(): number {
    if (!this.timed) return this.hasAny() ? -Infinity : Infinity;
    if (!this.byAt) {
      this.byAt = this.entries.filter((e) => !this.skip(e)).sort((a, b) => a.at - b.at);
      this.atHead = 0;
    }
    while (this.atHead < this.byAt.length && this.skip(this.byAt[this.atHead])) this.atHead++;
    return this.atHead < this.byAt.length ? this.byAt[this.atHead].at : Infinity;
  }

  private skip(e: Entry): boolean {
    return e.gone || this.unfit.has(e);
  }

  private advance(): void {
    while (this.head < this.entries.length && this.skip(this.entries[this.head])) this.head++;
  }

  hasAny(): boolean {
    this.advance();
    return this.head < this.entries.length;
  }

  /**
   * Up to `k` pieces loadable at time `t`, in priority order, then up to `k` more sampled evenly
   * from the rest of the list, so the load planner also sees lighter and smaller pieces to top a
   * load up with (the list is heaviest first). `ok`, where given, admits only the pieces it
   * passes (a relay takes no sensitive cargo: fly.ts).
   */
  window(t: number, k: number, ok?: (e: Entry) => boolean): Entry[] {
    this.compactSometimes(k);
    this.advance();
    const out: Entry[] = [];
    let i = this.head;
    for (; i < this.entries.length && out.length < k; i++) {
      const e = this.entries[i];
      if (!this.skip(e) && e.at <= t && (!ok || ok(e))) out.push(e);
    }
    const rest = this.entries.length - i;
    if (out.length < k || rest <= 0) return out;
    const stride = Math.max(1, Math.floor(rest / k));
    for (let j = i, n = 0; j < this.entries.length && n < k; j += stride) {
      // the first loadable entry at or after j, looking at a few only (gone ones are compacted away)
      for (let m = j; m < Math.min(this.entries.length, j + stride, j + PROBE); m++) {
        const e = this.entries[m];
        if (!this.skip(e) && e.at <= t && (!ok || ok(e))) {
          out.push(e);
          n++;
          break;
        }
      }
    }
    return out;
  }

  /**
   * Drops gone and unfit entries from the list once the windows asked for since the last time
   * add up to half its length, so sampling the list costs O(k) a call, amortised.
   */
  private compactSometimes(k: number): void {
    this.sinceCompact += 2 * k;
    if (this.sinceCompact < this.entries.length / 2) return;
    this.sinceCompact = 0;
    let w = 0;
    for (let r = this.head; r < this.entries.length; r++) {
      const e = this.entries[r];
      if (!this.skip(e)) this.entries[w++] = e;
    }
    this.entries.length = w;
    this.head = 0;
  }

  /** Waiting entries (for a hub's consolidation check). */
  waiting(): Entry[] {
    this.advance();
    return this.entries.slice(this.head).filter((e) => !this.skip(e));
  }

  /** The load planner found none of these fits this line: it stops offering them. */
  markUnfit(es: readonly Entry[]): Entry[] {
    const dead: Entry[] = [];
    for (const e of es) {
      if (this.unfit.has(e)) continue;
      this.unfit.add(e);
      if (--e.lanes === 0) dead.push(e);
    }
    return dead;
  }
}

export class WorkSite {
  readonly lanes = new Map<number, Lane>();
  readonly entries: Entry[] = [];
  private byPiece = new Map<CargoPiece, Entry>();
  /** weight of pieces still to move that some serving type may carry */
  kg = 0;
  /** pieces still to move that some serving type may carry, and of those the sensitive ones */
  pieces = 0;
  sensitive = 0;
  /**
   * The latest departure booked so far that takes sensitive cargo from here. The greedy books in
   * its own order, not by departure, so a sortie booked later can leave earlier: until this time
   * sensitive cargo is still on the ground, and the guard stays (sensitive.guard).
   */
  sensitiveUntil = -Infinity;
  kg0 = 0;
  people0 = 0;
  /** people present (origin) */
  people = 0;
  /** people arriving at a hub, sorted by when they are available */
  arrivals: { at: number; count: number }[] = [];
  /** pieces no serving type can carry */
  readonly dead: CargoPiece[] = [];
  /** cargo sorties flown from here and their cargo, for the time-left estimate */
  sorties = 0;
  movedKg = 0;
  /** bumped on every change, for cached hub readiness */
  version = 0;

  constructor(
    readonly idx: number,
    readonly site: Site,
    readonly hub: boolean,
    /** last allowed departure (agreement deadline or handover), Infinity when none */
    readonly due: number,
  ) {}

  add(piece: CargoPiece, at: number, lanesFor: (p: CargoPiece) => Lane[]): void {
    const lanes = lanesFor(piece);
    const e: Entry = { piece, at, gone: false, lanes: lanes.length };
    this.entries.push(e);
    this.byPiece.set(piece, e);
    this.version++;
    if (lanes.length === 0) {
      this.dead.push(piece);
      return;
    }
    for (const l of lanes) l.add(e);
    this.kg += piece.weightKg;
    this.pieces++;
    if (piece.sensitive) this.sensitive++;
  }

  entryOf(piece: CargoPiece, window: readonly Entry[]): Entry | undefined {
    const e = this.byPiece.get(piece);
    if (e && !e.gone) return e;
    // A load planner that copies pieces: match by reference and kind within what it was offered.
    return window.find((w) => !w.gone && w.piece.ref === piece.ref && w.piece.kind === piece.kind);
  }

  take(e: Entry): void {
    e.gone = true;
    this.version++;
    if (e.lanes > 0) {
      this.kg -= e.piece.weightKg;
      if (this.kg < 1e-6) this.kg = 0; // sums of decimal weights leave dust; empty means empty
      this.pieces--;
      if (e.piece.sensitive) this.sensitive--;
    }
  }

  markDead(es: readonly Entry[]): void {
    for (const e of es) {
      this.dead.push(e.piece);
      this.kg -= e.piece.weightKg;
      if (this.kg < 1e-6) this.kg = 0; // sums of decimal weights leave dust; empty means empty
      this.pieces--;
      if (e.piece.sensitive) this.sensitive--;
    }
    if (es.length) this.version++;
  }

  peopleAvailable(t: number): number {
    if (!this.hub) return this.people;
    let n = 0;
    for (const a of this.arrivals) if (a.at <= t) n += a.count;
    return n;
  }

  peopleTotal(): number {
    if (!this.hub) return this.people;
    let n = 0;
    for (const a of this.arrivals) n += a.count;
    return n;
  }

  addPeople(at: number, count: number): void {
    if (count <= 0) return;
    let i = this.arrivals.length;
    while (i > 0 && this.arrivals[i - 1].at > at) i--;
    this.arrivals.splice(i, 0, { at, count });
    this.version++;
  }

  takePeople(count: number): void {
    this.version++;
    if (!this.hub) {
      this.people -= count;
      return;
    }
    // Earliest arrivals first: they are the ones available.
    while (count > 0 && this.arrivals.length) {
      const a = this.arrivals[0];
      const n = Math.min(count, a.count);
      a.count -= n;
      count -= n;
      if (a.count === 0) this.arrivals.shift();
    }
  }
}
