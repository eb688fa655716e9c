// Property: no safety cell is silently dropped. Whatever a clerk types, each reader either
// refuses the cell (a message quoting it as written) or reads something from it; only the
// few words that mean "none" read as nothing. And no cell makes a reader, or the import, throw.

import { test } from 'node:test';
import fc from 'fast-check';
import { baseText } from '../fixtures/index.ts';
import { importInventory } from '../import.ts';
import {
  readAmmunition, readCargoAircraftOnly, readClass, readClassification, readComsec, readDemilCode, readDemilInPlace, readDodic, readHazard, readLethal,
  readSensitive, readTransfer, readUn,
} from './readers.ts';

const READERS = {
  hazard: readHazard, class: readClass, unNumber: readUn, classification: readClassification, comsec: readComsec, lethal: readLethal,
  ammunition: readAmmunition, dodic: readDodic, demilCode: readDemilCode, hostTransfer: readTransfer, demilInPlace: readDemilInPlace,
  cargoAircraftOnly: readCargoAircraftOnly, sensitive: (v: string) => readSensitive(v, 'Sensitive', () => undefined),
};
/** Cells that say "none of it" (a DODIC, UN number or DEMIL code column may be marked N/A or N). */
const NONE = /^(none|n\/a|na|-|nil|no|n|false|f|0)$/i;
/** Classes of supply other than V say nothing about safety. */
const OTHER_SUPPLY_CLASS = /^(class\s+|cl\.?\s*)?(i|ii|iii|iv|vi|vii|viii|ix|x)$/i;

// Clerk-like cells: known words and codes, mixed with noise, in any case.
const TOKENS = ['Y', 'N', 'yes', 'no', 'x', '1.4S', '1.4', '3', '2', '8', 'UN1203', '1203', 'NA1993', 'S', 'TS', 'CUI', 'U', 'SECRET//NOFORN', 'P', 'G', 'D1', 'K',
  'A059', 'lethal', 'dangerous', 'classified', 'ammo', 'CCI', 'none', 'N/A', '-', 'V', 'IX', 'Class 3', 'Div 1.4S', '3 (6.1)', 'Flammable liquid', 'maybe', 'TBD', '?'];
const cell = fc.oneof(
  fc.constantFrom(...TOKENS),
  fc.tuple(fc.constantFrom(...TOKENS), fc.constantFrom(' ', '/', ', ', ' - ', ''), fc.constantFrom(...TOKENS)).map(([a, s, b]) => a + s + b),
  fc.string({ minLength: 1, maxLength: 12 }),
).map((s) => (s.length % 2 ? s.toLowerCase() : s)).filter((s) => s.trim() !== '');

test('every reader refuses a cell quoting it as written, or reads something from it', () => {
  for (const [kind, read] of Object.entries(READERS)) {
    fc.assert(
      fc.property(cell, (v) => {
        const r = read(v);
        if (!r.ok) return r.message.includes(JSON.stringify(v.trim())) || r.message.includes(`"${v.trim()}"`) || r.message.includes(JSON.stringify(v));
        const said = r.value.claims.length > 0 || r.value.hazard !== undefined || r.value.unNumber !== undefined || r.value.authority !== undefined;
        return said || NONE.test(v.trim()) || (kind === 'class' && OTHER_SUPPLY_CLASS.test(v.trim()));
      }),
      { numRuns: 400, seed: 12 },
    );
  }
});

test('no cell in a safety column makes the import throw; a refused one is named by row, column and value', async () => {
  await fc.assert(
    fc.asyncProperty(fc.constantFrom('Hazmat', 'DEMIL Code', 'Classified', 'UN No', 'DODIC', 'Sensitive', 'Class', 'Hazard Remarks'), cell, async (header, v) => {
      const csv = `Name,Location,Weight (kg),L (m),W (m),H (m),Value,${header}\nBox,alpha,1,1,1,1,1,"${v.replace(/"/g, '""')}"\n`;
      const r = await importInventory({ items: { name: 's.csv', buffer: Buffer.from(csv) }, base: baseText() });
      if (r.ok) return true;
      return r.issues.every((i) => i.line === 2 && i.column === header && typeof i.value === 'string');
    }),
    { numRuns: 150, seed: 7 },
  );
});
