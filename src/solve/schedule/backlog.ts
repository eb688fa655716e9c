// What waits at each origin and hub when the schedule starts: the pieces in priority order in
// one lane per line that may carry them, and the people. Pieces at no origin or hub are kept
// apart (they are reported stranded).

import type { FleetLine, Scenario } from '../../model/index.ts';
import { toMs } from '../../model/index.ts';
import { couldCarry } from '../shared/capability.ts';
import type { CargoPiece } from '../types.ts';
import { siteDueMs, type Network } from './network.ts';
import { Lane, WorkSite } from './work.ts';

export interface Backlog {
  /** site index -> what waits there, in scenario order */
  work: Map<number, WorkSite>;
  /** pieces whose site is not an origin or hub */
  unknown: CargoPiece[];
  /** the lanes of a site that may offer a piece */
  lanesFor: (ws: WorkSite) => (p: CargoPiece) => Lane[];
}

export function buildBacklog(scenario: Scenario, net: Network, pieces: readonly CargoPiece[], tieRank: Int32Array | null): Backlog {
  const lines = scenario.aircraft;
  const work = new Map<number, WorkSite>();
  net.sites.forEach((s, i) => {
    if (s.role === 'destination') return;
    const ws = new WorkSite(i, s, s.role === 'hub', siteDueMs(scenario, s));
    for (const li of net.routes.get(i)?.keys() ?? []) ws.lanes.set(li, new Lane(li));
    work.set(i, ws);
  });
  const lanesFor = (ws: WorkSite) => (p: CargoPiece) =>
    [...ws.lanes.values()].filter((l) => couldCarry(p, lines[l.line]));

  // A piece may leave once every unit on it is ready (item.ready): the latest readyFrom.
  const ready = new Map<string, number>();
  for (const it of scenario.items) if (it.readyFrom !== undefined) ready.set(it.id, toMs(it.readyFrom));
  const readyAt = (p: CargoPiece) => {
    let at = -Infinity;
    if (ready.size) for (const id of p.itemIds) at = Math.max(at, ready.get(id) ?? -Infinity);
    return at;
  };
  const unknown: CargoPiece[] = [];
  for (const p of priorityOrder(pieces, lines, tieRank)) {
    const i = net.index.get(p.site);
    const ws = i === undefined ? undefined : work.get(i);
    if (!ws) unknown.push(p);
    else ws.add(p, readyAt(p), lanesFor(ws));
  }
  for (const pl of scenario.personnel) {
    const i = net.index.get(pl.site);
    const ws = i === undefined ? undefined : work.get(i);
    if (!ws) continue; // people at a destination are already where they should be
    if (ws.hub) ws.addPeople(-Infinity, pl.count);
    else ws.people += pl.count;
  }
  for (const ws of work.values()) {
    ws.kg0 = ws.kg;
    ws.people0 = ws.peopleTotal();
  }
  return { work, unknown, lanesFor };
}

/**
 * Priority at an origin: sensitive first (it must leave before the guard can), then by size
 * (share of the biggest line's ACL plus share of its floor), then heavy first; exact ties by
 * the seed's rank (none for seed 1), then ref, then input order.
 */
function priorityOrder(pieces: readonly CargoPiece[], lines: readonly FleetLine[], tieRank: Int32Array | null): CargoPiece[] {
  const big = lines.reduce<FleetLine | null>((m, l) => (!m || l.aclKg > m.aclKg ? l : m), null);
  const size = (p: CargoPiece) => big ? p.weightKg / big.aclKg + (p.lengthM * p.widthM) / (big.floorLengthM * big.floorWidthM) : p.weightKg;
  const order = pieces.map((p, i) => ({ p, i, s: size(p), t: tieRank ? tieRank[i] : 0 }));
  order.sort((a, b) =>
    Number(b.p.sensitive) - Number(a.p.sensitive) || b.s - a.s || b.p.weightKg - a.p.weightKg || a.t - b.t ||
    (a.p.ref < b.p.ref ? -1 : a.p.ref > b.p.ref ? 1 : 0) || a.i - b.i);
  return order.map((o) => o.p);
}
