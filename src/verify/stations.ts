// load.station: on a type with pallet stations, each pallet load covers exactly one station
// (x, y, l, w equal the station's), one pallet a station, its gross weight within the station's
// maxKg; a station a vehicle or floor unit stands over carries no pallet. Stations are numbered
// from 1 in the type's order (front to back, left to right in the catalog).

import type { Load, PalletStation, Violation } from '../model/index.ts';
import { GEOMETRY_EPS_M } from '../model/index.ts';
import type { SortieInfo, VerifyContext } from './context.ts';
import { finite } from './context.ts';
import { figures, kg, num, violation } from './format.ts';

const EPS = GEOMETRY_EPS_M;
const KG_EPS = 1e-6;

export function checkStations(ctx: VerifyContext): Violation[] {
  const out: Violation[] = [];
  for (const s of ctx.sorties) {
    const stations = s.line?.palletStations;
    if (stations && stations.length > 0) checkSortie(ctx, s, stations, out);
  }
  return out;
}

function checkSortie(ctx: VerifyContext, s: SortieInfo, stations: readonly PalletStation[], out: Violation[]): void {
  const id = s.sortie.id;
  const taken = new Map<number, string>();
  const floorLoads: Load[] = [];
  const onStations: { load: Load; at: number }[] = [];
  for (const load of s.loads) {
    if (![load.x, load.y, load.l, load.w].every(finite)) continue; // reported under load.floor
    const t = ctx.target(load.ref);
    if (!t) continue;
    if (t.kind === 'floor') {
      floorLoads.push(load);
      continue;
    }
    const at = stations.findIndex((st) => same(st.x, load.x) && same(st.y, load.y) && same(st.l, load.l) && same(st.w, load.w));
    if (at < 0) {
      const [k, off] = nearest(stations, load);
      out.push(violation('load.station',
        `${s.label}: pallet ${load.ref} at x ${num(load.x, 3)}, y ${num(load.y, 3)} m (${num(load.l, 3)} × ${num(load.w, 3)} m) sits on no pallet station; ` +
        `the nearest is station ${k + 1} at x ${num(stations[k].x, 3)}, y ${num(stations[k].y, 3)} m`, [id, load.ref], figures(off, 0, 'm')));
      continue;
    }
    const st = stations[at];
    const other = taken.get(at);
    if (other !== undefined) {
      out.push(violation('load.station', `${s.label}: pallets ${other} and ${load.ref} both sit on station ${at + 1}`, [id, other, load.ref],
        figures(2, 1, 'pallets')));
    } else taken.set(at, load.ref);
    const gross = t.pallet.weightKg;
    if (gross > st.maxKg + KG_EPS) {
      out.push(violation('load.station',
        `${s.label}: pallet ${load.ref} of ${kg(gross)} sits on station ${at + 1}, which takes at most ${kg(st.maxKg)}`, [id, load.ref],
        figures(gross, st.maxKg, 'kg')));
    }
    onStations.push({ load, at });
  }
  // A vehicle or floor unit over a station leaves that station empty.
  for (const { load, at } of onStations) {
    const st = stations[at];
    for (const f of floorLoads) {
      const area = overlap(st.x, st.l, f.x, f.l) * overlap(st.y, st.w, f.y, f.w);
      if (area <= EPS * EPS) continue;
      out.push(violation('load.station',
        `${s.label}: pallet ${load.ref} sits on station ${at + 1}, which floor load ${f.ref} stands over`, [id, load.ref, f.ref],
        figures(area, 0, 'm2')));
    }
  }
}

function same(a: number, b: number): boolean {
  return Math.abs(a - b) <= EPS;
}

function overlap(a: number, la: number, b: number, lb: number): number {
  return Math.max(0, Math.min(a + la, b + lb) - Math.max(a, b));
}

/** The station nearest the load's corner, and how far off the load is from it on its worst edge. */
function nearest(stations: readonly PalletStation[], load: Load): [number, number] {
  let best = 0;
  let bestOff = Infinity;
  stations.forEach((st, k) => {
    const off = Math.max(Math.abs(st.x - load.x), Math.abs(st.y - load.y), Math.abs(st.x + st.l - load.x - load.l), Math.abs(st.y + st.w - load.y - load.w));
    if (off < bestOff) [best, bestOff] = [k, off];
  });
  return [best, bestOff];
}
