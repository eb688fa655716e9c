// Times are ISO-8601 UTC. Internally the planner, the verifier and the page work in
// milliseconds since the epoch; a bare date as a deadline means the whole of that UTC day
// (docs/formats.md). This module is pure and outside src/ so the browser page (web/) runs the
// same reading of times as the planner without importing planner code.

export const HOUR_MS = 3_600_000;
export const DAY_MS = 24 * HOUR_MS;

const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;

/** Start of the instant: a bare date is its midnight UTC. NaN when unreadable. */
export function toMs(iso: string): number {
  if (DATE_ONLY.test(iso)) return Date.parse(`${iso}T00:00:00Z`);
  // A date-time without a zone is read as UTC, not local time.
  if (/T\d{2}:\d{2}(:\d{2}(\.\d+)?)?$/.test(iso)) return Date.parse(`${iso}Z`);
  return Date.parse(iso);
}

/** The last allowed instant of a deadline: a bare date allows the whole day (to 23:59:59Z). */
export function deadlineEndMs(iso: string): number {
  if (DATE_ONLY.test(iso)) return Date.parse(`${iso}T23:59:59Z`);
  return toMs(iso);
}

/** ISO date-time to the second, UTC, without milliseconds: stable text for plans. */
export function toIso(ms: number): string {
  return new Date(Math.round(ms / 1000) * 1000).toISOString().replace('.000Z', 'Z');
}

export function toDate(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

export function isIsoDate(s: string): boolean {
  return DATE_ONLY.test(s) && !Number.isNaN(toMs(s)) && toDate(toMs(s)) === s;
}

export function isIsoDateTime(s: string): boolean {
  return /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})?)?$/.test(s) && !Number.isNaN(toMs(s));
}

/** `2024-07-30T14:20:00Z` -> `2024-07-30 14:20Z`: how a planner reads a time in text (CLI, messages, print). */
export function minuteText(iso: string): string {
  return iso.replace('T', ' ').replace(/:\d{2}Z$/, 'Z');
}
