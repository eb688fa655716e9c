// Small text helpers for the terminal: aligned columns and readable numbers.

import { minuteText } from '../model/index.ts';

export function table(rows: (string | number)[][], align: ('l' | 'r')[] = []): string {
  const cells = rows.map((r) => r.map(String));
  const widths: number[] = [];
  for (const r of cells) r.forEach((c, i) => (widths[i] = Math.max(widths[i] ?? 0, c.length)));
  return cells
    .map((r) => r.map((c, i) => (align[i] === 'r' ? c.padStart(widths[i]) : c.padEnd(widths[i]))).join('  ').trimEnd())
    .join('\n');
}

export function int(n: number): string {
  return Math.round(n).toLocaleString('en-US');
}

export function tonnes(kg: number): string {
  return `${(kg / 1000).toLocaleString('en-US', { maximumFractionDigits: 1, minimumFractionDigits: 1 })} t`;
}

export function usd(n: number): string {
  const a = Math.abs(n);
  if (a >= 1e9) return `$${(n / 1e9).toFixed(2)}B`;
  if (a >= 1e6) return `$${(n / 1e6).toFixed(1)}M`;
  if (a >= 1e4) return `$${(n / 1e3).toFixed(0)}k`;
  return `$${Math.round(n).toLocaleString('en-US')}`;
}

export function hours(h: number): string {
  return `${h.toLocaleString('en-US', { maximumFractionDigits: 1, minimumFractionDigits: 1 })} h`;
}

/** `2024-07-30T14:20:00Z` -> `2024-07-30 14:20Z` */
export function when(iso: string | null): string {
  return iso ? minuteText(iso) : '—';
}
