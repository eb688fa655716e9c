import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { EXIT, parseScenarioText, planScenario } from '../app/index.ts';

const fixture = (name: string) => fileURLToPath(new URL(`../sheets/fixtures/${name}`, import.meta.url));
import { fileURLToPath } from 'node:url';
import { main } from './main.ts';
import { CLERK_LINES, clerkCsv, clerkXlsx } from '../../test/fixtures/clerk.ts';

async function run(...argv: string[]) {
  let out = '';
  let err = '';
  const code = await main(argv, { out: (s) => (out += s + '\n'), err: (s) => (err += s + '\n') });
  return { code, out, err };
}

test('import: a good sheet gives a scenario file; a bad one gives every problem and no file', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'drawdown-cli-'));
  const out = join(dir, 'scenario.yaml');
  const r = await run('import', '--items', fixture('items-us.csv'), '--personnel', fixture('personnel.csv'), '--base', fixture('base.yaml'), '-o', out);
  assert.equal(r.code, EXIT.ok, r.err);
  assert.equal(r.out, `wrote ${out}: 5 item lines (2 sensitive, never handed over), 3 personnel lines\n`);
  const parsed = parseScenarioText('yaml', readFileSync(out, 'utf8'));
  assert.ok(parsed.ok);
  assert.equal(parsed.scenario.items.length, 5);

  const jsonOut = join(dir, 'x.json');
  assert.equal((await run('import', '--items', fixture('items-si.csv'), '--base', fixture('base.yaml'), '-o', jsonOut)).code, EXIT.ok);
  assert.ok(parseScenarioText('json', readFileSync(jsonOut, 'utf8')).ok);

  const badOut = join(dir, 'bad.yaml');
  const bad = await run('import', '--items', fixture('items-bad.csv'), '--base', fixture('base.yaml'), '-o', badOut);
  assert.equal(bad.code, EXIT.badInput);
  assert.equal(existsSync(badOut), false, 'nothing written');
  const lines = bad.err.trimEnd().split('\n');
  assert.equal(lines[0], '9 problems; nothing written:');
  assert.equal(lines[1], '  items-bad.csv: row 3, column "Location": unknown site "nowhere"');

  const json = await run('import', '--items', fixture('items-bad.csv'), '--base', fixture('base.yaml'), '--json');
  assert.equal(json.code, EXIT.badInput);
  const issues = JSON.parse(json.out).issues;
  assert.equal(issues.length, 9);
  assert.deepEqual([issues[0].file, issues[0].line, issues[0].column, issues[0].value], ['items-bad.csv', 3, 'Location', 'nowhere']);

  const noFile = await run('import', '--items', fixture('nope.csv'), '--base', fixture('base.yaml'));
  assert.equal(noFile.code, EXIT.badInput);
  assert.match(noFile.err, /nope\.csv: cannot read .*nope\.csv \(ENOENT\)/);
});

test('export: registers to files, text outputs to stdout, usage errors as exit 2', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'drawdown-cli-'));
  const scenarioPath = join(dir, 's.yaml');
  assert.equal((await run('import', '--items', fixture('items-si.csv'), '--base', fixture('base.yaml'), '-o', scenarioPath)).code, EXIT.ok);
  const parsed = parseScenarioText('yaml', readFileSync(scenarioPath, 'utf8'));
  assert.ok(parsed.ok);
  const planPath = join(dir, 'plan.json');
  writeFileSync(planPath, JSON.stringify(planScenario(parsed.scenario, { remedies: false })));

  const xlsxPath = join(dir, 't.xlsx');
  const xlsx = await run('export', scenarioPath, planPath, '--what', 'transfers', '--format', 'xlsx', '-o', xlsxPath);
  assert.equal(xlsx.code, EXIT.ok, xlsx.err);
  assert.deepEqual([...readFileSync(xlsxPath).subarray(0, 2)], [0x50, 0x4b]); // a zip: XLSX
  const ics = await run('export', scenarioPath, planPath, '--what', 'ics');
  assert.equal(ics.code, EXIT.ok);
  assert.ok(ics.out.startsWith('BEGIN:VCALENDAR\r\n'));
  const items = await run('export', scenarioPath, '--what', 'items', '--format', 'csv');
  assert.match(items.out, /^\uFEFFItem ID,Nomenclature,NSN,Location,Qty/);

  const binary = await run('export', scenarioPath, planPath, '--what', 'sorties');
  assert.deepEqual([binary.code, binary.err], [EXIT.badInput, 'drawdown: xlsx is binary: give -o FILE.xlsx\n']);
  const what = await run('export', scenarioPath, planPath, '--what', 'pallets');
  assert.deepEqual([what.code, what.err], [EXIT.badInput, 'drawdown: --what must be one of dispositions, transfers, handovers, sorties, loadplans, geojson, ics, items, got "pallets"\n']);
  const notPlan = await run('export', scenarioPath, scenarioPath, '--what', 'ics');
  assert.equal(notPlan.code, EXIT.badInput);
  assert.match(notPlan.err, /cannot read the plan as JSON/);
});

test('import: the clerk\'s movement list comes out with its safety flags; an unreadable safety cell is exit 2 with the cell named, and nothing written', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'drawdown-cli-'));
  const sheet = join(dir, 'movement.xlsx');
  writeFileSync(sheet, await clerkXlsx());
  const out = join(dir, 'scenario.yaml');
  const ok = await run('import', '--items', sheet, '--base', fixture('base.yaml'), '-o', out);
  assert.equal(ok.code, EXIT.ok, ok.err);
  assert.equal(ok.out, `wrote ${out}: ${CLERK_LINES.length} item lines (8 sensitive, never handed over), 1 personnel lines\n`);
  assert.match(ok.err, /^warning: movement\.xlsx: column "Hazmat": "Y" in rows 7 and 14: dangerous goods without a hazard class/m);
  const parsed = parseScenarioText('yaml', readFileSync(out, 'utf8'));
  assert.ok(parsed.ok);
  assert.deepEqual(parsed.scenario.items.find((i) => i.nsn === '1330-00-133-8066')!.sensitive, ['dangerous', 'lethal']);

  for (const [edit, line] of [
    [[2, 'Classified', 'Secret-ish'], 'movement.csv: row 6, column "Classified": must be a classification marking (U, CUI, C, S, TS) or Y or N (or yes/no, true/false, 1/0, x), got "Secret-ish"'],
    [[5, 'DEMIL Code', 'K'], 'movement.csv: row 9, column "DEMIL Code": must be a DEMIL code (A, B, C, D, E, F, G, P, Q; DoDM 4160.28), got "K"'],
  ] as const) {
    const csv = join(dir, 'movement.csv');
    writeFileSync(csv, clerkCsv([edit as unknown as [number, string, string]]));
    const badOut = join(dir, 'bad.yaml');
    const bad = await run('import', '--items', csv, '--base', fixture('base.yaml'), '-o', badOut);
    assert.equal(bad.code, EXIT.badInput, line);
    assert.equal(existsSync(badOut), false, 'nothing written');
    const lines = bad.err.trimEnd().split('\n');
    assert.equal(lines[0], '1 problem; nothing written:');
    assert.equal(lines[1], `  ${line}`);
  }
  // the conflict names both cells: "Classified N" against the DEMIL code P of the same row
  const csv = join(dir, 'conflict.csv');
  writeFileSync(csv, clerkCsv([[5, 'Classified', 'N']]));
  const conflict = await run('import', '--items', csv, '--base', fixture('base.yaml'), '--json');
  assert.equal(conflict.code, EXIT.badInput);
  assert.deepEqual(JSON.parse(conflict.out).issues.map((i: { line: number; column: string; value: string; code: string }) => [i.line, i.column, i.value, i.code]), [[9, 'Classified', 'N', 'conflict']]);
});

test('a spreadsheet is recognised wherever it is passed, and a scenario where a spreadsheet belongs', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'drawdown-cli-'));
  const sheet = join(dir, 'inventory.xlsx');
  writeFileSync(sheet, await clerkXlsx());
  for (const argv of [['check', sheet], ['plan', sheet], ['export', sheet, '--what', 'items']]) {
    const r = await run(...argv);
    assert.equal(r.code, EXIT.badInput, argv.join(' '));
    assert.match(r.err, /inventory\.xlsx: this is a spreadsheet workbook, not a scenario \(YAML or JSON\) \(read an inventory with: drawdown import --items FILE/, argv.join(' '));
  }
  const asBase = await run('import', '--items', sheet, '--base', sheet);
  assert.equal(asBase.code, EXIT.badInput);
  assert.match(asBase.err, /inventory\.xlsx: this is a spreadsheet, not a base scenario/);
  const asMapping = await run('import', '--items', sheet, '--base', fixture('base.yaml'), '--mapping', sheet);
  assert.match(asMapping.err, /inventory\.xlsx: this is a spreadsheet, not the mapping/);
  const asItems = await run('import', '--items', fixture('base.yaml'), '--base', fixture('base.yaml'));
  assert.equal(asItems.code, EXIT.badInput);
  assert.match(asItems.err, /base\.yaml: this is a YAML file, not a spreadsheet \(CSV or XLSX\)/);
});
