// A measure as a clerk types it into a cell: "45 lb", "1,250 kg", "36 in", `36"`, "3' 6"",
// "45#" (pounds, in US shipping papers), "$1,200". A unit in the cell wins over the header's;
// a cell without one takes the header's unit (or SI). Three-figure cells ("48 x 40 x 36 in")
// are read for a combined dimensions column.

import { own, readNumber, shown, text, type CellValue, type Read } from './cells.ts';
import { SI, UNITS, toSi, type Dimension, type Unit } from './units.ts';

const ok = <T>(value: T): Read<T> => ({ ok: true, value });
const bad = (message: string): Read<never> => ({ ok: false, message });

/** Symbols written straight after a number, and unit words with a full stop ("lbs.", "in."). */
const SYMBOLS: Readonly<Record<string, string>> = { '"': 'in', '\u2033': 'in', "'": 'ft', '\u2032': 'ft', '#': 'lb', $: 'usd' };

const NUMBER = String.raw`-?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?|-?\.\d+`;
const WITH_UNIT = new RegExp(String.raw`^\$?\s*(${NUMBER})\s*([a-z]+\.?|["'#$\u2032\u2033])?$`, 'i');
const FEET_INCHES = new RegExp(String.raw`^(\d+)\s*(?:'|\u2032|ft\.?)\s*(${NUMBER})\s*(?:"|\u2033|in\.?)?$`, 'i');

export const DIMENSION_WORDS: Readonly<Record<Dimension, string>> = { mass: 'mass', length: 'length', money: 'money' };

/**
 * A number in the column's dimension, to SI. `headerUnit` is the unit the header names (SI when
 * it names none). Errors quote the cell as written.
 */
export function readMeasure(v: CellValue, dimension: Dimension, headerUnit: Unit = SI[dimension]): Read<number> {
  if (typeof v === 'number') {
    const n = readNumber(v);
    return n.ok ? ok(toSi(n.value, headerUnit)) : n;
  }
  const t = text(v);
  const plain = readNumber(v);
  if (plain.ok) return ok(toSi(plain.value, headerUnit));
  const fi = FEET_INCHES.exec(t);
  if (fi && dimension === 'length') {
    const inches = Number(fi[1]) * 12 + Number(fi[2].replace(/,/g, ''));
    return ok(toSi(inches, UNITS.in));
  }
  const m = WITH_UNIT.exec(t);
  if (!m) return bad(`must be a number${dimension === 'money' ? '' : ' (a unit may follow it, e.g. 45 lb)'}, got ${shown(v)}`);
  const word = (m[2] ?? '').toLowerCase().replace(/\.$/, '');
  const unit = word === '' ? headerUnit : own(UNITS, own(SYMBOLS, word) ?? word);
  if (!unit) return bad(`"${m[2]}" is not a unit drawdown knows (kg, lb, t, m, cm, mm, in, ft, USD), got ${shown(v)}`);
  if (unit.dimension !== dimension) return bad(`"${m[2]}" is not a unit of ${DIMENSION_WORDS[dimension]}, got ${shown(v)}`);
  return ok(toSi(Number(m[1].replace(/,/g, '')), unit));
}

/** "48 x 40 x 36", "48x40x36 in", "1.2 × 1.0 × 0.9 m": length, width and height, to metres. */
export function readDims(v: CellValue, headerUnit: Unit = SI.length): Read<[number, number, number]> {
  const t = text(v);
  const parts = t.split(/\s*[x\u00d7*]\s*/i);
  const expected = `must be length x width x height (e.g. 48 x 40 x 36 in), got ${shown(v)}`;
  if (parts.length !== 3 || parts.some((p) => p === '')) return bad(expected);
  // A unit written once at the end ("48 x 40 x 36 in") applies to all three.
  const last = WITH_UNIT.exec(parts[2]);
  const shared = last?.[2] && parts.slice(0, 2).every((p) => readNumber(p).ok) ? last[2] : undefined;
  const out: number[] = [];
  for (const [i, p] of parts.entries()) {
    const r = readMeasure(i < 2 && shared ? `${p}${/^["'\u2032\u2033#]$/.test(shared) ? '' : ' '}${shared}` : p, 'length', headerUnit);
    if (!r.ok) return bad(`${expected} (${r.message.replace(/, got .*$/, '')})`);
    out.push(r.value);
  }
  return ok(out as [number, number, number]);
}
