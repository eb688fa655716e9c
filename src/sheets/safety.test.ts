// The safety columns: each one that cannot be read stops the import with its cell named (row,
// column, value as written); columns that contradict each other are errors; the DEMIL, hazard
// and classification tables read as their sources say; a mapping file maps any column to a flag.

import assert from 'node:assert/strict';
import { test } from 'node:test';
import { baseText } from './fixtures/index.ts';
import { importInventory, type ImportResult } from './import.ts';
import { formatSheetIssue } from './issues.ts';
import { DEMIL_CODES } from './safety/demil.ts';

const HEAD = 'Nomenclature,Location,Qty,Weight (kg),Length (m),Width (m),Height (m),Unit Cost';
const ROW = 'Box,alpha,1,10,1,1,1,50';

/** A one-line sheet with extra columns. */
async function sheet(columns: Record<string, string>, opts: { mapping?: Record<string, string>; rows?: Record<string, string>[] } = {}): Promise<ImportResult> {
  const headers = Object.keys(columns);
  const q = (v: string) => (/[",\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);
  const lines = [columns, ...(opts.rows ?? [])].map((c) => [ROW, ...headers.map((h) => q(c[h] ?? ''))].join(','));
  const text = [[HEAD, ...headers.map(q)].join(','), ...lines].join('\n') + '\n';
  return importInventory({ items: { name: 'stock.csv', buffer: Buffer.from(text) }, base: baseText(), ...(opts.mapping ? { mapping: opts.mapping } : {}) });
}
const messages = (r: ImportResult) => (r.ok ? [] : r.issues.map((i) => formatSheetIssue(i)));
const item = (r: ImportResult) => {
  assert.ok(r.ok, JSON.stringify(messages(r)));
  return r.scenario.items[0];
};

const FLAG = 'must be Y or N (or yes/no, true/false, 1/0, x)';
const unreadable: [header: string, value: string, message: string][] = [
  ['Hazmat', 'Maybe', `${FLAG}, or a UN hazard class or division (1.4S, 2.1, 3, 8, 9), got "Maybe"`],
  ['HAZMAT Y/N', '1', '"1" could be yes or class 1: write Y for dangerous goods, or the class with its division and group (1.1D, 1.4S), got "1"'],
  ['Hazard Class', '1.4', 'explosives need their compatibility group letter (1.4S, 1.4C, ...; one of A, B, C, D, E, F, G, H, J, K, L, N, S), got "1.4"'],
  ['DG Class', 'Class 2', 'class 2 needs its division (2.1, 2.2 or 2.3), got "Class 2"'],
  ['Hazard Class', '3 (6.1)', 'one hazard class a line: drawdown segregates by the primary class only, so write it alone (3) and have the loadmaster segregate the subsidiary hazard (6.1) by hand, got "3 (6.1)"'],
  ['Hazard Class', '3.2', 'not a UN hazard class or division (1.1, 1.2, 1.3, 1.4, 1.5, 1.6, 2.1, 2.2, 2.3, 3, 4.1, 4.2, 4.3, 5.1, 5.2, 6.1, 6.2, 7, 8, 9), got "3.2"'],
  ['UN Number', 'NA1993', 'NA numbers (US DOT NA, IATA ID) are not UN numbers; give the UN number the item ships under (UN followed by four digits), got "NA1993"'],
  ['UN No', 'UN 12345', 'must be a UN number (UN followed by four digits, e.g. UN1203), got "UN 12345"'],
  ['Classified', 'Secretish', 'must be a classification marking (U, CUI, C, S, TS) or Y or N (or yes/no, true/false, 1/0, x), got "Secretish"'],
  ['Classification', 'R', 'must be a classification marking (U, CUI, C, S, TS) or Y or N (or yes/no, true/false, 1/0, x), got "R"'],
  ['COMSEC', 'Keyed', `${FLAG} or "cci", "comsec", "crypto", got "Keyed"`],
  ['CCI', 'Unknown', `${FLAG} or "cci", "comsec", "crypto", got "Unknown"`],
  ['Lethal', 'Sometimes', `${FLAG} or "lethal", "weapon", "weapons", got "Sometimes"`],
  ['Weapon', 'M4 Carbine', `${FLAG} or "lethal", "weapon", "weapons", got "M4 Carbine"`],
  ['Ammo', '5.56 Ball', `${FLAG} or "ammo", "ammunition", "munition", got "5.56 Ball"`],
  ['DODIC', '5.56 Ball', 'must be a DODIC (four letters and digits naming an ammunition item, e.g. A059), got "5.56 Ball"'],
  ['DEMIL Code', 'N', 'must be a DEMIL code (A, B, C, D, E, F, G, P, Q; DoDM 4160.28), got "N"'],
  ['DEMIL Code', 'Yes', 'must be a DEMIL code (A, B, C, D, E, F, G, P, Q; DoDM 4160.28), got "Yes"'],
  ['Sensitive', 'Fragile', 'unknown sensitivity "Fragile" (lethal, dangerous or classified, or Y/N; comma or slash separated)'],
  ['Cargo Aircraft Only', 'Passenger OK', `${FLAG} or "cao", "cargo aircraft only", "cargo only", got "Passenger OK"`],
];

for (const [header, value, message] of unreadable) {
  test(`an unreadable ${header} cell stops the import, named by row, column and value: ${value}`, async () => {
    const r = await sheet({ [header]: value });
    assert.equal(r.ok, false);
    assert.deepEqual(!r.ok && r.issues.map((i) => [i.file, i.line, i.column, i.value, i.code]), [['stock.csv', 2, header, value, 'value']]);
    assert.deepEqual(messages(r), [`stock.csv: row 2, column "${header}": ${message}`]);
  });
}

test('a column whose header only looks safety-relevant is read as such, never left out', async () => {
  const r = await sheet({ 'Hazard Remarks': 'keep dry' });
  assert.deepEqual(!r.ok && r.issues.map((i) => [i.line, i.column, i.value, i.hint]), [
    [2, 'Hazard Remarks', 'keep dry', 'read as a hazard class column because of its header; if it is not one, map it in the mapping file ("Hazard Remarks": ignore, or the field it holds)'],
  ]);
  assert.deepEqual(item(await sheet({ 'Hazard Remarks': '8' })).hazard, '8');
  assert.deepEqual(item(await sheet({ 'Weapons Room Y/N': 'Y' })).sensitive, ['lethal']);
  // mapped to ignore on purpose: read no more, and said so
  const ignored = await sheet({ 'Hazard Remarks': 'keep dry' }, { mapping: { 'Hazard Remarks': 'ignore' } });
  assert.deepEqual(ignored.ok && ignored.warnings.map((w) => formatSheetIssue(w)), [
    'stock.csv: row 1, column "Hazard Remarks": looks safety-relevant but the mapping file says to ignore it: its values are not read',
  ]);
  // codes drawdown cannot read at all: refused at the header until mapped
  assert.deepEqual(messages(await sheet({ CIIC: '7' })), [
    'stock.csv: row 1, column "CIIC": looks safety-relevant (controlled inventory item codes) but drawdown cannot read these codes; say what they mean in ' +
      'Sensitive, Classified, Ammo or Hazmat columns, or map the column in the mapping file (to a flag such as sensitive:lethal, or to ignore)',
  ]);
  assert.deepEqual(item(await sheet({ CIIC: 'Y' }, { mapping: { CIIC: 'sensitive:lethal' } })).sensitive, ['lethal']);
});

test('columns that contradict each other are errors naming both cells', async () => {
  const conflicts: [Record<string, string>, string][] = [
    [{ Classified: 'N', 'DEMIL Code': 'P' },
      'row 2, column "Classified": "N" says the line is not classified, but column "DEMIL Code" has "P" (DEMIL code P: Munitions List or Commerce Control List military item: DEMIL required, security classified item); correct one of the two'],
    [{ Classification: 'U', 'DEMIL Code': 'p' },
      'row 2, column "Classification": "U" says the line is not classified, but column "DEMIL Code" has "p" (DEMIL code P: Munitions List or Commerce Control List military item: DEMIL required, security classified item); correct one of the two'],
    [{ Hazmat: 'N', 'UN Number': 'UN1203' },
      'row 2, column "Hazmat": "N" says the line is not dangerous goods, but column "UN Number" has "UN1203" (UN number UN1203); correct one of the two'],
    [{ Hazmat: 'No', 'DEMIL Code': 'G' },
      'row 2, column "Hazmat": "No" says the line is not dangerous goods, but column "DEMIL Code" has "G" (DEMIL code G: US Munitions List: DEMIL required, ammunition and explosives (classified or not)); correct one of the two'],
    [{ Ammo: 'N', DODIC: 'A059' },
      'row 2, column "Ammo": "N" says the line is not ammunition, but column "DODIC" has "A059" (DODIC A059, an ammunition item); correct one of the two'],
    [{ Hazmat: '3', 'DG Class': '8' },
      'row 2, column "DG Class": "8" gives hazard class 8, but column "Hazmat" gives 3 ("3"); a line has one: correct one of the two'],
    [{ Classified: 'S', 'HN Transfer': 'Y' },
      'row 2, column "HN Transfer": "Y" says the line may be given to the host, but column "Classified" has "S" (classification S), and sensitive lines are never given away; correct one of the two'],
    [{ Sensitivity: 'none', Hazmat: 'Y' },
      'row 2, column "Sensitivity": "none" says the line is not sensitive, but column "Hazmat" has "Y" (dangerous goods); correct one of the two'],
    [{ 'DEMIL Code': 'A', Classified: 'Y' },
      'row 2, column "DEMIL Code": "A" says the line is not classified, but column "Classified" has "Y" (classified); correct one of the two'],
    [{ Lethal: 'N', Ammo: 'Y' },
      'row 2, column "Lethal": "N" says the line is not lethal, but column "Ammo" has "Y" (ammunition or explosives); correct one of the two'],
  ];
  for (const [columns, message] of conflicts) {
    const r = await sheet(columns);
    assert.deepEqual(messages(r), [`stock.csv: ${message}`], JSON.stringify(columns));
    assert.deepEqual(!r.ok && r.issues.map((i) => i.code), ['conflict']);
  }
  // the stock number's supply class counts as a column saying so
  assert.deepEqual(messages(await sheet({ NSN: '1005-01-231-0973', 'HN Transfer': 'Y' })), [
    'stock.csv: row 2, column "HN Transfer": "Y" says the line may be given to the host, but column "NSN" has "1005-01-231-0973" (supply class 1005, guns, ' +
      'through 30 mm), and sensitive lines are never given away; correct one of the two',
  ]);
  // ...but a column that denies it wins, with a warning; ammunition said not to be dangerous is still lethal
  const denied = await sheet({ NSN: '1305-01-155-5459', Hazmat: 'N' });
  assert.deepEqual(item(denied).sensitive, ['lethal']);
  assert.deepEqual(denied.ok && denied.warnings.map((w) => formatSheetIssue(w)), [
    'stock.csv: column "NSN": row 2 ("1305-01-155-5459"): no column says so, but the stock number\'s supply class 1305, ammunition, through 30 mm: read as such ' +
      '(never given away, guarded, packed apart); confirm it in a safety column (Lethal, Ammo, COMSEC), or say N there if the line is not',
    'stock.csv: column "Hazmat": "N" in row 2 says otherwise than the stock number\'s supply class 1305, ammunition, through 30 mm: read as the sheet says; check these lines',
  ]);
  // agreeing columns are fine, and CCI is unclassified by definition: no conflict with Classified N
  assert.deepEqual(item(await sheet({ Hazmat: 'Y', 'Hazard Class': '3', 'UN Number': '1203' })).unNumber, 'UN1203');
  assert.deepEqual(item(await sheet({ Classified: 'N', CCI: 'Y' })).sensitive, ['classified']);
});

test('the DEMIL codes read as DoDM 4160.28 says: P classified, G ammunition, A free, the rest only under a transfer authority; H-O and R-Z refused', async () => {
  assert.deepEqual(Object.keys(DEMIL_CODES), ['A', 'B', 'C', 'D', 'E', 'F', 'G', 'P', 'Q']);
  const read = (code: string, transfer?: string) => sheet({ 'DEMIL Code': code, ...(transfer ? { 'HN Transfer': transfer } : {}) });
  assert.deepEqual(item(await read('P')).sensitive, ['classified']);
  assert.deepEqual(item(await read('G')).sensitive, ['lethal', 'dangerous']);
  assert.deepEqual(item(await read('D1')).sensitive, []); // with its DEMIL integrity code
  assert.deepEqual(item(await read('D - destroy')).sensitive, []);
  const free = await read('A', 'Y');
  assert.deepEqual([item(free).hostTransfer, free.ok && free.warnings], [true, []]);
  for (const code of 'BCDEFQ') {
    const r = await read(code, 'Y');
    assert.deepEqual([item(r).hostTransfer, item(r).sensitive], [true, []], code);
    assert.deepEqual(r.ok && r.warnings.map((w) => formatSheetIssue(w)), [
      `stock.csv: column "DEMIL Code": "${code}" in row 2, marked transferable: DEMIL code ${code} (${DEMIL_CODES[code].meaning}) goes to a foreign government ` +
        'only under a transfer authority (FMS, EDA or export licence). The plan may hand them over; make sure an authority covers each before the handover',
    ], code);
    assert.equal(item(await read(code)).hostTransfer, false, `${code} without a transfer mark`);
  }
  for (const code of ['P', 'G']) assert.deepEqual((await read(code, 'Y')).ok === false && (await read(code, 'Y') as { issues: { code: string }[] }).issues.map((i) => i.code), ['conflict'], code);
  for (const code of 'HIJKLMNORSTUVWXYZ') assert.match(messages(await read(code))[0] ?? '', /must be a DEMIL code/, code);
});

test('hazard classes and markings as clerks write them', async () => {
  const hazard = async (v: string) => item(await sheet({ 'Hazard Class': v })).hazard;
  assert.deepEqual(
    await Promise.all(['3', 'Class 3', 'Div 1.4S', '1.4 s', 'Cl. 8', '2.1', 'Flammable liquid', 'Corrosive', '9 (lithium batteries)'].map(hazard)),
    ['3', '3', '1.4S', '1.4S', '8', '2.1', '3', '8', '9'],
  );
  const both = item(await sheet({ 'DG Class': '1.4S UN0012' }));
  assert.deepEqual([both.hazard, both.unNumber, both.sensitive], ['1.4S', 'UN0012', ['dangerous']]);
  // "Class": a class of supply in roman numerals (V is ammunition), else a hazard class
  assert.deepEqual(item(await sheet({ Class: 'V' })).sensitive, ['lethal', 'dangerous']);
  assert.deepEqual(item(await sheet({ Class: 'IX' })).sensitive, []);
  assert.deepEqual(item(await sheet({ Class: '8' })).hazard, '8');
  assert.deepEqual(messages(await sheet({ Class: 'Heavy' })), [
    'stock.csv: row 2, column "Class": must be a class of supply (I-X) or Y or N (or yes/no, true/false, 1/0, x), or a UN hazard class or division (1.4S, 2.1, 3, 8, 9), got "Heavy"',
  ]);
  assert.deepEqual(item(await sheet({ 'UN No': '12' })).unNumber, 'UN0012'); // a spreadsheet dropped the zeros
  const marking = async (v: string) => item(await sheet({ Classification: v })).sensitive;
  for (const v of ['C', 'SECRET//NOFORN', 'TS/SCI', 'Top Secret', 'NATO RESTRICTED', 'Y']) assert.deepEqual(await marking(v), ['classified'], v);
  for (const v of ['U', 'UNCLASSIFIED', 'N', 'n/a']) assert.deepEqual(await marking(v), [], v);
  // CUI is unclassified, released to a foreign government only with authority
  const cui = await sheet({ Classification: 'CUI', 'HN Transfer': 'Y' });
  assert.deepEqual([item(cui).sensitive, item(cui).hostTransfer], [[], true]);
  assert.match((cui.ok && cui.warnings[0].message) || '', /DoDI 5200\.48/);
  // Hazmat Y with no class: dangerous, and a warning naming the rows asking for the class
  const y = await sheet({ Hazmat: 'Y' }, { rows: [{ Hazmat: 'N' }, { Hazmat: 'yes' }] });
  assert.deepEqual(y.ok && y.scenario.items.map((i) => i.sensitive), [['dangerous'], [], ['dangerous']]);
  assert.deepEqual(y.ok && y.warnings.map((w) => [w.column, w.line, w.message.slice(0, 40)]), [['Hazmat', undefined, '"Y", "yes" in rows 2 and 4: dangerous go']]);
});

test('a mapping file maps any column, Y/N columns included, to any flag', async () => {
  // "Hazmat: sensitive": a Y in a column whose header names a kind is that kind
  const hm = await sheet({ Hazmat: 'Y' }, { mapping: { Hazmat: 'sensitive' }, rows: [{ Hazmat: 'N' }] });
  assert.deepEqual(hm.ok && hm.scenario.items.map((i) => i.sensitive), [['dangerous'], []]);
  const cases: [header: string, target: string, value: string, expect: (i: ReturnType<typeof item>) => unknown, expected: unknown][] = [
    ['Flags', 'sensitive:dangerous', 'Y', (i) => i.sensitive, ['dangerous']],
    ['Flags', 'sensitive:lethal', 'X', (i) => i.sensitive, ['lethal']],
    ['Flags', 'sensitive:classified', 'TS', (i) => i.sensitive, ['classified']],
    ['Cat', 'demilCode', 'P', (i) => i.sensitive, ['classified']],
    ['HZ', 'hazard', '5.1', (i) => i.hazard, '5.1'],
    ['UNID', 'unNumber', '1090', (i) => i.unNumber, 'UN1090'],
    ['AE', 'ammo', 'Y', (i) => i.sensitive, ['lethal', 'dangerous']],
    ['Cargo only?', 'cargoAircraftOnly', 'Y', (i) => i.cargoAircraftOnly, true],
    ['Give away', 'hostTransfer', 'Y', (i) => i.hostTransfer, true],
    ['Blow in place', 'demilInPlace', 'Y', (i) => i.demilInPlace, true],
  ];
  for (const [header, target, value, get, expected] of cases)
    assert.deepEqual(get(item(await sheet({ [header]: value }, { mapping: { [header]: target } }))), expected, `${header}: ${target}`);
  // Sensitive Y that names no kind: never given away, recorded as classified, and said so
  const s = await sheet({ Sensitive: 'Y' });
  assert.deepEqual(item(s).sensitive, ['classified']);
  assert.match((s.ok && s.warnings[0].message) || '', /^"Y" in row 2: sensitive without saying how/);
});

test('words that name a property of every object ("constructor", "__proto__") are refused like any unknown word, never looked up', async () => {
  for (const header of ['Hazmat', 'Sensitive', 'DEMIL Code', 'Classification', 'Type', 'Max Stack (lb)', 'U/I', 'Condition Code'])
    for (const v of ['constructor', '__proto__', 'toString', '45 constructor']) {
      const r = await sheet({ [header]: v });
      assert.deepEqual(!r.ok && r.issues.map((i) => [i.line, i.column, i.value]), [[2, header, v]], `${header}: ${v}`);
    }
});
