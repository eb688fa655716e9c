// flight.time: a leg lasts the great-circle distance over the type's cruise speed, to the minute.

import type { Violation } from '../model/index.ts';
import { HOUR_MS, greatCircleKm } from '../model/index.ts';
import type { VerifyContext } from './context.ts';
import { at, figures, h, num, violation } from './format.ts';

const FLIGHT_EPS_MS = 60_000;

export function checkFlights(ctx: VerifyContext): Violation[] {
  const out: Violation[] = [];
  for (const s of ctx.sorties) {
    if (!s.usable) continue;
    const km = greatCircleKm(s.from!, s.to!);
    const expected = s.dep + (km / s.line!.cruiseKmh) * HOUR_MS;
    if (Math.abs(s.arr - expected) > FLIGHT_EPS_MS) {
      out.push(violation('flight.time',
        `${s.label}: arrives ${at(s.arr)} but ${s.from!.id}–${s.to!.id} is ${num(km, 1)} km at ${num(s.line!.cruiseKmh, 1)} km/h, ` +
        `${h(km / s.line!.cruiseKmh)} after departing ${at(s.dep)}: ${at(expected)}`, [s.sortie.id],
        figures((s.arr - s.dep) / HOUR_MS, km / s.line!.cruiseKmh, 'h')));
    }
  }
  return out;
}
