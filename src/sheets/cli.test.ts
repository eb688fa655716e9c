import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { EXIT } from '../app/errors.ts';
import { parseScenario } from '../scenario/index.ts';
import { runExportCommand, runImportCommand } from './cli.ts';
import { fixture, fixturePlan } from './fixtures/index.ts';

test('import: a good sheet gives a scenario file to write; a bad one gives every problem and no file', async () => {
  const out = join(mkdtempSync(join(tmpdir(), 'drawdown-cli-')), 'scenario.yaml');
  const r = await runImportCommand({ items: fixture('items-us.csv'), personnel: fixture('personnel.csv'), base: fixture('base.yaml'), output: out });
  assert.equal(r.exitCode, EXIT.ok, r.stderr);
  assert.equal(r.stdout, `wrote ${out}: 5 item lines, 3 personnel lines\n`);
  assert.equal(r.files.length, 1);
  const parsed = parseScenario(r.files[0].data as string);
  assert.ok(parsed.ok);
  assert.equal(parsed.scenario.items.length, 5);

  const json = await runImportCommand({ items: fixture('items-si.csv'), base: fixture('base.yaml'), output: 'x.json' });
  assert.ok(parseScenario(json.files[0].data as string, { format: 'json' }).ok);

  const bad = await runImportCommand({ items: fixture('items-bad.csv'), base: fixture('base.yaml'), output: out });
  assert.equal(bad.exitCode, EXIT.badInput);
  assert.deepEqual(bad.files, []);
  const lines = bad.stderr.trimEnd().split('\n');
  assert.equal(lines[0], '9 problems; nothing written:');
  assert.equal(lines[1], '  items-bad.csv: row 3, column "Location": unknown site "nowhere"');

  const noFile = await runImportCommand({ items: fixture('nope.csv'), base: fixture('base.yaml') });
  assert.equal(noFile.exitCode, EXIT.badInput);
  assert.match(noFile.stderr, /nope\.csv: cannot read .*nope\.csv \(ENOENT\)/);
});

test('export: registers to files, text outputs to stdout, usage errors as exit 2', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'drawdown-cli-'));
  const imported = await runImportCommand({ items: fixture('items-si.csv'), base: fixture('base.yaml'), output: join(dir, 's.yaml') });
  const scenarioPath = join(dir, 's.yaml');
  writeFileSync(scenarioPath, imported.files[0].data);
  const parsed = parseScenario(imported.files[0].data as string);
  assert.ok(parsed.ok);
  const planPath = join(dir, 'plan.json');
  writeFileSync(planPath, JSON.stringify(fixturePlan(parsed.scenario)));

  const xlsx = await runExportCommand({ scenario: scenarioPath, plan: planPath, what: 'transfers', format: 'xlsx', output: join(dir, 't.xlsx') });
  assert.equal(xlsx.exitCode, EXIT.ok, xlsx.stderr);
  assert.ok(Buffer.isBuffer(xlsx.files[0].data));
  const ics = await runExportCommand({ scenario: scenarioPath, plan: planPath, what: 'ics' });
  assert.equal(ics.exitCode, EXIT.ok);
  assert.ok(ics.stdout.startsWith('BEGIN:VCALENDAR\r\n'));
  const items = await runExportCommand({ scenario: scenarioPath, what: 'items', format: 'csv' });
  assert.match(items.stdout, /^\uFEFFItem ID,Nomenclature,Location,Qty/);

  const binary = await runExportCommand({ scenario: scenarioPath, plan: planPath, what: 'sorties' });
  assert.deepEqual([binary.exitCode, binary.stderr], [EXIT.badInput, 'xlsx is binary: give -o FILE.xlsx\n']);
  const what = await runExportCommand({ scenario: scenarioPath, plan: planPath, what: 'pallets' });
  assert.deepEqual([what.exitCode, what.stderr], [EXIT.badInput, '--what must be one of dispositions, transfers, handovers, sorties, loadplans, geojson, ics, items, got "pallets"\n']);
  const notPlan = await runExportCommand({ scenario: scenarioPath, plan: scenarioPath, what: 'ics' });
  assert.equal(notPlan.exitCode, EXIT.badInput);
  assert.match(notPlan.stderr, /cannot read the plan as JSON/);
});
