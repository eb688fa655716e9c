// Where the next leg from a site goes for a line: its route (network.ts), or, for an origin that
// sends a share of its sorties through a hub (ScheduleInput.hubShare, shuttle.ts) or relays them
// through a neighbouring origin (ScheduleInput.relayShare), that stop while the legs flown there
// so far are below that share, so the shuttle legs spread evenly.

import type { Network } from './network.ts';

interface Share {
  share: number;
  hubs: Map<number, number>;
  /** the stops are other origins: cargo only, and the site's last people fly straight home */
  relay: boolean;
  /** sorties flown from the site by lines with a hub option, and of those to the hub */
  all: number;
  viaHub: number;
}

export class Routes {
  /** hub -> origins that send cargo through it */
  readonly feeders: Map<number, number[]>;
  private shares = new Map<number, Share>();
  /** hub -> lines that shuttle into it: they do not fly the long onward legs themselves */
  private shuttleLines = new Map<number, Set<number>>();

  constructor(private net: Network, hubShare: ReadonlyMap<string, number> | undefined, relayShare?: ReadonlyMap<string, number>) {
    this.feeders = new Map([...net.feeders].map(([h, o]) => [h, [...o]]));
    const take = (shares: ReadonlyMap<string, number> | undefined, relay: boolean) => {
      for (const [id, share] of shares ?? []) {
        const i = net.index.get(id);
        const hubs = i === undefined ? undefined : (relay ? net.relayOptions : net.hubOptions).get(i);
        if (i === undefined || !hubs || !(share > 0) || this.shares.has(i)) continue;
        this.shares.set(i, { share: Math.min(1, share), hubs, relay, all: 0, viaHub: 0 });
        for (const [li, h] of hubs) this.shuttleLines.set(h, (this.shuttleLines.get(h) ?? new Set()).add(li));
        // a hub waits for its feeders (hubs.ts); an origin flies what it has
        if (relay) continue;
        for (const h of new Set(hubs.values())) {
          const f = this.feeders.get(h) ?? [];
          if (!f.includes(i)) f.push(i);
          this.feeders.set(h, f);
        }
      }
    };
    take(hubShare, false);
    take(relayShare, true);
  }

  /**
   * The next stop of a leg of line `li` from `site`; undefined when the line does not serve it.
   * `relayable` false: what waits there is people or sensitive cargo, which are never relayed.
   */
  next(site: number, li: number, relayable = true): number | undefined {
    const direct = this.net.routes.get(site)?.get(li);
    const s = this.shares.get(site);
    const hub = s?.hubs.get(li);
    if (!s || hub === undefined || (s.relay && !relayable)) return direct;
    return s.viaHub < s.share * (s.all + 1) ? hub : direct;
  }

  /** The leg from `site` to `to` relays cargo through another origin: no passengers ride it. */
  relays(site: number, to: number): boolean {
    const s = this.shares.get(site);
    return s !== undefined && s.relay && [...s.hubs.values()].includes(to);
  }

  /** The line shuttles into this hub, so it flies no legs out of it. */
  shuttlesInto(hub: number, li: number): boolean {
    return this.shuttleLines.get(hub)?.has(li) ?? false;
  }

  /** Counts a sortie flown from `site` to `to`, for the share. */
  flown(site: number, li: number, to: number): void {
    const s = this.shares.get(site);
    if (!s?.hubs.has(li)) return;
    s.all++;
    if (to === s.hubs.get(li)) s.viaHub++;
  }
}
