import { test } from 'node:test';
import assert from 'node:assert/strict';
import { z } from 'zod';
import { fieldRows, hasField, markdownTable, schemaAt, spliceGenerated, type SchemaNode } from './formats-doc.ts';

const node = (s: z.ZodType) => s as unknown as SchemaNode;

const Line = z.strictObject({
  count: z.number().int().positive().describe('how many'),
  weightKg: z.number().nonnegative().describe('weight of one'),
  speed: z.number().positive().describe('block speed, km/h'),
  lat: z.number().min(-90, 'must be between -90 and 90').max(90, 'must be between -90 and 90').describe('latitude, degrees'),
  when: z.string().refine((s) => s.length === 10, 'must be an ISO date (YYYY-MM-DD)').describe('start').optional(),
  role: z.enum(['a', 'b', 'c']).default('a').describe('one of three'),
  tags: z.array(z.string().min(1)).min(1).describe('labels'),
  range: z.tuple([z.number().nonnegative(), z.number().nonnegative()]).describe('[min, max], m'),
  note: z.string().describe('first').optional().describe('second, outer wins'),
  cg: z.number().nullable().describe('centre, or null'),
});
const Doc = z.object({ lines: z.array(Line).describe('the lines'), policy: z.strictObject({ k: z.boolean().default(false).describe('a flag') }).prefault({}) });

test('a row per field: type, unit, presence, allowed values and meaning from the schema', () => {
  const rows = Object.fromEntries(fieldRows(node(Line)).map((r) => [r.field, r]));
  assert.deepEqual(rows['`count`'], { field: '`count`', type: 'integer', unit: '', presence: 'required', allowed: '> 0', meaning: 'how many' });
  assert.equal(rows['`weightKg`'].unit, 'kg', 'the unit from the name');
  assert.equal(rows['`weightKg`'].allowed, '≥ 0');
  assert.deepEqual([rows['`speed`'].unit, rows['`speed`'].meaning], ['km/h', 'block speed'], 'the unit from the description, taken off it');
  assert.deepEqual([rows['`lat`'].unit, rows['`lat`'].allowed], ['degrees', '-90 to 90']);
  assert.deepEqual([rows['`when`'].presence, rows['`when`'].allowed], ['optional', 'an ISO date (YYYY-MM-DD)'], "a refinement's own message");
  assert.deepEqual([rows['`role`'].type, rows['`role`'].presence], ['`a`, `b` or `c`', 'default `"a"`']);
  assert.deepEqual([rows['`tags`'].type, rows['`tags`'].allowed], ['list of strings', 'at least one entry; each non-empty']);
  assert.deepEqual([rows['`range`'].type, rows['`range`'].unit, rows['`range`'].allowed], ['[number, number]', 'm', 'each ≥ 0']);
  assert.equal(rows['`note`'].meaning, 'second, outer wins');
  assert.equal(rows['`cg`'].type, 'number or null');
});

test('tables leave out, add and give units as asked', () => {
  const rows = fieldRows(node(Line), {
    omit: ['count', 'weightKg'],
    units: { cg: 'm' },
    extra: [{ field: '`more`', type: '', unit: '', presence: 'optional', allowed: '', meaning: 'and the rest' }],
  });
  assert.ok(!rows.some((r) => r.field === '`count`' || r.field === '`weightKg`'));
  assert.equal(rows.find((r) => r.field === '`cg`')!.unit, 'm');
  assert.equal(rows.at(-1)!.meaning, 'and the rest');
});

test('paths reach nested objects through lists and defaults', () => {
  const lines = fieldRows(schemaAt(node(Doc), 'lines[]'));
  assert.equal(lines[0].field, '`count`');
  assert.deepEqual(fieldRows(schemaAt(node(Doc), 'policy')).map((r) => [r.field, r.presence]), [['`k`', 'default `false`']]);
  assert.equal(fieldRows(node(Doc)).find((r) => r.field === '`policy`')!.presence, 'default `{}`');
  assert.ok(hasField(node(Doc), 'lines[].tags'));
  assert.ok(!hasField(node(Doc), 'lines[].colour'));
  assert.ok(!hasField(node(Doc), 'lines.count'), 'a list is not an object');
  assert.throws(() => schemaAt(node(Doc), 'policy.nope'), /no field at "policy.nope"/);
});

test('a markdown table escapes what would break it', () => {
  const t = markdownTable([{ field: '`a`', type: 'string', unit: '', presence: 'required', allowed: 'x|y', meaning: 'one\ntwo' }]);
  assert.deepEqual(t.split('\n'), [
    '| field | type | unit | required / default | allowed values | meaning |',
    '| --- | --- | --- | --- | --- | --- |',
    '| `a` | string |  | required | x\\|y | one two |',
  ]);
});

test('generated blocks are replaced, the prose around them kept, and stray markers reported', () => {
  const text = [
    'Intro by hand.',
    '<!-- generated:one -->',
    'stale',
    '<!-- /generated -->',
    'Middle by hand.',
    '<!-- generated:odd -->',
    'kept',
    '<!-- /generated -->',
    '<!-- generated:one -->',
    '<!-- /generated -->',
    '',
  ].join('\n');
  const r = spliceGenerated(text, { one: 'fresh\n', two: 'never placed' });
  assert.equal(
    r.text,
    'Intro by hand.\n<!-- generated:one -->\nfresh\n<!-- /generated -->\nMiddle by hand.\n<!-- generated:odd -->\nkept\n<!-- /generated -->\n<!-- generated:one -->\nfresh\n<!-- /generated -->\n',
  );
  assert.deepEqual(r.unknown, ['odd']);
  assert.deepEqual(r.missing, ['two']);
  assert.deepEqual(r.repeated, ['one']);
  assert.equal(spliceGenerated(r.text, { one: 'fresh' }).text, r.text, 'splicing is idempotent');
});
