// Linear scales and readable ticks for hand-drawn SVG charts.

import { DAY_MS } from '../../common/time.ts';

export interface Scale {
  (v: number): number;
  domain: [number, number];
  range: [number, number];
  invert(px: number): number;
}

export function linear(domain: [number, number], range: [number, number]): Scale {
  const [d0, d1] = domain;
  const [r0, r1] = range;
  const k = d1 === d0 ? 0 : (r1 - r0) / (d1 - d0);
  const f = ((v: number) => r0 + (v - d0) * k) as Scale;
  f.domain = domain;
  f.range = range;
  f.invert = (px) => (k === 0 ? d0 : d0 + (px - r0) / k);
  return f;
}

/** About `count` round ticks (1, 2, 5 x 10^n) covering [lo, hi]. */
export function niceTicks(lo: number, hi: number, count = 5): number[] {
  if (!(hi > lo)) return [lo];
  const raw = (hi - lo) / count;
  const mag = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 5, 10].map((m) => m * mag).find((s) => s >= raw) ?? raw;
  const out: number[] = [];
  for (let v = Math.ceil(lo / step) * step; v <= hi + step * 1e-9; v += step) out.push(Number(v.toPrecision(12)));
  return out;
}

/** A round upper end for an axis starting at zero. */
export function niceMax(v: number): number {
  if (v <= 0) return 1;
  const t = niceTicks(0, v, 4);
  const last = t[t.length - 1];
  return last >= v ? last : last + (t[1] - t[0]);
}

/** Day ticks at UTC midnight, thinned to about `count` of them. */
export function dayTicks(t0: number, t1: number, count = 8): number[] {
  const spanDays = (t1 - t0) / DAY_MS;
  const steps = [1, 2, 3, 7, 14, 28, 56];
  const step = steps.find((s) => spanDays / s <= count) ?? Math.ceil(spanDays / count);
  const out: number[] = [];
  let t = Math.ceil(t0 / DAY_MS) * DAY_MS;
  // Weekly and longer steps start on a Monday, so the ticks do not look arbitrary.
  if (step >= 7) while (new Date(t).getUTCDay() !== 1) t += DAY_MS;
  for (; t <= t1; t += step * DAY_MS) out.push(t);
  return out;
}

export function dayLabel(t: number): string {
  const d = new Date(t);
  return `${d.toLocaleString('en-US', { month: 'short', timeZone: 'UTC' })} ${d.getUTCDate()}`;
}
