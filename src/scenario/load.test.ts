import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { stringify } from 'yaml';
import { catalogAircraft, catalogPallet } from '../catalog/index.ts';
import { formatIssue, loadScenarioFile, parseScenario, type ScenarioResult } from './load.ts';

// A small valid scenario: one origin, one destination, two C-17s.
function small(): Record<string, any> {
  return {
    name: 'small',
    asOf: '2024-06-01',
    sites: [
      { id: 'agadez', name: 'Air Base 201', country: 'NE', lat: 16.96, lon: 8.0, role: 'origin', accepts: ['C-17A', 'C-130J-30'] },
      { id: 'rota', name: 'Rota', country: 'ES', lat: 36.64, lon: -6.35, role: 'destination' },
    ],
    aircraft: [{ type: 'C-17A', count: 2, base: 'rota' }],
    personnel: [{ site: 'agadez', count: 40, role: 'security' }],
    items: [
      { id: 'gen', name: 'Generator', site: 'agadez', quantity: 3, unitWeightKg: 1200, lengthM: 2, widthM: 1, heightM: 1.5, unitValueUsd: 30000, kind: 'cargo' },
    ],
    agreements: [{ country: 'NE', deadline: '2024-09-15' }],
  };
}

function ok(r: ScenarioResult) {
  if (!r.ok) assert.fail(r.issues.map((i) => formatIssue(i)).join('\n'));
  return r;
}
function lines(r: ScenarioResult): string[] {
  assert.equal(r.ok, false);
  return r.ok ? [] : r.issues.map((i) => `${i.line ?? '-'} ${formatIssue(i)}`);
}

test('a valid scenario normalises with catalog values and defaults filled in', () => {
  const { scenario, warnings } = ok(parseScenario(stringify(small())));
  assert.deepEqual(warnings, []);
  const { type, count, base, crewsPerTail, crewComplement, crewDutyHours, crewRestHours, ...fields } = scenario.aircraft[0];
  assert.deepEqual([type, count, base], ['C-17A', 2, 'rota']);
  const { id: _id, ...catalog } = catalogAircraft('C-17A')!;
  assert.deepEqual(fields, catalog);
  // crews: the public planning factors (catalog/crews.ts): one basic crew a tail, 16 h duty, 12 h rest
  assert.deepEqual({ crewsPerTail, crewComplement, crewDutyHours, crewRestHours }, { crewsPerTail: 1, crewComplement: 'basic', crewDutyHours: 16, crewRestHours: 12 });
  assert.deepEqual(scenario.palletTypes, [catalogPallet('463L')]);
  assert.deepEqual(scenario.policy, { transferWhenShipCostOverValue: 1, minSecurityPerSite: 0, passengerKg: 100, heavierOnLighter: false });
  const item = scenario.items[0];
  assert.deepEqual([item.sensitive, item.hostTransfer, item.demilInPlace, item.tiltable], [[], false, false, false]);
  assert.deepEqual(scenario.infrastructure, []);
});

test('a fleet override wins over the catalog; a scenario pallet type overrides or adds', () => {
  const s = small();
  s.aircraft = [
    { type: 'C-17A', count: 1, base: 'rota', seats: 30, cgRangeM: [11, 15] },
    { type: 'C-17A', count: 1, base: 'rota' },
  ];
  const half = { id: 'half', usableLengthM: 1.3, usableWidthM: 2.13, maxHeightM: 2.44, maxGrossKg: 2000, tareKg: 80, footprintLengthM: 1.37, footprintWidthM: 2.24 };
  s.palletTypes = [half, { id: '463L', maxGrossKg: 3402 }];
  s.policy = { passengerKg: 120 };
  const { scenario } = ok(parseScenario(JSON.stringify(s), { format: 'json' }));
  assert.equal(scenario.aircraft[0].seats, 30);
  assert.deepEqual(scenario.aircraft[0].cgRangeM, [11, 15]);
  assert.equal(scenario.aircraft[0].aclKg, catalogAircraft('C-17A')!.aclKg);
  assert.equal(scenario.aircraft[1].seats, catalogAircraft('C-17A')!.seats);
  assert.deepEqual(scenario.palletTypes, [{ ...catalogPallet('463L')!, maxGrossKg: 3402 }, half]);
  assert.deepEqual(scenario.policy, { transferWhenShipCostOverValue: 1, minSecurityPerSite: 0, passengerKg: 120, heavierOnLighter: false });
});

test('a new aircraft type is accepted when every field is given', () => {
  const s = small();
  const a400m = { name: 'Airbus A400M', aclKg: 20000, palletPositions: 9, seats: 54, cruiseKmh: 700, turnHours: 2, costPerFlyingHourUsd: 15000, floorLengthM: 17.7, floorWidthM: 4, doorHeightM: 3.85, cgRangeM: [7, 11] };
  s.aircraft.push({ type: 'A400M', count: 1, base: 'rota', ...a400m });
  const { scenario } = ok(parseScenario(stringify(s)));
  assert.deepEqual(scenario.aircraft[1], { type: 'A400M', count: 1, base: 'rota', ...a400m, crewsPerTail: 1, crewComplement: 'basic', crewDutyHours: 16, crewRestHours: 12 });
});

test('every mistake of a file is reported in one run, with its YAML line', () => {
  const text = `name: broken
asOf: 2024-06-01
sites:
  - { id: agadez, name: Air Base 201, country: NE, lat: 16.96, lon: 8.0, role: origin, mogg: 2 }
  - { id: niamey, name: Air Base 101, country: NE, lat: 130.5, lon: 2.18, role: origin, accepts: [C-130J-30] }
  - { id: rota, name: Rota, country: es, lat: 36.64, lon: -6.35, role: destination }
aircraft:
  - { type: C-17A, count: 2, base: niamey }
  - { type: A400M, count: 1, base: rota, aclKg: 20000 }
items:
  - { id: gen, name: Generator, site: agadez, quantity: 2, unitWeightKg: -4, lengthM: 2, widthM: 1, heightM: 1.5, unitValueUsd: 30000, kind: cargo }
  - id: gen
    name: Truck
    site: rota
    quantity: 1.5
    unitWeightKg: 9000
    lengthM: 7
    widthM: 2.5
    heightM: 3
    unitValueUsd: 100000
    kind: vehicel
personnel:
  - { site: nowhere, count: 20, role: security }
agreements:
  - { country: NE, deadline: 2024-09-31 }
  - { country: NE, deadline: 2024-09-15 }
`;
  assert.deepEqual(lines(parseScenario(text)), [
    '4 sites[0].mogg: unknown field (did you mean "mog"?)',
    '5 sites[1].lat: must be between -90 and 90, got 130.5',
    '6 sites[2].country: must be an ISO 3166 alpha-2 code (two capital letters), got "es"',
    '8 aircraft[0].base: site "niamey" does not accept C-17A (accepts C-130J-30)',
    '9 aircraft[1].type: unknown aircraft type "A400M" (catalog: C-17A, C-130J-30); a new type must give every field, missing: name, palletPositions, seats, cruiseKmh, turnHours, costPerFlyingHourUsd, floorLengthM, floorWidthM, doorHeightM, cgRangeM',
    '23 personnel[0].site: unknown site "nowhere"',
    '11 items[0].unitWeightKg: must be positive, got -4',
    '15 items[1].quantity: must be a whole number, got 1.5',
    '21 items[1].kind: must be cargo or vehicle, got "vehicel" (did you mean "vehicle"?)',
    '12 items[1].id: duplicate id "gen" (first at items[0])',
    '14 items[1].site: site "rota" is a destination; items must start at an origin site',
    '25 agreements[0].deadline: must be an ISO date (YYYY-MM-DD), got "2024-09-31"',
    '26 agreements[1].country: second agreement for "NE" (first is agreements[0])',
  ]);
});

test('missing fields, bad references and impossible values are named with their values', () => {
  const s = small();
  delete s.items[0].kind;
  s.items[0].sensitive = ['explosive'];
  s.personnel[0].count = -1;
  s.sites.push({ id: 'sigonella', name: 'Sigonella', country: 'IT', lat: 37.4, lon: 14.9, role: 'hub', accepts: ['C-5M'] });
  s.personnel.push({ site: 'sigonella', count: 5, role: 'support' });
  s.aircraft[0].availableFrom = '2024-07-01';
  s.aircraft[0].availableTo = '2024-06-30';
  s.aircraft[0].cgRangeM = [20, 30];
  s.infrastructure = [{ id: 'hangar', site: 'atlantis', name: 'Hangar', valueUsd: 1e6 }, { id: 'hangar', site: 'agadez', name: 'Hangar 2', valueUsd: 2e6 }];
  s.palletTypes = [{ id: 'half', usableLengthM: 1.3 }];
  s.sites[1].role = 'hub';
  s.policy = { passengerKG: 100 };
  assert.deepEqual(lines(parseScenario(JSON.stringify(s, null, 2), { format: 'json' })).map((l) => l.replace(/^\d+ /, '')), [
    'sites: no site has role destination; people and cargo need somewhere to go',
    'sites[2].accepts[0]: unknown aircraft type "C-5M"',
    'aircraft[0].availableTo: must not be before availableFrom (2024-07-01), got "2024-06-30"',
    'aircraft[0].cgRangeM: must run from min to max within the floor (0 to 26.8 m), got [20,30]',
    'palletTypes[0].id: new pallet type "half" (catalog: 463L) must give every field, missing: usableWidthM, maxHeightM, maxGrossKg, tareKg, footprintLengthM, footprintWidthM',
    'personnel[0].count: must not be negative, got -1',
    'personnel[1].site: site "sigonella" is a hub; people must start at an origin site',
    'items[0].kind: required',
    'items[0].sensitive[0]: must be lethal, dangerous or classified, got "explosive"',
    'infrastructure[0].site: unknown site "atlantis"',
    'infrastructure[1].id: duplicate id "hangar" (first at infrastructure[0])',
    'policy.passengerKG: unknown field (did you mean "passengerKg"?)',
  ]);
});

test('pallet types, coordinates and airfield limits are checked', () => {
  const s = small();
  s.sites[0].lon = -181;
  s.sites[0].mog = 0;
  s.sites[1].maxDeparturesPerDay = 2.5;
  s.personnel[0].count = 0; // nobody left at a site is fine
  s.palletTypes = [{ id: '463L', usableLengthM: 3 }, { id: '463L', tareKg: -1 }];
  s.aircraft[0].palletPositions = 0; // a passenger-only aircraft is fine
  s.aircraft[0].turnHours = -0.5;
  s.items[0].unitValueUsd = -1;
  assert.deepEqual(lines(parseScenario(stringify(s))).map((l) => l.replace(/^\d+ /, '')), [
    'sites[0].lon: must be between -180 and 180, got -181',
    'sites[0].mog: must be positive, got 0',
    'sites[1].maxDeparturesPerDay: must be a whole number, got 2.5',
    'aircraft[0].turnHours: must not be negative, got -0.5',
    'palletTypes[0].usableLengthM: must not exceed footprintLengthM (2.74), got 3',
    'palletTypes[1].tareKg: must not be negative, got -1',
    'palletTypes[1].id: duplicate id "463L" (first at palletTypes[0])',
    'items[0].unitValueUsd: must not be negative, got -1',
  ]);
});

test('JSON issues carry source lines too', () => {
  const s = small();
  s.items[0].unitWeightKg = 0;
  const text = JSON.stringify(s, null, 2);
  const r = parseScenario(text, { format: 'json' });
  assert.ok(!r.ok);
  const [issue] = r.issues;
  assert.equal(formatIssue(issue), 'items[0].unitWeightKg: must be positive, got 0');
  assert.match(text.split('\n')[issue.line! - 1], /"unitWeightKg": 0/);
});

test('syntax errors are issues with a line, never exceptions', () => {
  const y = parseScenario('name: x\nasOf: 2024-06-01\nsites: a: b\n');
  assert.ok(!y.ok);
  assert.deepEqual(y.issues, [
    { path: '', code: 'syntax', message: 'YAML syntax: Nested mappings are not allowed in compact mappings at line 3, column 8', line: 3 },
  ]);
  // a repeated key is an issue of its own, listed with the rest of the file's problems
  const dup = parseScenario('name: x\nasOf: 2024-06-01\nname: y\n');
  assert.ok(!dup.ok);
  assert.deepEqual(dup.issues[0], { path: 'name', code: 'duplicate', line: 3, message: 'key "name" is given twice (first on line 1); only one value can count' });
  assert.deepEqual(dup.issues.slice(1).map((i) => i.path), ['sites', 'aircraft']);

  const json = '{\n  "name": "x",\n  "asOf": "2024-06-01",\n  "sites": [,]\n}';
  const j = parseScenario(json, { format: 'json' });
  assert.ok(!j.ok);
  assert.equal(j.issues.length, 1);
  assert.match(j.issues[0].message, /^JSON syntax: /);
  assert.equal(j.issues[0].line, 4);

  for (const text of ['', '- a\n- b\n', '42', 'null']) {
    const r = parseScenario(text);
    assert.ok(!r.ok, text);
    assert.deepEqual(r.issues.map((i) => formatIssue(i)), [`must be an object, got ${text === '42' ? '42' : text.startsWith('-') ? '["a","b"]' : 'null'}`]);
  }
});

test('warnings do not stop a scenario: no deadline, a runway no fleet aircraft uses', () => {
  const s = small();
  s.sites.push({ id: 'faya', name: 'Faya', country: 'TD', lat: 17.9, lon: 19.1, role: 'origin', accepts: ['C-130J-30'] });
  const r = ok(parseScenario(stringify(s)));
  assert.deepEqual(r.warnings.map((w) => formatIssue(w)), [
    'sites[2]: origin site "faya" has no handoverBy and country "TD" has no agreement, so it has no deadline',
    'sites[2].accepts: takes none of the fleet\'s types (C-17A)',
  ]);
  assert.equal(r.scenario.sites.length, 3);
});

test('files load by extension; an unreadable file is an issue', () => {
  const dir = mkdtempSync(join(tmpdir(), 'drawdown-scenario-'));
  writeFileSync(join(dir, 's.json'), JSON.stringify(small()));
  writeFileSync(join(dir, 's.yml'), stringify(small()));
  const fromJson = ok(loadScenarioFile(join(dir, 's.json'))).scenario;
  const fromYaml = ok(loadScenarioFile(join(dir, 's.yml'))).scenario;
  assert.deepEqual(fromJson, fromYaml);
  const missing = loadScenarioFile(join(dir, 'nope.yaml'));
  assert.ok(!missing.ok);
  assert.match(formatIssue(missing.issues[0]), /^cannot read .*nope\.yaml \(ENOENT\)$/);
});

test('formatIssue prefixes file and line when asked', () => {
  assert.equal(formatIssue({ path: 'items[12].unitWeightKg', code: 'range', message: 'must be positive, got -4', line: 40 }, 's.yaml'), 's.yaml:40: items[12].unitWeightKg: must be positive, got -4');
  assert.equal(formatIssue({ path: '', code: 'syntax', message: 'YAML syntax: oops' }), 'YAML syntax: oops');
});

test('malformed structures give issues, never exceptions', () => {
  const s = small();
  const variants: Record<string, any>[] = [
    { ...s, sites: [null, 1, 'x', []] },
    { ...s, aircraft: [{ type: 'C-17A', count: 1, base: 'rota', cgRangeM: 'mid' }, { type: 7 }, null] },
    { ...s, items: { id: 'gen' }, personnel: 'all', agreements: [{ country: 5 }] },
    { ...s, sites: [{ id: 'agadez', accepts: 'C-17A' }, { id: 'agadez', accepts: [1, null] }], palletTypes: [{ id: 'x', usableLengthM: 'big' }] },
    { ...s, aircraft: [{ type: 'toString', count: 1, base: 'constructor' }], items: [{ ...s.items[0], site: '__proto__' }] },
  ];
  for (const v of variants) {
    const r = parseScenario(JSON.stringify(v), { format: 'json' });
    assert.equal(r.ok, false, JSON.stringify(v).slice(0, 80));
    if (!r.ok) for (const i of r.issues) assert.ok(i.message.length > 0);
  }
});

test('a misspelt site id gets a "did you mean" hint; issues carry codes and values', () => {
  const s = small();
  const r = parseScenario(JSON.stringify({ ...s, items: [{ ...s.items[0], site: 'agadze' }] }), { format: 'json' });
  assert.ok(!r.ok);
  const issue = r.issues.find((i) => i.path === 'items[0].site');
  assert.deepEqual(issue && { code: issue.code, value: issue.value, hint: issue.hint }, { code: 'unknown_ref', value: 'agadze', hint: 'did you mean "agadez"?' });
  // a name far from every site gets no guess
  const far = parseScenario(JSON.stringify({ ...s, items: [{ ...s.items[0], site: 'timbuktu' }] }), { format: 'json' });
  assert.ok(!far.ok);
  assert.equal(far.issues.find((i) => i.path === 'items[0].site')?.hint, undefined);
});

test('a spreadsheet passed as a scenario is named as such, with the import command', () => {
  const dir = mkdtempSync(join(tmpdir(), 'drawdown-sheet-'));
  writeFileSync(join(dir, 'inventory.xlsx'), Buffer.from([0x50, 0x4b, 0x03, 0x04, 0, 0, 0, 0]));
  writeFileSync(join(dir, 'inventory.yaml'), 'NSN,Nomenclature,Qty\n1005-01-231-0973,Rifle,12\n8465-01-524-7226,Ruck,40\n');
  for (const f of ['inventory.xlsx', 'inventory.yaml']) {
    const r = loadScenarioFile(join(dir, f));
    assert.ok(!r.ok);
    assert.equal(r.issues.length, 1, f);
    assert.equal(r.issues[0].code, 'wrong_file', f);
    assert.match(r.issues[0].hint ?? '', /drawdown import --items/);
  }
});
