// Why each type and tail flies as much as it does, as `fleet.use` notes: for every type that
// flew, how its sorties spread over its tails (cause `spread`); for a type that flew nothing,
// and for a tail that flew nothing or less than half the sorties of its busiest sister, the
// reason, read from what the scheduler saw (docs/schedule.md, Fleet use): the runways, what fits
// the type, and the causes its tails were refused jobs for, counted as the greedy went.

import type { FleetLine, NoteCause, PlanNote } from '../../model/index.ts';
import { DAY_MS } from '../../model/index.ts';
import type { Board } from './board.ts';
import type { Refusal } from './choice.ts';
import { legMs, type Tail } from './tails.ts';

const list = (xs: readonly string[]) => (xs.length <= 1 ? xs.join('') : `${xs.slice(0, -1).join(', ')} and ${xs[xs.length - 1]}`);
const round2 = (x: number) => Math.round(x * 100) / 100;
const plural = (n: number, what: string) => `${n} ${what}${n === 1 ? '' : 's'}`;

export function fleetUseNotes(b: Board): PlanNote[] {
  const notes: PlanNote[] = [];
  const types = [...new Set(b.tails.map((t) => t.line.type))];
  for (const type of types) {
    const tails = b.tails.filter((t) => t.line.type === type);
    const total = tails.reduce((a, t) => a + t.uses, 0);
    if (total === 0) {
      notes.push(reason(b, type, tails, `${type} flies nothing`));
      continue;
    }
    const most = Math.max(...tails.map((t) => t.uses));
    const fewest = Math.min(...tails.map((t) => t.uses));
    const busiest = tails.filter((t) => t.uses === most).map((t) => t.id);
    notes.push({
      kind: 'fleet.use', cause: 'spread', subject: type,
      message: `${type}: ${plural(total, 'sortie')} on ${plural(tails.length, 'tail')}, ${fewest === most ? `${most} each` : `${fewest} to ${most} a tail (most: ${list(busiest)})`}`,
      refs: tails.map((t) => t.id),
      figures: { sorties: total, tails: tails.length, tailsFlown: tails.filter((t) => t.uses > 0).length, most, fewest },
    });
    for (const t of tails) {
      if (t.uses > 0 && (most < 2 || 2 * t.uses >= most)) continue;
      notes.push(reason(b, t.id, [t], `${t.id} flies ${t.uses === 0 ? 'nothing' : `${t.uses} sortie${t.uses === 1 ? '' : 's'} against ${most} for ${busiest[0]}`}`));
    }
  }
  return notes;
}

/** The reason a type (all its tails) or one tail flies nothing or little. */
function reason(b: Board, subject: string, tails: readonly Tail[], what: string): PlanNote {
  const line = tails[0].line;
  const lines = new Set(tails.map((t) => t.lineIdx));
  const served = [...b.work.values()].filter((ws) => [...lines].some((li) => ws.lanes.has(li)) && (ws.kg0 > 0 || ws.people0 > 0));
  const note = (cause: NoteCause, why: string, refs: string[], figures: Record<string, number> = {}): PlanNote => ({
    kind: 'fleet.use', cause, subject, message: `${what}: ${why}`, refs, figures: { sorties: tails.reduce((a, t) => a + t.uses, 0), ...figures },
  });
  if (served.length === 0) {
    return note('no-runway', `no origin or hub with cargo or people takes the ${line.type} and reaches a destination from it`, []);
  }
  const ids = served.map((ws) => ws.site.id);
  const fits = served.filter((ws) => [...lines].some((li) => (ws.lanes.get(li)?.added ?? 0) > 0) || ws.people0 > 0);
  if (fits.length === 0) {
    return note('too-small', `nothing at ${list(ids)} fits a ${line.type} (too large or heavy for its door, floor or payload)`, ids);
  }
  const refused = new Map<Refusal, number>();
  for (const t of tails) for (const [k, n] of t.refused) refused.set(k as Refusal, (refused.get(k as Refusal) ?? 0) + n);
  const top = [...refused].sort((x, y) => y[1] - x[1])[0];
  const bigger = biggerLines(b, line, served.map((ws) => ws.idx));
  if (top && top[0] === 'slot-bound') {
    const capped = [...b.pace.slotBoundSites()].map((i) => b.work.get(i)!).filter((ws) => fits.includes(ws));
    const slots = capped.map((ws) => `${ws.site.id} (${slotsText(b, ws.idx)})`);
    const big = bigger[0];
    return note('slot-bound',
      `${big !== undefined ? `the ${b.lines[big].type}` : 'a bigger type'} fills every departure slot at ${list(slots)}; a ${line.type} there would only take a slot from a fuller ${big !== undefined ? b.lines[big].type : 'jet'}`,
      capped.map((ws) => ws.site.id), { refusals: top[1], ...(big !== undefined ? tailsFigures(b, big, capped.map((ws) => ws.idx)) : {}) });
  }
  if (top && (top[0] === 'bigger-type' || top[0] === 'ground-place')) {
    // Kept off with time to spare at some sites, and at late ones with few ground places
    // because bigger tails could fill them (pace.ts, holdsGround): each said for its sites.
    const big = bigger[0];
    const bigType = big !== undefined ? `the ${b.lines[big].type}` : 'a bigger type';
    const kept = new Set<number>();
    for (const t of tails) for (const i of t.groundKept) kept.add(i);
    const ground = fits.filter((ws) => kept.has(ws.idx));
    const spare = fits.filter((ws) => !kept.has(ws.idx));
    const parts: string[] = [];
    if (spare.length > 0) parts.push(`${bigType} serves ${list(spare.map((ws) => ws.site.id))} with time to spare before their deadlines: fewer, fuller sorties`);
    if (ground.length > 0) {
      parts.push(`${list(ground.map((ws) => `${ws.site.id} (mog ${b.airfields[ws.idx].mog})`))} ${ground.length === 1 ? 'is' : 'are'} late, but ${bigType} could be loading in every ground place there while a ${line.type} loaded: it would hold a place a fuller jet needs`);
    }
    return note(ground.length > 0 && spare.length === 0 ? 'ground-place' : top[0], parts.join('; '),
      fits.map((ws) => ws.site.id), { refusals: top[1] });
  }
  if (top && top[0] === 'not-available') {
    const to = line.availableTo ? ` to ${line.availableTo}` : '';
    return note('not-available', `available from ${line.availableFrom ?? b.scenario.asOf}${to}, it cannot land in time for the work at ${list(fits.map((ws) => ws.site.id))}`,
      fits.map((ws) => ws.site.id), { refusals: top[1] });
  }
  if (top && top[0] === 'crew-duty') {
    return note('crew-duty', `its legs (positioning, loading and flight) run longer than its crews' ${line.crewDutyHours ?? '∞'} h duty period`,
      fits.map((ws) => ws.site.id), { refusals: top[1], crewDutyHours: line.crewDutyHours ?? Infinity });
  }
  if (top && top[0] === 'airfield-hours') {
    return note('airfield-hours', `the opening hours at ${list(fits.map((ws) => ws.site.id))} and where its legs go never leave it a time to fly`,
      fits.map((ws) => ws.site.id), { refusals: top[1] });
  }
  // Never refused, or only while a crew rested: others were ready first for all the work.
  const firstFree = Math.min(...tails.map((t) => t.freeMs));
  const lastClose = Math.max(-Infinity, ...b.flights.filter((f) => fits.some((ws) => ws.idx === f.from)).map((f) => f.dep));
  if (Number.isFinite(lastClose) && firstFree >= lastClose) {
    return note('not-available', `available from ${line.availableFrom ?? b.scenario.asOf}, after the last departure from ${list(fits.map((ws) => ws.site.id))}`,
      fits.map((ws) => ws.site.id));
  }
  const capped = fits.filter((ws) => Number.isFinite(b.airfields[ws.idx].maxDeparturesPerDay) || Number.isFinite(b.airfields[ws.idx].mog));
  const sisters = b.tails.filter((o) => !tails.includes(o) && o.line.type === line.type && o.uses > 0).map((o) => o.id);
  const others = sisters.length ? `its sisters ${list(sisters)}` : 'other types';
  const limit = capped.length ? `; ${list(capped.map((ws) => `${ws.site.id} takes ${slotsText(b, ws.idx)}`))}` : '';
  const figs = capped.length && lines.size === 1 ? tailsFigures(b, [...lines][0], capped.map((ws) => ws.idx)) : {};
  return note('sisters', `${others} were ready first for the work at ${list(fits.map((ws) => ws.site.id))}${limit}`, fits.map((ws) => ws.site.id), figs);
}

/** Lines with a bigger ACL than `line` that serve any of these sites, biggest first. */
function biggerLines(b: Board, line: FleetLine, sites: readonly number[]): number[] {
  const out = new Set<number>();
  for (const i of sites) for (const li of b.work.get(i)!.lanes.keys()) if (b.lines[li].aclKg > line.aclKg) out.add(li);
  return [...out].sort((x, y) => b.lines[y].aclKg - b.lines[x].aclKg || x - y);
}

function slotsText(b: Board, site: number): string {
  const af = b.airfields[site];
  const parts: string[] = [];
  if (Number.isFinite(af.maxDeparturesPerDay)) parts.push(`${af.maxDeparturesPerDay} departure${af.maxDeparturesPerDay === 1 ? '' : 's'} a day`);
  if (Number.isFinite(af.mog)) parts.push(`mog ${af.mog}`);
  if (!af.hours.always) parts.push(af.hours.text);
  return parts.join(', ') || 'no limit';
}

/**
 * How many tails of a line its departures from these sites keep busy: slots a day (departures,
 * or mog over the turn) times the round trip, over a day; against the line's tails.
 */
function tailsFigures(b: Board, li: number, sites: readonly number[]): Record<string, number> {
  const line = b.lines[li];
  const turn = line.turnHours * 3_600_000;
  let needed = 0;
  for (const i of sites) {
    const af = b.airfields[i];
    const to = b.net.routes.get(i)?.get(li);
    if (to === undefined) continue;
    const perDay = Math.min(af.maxDeparturesPerDay, Number.isFinite(af.mog) ? (af.mog * DAY_MS) / turn : Infinity);
    if (!Number.isFinite(perDay)) return {};
    needed += (perDay * (2 * legMs(b.net, i, to, line) + 2 * turn)) / DAY_MS;
  }
  return { tailsNeeded: round2(needed), tailsOfType: b.tails.filter((t) => t.lineIdx === li).length };
}
