// Units a header may name, to SI. Exact definitions: 1 lb = 0.45359237 kg (international
// avoirdupois pound), 1 in = 0.0254 m, 1 ft = 0.3048 m.

export type Dimension = 'mass' | 'length' | 'money';

export interface Unit {
  dimension: Dimension;
  /** multiply a value in this unit by factor to get kg, m or USD */
  factor: number;
  /** the unit as written in canonical headers */
  symbol: string;
}

const u = (dimension: Dimension, factor: number, symbol: string): Unit => ({ dimension, factor, symbol });

export const UNITS: Readonly<Record<string, Unit>> = {
  kg: u('mass', 1, 'kg'),
  kgs: u('mass', 1, 'kg'),
  kilo: u('mass', 1, 'kg'),
  kilos: u('mass', 1, 'kg'),
  kilogram: u('mass', 1, 'kg'),
  kilograms: u('mass', 1, 'kg'),
  g: u('mass', 0.001, 'g'),
  t: u('mass', 1000, 't'),
  tonne: u('mass', 1000, 't'),
  tonnes: u('mass', 1000, 't'),
  lb: u('mass', 0.45359237, 'lb'),
  lbs: u('mass', 0.45359237, 'lb'),
  pound: u('mass', 0.45359237, 'lb'),
  pounds: u('mass', 0.45359237, 'lb'),
  m: u('length', 1, 'm'),
  meter: u('length', 1, 'm'),
  meters: u('length', 1, 'm'),
  metre: u('length', 1, 'm'),
  metres: u('length', 1, 'm'),
  cm: u('length', 0.01, 'cm'),
  mm: u('length', 0.001, 'mm'),
  in: u('length', 0.0254, 'in'),
  inch: u('length', 0.0254, 'in'),
  inches: u('length', 0.0254, 'in'),
  ft: u('length', 0.3048, 'ft'),
  foot: u('length', 0.3048, 'ft'),
  feet: u('length', 0.3048, 'ft'),
  usd: u('money', 1, 'USD'),
  us: u('money', 1, 'USD'),
  dollars: u('money', 1, 'USD'),
};

export const SI: Readonly<Record<Dimension, Unit>> = {
  mass: UNITS.kg,
  length: UNITS.m,
  money: UNITS.usd,
};

/**
 * A value in a unit to SI. Converted values are rounded to 1e-6 so float noise (100 in =
 * 2.5400000000000005 m) does not leak into scenarios; SI values pass through untouched.
 */
export function toSi(value: number, unit: Unit): number {
  if (unit.factor === 1) return value;
  return Math.round(value * unit.factor * 1e6) / 1e6;
}
