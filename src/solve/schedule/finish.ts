// Finishing: the legs flown become sorties (by departure, then tail), each with a note on what
// fixed its departure, and what could not be moved is listed per site with the reason.

import type { PlanNote, Sortie } from '../../model/index.ts';
import { toIso } from '../../model/index.ts';
import type { CargoPiece } from '../types.ts';
import type { Board, Flight } from './board.ts';
import { fleetUseNotes } from './fleet-use.ts';

export interface StrandedCargo {
  site: string;
  pieces: CargoPiece[];
  people: number;
  reason: string;
}

export interface ScheduleResult {
  sorties: Sortie[];
  stranded: StrandedCargo[];
  /** one `sortie.timing` note per sortie, same order, then the `fleet.use` notes */
  notes: PlanNote[];
}

export function finish(b: Board, unknown: readonly CargoPiece[]): ScheduleResult {
  const ids = b.net.sites.map((s) => s.id);
  const flights = b.flights.slice().sort((x, y) => x.dep - y.dep || x.tail.idx - y.tail.idx);
  const sorties: Sortie[] = [];
  const notes: PlanNote[] = [];
  flights.forEach((f, i) => {
    const id = `S${i + 1}`;
    sorties.push({
      id, aircraft: f.tail.line.type, tail: f.tail.id, from: ids[f.from], to: ids[f.to],
      departs: toIso(f.dep), arrives: toIso(f.arr), passengers: f.passengers,
      payloadKg: f.payloadKg, cgM: f.cgM, loads: f.loads, crew: f.crew,
      ...(Number.isFinite(f.positioned) ? { positioningArrives: toIso(f.positioned) } : {}),
    });
    notes.push(timingNote(b, id, f));
  });
  notes.push(...fleetUseNotes(b));
  return { sorties, stranded: stranded(b, ids, unknown), notes };
}

const hours = (ms: number) => Math.round(ms / 36_000) / 100;

/** Why the sortie departs when it does, with the hours it waited beyond its tail being ready. */
function timingNote(b: Board, id: string, f: Flight): PlanNote {
  const from = b.net.sites[f.from].id;
  const to = b.net.sites[f.to].id;
  const waitHours = hours(f.dep - f.readyMs);
  const waits = `${id} waits ${waitHours.toFixed(1)} h`;
  const note = (message: string, refs: string[], figures?: Record<string, number>): PlanNote =>
    ({ kind: 'sortie.timing', cause: f.cause, subject: id, message, refs, ...(figures ? { figures } : {}) });
  switch (f.cause) {
    case 'tail-ready':
      return note(`${id} leaves ${from} as soon as ${f.tail.id} is there and loaded`, [from, f.tail.id]);
    case 'cargo-ready':
      return note(`${waits} at hub ${from} for cargo to fill a load`, [from], { waitHours });
    case 'departure-cap': {
      const cap = b.airfields[f.from].maxDeparturesPerDay;
      return note(`${waits} for a departure slot at ${from} (${cap} a day)`, [from], { waitHours, maxDeparturesPerDay: cap });
    }
    case 'mog-origin': {
      const mog = b.airfields[f.from].mog;
      return note(`${waits} for ground room to load at ${from} (mog ${mog})`, [from], { waitHours, mog });
    }
    case 'mog-destination': {
      const mog = b.airfields[f.to].mog;
      return note(`${waits} for ground room to unload at ${to} (mog ${mog})`, [to], { waitHours, mog });
    }
    case 'airfield-hours': {
      const at = f.closed >= 0 ? f.closed : f.from;
      const site = b.net.sites[at].id;
      const role = at === f.from ? 'to depart' : at === f.to ? 'to land' : 'for its positioning flight';
      return note(`${waits} for ${site} to open ${role} (${b.airfields[at].hours.text})`, [site], { waitHours });
    }
    case 'crew-rest': {
      const restHours = f.tail.line.crewRestHours ?? 0;
      return note(`${waits} for a rested crew (${f.crew}; ${restHours} h rest after a duty period)`, [from, f.tail.id, f.crew], { waitHours, restHours });
    }
    case 'item-ready':
      return note(`${waits} at ${from} for cargo to be ready (its readyFrom)`, [from], { waitHours });
  }
}

function stranded(b: Board, ids: readonly string[], unknown: readonly CargoPiece[]): StrandedCargo[] {
  const anyTail = b.tails.length > 0;
  const out: StrandedCargo[] = [];
  for (const ws of b.work.values()) {
    const id = ids[ws.idx];
    const people = ws.peopleTotal();
    const routed = ws.lanes.size > 0;
    const dead = new Set(ws.dead);
    const left = ws.entries.filter((e) => !e.gone && !dead.has(e.piece)).map((e) => e.piece);
    if (!routed) {
      const all = ws.entries.filter((e) => !e.gone).map((e) => e.piece);
      if (all.length || people) out.push({ site: id, pieces: all, people, reason:
        `no aircraft type in the fleet can use the runway at ${id} and reach a destination, directly or through a hub` });
    } else {
      if (ws.dead.length) out.push({ site: id, pieces: [...ws.dead], people: 0, reason:
        `no aircraft type that can use the runway at ${id} can carry these pieces (too large or heavy)` });
      if (left.length || people) out.push({ site: id, pieces: left, people, reason: anyTail
        ? leftReason(b, id)
        : 'the fleet has no aircraft' });
    }
  }
  if (unknown.length) {
    const bySite = new Map<string, CargoPiece[]>();
    for (const p of unknown) bySite.set(p.site, [...(bySite.get(p.site) ?? []), p]);
    for (const [site, pieces] of [...bySite].sort((x, y) => (x[0] < y[0] ? -1 : 1))) {
      out.push({ site, pieces, people: 0, reason: `${site} is not an origin or hub of the scenario` });
    }
  }
  return out;
}

/**
 * Why cargo the fleet could carry was left: the cause the tails were refused jobs for most
 * often (the same tallies the fleet.use notes read), so the problem names the rule that binds.
 */
function leftReason(b: Board, site: string): string {
  const refused = new Map<string, number>();
  for (const t of b.tails) for (const [k, n] of t.refused) refused.set(k, (refused.get(k) ?? 0) + n);
  const top = [...refused].filter(([k]) => k === 'crew-duty' || k === 'airfield-hours' || k === 'not-available').sort((x, y) => y[1] - x[1])[0]?.[0];
  if (top === 'crew-duty') return `no crew can fly the legs from ${site} within its duty period (the loading turn, positioning and flight together run longer)`;
  if (top === 'airfield-hours') return `the opening hours at ${site} and where its legs go never leave a time to fly`;
  return `no tail is available to move them from ${site} before its availableTo date`;
}
