// crew.duty and crew.rest: every sortie is flown by a crew of its tail's fleet line (`crew`, or
// the tail's own crew when the plan names none) that is where the tail is, and each crew keeps
// its flight duty period and its rest. A crew works in blocks from reporting to landing: a
// sortie's block starts with its loading turn; the positioning flight before it (which lands at
// the origin at `positioningArrives`, or turnHours before the departure) is flown by the same
// crew, in the same block when it lands a turn before, else as a block of its own. Blocks of a
// crew less than its rest apart are one duty period; a longer gap is a rest. A crew changes
// tails only at a stage site (docs/rules.md).

import type { Crew, Violation } from '../model/index.ts';
import { HOUR_MS, TIME_EPS_MS, crewLimits, fleetCrews, toMs } from '../model/index.ts';
import type { SortieInfo, VerifyContext } from './context.ts';
import { cmp, flightMs } from './context.ts';
import { at, figures, h, violation } from './format.ts';
import { sortiesByTail } from './tails.ts';

interface Block {
  s: SortieInfo;
  crew: string;
  /** reporting: the positioning take-off, or the start of the loading turn */
  start: number;
  end: number;
  /** where the crew reports: where the tail was */
  site: string;
  posMs: number;
  /** the early positioning flight of the sortie, flown apart from it */
  positioning?: true;
}

/** When the positioning flight before a sortie lands at its origin: as the plan says, or a turn before it departs. */
export function positioningLands(s: SortieInfo): number {
  const v = s.sortie.positioningArrives;
  const t = typeof v === 'string' ? toMs(v) : NaN;
  return Number.isFinite(t) ? t : s.dep - s.turnMs;
}

export function checkCrews(ctx: VerifyContext): Violation[] {
  const out: Violation[] = [];
  const crews = new Map(fleetCrews(ctx.scenario).map((c) => [c.id, c]));
  const ownCrew = new Map<string, string>();
  for (const c of crews.values()) if (c.tail !== null) ownCrew.set(c.tail, c.id);
  const blocks: Block[] = [];

  for (const [tailId, legs] of sortiesByTail(ctx)) {
    const tail = ctx.tails.get(tailId);
    if (!tail) continue; // fleet.size
    let where = tail.line.base;
    let aboard = ownCrew.get(tailId) ?? null;
    for (const s of legs) {
      const crew = typeof s.sortie.crew === 'string' ? s.sortie.crew : (ownCrew.get(tailId) ?? '');
      const prev = ctx.sites.get(where);
      const posMs = prev && prev.id !== s.from!.id ? flightMs(prev, s.from!, tail.line) : 0;
      const land = positioningLands(s);
      if (posMs > 0 && land < s.dep - s.turnMs - TIME_EPS_MS) {
        // positioned early: the positioning is a block of its own, then the sortie's from its loading turn
        blocks.push({ s, crew, start: land - posMs, end: land, site: where, posMs, positioning: true });
        blocks.push({ s, crew, start: s.dep - s.turnMs, end: s.arr, site: s.from!.id, posMs: 0 });
      } else blocks.push({ s, crew, start: s.dep - s.turnMs - posMs, end: s.arr, site: where, posMs });
      const known = crews.get(crew);
      if (!known) {
        out.push(violation('crew.duty', `${s.label} names crew ${JSON.stringify(crew)}, which is not a crew of the fleet (${crewRange(crews, tail.line.type)})`,
          [s.sortie.id, tailId]));
      } else if (known.lineIndex !== tail.lineIndex) {
        out.push(violation('crew.duty', `${s.label}: crew ${crew} belongs to another fleet line (${known.line.type} based at ${known.line.base}), not to ${tailId}'s`,
          [s.sortie.id, tailId, crew]));
      } else if (aboard !== crew && ctx.sites.get(where)?.stage !== true) {
        out.push(violation('crew.duty', `${s.label}: ${tailId} changes crews at ${where}${aboard ? ` (${aboard} to ${crew})` : ''}, which is not a stage site; crews change only at a site with stage: true`,
          [s.sortie.id, tailId, crew, where]));
      }
      aboard = crew;
      where = s.to!.id;
    }
  }

  const byCrew = new Map<string, Block[]>();
  for (const b of blocks) {
    if (!crews.has(b.crew)) continue;
    let list = byCrew.get(b.crew);
    if (!list) byCrew.set(b.crew, (list = []));
    list.push(b);
  }
  for (const [id, list] of [...byCrew].sort((a, b) => cmp(a[0], b[0]))) {
    list.sort((a, b) => a.start - b.start || a.end - b.end || cmp(String(a.s.sortie.id), String(b.s.sortie.id)));
    checkCrew(crews.get(id)!, list, out);
  }
  return out;
}

function checkCrew(crew: Crew, list: Block[], out: Violation[]): void {
  const { dutyMs, restMs } = crewLimits(crew.line);
  let site = crew.site;
  let period: Block[] = [];
  const close = () => {
    if (period.length) duty(crew, period, dutyMs, restMs, out);
    period = [];
  };
  let lastEnd = -Infinity;
  for (const b of list) {
    const id = b.s.sortie.id;
    if (b.start < lastEnd - TIME_EPS_MS) {
      const before = period[period.length - 1];
      out.push(violation('crew.duty', `crew ${crew.id} is in two places: it reports for ${id} at ${at(b.start)} while it flies ${before.s.sortie.id} until ${at(lastEnd)}`,
        [crew.id, id, before.s.sortie.id], figures((lastEnd - b.start) / HOUR_MS, 0, 'h')));
    } else if (b.site !== site) {
      out.push(violation('crew.duty', `crew ${crew.id} reports for ${id} at ${b.site}, but it is at ${site}`, [crew.id, id, b.site, site]));
    }
    if (b.start - lastEnd >= restMs - TIME_EPS_MS) close();
    period.push(b);
    lastEnd = Math.max(lastEnd, b.end);
    site = b.positioning ? b.s.from!.id : b.s.to!.id;
  }
  close();
}

/**
 * One duty period: within the crew's flight duty period. A single block too long is the duty's
 * own fault (crew.duty); blocks joined by gaps shorter than the rest needed a rest between them
 * (crew.rest, at the longest gap, where a rest would best have gone).
 */
function duty(crew: Crew, period: Block[], dutyMs: number, restMs: number, out: Violation[]): void {
  const first = period[0];
  const end = Math.max(...period.map((b) => b.end));
  const span = end - first.start;
  if (span <= dutyMs + TIME_EPS_MS) return;
  const ids = period.map((b) => b.s.sortie.id);
  const hours = (ms: number) => h(ms / HOUR_MS);
  if (period.length === 1 || (period.length === 2 && period[0].positioning && period[1].s === period[0].s)) {
    const b = first;
    const parts = [b.posMs > 0 ? `${hours(b.posMs)} positioning from ${b.site}` : '', `${hours(b.s.turnMs)} loading`, `${hours(b.s.arr - b.s.dep)} flight`].filter(Boolean);
    if (period.length === 2) parts.splice(1, 0, `${hours(period[1].start - b.end)} on the ground`);
    out.push(violation('crew.duty',
      `crew ${crew.id}: its duty for ${b.s.sortie.id} runs ${hours(span)} (${parts.join(', ')}), over its ${hours(dutyMs)} flight duty period`,
      [crew.id, ...ids], figures(span / HOUR_MS, dutyMs / HOUR_MS, 'h')));
    return;
  }
  let gap = -Infinity;
  let after = first;
  let next = period[1];
  let lastEnd = first.end;
  for (let i = 1; i < period.length; i++) {
    const g = period[i].start - lastEnd;
    if (g > gap) [gap, after, next] = [g, period[i - 1], period[i]];
    lastEnd = Math.max(lastEnd, period[i].end);
  }
  out.push(violation('crew.rest',
    `crew ${crew.id} rests only ${hours(Math.max(0, gap))} at ${next.site} between ${after.s.sortie.id} (lands ${at(after.end)}) and ${next.s.sortie.id} (reports ${at(next.start)}), ` +
    `less than ${hours(restMs)}: without a rest its duty from ${at(first.start)} to ${at(end)} runs ${hours(span)}, over ${hours(dutyMs)}`,
    [crew.id, ...ids], figures(Math.max(0, gap) / HOUR_MS, restMs / HOUR_MS, 'h')));
}

function crewRange(crews: Map<string, Crew>, type: string): string {
  const n = [...crews.values()].filter((c) => c.line.type === type).length;
  return n ? `${type} has crews 1 to ${n}` : `the fleet has no ${type} crews`;
}
