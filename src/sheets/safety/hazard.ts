// The UN hazard classes and divisions as a clerk writes them ("3", "Class 3", "Div 1.4S",
// "1.4 S", "Flammable liquid"), and UN numbers ("UN1203", "1203", "UN 0012"). Source: UN
// Recommendations on the Transport of Dangerous Goods, Model Regulations, Part 2 (the same
// classes as IATA Dangerous Goods Regulations, Section 3); compatibility groups from Part 2.1.2.
// The scenario keeps one class a line (formats.md); a subsidiary hazard ("3 (6.1)") cannot be
// segregated by the planner, so such a cell is refused rather than half read.

import { HAZARD_PATTERN } from '../../scenario/schema.ts';
import { own, shown, text, type CellValue, type Read } from '../cells.ts';

export interface HazardClass {
  code: string;
  name: string;
}

export const HAZARD_CLASSES: readonly HazardClass[] = [
  { code: '1.1', name: 'explosives with a mass explosion hazard' },
  { code: '1.2', name: 'explosives with a projection hazard' },
  { code: '1.3', name: 'explosives with a fire hazard and a minor blast or projection hazard' },
  { code: '1.4', name: 'explosives presenting no significant hazard' },
  { code: '1.5', name: 'very insensitive explosives with a mass explosion hazard' },
  { code: '1.6', name: 'extremely insensitive articles' },
  { code: '2.1', name: 'flammable gases' },
  { code: '2.2', name: 'non-flammable, non-toxic gases' },
  { code: '2.3', name: 'toxic gases' },
  { code: '3', name: 'flammable liquids' },
  { code: '4.1', name: 'flammable solids, self-reactive substances and desensitised explosives' },
  { code: '4.2', name: 'substances liable to spontaneous combustion' },
  { code: '4.3', name: 'substances which, in contact with water, emit flammable gases' },
  { code: '5.1', name: 'oxidizing substances' },
  { code: '5.2', name: 'organic peroxides' },
  { code: '6.1', name: 'toxic substances' },
  { code: '6.2', name: 'infectious substances' },
  { code: '7', name: 'radioactive material' },
  { code: '8', name: 'corrosive substances' },
  { code: '9', name: 'miscellaneous dangerous substances and articles (including lithium batteries)' },
];

/** Explosives' compatibility groups (Model Regulations 2.1.2.4; I, M and O are not used). */
export const COMPATIBILITY_GROUPS = 'ABCDEFGHJKLNS';

/** Class names as written on labels and shipping papers, to their class or division. */
const NAMES: Readonly<Record<string, string>> = {
  'flammable gas': '2.1',
  'flammable gases': '2.1',
  'non-flammable gas': '2.2',
  'nonflammable gas': '2.2',
  'non flammable gas': '2.2',
  'compressed gas': '2.2',
  'toxic gas': '2.3',
  'poison gas': '2.3',
  'flammable liquid': '3',
  'flammable liquids': '3',
  flammable: '3',
  'flammable solid': '4.1',
  'flammable solids': '4.1',
  'spontaneously combustible': '4.2',
  'dangerous when wet': '4.3',
  oxidizer: '5.1',
  oxidiser: '5.1',
  oxidizing: '5.1',
  'organic peroxide': '5.2',
  toxic: '6.1',
  poison: '6.1',
  infectious: '6.2',
  'infectious substance': '6.2',
  radioactive: '7',
  corrosive: '8',
  corrosives: '8',
  miscellaneous: '9',
  misc: '9',
  'lithium batteries': '9',
  'lithium battery': '9',
};

/** Classes that have divisions: a bare "2" or "1.4" is not enough to segregate by. */
const DIVISIONS: Readonly<Record<string, string>> = { '1': '1.1-1.6 with its compatibility group (1.4S)', '2': '2.1, 2.2 or 2.3', '4': '4.1, 4.2 or 4.3', '5': '5.1 or 5.2', '6': '6.1 or 6.2' };

export const CLASS_EXAMPLES = '1.4S, 2.1, 3, 8, 9';

export function className(code: string): string {
  return HAZARD_CLASSES.find((c) => c.code === code.slice(0, 3) || c.code === code)?.name ?? '';
}

export type HazardRead = { class?: string; unNumber?: string };

/**
 * A class or division, optionally with a UN number in the same cell ("1.4S UN0012", "3 / UN1203").
 * undefined when the cell holds no class at all (a Y/N is read by the caller).
 */
export function readHazardClass(v: CellValue): Read<HazardRead> | undefined {
  let t = typeof v === 'number' ? String(v) : text(v);
  const out: HazardRead = {};
  const un = /(?:^|[\s,;/]+)(UN\s*-?\s*\d{4})\s*$/i.exec(t);
  if (un && un.index > 0) {
    const n = readUnNumber(un[1]);
    if (!n.ok) return n;
    out.unNumber = n.value;
    t = t.slice(0, un.index).trim();
  }
  const name = own(NAMES, t.toLowerCase().replace(/\s+/g, ' '));
  if (name) return { ok: true, value: { ...out, class: name } };
  const m = /^(?:(?:hazard\s+)?(?:class|cl\.?|div\.?|division)\s*)?([1-9])(?:\.(\d))?\s*([a-z])?\s*(\(.*\))?$/i.exec(t);
  if (!m) return undefined;
  const [, cls, div, group, subsidiary] = m;
  const code = `${cls}${div ? `.${div}` : ''}${group ? group.toUpperCase() : ''}`;
  const bad = (message: string): Read<never> => ({ ok: false, message: `${message}, got ${shown(v)}` });
  const inner = subsidiary?.slice(1, -1).trim().toLowerCase();
  const sameClass = inner !== undefined && (own(NAMES, inner) === code || className(code) === inner);
  if (subsidiary && !sameClass)
    return bad(`one hazard class a line: drawdown segregates by the primary class only, so write it alone (${code}) and have the loadmaster segregate the subsidiary hazard ${subsidiary} by hand`);
  if (cls === '1' && !div) return bad(`explosives need their division and compatibility group (1.1D, 1.4S)`);
  if (cls === '1' && !group) return bad(`explosives need their compatibility group letter (${code}S, ${code}C, ...; one of ${COMPATIBILITY_GROUPS.split('').join(', ')})`);
  if (!div && own(DIVISIONS, cls)) return bad(`class ${cls} needs its division (${DIVISIONS[cls]})`);
  if (group && cls !== '1') return bad(`only explosives (class 1) carry a compatibility group letter`);
  if (!HAZARD_PATTERN.test(code)) return bad(`not a UN hazard class or division (${HAZARD_CLASSES.map((c) => c.code).join(', ')})`);
  return { ok: true, value: { ...out, class: code } };
}

/** "UN1203", "un 1203", "1203", or the number 12 when a spreadsheet dropped the leading zeros. */
export function readUnNumber(v: CellValue): Read<string> {
  if (typeof v === 'number') {
    if (Number.isInteger(v) && v > 0 && v < 10000) return { ok: true, value: `UN${String(v).padStart(4, '0')}` };
    return { ok: false, message: `must be a UN number (UN followed by four digits, e.g. UN1203), got ${shown(v)}` };
  }
  const t = text(v);
  const m = /^(?:UN\s*-?\s*(\d{4})|(\d{1,4}))$/i.exec(t);
  // Bare digits: a spreadsheet program re-saving the CSV drops the leading zeros (0012 -> 12).
  if (m) return { ok: true, value: `UN${(m[1] ?? m[2]).padStart(4, '0')}` };
  if (/^(NA|ID)\s*-?\s*\d{4}$/i.test(t))
    return { ok: false, message: `${t.slice(0, 2).toUpperCase()} numbers (US DOT NA, IATA ID) are not UN numbers; give the UN number the item ships under (UN followed by four digits), got ${shown(v)}` };
  return { ok: false, message: `must be a UN number (UN followed by four digits, e.g. UN1203), got ${shown(v)}` };
}
