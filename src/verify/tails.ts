// fleet.size, tail.availability and tail.continuity: each airframe exists, starts from its base
// when it is available, and flies one leg at a time with its turns and positioning flights.

import type { Violation } from '../model/index.ts';
import { HOUR_MS, TIME_EPS_MS, deadlineEndMs, toMs } from '../model/index.ts';
import type { SortieInfo, VerifyContext } from './context.ts';
import { flightMs } from './context.ts';
import type { Figures } from './format.ts';
import { at, figures, h, violation } from './format.ts';

/** A departure or landing outside its window: hours early or late, against none allowed. */
const off = (ms: number) => figures(ms / HOUR_MS, 0, 'h');

/** Usable sorties of each tail in departure order (tails in first-departure order). */
export function sortiesByTail(ctx: VerifyContext): Map<string, SortieInfo[]> {
  const byTail = new Map<string, SortieInfo[]>();
  for (const s of ctx.byDeparture) {
    const k = String(s.sortie.tail);
    let g = byTail.get(k);
    if (!g) byTail.set(k, (g = []));
    g.push(s);
  }
  return byTail;
}

export function checkTails(ctx: VerifyContext): Violation[] {
  const out: Violation[] = [];
  fleetSize(ctx, out);

  for (const s of ctx.sorties) {
    if (Number.isFinite(s.dep) && s.dep < ctx.asOfMs - TIME_EPS_MS) {
      out.push(violation('tail.availability', `${s.label} departs ${at(s.dep)}, before the plan starts at ${at(ctx.asOfMs)}`, [s.sortie.id],
        off(ctx.asOfMs - s.dep)));
    }
  }

  for (const [tailId, legs] of sortiesByTail(ctx)) {
    const tail = ctx.tails.get(tailId);
    if (tail) availability(ctx, tailId, legs, out);
    for (let i = 1; i < legs.length; i++) continuity(tailId, legs[i - 1], legs[i], out);
  }
  return out;
}

function fleetSize(ctx: VerifyContext, out: Violation[]): void {
  const count = new Map<string, number>();
  for (const t of ctx.tails.values()) count.set(t.line.type, (count.get(t.line.type) ?? 0) + 1);
  for (const s of ctx.sorties) {
    const tail = ctx.tails.get(s.sortie.tail);
    if (!tail) {
      const type = s.sortie.aircraft;
      out.push(violation('fleet.size',
        `${s.label}: tail ${s.sortie.tail} is not in the fleet, which has ${count.get(type) ?? 0} ${type} (tails ${type}#1 to #${count.get(type) ?? 0})`,
        [s.sortie.id, String(s.sortie.tail)], tailNumber(s.sortie.tail, type, count.get(type) ?? 0)));
    } else if (tail.line.type !== s.sortie.aircraft) {
      out.push(violation('fleet.size', `${s.label}: tail ${tail.id} is a ${tail.line.type}, not a ${s.sortie.aircraft}`, [s.sortie.id, tail.id]));
    }
  }
}

function availability(ctx: VerifyContext, tailId: string, legs: SortieInfo[], out: Violation[]): void {
  const line = ctx.tails.get(tailId)!.line;
  const first = legs[0];
  const base = ctx.sites.get(line.base);
  const from = line.availableFrom ? toMs(line.availableFrom) : ctx.asOfMs;
  const start = Math.max(Number.isFinite(from) ? from : ctx.asOfMs, ctx.asOfMs);
  if (base && Number.isFinite(start)) {
    const fly = flightMs(base, first.from!, line);
    const earliest = start + fly + line.turnHours * HOUR_MS;
    if (first.dep < earliest - TIME_EPS_MS) {
      out.push(violation('tail.availability',
        `tail ${tailId}: first ${first.label} departs ${first.from!.id} at ${at(first.dep)}, before ${at(earliest)} ` +
        `(available ${at(start)} at ${base.id} + ${h(fly / HOUR_MS)} positioning + ${h(line.turnHours)} turn)`,
        [tailId, first.sortie.id], off(earliest - first.dep)));
    }
  }
  if (line.availableTo) {
    const end = deadlineEndMs(line.availableTo);
    for (const s of legs) {
      if (s.arr > end + TIME_EPS_MS) {
        out.push(violation('tail.availability',
          `tail ${tailId}: ${s.label} lands at ${at(s.arr)}, after the tail is available (to ${line.availableTo})`, [tailId, s.sortie.id],
          off(s.arr - end)));
      }
    }
  }
}

function continuity(tailId: string, a: SortieInfo, b: SortieInfo, out: Violation[]): void {
  const turn = a.turnMs;
  const freed = a.arr + turn; // unloaded at a.to
  const refs = [tailId, a.sortie.id, b.sortie.id];
  const id = (s: SortieInfo) => s.sortie.id;
  // The earliest b may leave: after a's turn where a landed, or after positioning elsewhere.
  const fly = b.from!.id === a.to!.id ? 0 : flightMs(a.to!, b.from!, a.line!);
  const ready = b.from!.id === a.to!.id ? freed : freed + fly + b.turnMs;
  const early = () => off(ready - b.dep);
  if (b.dep < freed - TIME_EPS_MS && (b.from!.id !== a.to!.id || b.dep < a.arr - TIME_EPS_MS)) {
    out.push(violation('tail.continuity',
      `tail ${tailId} is in two places: sortie ${id(b)} departs ${b.from!.id} at ${at(b.dep)} while ${id(a)} ` +
      (b.dep < a.arr ? `flies ${a.from!.id}–${a.to!.id} until ${at(a.arr)}` : `lands at ${a.to!.id} at ${at(a.arr)} until ${at(freed)}`),
      refs, early()));
    return;
  }
  if (b.from!.id === a.to!.id) {
    if (b.dep < freed - TIME_EPS_MS) {
      out.push(violation('tail.continuity',
        `tail ${tailId}: sortie ${id(b)} departs ${b.from!.id} at ${at(b.dep)}, before the ${h(turn / HOUR_MS)} turn after ${id(a)} lands at ${at(a.arr)} ends at ${at(freed)}`,
        refs, early()));
    }
    return;
  }
  if (b.dep < ready - TIME_EPS_MS) {
    out.push(violation('tail.continuity',
      `tail ${tailId}: sortie ${id(b)} departs ${b.from!.id} at ${at(b.dep)}, before ${at(ready)}: ${id(a)} lands at ${a.to!.id} at ${at(a.arr)}, ` +
      `then ${h(turn / HOUR_MS)} turn + ${h(fly / HOUR_MS)} positioning + ${h(b.turnMs / HOUR_MS)} turn`, refs, early()));
  }
}

/**
 * A tail numbered past the fleet (`C-17A#9` of 8): its number against the fleet's count. Tails
 * named otherwise, or of another type, have no figure.
 */
function tailNumber(tail: unknown, type: string, count: number): Figures | undefined {
  const m = typeof tail === 'string' && tail.startsWith(`${type}#`) ? /^[1-9][0-9]*$/.exec(tail.slice(type.length + 1)) : null;
  return m ? figures(Number(m[0]), count, 'aircraft') : undefined;
}
