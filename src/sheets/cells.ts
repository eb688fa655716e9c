// Reading one cell as a logistician writes it: "1,200", "$3,500.00", Y/N/x, "Rolling stock".
// Safety cells ("lethal / classified", "1.4S", DEMIL codes) have their readers in safety/. Each reader returns the value or a message naming what it expected.

import type { ItemKind, PersonnelRole } from '../model/index.ts';

/** A cell as read from CSV (always text) or XLSX (typed). */
export type CellValue = string | number | boolean | Date | null;

export type Read<T> = { ok: true; value: T } | { ok: false; message: string };

const ok = <T>(value: T): Read<T> => ({ ok: true, value });
const bad = (message: string): Read<never> => ({ ok: false, message });

/**
 * A table entry by a key a clerk typed, never one of Object's own ("constructor", "__proto__"):
 * every lookup of cell text in a table goes through here.
 */
export function own<T>(table: Readonly<Record<string, T>>, key: string): T | undefined {
  return Object.hasOwn(table, key) ? table[key] : undefined;
}

export function isBlank(v: CellValue): boolean {
  return v === null || (typeof v === 'string' && v.trim() === '');
}

export function text(v: CellValue): string {
  if (v === null) return '';
  if (v instanceof Date) return v.toISOString();
  return String(v).trim();
}

/** The value as the message quotes it: text in quotes, numbers bare. */
export function shown(v: CellValue): string {
  return typeof v === 'number' || typeof v === 'boolean' ? String(v) : JSON.stringify(text(v));
}

const THOUSANDS = /^-?\d{1,3}(,\d{3})+(\.\d+)?$/;

export function readNumber(v: CellValue): Read<number> {
  if (typeof v === 'number') return Number.isFinite(v) ? ok(v) : bad(`must be a number, got ${shown(v)}`);
  const t = text(v).replace(/^\$\s*|\s*(usd|\$)$/gi, '').replace(/\s+/g, '');
  const plain = THOUSANDS.test(t) ? t.replace(/,/g, '') : t;
  const n = /^-?(\d+\.?\d*|\.\d+)(e-?\d+)?$/i.test(plain) ? Number(plain) : NaN;
  return Number.isFinite(n) ? ok(n) : bad(`must be a number, got ${shown(v)}`);
}

const YES = new Set(['y', 'yes', 'true', '1', 'x', 't']);
const NO = new Set(['n', 'no', 'false', '0', 'f', '-']);

/** Y/N, yes/no, true/false, 1/0, x; a blank cell is the default. */
export function readFlag(v: CellValue): Read<boolean | undefined> {
  if (isBlank(v)) return ok(undefined);
  if (typeof v === 'boolean') return ok(v);
  const t = text(v).toLowerCase();
  if (YES.has(t)) return ok(true);
  if (NO.has(t)) return ok(false);
  return bad(`must be Y or N (or yes/no, true/false, 1/0, x), got ${shown(v)}`);
}

const KINDS: Record<string, ItemKind> = {
  cargo: 'cargo',
  'general cargo': 'cargo',
  pallet: 'cargo',
  palletized: 'cargo',
  palletised: 'cargo',
  crate: 'cargo',
  box: 'cargo',
  container: 'cargo',
  vehicle: 'vehicle',
  vehicles: 'vehicle',
  'rolling stock': 'vehicle',
  'rolling-stock': 'vehicle',
  rolling: 'vehicle',
  'roll on': 'vehicle',
  'roll-on': 'vehicle',
  wheeled: 'vehicle',
  tracked: 'vehicle',
};

/** Blank is cargo, the schema's usual case. */
export function readKind(v: CellValue): Read<ItemKind> {
  const t = text(v).toLowerCase().replace(/\s+/g, ' ');
  if (t === '') return ok('cargo');
  const k = own(KINDS, t);
  return k ? ok(k) : bad(`unknown type ${shown(v)} (cargo or vehicle)`);
}

const ROLES: Record<string, PersonnelRole> = {
  security: 'security',
  sec: 'security',
  'force protection': 'security',
  operations: 'operations',
  ops: 'operations',
  support: 'support',
  sustainment: 'support',
};

export function readRole(v: CellValue): Read<PersonnelRole> {
  const r = own(ROLES, text(v).toLowerCase().replace(/\s+/g, ' '));
  return r ? ok(r) : bad(`unknown role ${shown(v)} (security, operations or support)`);
}
