// What a property book identifies a line by, read strictly: a wrong stock number or condition
// code on a handover document is a finding, so a cell that is not one is named, never kept.
// Sources: NSN structure (FSC-NCB-item, 4-2-3-4 digits; local and NSL numbers keep the shape with
// letters) DoD 4100.39-M; supply condition codes DLM 4000.25 Vol. 2 Appendix 2.5 (the USTRANSCOM
// reference table V_SPLY_COND); TCN 17 characters, DTR 4500.9-R Part II Appendix L.

import { isIsoDate, isIsoDateTime, type UnitDimension } from '../model/index.ts';
import { isBlank, own, shown, text, type CellValue, type Read } from './cells.ts';

const ok = <T>(value: T): Read<T> => ({ ok: true, value });
const bad = (message: string): Read<never> => ({ ok: false, message });
const NONE = new Set(['', 'none', 'n/a', 'na', '-', 'nsl']);

/** 6115-01-274-7389, 6115012747389 (also as a number), 6115 01 274 7389; local numbers 6115-LL-H12-3456. */
export function readNsn(v: CellValue): Read<string | undefined> {
  const t = typeof v === 'number' && Number.isInteger(v) ? String(v) : text(v);
  if (NONE.has(t.toLowerCase())) return ok(undefined);
  const digits = t.replace(/[\s-]/g, '');
  if (/^\d{13}$/.test(digits)) return ok(`${digits.slice(0, 4)}-${digits.slice(4, 6)}-${digits.slice(6, 9)}-${digits.slice(9)}`);
  if (/^\d{4}-[a-z0-9]{2}-[a-z0-9]{3}-[a-z0-9]{4}$/i.test(t)) return ok(t.toUpperCase());
  if (/^\d{2}-?\d{3}-?\d{4}$/.test(t)) return bad(`this is a NIIN (9 digits) without its Federal Supply Class: give the whole 13-digit NSN (6115-01-274-7389), got ${shown(v)}`);
  return bad(`must be a 13-digit NSN such as 6115-01-274-7389, got ${shown(v)}`);
}

/** Serial numbers, one or several in a cell, separated by commas, semicolons or line breaks. */
export function readSerials(v: CellValue): Read<string[]> {
  if (isBlank(v)) return ok([]);
  const list = (typeof v === 'number' ? String(v) : text(v)).split(/\s*[,;\n\r]+\s*/).map((s) => s.trim()).filter(Boolean);
  const seen = new Set<string>();
  for (const s of list) {
    if (seen.has(s)) return bad(`serial number "${s}" is listed twice, got ${shown(v)}`);
    seen.add(s);
  }
  return ok(list);
}

/** Supply condition codes and what they mean. */
export const CONDITION_CODES: Readonly<Record<string, string>> = {
  A: 'serviceable (issuable without qualification)',
  B: 'serviceable (issuable with qualification)',
  C: 'serviceable (priority issue)',
  D: 'serviceable (test/modification)',
  E: 'unserviceable (limited restoration)',
  F: 'unserviceable (reparable)',
  G: 'unserviceable (incomplete)',
  H: 'unserviceable (condemned)',
  J: 'suspended (in stock)',
  K: 'suspended (returns)',
  L: 'suspended (litigation)',
  M: 'suspended (in work)',
  N: 'suspended (ammunition suitable for emergency combat use only)',
  P: 'unserviceable (reclamation)',
  Q: 'suspended (product quality deficiency)',
  R: 'suspended (reclaimed items, awaiting condition determination)',
  S: 'unserviceable (scrap)',
  V: 'unserviceable (waste military munitions)',
  X: 'suspended (repair decision delayed)',
};

export function readConditionCode(v: CellValue): Read<string | undefined> {
  const t = text(v);
  if (t === '') return ok(undefined);
  const code = t.toUpperCase();
  if (own(CONDITION_CODES, code)) return ok(code);
  return bad(`must be a supply condition code (${Object.keys(CONDITION_CODES).join(', ')}), got ${shown(v)}`);
}

export function readTcn(v: CellValue): Read<string | undefined> {
  const t = text(v).replace(/\s+/g, '');
  if (t === '') return ok(undefined);
  if (/^[a-z0-9]{17}$/i.test(t)) return ok(t.toUpperCase());
  return bad(`must be a transportation control number of 17 letters and digits (DTR 4500.9-R), got ${shown(v)}`);
}

/** Unit of issue words to their two-letter codes (FLIS Vol. 10 Table 53). */
const UI_WORDS: Readonly<Record<string, string>> = {
  each: 'EA', box: 'BX', set: 'SE', kit: 'KT', pair: 'PR', dozen: 'DZ', package: 'PG', pkg: 'PG', roll: 'RO', can: 'CN', drum: 'DR', gallon: 'GL',
  bottle: 'BT', bag: 'BG', hundred: 'HD', thousand: 'TH', container: 'CO', sheet: 'SH', pound: 'LB', foot: 'FT', lot: 'LO',
};

export function readUnitOfIssue(v: CellValue): Read<string | undefined> {
  const t = text(v);
  if (t === '') return ok(undefined);
  const word = own(UI_WORDS, t.toLowerCase());
  if (word) return ok(word);
  if (/^[a-z]{2}$/i.test(t)) return ok(t.toUpperCase());
  return bad(`must be a two-letter unit of issue (EA, BX, PG, SE, KT...), got ${shown(v)}`);
}

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

/** A date as written: an XLSX date, 2024-09-12 (or with a time), 12 Sep 2024, 12SEP24. Never 9/12 (month or day first?). */
export function readDate(v: CellValue): Read<string | undefined> {
  if (v instanceof Date) {
    if (Number.isNaN(v.getTime())) return bad(`must be a date, got ${shown(v)}`);
    const iso = v.toISOString();
    return ok(iso.endsWith('T00:00:00.000Z') ? iso.slice(0, 10) : iso.replace(/\.000Z$/, 'Z'));
  }
  const t = text(v);
  if (t === '') return ok(undefined);
  if (isIsoDate(t) || (isIsoDateTime(t) && isIsoDate(t.slice(0, 10)))) return ok(t);
  const m = /^(\d{1,2})[\s-]?([a-z]{3})[a-z]*[\s-]?(\d{2}|\d{4})$/i.exec(t);
  const month = m ? MONTHS.indexOf(m[2].toLowerCase()) : -1;
  if (m && month >= 0) {
    const year = m[3].length === 2 ? 2000 + Number(m[3]) : Number(m[3]);
    return ok(`${year}-${String(month + 1).padStart(2, '0')}-${m[1].padStart(2, '0')}`);
  }
  return bad(`must be a date written as 2024-09-12 or 12 Sep 2024 (9/12/2024 could be either month), got ${shown(v)}`);
}

const DIM_WORDS: Readonly<Record<string, UnitDimension>> = { length: 'length', l: 'length', width: 'width', w: 'width', height: 'height', h: 'height' };

/** Which dimensions may stand vertical: "height" (this way up), "length, height", "any". */
export function readVerticalDims(v: CellValue): Read<UnitDimension[] | undefined> {
  const t = text(v).toLowerCase();
  if (t === '') return ok(undefined);
  if (t === 'any' || t === 'all') return ok(['length', 'width', 'height']);
  const out: UnitDimension[] = [];
  for (const w of t.split(/\s*[,/;]\s*|\s+and\s+|\s+/).filter(Boolean)) {
    const d = own(DIM_WORDS, w);
    if (!d) return bad(`must name the dimensions that may stand vertical (length, width, height; "any" for all), got ${shown(v)}`);
    if (!out.includes(d)) out.push(d);
  }
  return ok(out);
}
