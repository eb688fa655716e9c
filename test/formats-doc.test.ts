// docs/formats.md is the project's contract: its field tables must match the schemas the loader
// and the plan reader use. When this fails, a schema changed: run the command the message names.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { FORMATS_DOC, REFRESH_COMMAND, formatsBlocks, renderFormatsDoc } from '../scripts/formats-doc.ts';

const current = readFileSync(FORMATS_DOC, 'utf8');

test('docs/formats.md has one marker for every generated table and no other', () => {
  const r = renderFormatsDoc(current);
  assert.deepEqual({ unknown: r.unknown, missing: r.missing, repeated: r.repeated }, { unknown: [], missing: [], repeated: [] });
});

test('docs/formats.md is up to date with the schemas', () => {
  const fresh = renderFormatsDoc(current).text;
  if (fresh !== current) {
    const was = current.split('\n');
    const now = fresh.split('\n');
    const at = now.findIndex((line, i) => line !== was[i]);
    assert.fail(`docs/formats.md is out of date with the schemas: run ${REFRESH_COMMAND}\n  first difference, line ${at + 1}:\n    file:    ${was[at] ?? '(end of file)'}\n    schemas: ${now[at]}`);
  }
});

test('a stale table is rewritten and hand-written prose is kept', () => {
  const items = formatsBlocks()['scenario-items'];
  assert.match(items, /\| `unitWeightKg` \| number \| kg \| required \| 0.1 to 1,000,000 \| weight of one unit \|/);
  const stale = current.replace('| weight of one unit |', '| weight of a unit |').replace('## Conventions', '## Conventions, by hand');
  assert.notEqual(stale, current);
  const fixed = renderFormatsDoc(stale).text;
  assert.ok(fixed.includes('| weight of one unit |'), 'the table comes back from the schema');
  assert.ok(fixed.includes('## Conventions, by hand'), 'prose outside the markers is left alone');
});

test('every additions field the doc names as accepted is in the loader schema', () => {
  const status = formatsBlocks()['additions-status'];
  for (const f of ['hazard', 'unNumber', 'cargoAircraftOnly', 'maxLoadOnTopKg', 'readyFrom', 'verticalDims'])
    assert.match(status, new RegExp(`\\| \`items\\[\\]\\.${f}\` \\| yes \\|`), f);
});

test(`${REFRESH_COMMAND} -- --check exits 0 on the committed file`, () => {
  const r = spawnSync(process.execPath, ['--import', 'tsx', new URL('../scripts/formats-doc.ts', import.meta.url).pathname, '--check'], { encoding: 'utf8' });
  assert.equal(r.status, 0, r.stderr);
  assert.match(r.stdout, /up to date/);
});
