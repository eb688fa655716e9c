// Inputs that froze or crashed the reader (issue 14), each now a named issue, and the ranges
// and sizes of limits.ts: every number has one, every one is reported with its reason.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { stringify } from 'yaml';
import { LIMITS, RANGES, type RangeName } from './limits.ts';
import { loadScenarioFile, parseScenario, type ScenarioResult } from './load.ts';
import { tooDeep } from './json-scan.ts';

function small(): Record<string, any> {
  return {
    name: 'small',
    asOf: '2024-06-01',
    sites: [
      { id: 'agadez', name: 'Air Base 201', country: 'NE', lat: 16.96, lon: 8.0, role: 'origin', mog: 2, maxDeparturesPerDay: 4 },
      { id: 'rota', name: 'Rota', country: 'ES', lat: 36.64, lon: -6.35, role: 'destination' },
    ],
    aircraft: [{ type: 'C-17A', count: 2, base: 'rota' }],
    palletTypes: [{ id: '463L', maxGrossKg: 4500 }],
    personnel: [{ site: 'agadez', count: 40, role: 'security' }],
    items: [
      { id: 'gen', name: 'Generator', site: 'agadez', quantity: 3, unitWeightKg: 1200, lengthM: 2, widthM: 1, heightM: 1.5, unitValueUsd: 30000, kind: 'cargo', maxLoadOnTopKg: 500 },
    ],
    infrastructure: [{ id: 'camp', site: 'agadez', name: 'Camp', valueUsd: 1000 }],
    agreements: [{ country: 'NE', deadline: '2024-09-15' }],
    policy: { passengerKg: 100 },
  };
}

function issues(r: ScenarioResult) {
  assert.equal(r.ok, false, 'expected issues');
  return r.ok ? [] : r.issues;
}

test('one anchor used 1,500 times is a named limit, not an exception', () => {
  const text = `${stringify(small())}x: &a [1, 2, 3]\nmany: [${Array(1500).fill('*a').join(', ')}]\n`;
  const [issue, ...rest] = issues(parseScenario(text));
  assert.deepEqual(rest, []);
  assert.equal(issue.code, 'limit');
  assert.match(issue.message, /^too many YAML aliases: more than 1,000 \(/);
});

test('aliases that expand beyond the limit are refused even when few', () => {
  // ten levels of ten copies: 10^10 nodes from ninety aliases
  const levels = ['a0: &a0 [x, x, x, x, x, x, x, x, x, x]'];
  for (let i = 1; i < 10; i++) levels.push(`a${i}: &a${i} [${Array(10).fill(`*a${i - 1}`).join(', ')}]`);
  const [issue] = issues(parseScenario(`${levels.join('\n')}\n`));
  assert.equal(issue.code, 'limit');
  assert.match(issue.message, /too many YAML aliases: they expand to more than 1,000 copies/);
});

test('JSON and YAML nested 10,000 deep are a named limit with a line', () => {
  const deep = '['.repeat(10_000) + ']'.repeat(10_000);
  for (const [text, format] of [[deep, 'json'], [deep, 'yaml'], [`name: x\nitems: ${deep}\n`, 'yaml'], [`{"name": "x",\n"items": ${deep}}`, 'json']] as const) {
    const found = issues(parseScenario(text, { format }));
    assert.deepEqual(found.map((i) => [i.code, i.path]), [['limit', '']], `${format} ${text.slice(0, 20)}`);
    assert.match(found[0].message, /^nested more than 64 levels deep/);
    assert.equal(found[0].line, text.startsWith('[') ? 1 : 2);
  }
  // block nesting (indentation) deeper than the limit but within the parser's reach
  const block = Array.from({ length: 80 }, (_, i) => `${' '.repeat(i)}k${i}:`).join('\n') + ' 1\n';
  assert.match(issues(parseScenario(block))[0].message, /^nested more than 64 levels deep/);
  // brackets inside strings are text, not nesting
  assert.equal(tooDeep(JSON.stringify({ name: '['.repeat(1000) }), 64), undefined);
});

test('40,000 unknown policy keys: the first hundred issues and one that counts the rest', () => {
  const s = small();
  for (let i = 0; i < 40_000; i++) s.policy[`k${i}`] = 1;
  for (const format of ['yaml', 'json'] as const) {
    const text = format === 'json' ? JSON.stringify(s, null, 1) : stringify(s);
    const found = issues(parseScenario(text, { format }));
    assert.equal(found.length, LIMITS.issues.value + 1, format);
    assert.deepEqual(found.slice(0, 2).map((i) => [i.path, i.code]), [['policy.k0', 'unknown_field'], ['policy.k1', 'unknown_field']]);
    assert.ok(found.slice(0, 100).every((i) => i.line !== undefined && i.line > 1), 'listed issues have their lines');
    const last = found[found.length - 1];
    assert.deepEqual([last.code, last.path], ['limit', '']);
    assert.match(last.message, /^39,900 more problems not listed: the first 100 are above/);
  }
});

test('hints are kept for the listed issues', () => {
  const s = small();
  s.policy = { pasengerKg: 90 };
  s.items[0].site = 'agadze';
  const found = issues(parseScenario(JSON.stringify(s), { format: 'json' }));
  assert.deepEqual(found.map((i) => [i.path, i.hint]), [['items[0].site', 'did you mean "agadez"?'], ['policy.pasengerKg', 'did you mean "passengerKg"?']]);
});

test('the defects of issue 14 are range issues that name the value and the reason', () => {
  const cases: [string, (s: Record<string, any>) => void, RegExp][] = [
    ['policy.passengerKg', (s) => (s.policy.passengerKg = 1e308), /^must be at most 1,000 \(a passenger with baggage .*\), got 1e\+308$/],
    ['aircraft[0].count', (s) => (s.aircraft[0].count = 1_000_000), /^must be at most 1,000 \(.*\), got 1000000$/],
    ['aircraft[0].cruiseKmh', (s) => (s.aircraft[0].cruiseKmh = 1e-9), /^must be at least 50 \(slower than any aircraft: a flight would last weeks\), got 1e-9$/],
    ['items[0].quantity', (s) => (s.items[0].quantity = 1e9), /^must be at most 1,000,000 \(.*\), got 1000000000$/],
    ['items[0].unitValueUsd', (s) => (s.items[0].unitValueUsd = 1e308), /^must be at most 1,000,000,000 \(.*\), got 1e\+308$/],
  ];
  for (const [path, change, message] of cases) {
    const s = small();
    change(s);
    const found = issues(parseScenario(JSON.stringify(s), { format: 'json' })).find((i) => i.path === path);
    assert.ok(found, path);
    assert.equal(found.code, 'range', path);
    assert.match(found.message, message, path);
  }
});

/** Where each range applies in small(), and the object to set it on. */
function target(s: Record<string, any>, name: RangeName): { at: Record<string, any>; key: string; path: string; tuple?: boolean } {
  const [section, key, sub] = name.split('.');
  if (key === 'palletStations') {
    s.aircraft[0].palletStations = [{ x: 0, y: 0, l: 2.74, w: 2.24, maxKg: 4536 }];
    return { at: s.aircraft[0].palletStations[0], key: sub, path: `aircraft[0].palletStations[0].${sub}` };
  }
  if (section === 'policy') return { at: s.policy, key, path: `policy.${key}` };
  if (key === 'cgRangeM') {
    s.aircraft[0].cgRangeM = [10, 12];
    return { at: s.aircraft[0].cgRangeM, key: '1', path: 'aircraft[0].cgRangeM[1]', tuple: true };
  }
  return { at: s[section][0], key, path: `${section}[0].${key}` };
}

test('every number of a scenario has a range: above it, below it, and not a whole number where one is due', () => {
  for (const [name, range] of Object.entries(RANGES) as [RangeName, (typeof RANGES)[RangeName]][]) {
    const wrong: number[] = [range.max * 2 + 1, range.min - 1, ...(range.min > 0 ? [range.min / 2] : []), ...(range.minInclusive ? [] : [range.min]), ...(range.int ? [range.min + 0.5] : [])];
    for (const v of wrong) {
      const s = small();
      const t = target(s, name);
      t.at[t.key] = v;
      // a cross-check may name the same field too (a usable length over the footprint): count the range issues
      const found = issues(parseScenario(JSON.stringify(s), { format: 'json' })).filter((i) => i.path === t.path && i.code !== 'conflict');
      assert.equal(found.length, 1, `${name} = ${v}`);
      assert.ok(['range', 'type'].includes(found[0].code), `${name} = ${v}: ${found[0].code}`);
      assert.equal(found[0].value, v, name);
      if (v > range.max) assert.ok(found[0].message.includes(range.reason), `${name}: the reason is named`);
      const minReason = (range as { minReason?: string }).minReason;
      if (v > 0 && v < range.min && minReason) assert.ok(found[0].message.includes(minReason), `${name}: the minimum's reason is named`);
    }
    // the bounds themselves are allowed (the minimum when inclusive): no issue at that path
    for (const v of [range.max, ...(range.minInclusive ? [range.min] : [])]) {
      const s = small();
      const t = target(s, name);
      t.at[t.key] = v;
      const r = parseScenario(JSON.stringify(s), { format: 'json' });
      const at = r.ok ? [] : r.issues.filter((i) => (i.path === t.path || i.path.startsWith(`${t.path}.`)) && i.code !== 'conflict');
      assert.deepEqual(at, [], `${name} = ${v} is allowed`);
    }
  }
});

test('sums have limits of their own: units, people, airframes and value', () => {
  const s = small();
  s.items = Array.from({ length: 3 }, (_, i) => ({ ...small().items[0], id: `g${i}`, quantity: 400_000 }));
  s.personnel = [{ site: 'agadez', count: 600_000, role: 'security' }, { site: 'agadez', count: 600_000, role: 'support' }];
  s.aircraft = Array.from({ length: 11 }, () => ({ type: 'C-17A', count: 1000, base: 'rota' }));
  s.infrastructure[0].valueUsd = 1e11;
  s.items[0].unitValueUsd = 1e9;
  s.items[0].quantity = 1000;
  const found = issues(parseScenario(JSON.stringify(s), { format: 'json' })).filter((i) => i.code === 'limit');
  assert.deepEqual(found.map((i) => [i.path, i.message.replace(/ \(.*/, '')]), [
    ['aircraft', 'add up to 11,000 airframes, more than the 10,000 a scenario may hold'],
    ['personnel', 'add up to 1,200,000 people, more than the 1,000,000 a scenario may hold'],
    ['items', 'add up to 1,124,000,000,000 USD of value with the infrastructure, more than the 1,000,000,000,000 a scenario may hold'],
  ]);
  const units = small();
  units.items = Array.from({ length: 3 }, (_, i) => ({ ...small().items[0], id: `g${i}`, quantity: 400_000 }));
  assert.deepEqual(issues(parseScenario(JSON.stringify(units), { format: 'json' })).map((i) => [i.path, i.code]), [['items', 'limit']]);
});

test('a list over its size is named at once, without checking a million entries', () => {
  const s = small();
  s.items = Array.from({ length: LIMITS.itemLines.value + 1 }, () => 0);
  const found = issues(parseScenario(JSON.stringify(s), { format: 'json' }));
  assert.deepEqual(found.map((i) => [i.path, i.code]), [['items', 'limit']]);
  assert.match(found[0].message, /^must have at most 100,000 entries \(.*\), got 100,001$/);
});

test('a text over its size names its size, without repeating it', () => {
  const s = small();
  s.name = 'x'.repeat(5000);
  s.sites[0].id = 'y'.repeat(300);
  const found = issues(parseScenario(JSON.stringify(s), { format: 'json' }));
  const name = found.find((i) => i.path === 'name')!;
  assert.deepEqual([name.code, name.value], ['limit', undefined]);
  assert.match(name.message, /^must have at most 1,000 characters \(.*\), got 5000 characters$/);
  assert.ok(found.every((i) => i.message.length < 400 && (typeof i.value !== 'string' || i.value.length <= 201)), 'no issue repeats a long text');
  const huge = parseScenario('x'.repeat(LIMITS.textChars.value + 1));
  assert.deepEqual(issues(huge).map((i) => i.code), ['limit']);
});

test('JSON with a byte order mark reads like YAML with one', () => {
  const text = JSON.stringify(small());
  const json = parseScenario(`\uFEFF${text}`, { format: 'json' });
  const yaml = parseScenario(`\uFEFF${stringify(small())}`);
  assert.ok(json.ok && yaml.ok);
  assert.deepEqual(json.scenario, yaml.scenario);
});

test('a key given twice is an issue in JSON as in YAML, with both lines', () => {
  const json = '{\n "name": "a",\n "name": "b",\n "policy": {"passengerKg": 90,\n  "passenger\\u004bg": 95}\n}';
  const found = issues(parseScenario(json, { format: 'json' })).filter((i) => i.code === 'duplicate');
  assert.deepEqual(found, [
    { path: 'name', code: 'duplicate', line: 3, message: 'key "name" is given twice (first on line 2); only one value can count' },
    { path: 'policy.passengerKg', code: 'duplicate', line: 5, message: 'key "passengerKg" is given twice (first on line 4); only one value can count' },
  ]);
  const yaml = issues(parseScenario('name: a\nname: b\npolicy:\n  passengerKg: 90\n  passengerKg: 95\n')).filter((i) => i.code === 'duplicate');
  assert.deepEqual(yaml.map((i) => [i.path, i.line]), [['name', 2], ['policy.passengerKg', 5]]);
  // keys repeated in two different objects are not duplicates
  const s = small();
  assert.ok(parseScenario(JSON.stringify(s, null, 2), { format: 'json' }).ok);
});

test('a file that is not UTF-8 is a named issue with its line; UTF-16 is named as such', () => {
  const dir = mkdtempSync(join(tmpdir(), 'drawdown-utf8-'));
  const latin1 = Buffer.concat([Buffer.from('name: small\nasOf: 2024-06-01\nnotes: Ni'), Buffer.from([0xe9]), Buffer.from('mey\n')]);
  writeFileSync(join(dir, 'latin1.yaml'), latin1);
  const [bad] = issues(loadScenarioFile(join(dir, 'latin1.yaml')));
  assert.deepEqual([bad.code, bad.line, bad.message], ['unreadable', 3, 'the text is not UTF-8: byte 39 (E9 6D 65 79) is not a UTF-8 character']);
  writeFileSync(join(dir, 'utf16.json'), Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(JSON.stringify(small()), 'utf16le')]));
  assert.equal(issues(loadScenarioFile(join(dir, 'utf16.json')))[0].message, 'the text is UTF-16, not UTF-8');
  // overlong encodings and lone surrogates are not UTF-8 either; real UTF-8 with a BOM is
  writeFileSync(join(dir, 'overlong.yaml'), Buffer.from([0x6e, 0x3a, 0x20, 0xc0, 0xaf, 0x0a]));
  assert.match(issues(loadScenarioFile(join(dir, 'overlong.yaml')))[0].message, /byte 4 \(C0 AF 0A\)/);
  writeFileSync(join(dir, 'surrogate.yaml'), Buffer.from([0x6e, 0x3a, 0x20, 0xed, 0xa0, 0x80, 0x0a]));
  assert.match(issues(loadScenarioFile(join(dir, 'surrogate.yaml')))[0].message, /byte 4 \(ED A0 80 0A\)/);
  const s = small();
  s.sites[0].name = 'Niamey – Aéroport Diori Hamani ✈';
  writeFileSync(join(dir, 'good.json'), Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(JSON.stringify(s))]));
  const good = loadScenarioFile(join(dir, 'good.json'));
  assert.ok(good.ok && good.scenario.sites[0].name === s.sites[0].name);
});

test('more work than a plan may hold is refused by a lower bound on its sorties, naming the busiest site', () => {
  const s = small();
  s.aircraft = [{ type: 'C-17A', count: 2, base: 'rota', aclKg: 100 }];
  s.items[0] = { ...s.items[0], quantity: 10_000, unitWeightKg: 1001 };
  const found = issues(parseScenario(JSON.stringify(s), { format: 'json' }));
  assert.deepEqual(found.map((i) => [i.path, i.code]), [['sites[0]', 'limit']]);
  assert.match(found[0].message, /^the cargo and people to move need at least 100,140 sorties of the largest aircraft each runway takes \(100,140 from "agadez"\), more than the 100,000 a plan may have/);
  // the same cargo on the catalog C-17A's 58,967 kg is 170 sorties
  s.aircraft = [{ type: 'C-17A', count: 2, base: 'rota' }];
  assert.ok(parseScenario(JSON.stringify(s), { format: 'json' }).ok);
});
