// The command as a user meets it: exit codes, messages, and no stack traces.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { main } from './main.ts';
import { planScenario, readScenarioFile } from '../app/index.ts';
import type { Plan, Scenario } from '../model/index.ts';

/** The tiny scenario and its plan, made by the planner (the verifier tests keep hand-written ones). */
function tinyCase(): { scenario: Scenario; plan: Plan } {
  const r = readScenarioFile('scenarios/tiny.yaml');
  assert.ok(r.ok);
  return { scenario: r.scenario, plan: planScenario(r.scenario, { remedies: false }) };
}

async function run(...argv: string[]) {
  let out = '';
  let err = '';
  const code = await main(argv, { out: (s) => (out += s + '\n'), err: (s) => (err += s + '\n') });
  return { code, out, err };
}

const dir = mkdtempSync(join(tmpdir(), 'drawdown-cli-'));

test('check passes the built-in Niger scenario and summarises it', async () => {
  const r = await run('check', 'scenarios/niger-2024.yaml');
  assert.equal(r.code, 0, r.err);
  assert.match(r.out, /valid scenario/);
  assert.match(r.out, /ab201/);
  assert.match(r.out, /NE: everyone and everything out by 2024-09-15/);
});

test('check --json carries every catalog field of every fleet line', async () => {
  const r = await run('check', 'scenarios/niger-2024.yaml', '--json');
  assert.equal(r.code, 0, r.err);
  const s = JSON.parse(r.out);
  for (const line of s.aircraft) {
    for (const f of ['name', 'aclKg', 'palletPositions', 'seats', 'cruiseKmh', 'turnHours', 'costPerFlyingHourUsd', 'floorLengthM', 'floorWidthM', 'doorHeightM', 'cgRangeM']) {
      assert.ok(line[f] !== undefined, `${line.type}.${f}`);
    }
  }
  assert.ok(s.palletTypes.some((p: { id: string }) => p.id === '463L'));
});

test('a scenario with several mistakes gets all of them named in one run, exit 2, no stack trace', async () => {
  const file = join(dir, 'broken.yaml');
  writeFileSync(
    file,
    [
      'name: Broken',
      'asOf: 2024-05-20',
      'sites:',
      '  - { id: a, name: A, country: NE, lat: 95, lon: 2, role: origin }',
      '  - { id: home, name: Home, country: DE, lat: 49, lon: 7, role: destination }',
      'aircraft:',
      '  - { type: C-17A, count: 2, base: nowhere }',
      'items:',
      '  - { id: x, name: X, site: a, quantity: 1, unitWeightKg: -4, lengthM: 1, widthM: 1, heightM: 1, unitValueUsd: 10, kind: cargo }',
      '  - { id: y, name: Y, site: elsewhere, quantity: 1, unitWeightKg: 4, lengthM: 1, widthM: 1, heightM: 1, unitValueUsd: 10, kind: cargo }',
      'agreements:',
      '  - { country: NE, deadline: 2024-09-31 }',
    ].join('\n'),
  );
  const r = await run('check', file);
  assert.equal(r.code, 2);
  assert.match(r.err, /sites\[0\]\.lat/);
  assert.match(r.err, /aircraft\[0\]\.base.*"nowhere"/);
  assert.match(r.err, /items\[0\]\.unitWeightKg.*-4/);
  assert.match(r.err, /items\[1\]\.site.*"elsewhere"/);
  assert.match(r.err, /agreements\[0\]\.deadline/);
  assert.doesNotMatch(r.err, /at .*\.ts:\d+/, 'no stack trace');
});

test('unreadable files and bad usage exit 2 with a message', async () => {
  assert.equal((await run('check', join(dir, 'missing.yaml'))).code, 2);
  assert.equal((await run('plan')).code, 2);
  assert.equal((await run('frobnicate')).code, 2);
  const bad = join(dir, 'bad.json');
  writeFileSync(bad, '{ not json');
  const r = await run('verify', 'scenarios/tiny.yaml', bad);
  assert.equal(r.code, 2);
  assert.match(r.err, /cannot read the plan as JSON/);
});

test('schema prints a JSON Schema', async () => {
  const r = await run('schema');
  assert.equal(r.code, 0);
  const schema = JSON.parse(r.out);
  assert.ok(schema.properties.items && schema.properties.sites);
});

function writeCase(name: string, mutate: (plan: Plan) => void): { scenario: string; plan: string } {
  const { scenario, plan } = tinyCase();
  mutate(plan);
  const s = join(dir, `${name}.scenario.json`);
  const p = join(dir, `${name}.plan.json`);
  writeFileSync(s, JSON.stringify(scenario));
  writeFileSync(p, JSON.stringify(plan));
  return { scenario: s, plan: p };
}

test('verify: a valid hand-written plan passes with exit 0', async () => {
  const f = writeCase('valid', () => {});
  const r = await run('verify', f.scenario, f.plan);
  assert.equal(r.code, 0, r.out + r.err);
  const j = await run('verify', f.scenario, f.plan, '--json');
  assert.deepEqual(JSON.parse(j.out), { valid: true, violations: [] });
});

test('verify: each kind of broken plan exits 1 naming what broke', async () => {
  const { scenario } = tinyCase();
  const sensitive = scenario.items.find((i) => i.sensitive.length > 0)!;
  const cases: [string, (p: Plan) => void, RegExp][] = [
    ['given-away', (p) => void (p.dispositions.find((d) => d.itemId === sensitive.id)!.action = 'transfer'), new RegExp(sensitive.id)],
    ['too-many-passengers', (p) => void (p.sorties[0].passengers = 10_000), /seats/],
    ['late', (p) => void (p.sorties.at(-1)!.departs = '2099-01-01T00:00:00Z'), /deadline|after/],
    ['pallet-left', (p) => void p.sorties.forEach((s) => (s.loads = s.loads.filter((l) => l.ref !== p.pallets[0].id))), new RegExp(tinyCase().plan.pallets[0].id)],
  ];
  for (const [name, mutate, message] of cases) {
    const f = writeCase(name, mutate);
    const r = await run('verify', f.scenario, f.plan);
    assert.equal(r.code, 1, `${name}: ${r.out}${r.err}`);
    assert.match(r.out, message, name);
  }
});

test('plan prints a summary and writes the full plan that verify accepts', async () => {
  const out = join(dir, 'tiny-plan.json');
  const r = await run('plan', 'scenarios/tiny.yaml', '-o', out);
  assert.equal(r.code, 0, r.out + r.err);
  assert.match(r.out, /plan FEASIBLE/);
  assert.match(r.out, /Deadlines/);
  const plan = JSON.parse(readFileSync(out, 'utf8'));
  assert.equal(plan.formatVersion, 1);
  const v = await run('verify', 'scenarios/tiny.yaml', out);
  assert.equal(v.code, 0, v.out);
});

test('check --json on a bad file prints the issues as JSON on stdout, exit 2, with a "did you mean" hint', async () => {
  const file = join(dir, 'misspelt.yaml');
  const text = readFileSync('scenarios/tiny.yaml', 'utf8');
  const site = /site: (\w+)/.exec(text)![1];
  writeFileSync(file, text.replace(`site: ${site}`, `site: ${site.slice(0, -1)}`));
  const r = await run('check', file, '--json');
  assert.equal(r.code, 2);
  const { ok, issues } = JSON.parse(r.out);
  assert.equal(ok, false);
  const issue = issues.find((i: { code: string }) => i.code === 'unknown_ref');
  assert.equal(issue.hint, `did you mean "${site}"?`);
  assert.equal(issue.file, file);
  assert.ok(Number.isInteger(issue.line));
  // as text: file:line: path: message (hint)
  const t = await run('check', file);
  assert.match(t.err, new RegExp(`${file.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}:${issue.line}: ${issue.path.replace(/[[\]]/g, '\\$&')}: unknown site .*\\(did you mean "${site}"\\?\\)`));
});

test('a spreadsheet given where a scenario belongs is named as such, with the import command', async () => {
  const file = join(dir, 'inventory.xlsx');
  writeFileSync(file, Buffer.from([0x50, 0x4b, 0x03, 0x04, 20, 0, 0, 0]));
  const r = await run('check', file);
  assert.equal(r.code, 2);
  assert.match(r.err, /inventory\.xlsx: this is a spreadsheet workbook, not a scenario/);
  assert.match(r.err, /drawdown import --items FILE/);
});

test('--version prints the package version; COMMAND --help prints that command\'s help', async () => {
  const version = JSON.parse(readFileSync('package.json', 'utf8')).version;
  assert.deepEqual([(await run('--version')).out.trim(), (await run('--version')).code], [version, 0]);
  const help = await run('plan', '--help');
  assert.equal(help.code, 0);
  assert.match(help.out, /^drawdown plan SCENARIO/);
  assert.match(help.out, /--seed N/);
  assert.doesNotMatch(help.out, /drawdown import/);
  assert.match((await run('help', 'verify')).out, /^drawdown verify SCENARIO PLAN/);
  const typo = await run('plna');
  assert.equal(typo.code, 2);
  assert.match(typo.err, /unknown command "plna" \(did you mean "plan"\?\)/);
});

test('verify --json on a plan of the wrong shape prints issues with paths as JSON, exit 2', async () => {
  const bad = join(dir, 'shape.json');
  writeFileSync(bad, JSON.stringify({ formatVersion: 1, sorties: 'none' }));
  const r = await run('verify', 'scenarios/tiny.yaml', bad, '--json');
  assert.equal(r.code, 2);
  const { issues } = JSON.parse(r.out);
  assert.ok(issues.some((i: { path: string; code: string }) => i.path === 'sorties' && i.code === 'type'), JSON.stringify(issues));
});
