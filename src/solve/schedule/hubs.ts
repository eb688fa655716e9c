// Hub consolidation: a leg out of a hub waits until what is there fills most of a load, or all
// has come, or its deadline nears; a final flush sends whatever waits. And the one person a hub
// holds back while sensitive cargo is still to leave through it (sensitive.order).

import type { FleetLine } from '../../model/index.ts';
import { DAY_MS } from '../../model/index.ts';
import type { WorkSite } from './work.ts';

/** A hub sends a big jet on when its waiting cargo fills this share of one (or all has come). */
const HUB_FILL = 0.85;

export class Consolidation {
  /** at the end, hubs send on whatever waits */
  flush = false;
  /** bumped when an origin empties (feeders) or on flush */
  epoch = 0;
  private cache = new Map<string, { v: number; e: number; at: number }>();

  constructor(
    private work: Map<number, WorkSite>,
    private feeders: Map<number, number[]>,
    private lines: readonly FleetLine[],
    private pkg: number,
  ) {}

  /** Every origin that feeds the hub is empty. */
  feedersDone(hub: number): boolean {
    return (this.feeders.get(hub) ?? []).every((o) => {
      const f = this.work.get(o)!;
      return f.kg <= 0 && f.people <= 0;
    });
  }

  /** When a leg of line `li` may leave the hub with a fair load; Infinity while it should wait. */
  ready(ws: WorkSite, li: number): number {
    const k = `${ws.idx}|${li}`;
    const c = this.cache.get(k);
    if (c && c.v === ws.version && c.e === this.epoch) return c.at;
    const line = this.lines[li];
    const pkg = this.pkg;
    const ev: { at: number; kg: number; pallets: number; people: number }[] = [];
    for (const e of ws.lanes.get(li)!.waiting()) ev.push({ at: e.at, kg: e.piece.weightKg, pallets: e.piece.kind === 'pallet' ? 1 : 0, people: 0 });
    if (line.seats > 0 && line.aclKg >= pkg) for (const a of ws.arrivals) ev.push({ at: a.at, kg: 0, pallets: 0, people: a.count });
    let at = Infinity;
    if (ev.length) {
      ev.sort((a, b) => a.at - b.at);
      let kg = 0, pallets = 0, people = 0;
      for (const e of ev) {
        kg += e.kg; pallets += e.pallets; people += e.people;
        const frac = Math.max((kg + people * pkg) / line.aclKg,
          line.palletPositions > 0 ? pallets / line.palletPositions : 0,
          line.seats > 0 ? people / line.seats : 0);
        if (frac >= HUB_FILL) { at = e.at; break; }
      }
      const last = ev[ev.length - 1].at;
      if (at === Infinity && (this.flush || this.feedersDone(ws.idx))) at = last;
      if (at === Infinity && Number.isFinite(ws.due)) at = Math.max(ev[0].at, ws.due - DAY_MS);
    }
    this.cache.set(k, { v: ws.version, e: this.epoch, at });
    return at;
  }

  /**
   * People the hub holds back: one, while sensitive cargo is there or still to come through it,
   * so its last people leave no earlier than its last sensitive cargo.
   */
  hold(ws: WorkSite): number {
    if (ws.sensitive > 0) return 1;
    return (this.feeders.get(ws.idx) ?? []).some((o) => this.work.get(o)!.sensitive > 0) ? 1 : 0;
  }
}
