// One reader per kind of safety column: a cell in, what it says (claims, a hazard class, a UN
// number) out, or a message quoting the cell as written. A blank cell says nothing. Whatever a
// reader cannot read is an error: a safety column is never half read.

import { isBlank, own, readFlag, shown, text, type CellValue, type Read } from '../cells.ts';
import { NOTHING, type Claim, type Fact, type Reading } from './claims.ts';
import { MARKING_EXAMPLES, readMarking } from './classification.ts';
import { DEMIL_CODES, DEMIL_LIST } from './demil.ts';
import { CLASS_EXAMPLES, className, readHazardClass, readUnNumber } from './hazard.ts';

export type SafetyKind =
  | 'hazard'
  /** "Class": a hazard class (1.4S, 3) or a class of supply (I-X; V is ammunition) */
  | 'class'
  | 'unNumber'
  | 'classification'
  | 'comsec'
  | 'lethal'
  | 'ammunition'
  | 'dodic'
  | 'demilCode'
  | 'sensitive'
  | 'hostTransfer'
  | 'demilInPlace'
  | 'cargoAircraftOnly';

const ok = (value: Reading): Read<Reading> => ({ ok: true, value });
const bad = (message: string): Read<Reading> => ({ ok: false, message });
const claim = (fact: Fact, value: boolean, because: string): Claim => ({ fact, value, because });

/** "none", "N/A", "-": the cell says the line has none of it. */
const NONE = new Set(['none', 'n/a', 'na', '-', 'nil', 'no', 'n', 'false', 'f', '0']);
const YES = (v: CellValue) => readFlag(v).ok && (readFlag(v) as { value?: boolean }).value === true;
const FLAG_HELP = 'Y or N (or yes/no, true/false, 1/0, x)';

/** A Y/N column about one fact, with extra words it also takes ("weapon" in a Lethal column). */
function flagReader(fact: Fact, because: string, words: readonly string[] = []): (v: CellValue) => Read<Reading> {
  const yes = new Set(words);
  return (v) => {
    if (isBlank(v)) return ok(NOTHING);
    const t = text(v).toLowerCase();
    const f = readFlag(v);
    if (f.ok && f.value !== undefined) return ok({ claims: [claim(fact, f.value, because)] });
    if (yes.has(t)) return ok({ claims: [claim(fact, true, because)] });
    if (NONE.has(t)) return ok({ claims: [claim(fact, false, because)] });
    return bad(`must be ${FLAG_HELP}${words.length ? ` or ${words.map((w) => `"${w}"`).slice(0, 3).join(', ')}` : ''}, got ${shown(v)}`);
  };
}

const HAZMAT_WORDS = new Set(['hazmat', 'haz', 'hazardous', 'dg', 'dangerous goods', 'dangerous', 'ltd qty', 'limited quantity', 'lq', 'orm-d']);

/** Hazmat Y/N, a class or division, a class name, optionally with the UN number. */
export function readHazard(v: CellValue): Read<Reading> {
  if (isBlank(v)) return ok(NOTHING);
  const t = text(v).toLowerCase();
  if (t === '1')
    return bad(`"1" could be yes or class 1: write Y for dangerous goods, or the class with its division and group (1.1D, 1.4S), got ${shown(v)}`);
  const f = readFlag(v);
  if (f.ok && f.value !== undefined && t !== '1')
    return ok({ claims: [claim('dangerous', f.value, f.value ? 'dangerous goods' : 'not dangerous goods')] });
  if (HAZMAT_WORDS.has(t)) return ok({ claims: [claim('dangerous', true, 'dangerous goods')] });
  if (NONE.has(t)) return ok({ claims: [claim('dangerous', false, 'not dangerous goods')] });
  const c = readHazardClass(v);
  if (c === undefined) return bad(`must be ${FLAG_HELP}, or a UN hazard class or division (${CLASS_EXAMPLES}), got ${shown(v)}`);
  if (!c.ok) return c;
  const hazard = c.value.class!;
  return ok({
    claims: [claim('dangerous', true, `hazard class ${hazard}, ${className(hazard)}`)],
    hazard,
    ...(c.value.unNumber ? { unNumber: c.value.unNumber } : {}),
  });
}

/** Classes of supply (ATP 4-0.1 / FM 4-0): only class V, ammunition, bears on safety. */
const SUPPLY_CLASSES = ['I', 'II', 'III', 'IV', 'V', 'VI', 'VII', 'VIII', 'IX', 'X'];

/** A "Class" column: a class of supply in roman numerals (V is ammunition), else a hazard class. */
export function readClass(v: CellValue): Read<Reading> {
  const roman = /^(?:class\s+|cl\.?\s*)?([ivx]+)$/i.exec(text(v));
  if (roman && SUPPLY_CLASSES.includes(roman[1].toUpperCase()))
    return ok(roman[1].toUpperCase() === 'V' ? { claims: [claim('ammunition', true, 'class of supply V, ammunition')] } : NOTHING);
  const h = readHazard(v);
  return h.ok ? h : bad(h.message.replace(/^must be /, 'must be a class of supply (I-X) or ').replace(/, got/, ', got'));
}

export function readUn(v: CellValue): Read<Reading> {
  if (isBlank(v) || NONE.has(text(v).toLowerCase())) return ok(NOTHING);
  const n = readUnNumber(v);
  if (!n.ok) return bad(n.message);
  return ok({ claims: [claim('dangerous', true, `UN number ${n.value}`)], unNumber: n.value });
}

const CUI_AUTHORITY = 'controlled unclassified information goes to a foreign government only with release authority (DoDI 5200.48)';

/** A marking (U, CUI, C, S, TS, "SECRET//NOFORN") or Y/N. */
export function readClassification(v: CellValue): Read<Reading> {
  if (isBlank(v)) return ok(NOTHING);
  const f = readFlag(v);
  if (f.ok && f.value !== undefined) return ok({ claims: [claim('classified', f.value, f.value ? 'classified' : 'not classified')] });
  if (NONE.has(text(v).toLowerCase())) return ok({ claims: [claim('classified', false, 'not classified')] });
  const m = readMarking(text(v));
  if (!m) return bad(`must be a classification marking (${MARKING_EXAMPLES}) or ${FLAG_HELP}, got ${shown(v)}`);
  if (m.marking === 'classified') return ok({ claims: [claim('classified', true, `classification ${m.level}`)] });
  if (m.marking === 'cui') return ok({ claims: [claim('classified', false, `${m.level}: unclassified`)], authority: CUI_AUTHORITY });
  return ok({ claims: [claim('classified', false, `${m.level}: unclassified`)] });
}

export const readComsec = flagReader('comsec', 'COMSEC or a controlled cryptographic item', ['cci', 'comsec', 'crypto', 'controlled cryptographic item']);
export const readLethal = flagReader('lethal', 'a weapon or lethal item', ['lethal', 'weapon', 'weapons', 'arms', 'small arms', 'firearm']);
export const readAmmunition = flagReader('ammunition', 'ammunition or explosives', ['ammo', 'ammunition', 'munition', 'munitions', 'explosive', 'explosives', 'aa&e']);
export const readTransfer = flagReader('transfer', 'cleared for transfer to the host');
export const readDemilInPlace = flagReader('demilInPlace', 'may be destroyed in place');
export const readCargoAircraftOnly = flagReader('cargoAircraftOnly', 'cargo aircraft only', ['cao', 'cargo aircraft only', 'cargo only']);

/** A DoD Identification Code names an ammunition item: four letters and digits (A059, C995, G881). */
export function readDodic(v: CellValue): Read<Reading> {
  if (isBlank(v) || NONE.has(text(v).toLowerCase())) return ok(NOTHING);
  const t = text(v);
  if (!/^(?=.*[a-z])[a-z0-9]{4}$/i.test(t)) return bad(`must be a DODIC (four letters and digits naming an ammunition item, e.g. A059), got ${shown(v)}`);
  return ok({ claims: [claim('ammunition', true, `DODIC ${t.toUpperCase()}, an ammunition item`)] });
}

/** A DEMIL code (A-G, P, Q), optionally with its integrity code ("D1") or a description ("D - destroy"). */
export function readDemilCode(v: CellValue): Read<Reading> {
  if (isBlank(v) || ['none', 'n/a', 'na', '-'].includes(text(v).toLowerCase())) return ok(NOTHING);
  const m = /^(?:demil\s*(?:code)?\s*|code\s+)?([a-z])(\d)?(?:\s*(?:[-:(].*)?)$/i.exec(text(v));
  const d = m ? own(DEMIL_CODES, m[1].toUpperCase()) : undefined;
  if (!d) return bad(`must be a DEMIL code (${DEMIL_LIST}; DoDM 4160.28), got ${shown(v)}`);
  const because = `DEMIL code ${d.code}: ${d.meaning}`;
  return ok({
    claims: d.marks.map((mk) => claim(mk.fact, mk.value, because)),
    ...(d.transfer === 'authority' ? { authority: `DEMIL code ${d.code} (${d.meaning}) goes to a foreign government only under a transfer authority (FMS, EDA or export licence)` } : {}),
  });
}

/** Sensitivity words, in the order written, to the facts they name. */
const WORDS: Readonly<Record<string, Fact>> = {
  lethal: 'lethal',
  weapon: 'lethal',
  weapons: 'lethal',
  arms: 'lethal',
  dangerous: 'dangerous',
  'dangerous goods': 'dangerous',
  hazmat: 'dangerous',
  hazardous: 'dangerous',
  dg: 'dangerous',
  classified: 'classified',
  confidential: 'classified',
  secret: 'classified',
  'top secret': 'classified',
  comsec: 'comsec',
  cci: 'comsec',
  crypto: 'comsec',
  ammo: 'ammunition',
  ammunition: 'ammunition',
  munitions: 'ammunition',
  explosives: 'ammunition',
  aae: 'ammunition',
  sensitive: 'sensitive',
};

/** The kind a Y in a column means, from its header's words ("Hazmat" mapped to sensitive: a Y is dangerous). */
export type KindOfHeader = (header: string) => Fact | undefined;

/** Sensitive: Y/N, or the words (lethal, dangerous, classified...). A Y takes its kind from the header. */
export function readSensitive(v: CellValue, header: string, kindOf: KindOfHeader): Read<Reading> {
  if (isBlank(v)) return ok(NOTHING);
  const written = text(v);
  const lower = written.toLowerCase();
  if (NONE.has(lower) || lower === 'n/a') return ok({ claims: [claim('sensitive', false, 'not sensitive')] });
  if (YES(v)) {
    const kind = kindOf(header) ?? 'sensitive';
    return ok({ claims: [claim(kind, true, kind === 'sensitive' ? 'sensitive' : `${header}: ${kind}`)] });
  }
  const claims: Claim[] = [];
  const parts = written.replace(/aa\s*&\s*e/gi, 'aae').split(/\s*[,/;+&]\s*|\s+and\s+/i).filter(Boolean);
  if (parts.length === 0) return bad(`must be Y or N, or lethal, dangerous or classified (comma or slash separated), got ${shown(v)}`);
  for (const part of parts) {
    const fact = own(WORDS, part.toLowerCase().replace(/\s+/g, ' '));
    if (!fact) return bad(`unknown sensitivity "${part}" (lethal, dangerous or classified, or Y/N; comma or slash separated)${part === written ? '' : `, got ${shown(v)}`}`);
    claims.push(claim(fact, true, part));
  }
  return ok({ claims });
}
