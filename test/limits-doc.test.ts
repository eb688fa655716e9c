// docs/limits.md lists every limit with its value and reason: this test builds each table row
// from the code (src/scenario/limits.ts, src/sheets/read.ts, src/app/planning.ts,
// src/app/offthread.ts) and fails when the document does not carry it as written, so a limit
// cannot change without its documentation.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { DEFAULT_PLAN_LIMITS, DEFAULT_READER_LIMITS, PACKAGE_ROOT } from '../src/app/index.ts';
import { figure, LIMITS, RANGES, type Range } from '../src/scenario/limits.ts';
import { SHEET_LIMITS } from '../src/sheets/read.ts';
import { DEFAULT_MAX_BODY } from '../src/server/app.ts';

const n = (v: number) => figure(v);
const mb = (bytes: number) => `${n(bytes / 1024 / 1024)} MB`;

function allowed(r: Range): string {
  const low = r.min === 0 ? (r.minInclusive ? '0' : '> 0') : `${r.minInclusive ? '' : '> '}${n(r.min)}`;
  return `${r.int ? 'whole, ' : ''}${low} to ${n(r.max)}`;
}

/** The rows docs/limits.md must hold, built from the code. */
export function limitRows(): string[] {
  const rows: string[] = [];
  const size = (name: string, value: string, reason: string) => rows.push(`| \`${name}\` | ${value} | ${reason} |`);
  for (const [name, l] of Object.entries(LIMITS)) size(name, name === 'textChars' ? `${mb(l.value)} (characters)` : n(l.value), l.reason);
  for (const [name, r] of Object.entries(RANGES) as [string, Range][]) rows.push(`| \`${name}\` | ${allowed(r)} | ${r.reason} | ${r.minReason ?? ''} |`);
  for (const [name, l] of Object.entries(SHEET_LIMITS)) size(`sheet.${name}`, name === 'bytes' ? mb(l.value) : n(l.value), l.reason);
  return rows;
}

/** The planning and reading defaults, each a row with the value as the document says it. */
export function defaultRows(): string[] {
  return [
    `| plan queue | ${DEFAULT_PLAN_LIMITS.maxQueued} plans |`,
    `| plan time limit | ${DEFAULT_PLAN_LIMITS.timeLimitMs / 60_000} min |`,
    `| plan heap | ${n(DEFAULT_PLAN_LIMITS.memoryMb)} MB |`,
    `| plan lease | ${DEFAULT_PLAN_LIMITS.leaseMs / 1000} s |`,
    `| read time limit | ${DEFAULT_READER_LIMITS.timeLimitMs / 60_000} min |`,
    `| read heap | ${n(DEFAULT_READER_LIMITS.memoryMb)} MB |`,
    `| reads waiting | ${DEFAULT_READER_LIMITS.maxWaiting} |`,
    `| request body | ${mb(DEFAULT_MAX_BODY)} |`,
  ];
}

test('docs/limits.md lists every limit with its value and reason as the code has them', () => {
  const doc = readFileSync(`${PACKAGE_ROOT}/docs/limits.md`, 'utf8');
  const missing = [...limitRows(), ...defaultRows()].filter((row) => !doc.includes(row));
  assert.deepEqual(missing, [], 'rows to write into docs/limits.md');
});
