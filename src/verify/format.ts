// How violations are written: one constructor and number/time formats, so every message
// reads the same way and names the figures behind it.

import type { RuleName, Violation } from '../model/index.ts';
import { toIso } from '../model/index.ts';

/**
 * The units a violation's figures are in (docs/rules.md, "Figures"): one spelling each, so a
 * reader can sum and sort violations of one unit without parsing their messages.
 */
export type Unit =
  | 'kg' | 'm' | 'm2' | 'm3' | '%' | 'h' | 'days' | 'USD'
  | 'units' | 'pallets' | 'people' | 'sorties' | 'departures' | 'aircraft' | 'handovers' | 'entries';

/** What a violation measures: the figure found and the limit it breaks, both in `unit`. */
export interface Figures {
  amount: number;
  limit: number;
  unit: Unit;
}

/** Decimals a figure keeps, by unit: enough to tell it from its limit at the rule's tolerance. */
const DIGITS: Record<Unit, number> = {
  kg: 2, m: 3, m2: 4, m3: 4, '%': 1, h: 2, days: 1, USD: 2,
  units: 2, pallets: 2, people: 2, sorties: 2, departures: 2, aircraft: 2, handovers: 2, entries: 2,
};

/**
 * The figures of a violation, rounded for the plan: the limit to the unit's decimals, the amount
 * away from the limit (a payload 0.004 kg over reads 0.01 kg over, never equal to its limit).
 * Undefined when either is not a finite number: a violation without figures, not one with NaN.
 */
export function figures(amount: number, limit: number, unit: Unit): Figures | undefined {
  if (!Number.isFinite(amount) || !Number.isFinite(limit)) return undefined;
  const away = amount > limit ? Math.ceil : amount < limit ? Math.floor : Math.round;
  return { amount: roundWith(amount, DIGITS[unit], away), limit: roundWith(limit, DIGITS[unit], Math.round), unit };
}

function roundWith(x: number, digits: number, how: (x: number) => number): number {
  const f = 10 ** digits;
  // toPrecision strips float noise (0.1 + 0.2) before rounding; its 12 digits cover figures up to
  // 1e11 steps of the unit. Larger ones (a claimed 1e308 kg) are kept as they are: rounding them
  // would lose digits, or scale them to Infinity.
  if (!(Math.abs(x * f) < 1e11)) return x;
  return how(Number((x * f).toPrecision(12))) / f + 0;
}

export function violation(rule: RuleName, message: string, refs: readonly string[], measured?: Figures): Violation {
  // Refs are deduplicated and sorted so two runs over the same plan print the same thing.
  const v: Violation = { rule, message, refs: [...new Set(refs.filter((r) => typeof r === 'string'))].sort() };
  if (measured) {
    v.amount = measured.amount;
    v.limit = measured.limit;
    v.unit = measured.unit;
  }
  return v;
}

/**
 * The figures of a box outside its space, on the axis where it reaches furthest out: the far
 * end against the axis' length, or a near end below 0 against 0. Each axis is [start, end, length].
 */
export function furthestOut(axes: [number, number, number][]): Figures | undefined {
  let worst: [number, number] | undefined;
  let by = 0;
  for (const [start, end, length] of axes) {
    if (-start > by) [worst, by] = [[start, 0], -start];
    if (end - length > by) [worst, by] = [[end, length], end - length];
  }
  return worst && figures(worst[0], worst[1], 'm');
}

/** A number with at most `digits` decimals, trailing zeros dropped. */
export function num(n: number, digits = 2): string {
  if (!Number.isFinite(n)) return String(n);
  return String(Number(n.toFixed(digits)));
}

export const kg = (n: number): string => `${num(n, 1)} kg`;
export const m = (n: number): string => `${num(n, 3)} m`;
export const h = (n: number): string => `${num(n, 2)} h`;

/** An instant as plans write it; unreadable instants stay visible as such. */
export function at(ms: number): string {
  return Number.isFinite(ms) ? toIso(ms) : 'an unreadable time';
}

/** A value from the plan quoted as it was given (for unreadable or unexpected fields). */
export function quote(v: unknown): string {
  if (typeof v === 'string') return JSON.stringify(v);
  if (v === undefined) return 'nothing';
  if (typeof v === 'number') return String(v); // JSON would print NaN as null
  try {
    return JSON.stringify(v) ?? String(v);
  } catch {
    return String(v);
  }
}
