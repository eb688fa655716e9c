// docs/rules.md and RULES name the same rules, so neither can gain or lose one alone: every rule
// is a bullet of the doc, every bullet and every row of the figures table is a rule.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { RULES } from '../model/index.ts';

const doc = readFileSync(new URL('../../docs/rules.md', import.meta.url), 'utf8');
const rules = [...RULES].sort();

/** `- **load.cg** — ...`: the rules the doc defines, one bullet each. */
const bullets = [...doc.matchAll(/^- \*\*([^*]+)\*\*/gm)].map((m) => m[1]);

/** The first column of the figures table, header and rule line aside. */
function figureRows(): string[] {
  const start = doc.indexOf('| rule | amount | limit | unit |');
  assert.ok(start >= 0, 'docs/rules.md has the figures table');
  const rows: string[] = [];
  for (const line of doc.slice(start).split('\n').slice(2)) {
    if (!line.startsWith('|')) break;
    rows.push(line.split('|')[1].trim());
  }
  return rows;
}

test('every rule in RULES has its bullet in docs/rules.md, once, and every bullet is a rule', () => {
  assert.deepEqual([...bullets].sort(), rules);
});

test('the figures table names rules only, each once', () => {
  const rows = figureRows();
  assert.ok(rows.length > 0);
  assert.equal(new Set(rows).size, rows.length, `a rule twice: ${rows}`);
  for (const r of rows) assert.ok((RULES as readonly string[]).includes(r), `${r} is not in RULES`);
});

test('the rules planned for this round are marked so, and the checked ones have figures rows', () => {
  const planned = [...doc.matchAll(/^- \*\*([^*]+)\*\* — planned for this round \(not yet checked\)/gm)].map((m) => m[1]);
  const rows = figureRows();
  assert.deepEqual([...rows, ...planned].sort(), rules, 'each rule is planned or has a figures row');
});
