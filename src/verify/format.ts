// How violations are written: one constructor and number/time formats, so every message
// reads the same way and names the figures behind it.

import type { RuleName, Violation } from '../model/index.ts';
import { toIso } from '../model/index.ts';

export function violation(rule: RuleName, message: string, refs: readonly string[]): Violation {
  // Refs are deduplicated and sorted so two runs over the same plan print the same thing.
  return { rule, message, refs: [...new Set(refs.filter((r) => typeof r === 'string'))].sort() };
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
