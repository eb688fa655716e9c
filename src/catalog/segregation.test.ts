import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mustSegregate } from '../model/index.ts';
import { SEGREGATION, segregationTable } from './index.ts';

test("formats.md's minimum: explosives other than 1.4S from 2, 3, 4, 5 and 8; 3 and 4.2 from 5.1; 4.3 from 8", () => {
  for (const e of ['1.1D', '1.2C', '1.3G', '1.4C', '1.1E'])
    for (const h of ['2.1', '2.2', '2.3', '3', '4.1', '4.2', '4.3', '5.1', '5.2', '8']) assert.ok(mustSegregate(e, h, SEGREGATION), `${e} / ${h}`);
  for (const h of ['2.1', '2.2', '3', '4.1', '5.1', '8', '9']) assert.ok(!mustSegregate('1.4S', h, SEGREGATION), `1.4S / ${h}`);
  assert.ok(mustSegregate('3', '5.1', SEGREGATION) && mustSegregate('4.2', '5.1', SEGREGATION) && mustSegregate('8', '4.3', SEGREGATION));
  for (const [a, b] of [['3', '8'], ['9', '3'], ['2.2', '3'], ['9', '8'], ['6.1', '3'], ['1.1D', '9'], ['3', '3']])
    assert.ok(!mustSegregate(a, b, SEGREGATION), `${a} / ${b} may share`);
});

test('explosives by compatibility group: the same, S with all, C/D/E together, B apart', () => {
  assert.ok(!mustSegregate('1.1D', '1.2E', SEGREGATION));
  assert.ok(!mustSegregate('1.4S', '1.1B', SEGREGATION));
  assert.ok(!mustSegregate('1.3G', '1.1D', SEGREGATION));
  assert.ok(mustSegregate('1.1B', '1.1D', SEGREGATION));
  assert.ok(mustSegregate('1.4B', '1.4C', SEGREGATION));
});

test('every entry names its source; a scenario entry after the catalog wins a tie', () => {
  for (const p of SEGREGATION) assert.ok((p.reason ?? '').length > 10, `${p.a}/${p.b}`);
  const t = segregationTable([{ a: '3', b: '5.1', segregate: false, reason: 'unit SOP' }, { a: '9', b: '8', segregate: true, reason: 'unit SOP' }]);
  assert.ok(!mustSegregate('3', '5.1', t) && mustSegregate('9', '8', t));
  assert.ok(mustSegregate('3', '5.1', SEGREGATION), 'the catalog is unchanged');
  assert.throws(() => (SEGREGATION as unknown[]).push({}));
  // a normalised scenario written back out does not repeat the catalog's entries
  assert.equal(segregationTable(segregationTable()).length, SEGREGATION.length);
});
