// How figures read on screen: UTC times (plans are in UTC), thousands separators, days of slack.

import { DAY_MS, toMs } from '../../common/time.ts';

const nf0 = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });
const nf1 = new Intl.NumberFormat('en-US', { minimumFractionDigits: 1, maximumFractionDigits: 1 });

export function int(n: number): string {
  return nf0.format(n);
}

export function one(n: number): string {
  return nf1.format(n);
}

export function kg(n: number): string {
  return `${nf0.format(n)} kg`;
}

export function tonnes(kgValue: number): string {
  return `${nf1.format(kgValue / 1000)} t`;
}

export function usd(n: number): string {
  if (Math.abs(n) >= 1e6) return `$${nf1.format(n / 1e6)}M`;
  if (Math.abs(n) >= 1e4) return `$${nf0.format(n / 1e3)}k`;
  return `$${nf0.format(n)}`;
}

export function usdExact(n: number): string {
  return `$${nf0.format(n)}`;
}

/** `2024-09-14 18:30Z` */
export function dateTime(iso: string | null | undefined): string {
  if (!iso) return '—';
  const ms = toMs(iso);
  if (Number.isNaN(ms)) return iso;
  return new Date(ms).toISOString().slice(0, 16).replace('T', ' ') + 'Z';
}

export function date(iso: string | null | undefined): string {
  if (!iso) return '—';
  const ms = toMs(iso);
  if (Number.isNaN(ms)) return iso;
  return new Date(ms).toISOString().slice(0, 10);
}

/** `12.3 days early` / `2.0 days late`. */
export function slack(days: number | null): string {
  if (days === null) return 'nothing to move';
  if (days >= 0) return `${nf1.format(days)} days to spare`;
  return `${nf1.format(-days)} days late`;
}

export function days(ms: number): string {
  return `${nf1.format(ms / DAY_MS)} d`;
}

export function plural(n: number, word: string, many = `${word}s`): string {
  return `${nf0.format(n)} ${n === 1 ? word : many}`;
}
