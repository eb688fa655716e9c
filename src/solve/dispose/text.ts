// Figures as a planner reads them in a reason: fixed formats, no locale, so plans are stable
// byte for byte on every machine.

import type { FleetLine, Item } from '../../model/index.ts';
import type { CarryProblem } from '../shared/capability.ts';
import type { LegCost, RouteCost } from './route.ts';

/** Whole dollars with thousands separators: $58,700. */
export function usd(v: number): string {
  const cents = Math.abs(v) < 10 && Math.round(v) !== v;
  const body = cents ? Math.abs(v).toFixed(2) : groups(Math.round(Math.abs(v)));
  return `${v < 0 ? '-' : ''}$${body}`;
}

/** Three significant figures for estimates: about $4,870. */
export function aboutUsd(v: number): string {
  if (Math.abs(v) < 10) return usd(Math.round(v * 100) / 100);
  const digits = Math.floor(Math.log10(Math.abs(v))) + 1;
  const step = 10 ** Math.max(0, digits - 3);
  return usd(Math.round(v / step) * step);
}

/** Up to two decimals, trailing zeros trimmed: 4.1, 2.74, 17. */
export function num(v: number, decimals = 2): string {
  return String(Number(v.toFixed(decimals)));
}

export function kg(v: number): string {
  return `${groups(Math.round(v))} kg`;
}

/** A share of a sortie: 0.083, 0.5, 0.0012. */
export function share(v: number): string {
  return v >= 0.01 ? num(v, 3) : String(Number(v.toPrecision(2)));
}

function groups(n: number): string {
  return String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

export function sensitivityText(item: Item): string {
  const s = [...item.sensitive];
  return s.length <= 1 ? (s[0] ?? '') : `${s.slice(0, -1).join(', ')} and ${s[s.length - 1]}`;
}

export function legText(l: LegCost): string {
  return `${share(l.share)} of a ${l.type} round trip ${l.from}->${l.to}, back empty, at ${aboutUsd(l.sortieUsd)}, bound by ${l.binding}`;
}

export function routeText(r: RouteCost): string {
  return r.legs.map(legText).join('; then ');
}

/** The unit's size for the limit it breaks, as in "4.1 m tall". */
function sizeFor(problem: CarryProblem, item: Item): string {
  switch (problem) {
    case 'door':
      return item.tiltable
        ? `${num(Math.min(item.lengthM, item.widthM, item.heightM))} m high even on its lowest face`
        : `${num(item.heightM)} m tall`;
    case 'floor':
      return `${num(item.lengthM)} x ${num(item.widthM)} m`;
    case 'weight':
      return kg(item.unitWeightKg);
    case 'positions':
      return 'palletised';
    case 'balance':
      return `${num(item.lengthM)} m long`;
  }
}

/** The type's limit that the unit breaks: "2.74 m" (or "door 2.74 m" when named). */
function limitOf(problem: CarryProblem, line: FleetLine, named = false): string {
  const [label, value] = ((): [string, string] => {
    switch (problem) {
      case 'door':
        return ['door', `${num(line.doorHeightM)} m`];
      case 'floor':
        return ['floor', `${num(line.floorLengthM)} x ${num(line.floorWidthM)} m`];
      case 'weight':
        return ['ACL', kg(line.aclKg)];
      case 'positions':
        return ['pallet positions', String(line.palletPositions)];
      case 'balance':
        return ['CG range', `${num(line.cgRangeM[0])}-${num(line.cgRangeM[1])} m`];
    }
  })();
  return named ? `${label} ${value}` : value;
}

const BEYOND: Record<CarryProblem, string> = {
  door: 'higher than every door',
  floor: 'larger than every floor',
  weight: 'heavier than the allowable cabin load of every aircraft',
  positions: 'needing a pallet position on every aircraft',
  balance: 'unable to sit inside the balance range of every aircraft',
};

/** Why no aircraft serving the site can take one unit, e.g. "4.1 m tall, higher than every door serving ab201 (C-130J-30 2.74 m)". */
export function cannotCarryText(item: Item, site: string, refused: readonly { line: FleetLine; problem: CarryProblem }[]): string {
  if (refused.length === 0) return `no aircraft in the fleet can land at ${site}`;
  const seen = new Set<string>();
  const unique = refused.filter((r) => !seen.has(`${r.line.type}|${r.problem}`) && seen.add(`${r.line.type}|${r.problem}`));
  const first = unique[0].problem;
  if (unique.every((r) => r.problem === first)) {
    return `${sizeFor(first, item)}, ${BEYOND[first]} serving ${site} (${unique.map((r) => `${r.line.type} ${limitOf(first, r.line)}`).join(', ')})`;
  }
  const each = unique.map((r) => `${r.line.type}: ${sizeFor(r.problem, item)}, ${limitOf(r.problem, r.line, true)}`);
  return `no aircraft serving ${site} can carry it (${each.join('; ')})`;
}
