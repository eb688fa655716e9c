// docs/spreadsheets.md shows the safety tables the importer reads by: they are written from the
// data, and this test fails when the page and the data part.

import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { MAPPING_TARGETS } from './import.ts';
import { demilTable, hazardTable, markingTable, supplyClassTable } from './safety/doc.ts';

const doc = readFileSync(fileURLToPath(new URL('../../docs/spreadsheets.md', import.meta.url)), 'utf8');

test('docs/spreadsheets.md holds the DEMIL, hazard class, marking and supply class tables as the importer has them', () => {
  for (const [name, table] of [['DEMIL', demilTable()], ['hazard', hazardTable()], ['marking', markingTable()], ['supply class', supplyClassTable()]])
    assert.ok(doc.includes(table), `the ${name} table in docs/spreadsheets.md is stale; replace it with:\n${table}`);
});

test('docs/spreadsheets.md names every mapping target', () => {
  const section = doc.slice(doc.indexOf('A target can be one of'), doc.indexOf('A target that is none of these'));
  for (const target of MAPPING_TARGETS) assert.ok(section.includes(`\`${target}\``), `mapping target ${target} is not in docs/spreadsheets.md`);
});
