// One sortie's load: take pieces in priority order while weight, pallet positions, door and
// floor allow, lay them out in rows, then balance by arrangement. A piece is left for a later
// sortie only when it does not fit, or as a last resort when no arrangement balances.
// Formulation: docs/loads.md.

import type { Load } from '../../model/index.ts';
import type { AircraftLoad, CargoPiece, LoadRequest } from '../types.ts';
import { arrange, type Arrangement } from './balance.ts';
import { canBalanceAlone, floorOrientations, type Orientation } from './fit.ts';
import { FloorLayout } from './layout.ts';

export { canBalanceAlone, carryProblem, fitsAircraft, floorOrientations, orientations, pieceFootprint } from './fit.ts';
export type { CarryProblem, Orientation } from './fit.ts';

/** How far down the waiting list one sortie looks for pieces that fit. */
export const LOOK_AHEAD = 300;

/** Weight slack below which the load counts as full. */
const FULL_KG = 1e-6;

interface Candidate {
  piece: CargoPiece;
  options: Orientation[];
}

interface Packed {
  chosen: Candidate[];
  layout: FloorLayout;
}

export function buildLoad(req: LoadRequest): AircraftLoad {
  const { aircraft } = req;
  const capKg = Math.min(req.maxCargoKg, aircraft.aclKg);
  const candidates: Candidate[] = [];
  const n = Math.min(req.pieces.length, LOOK_AHEAD);
  for (let i = 0; i < n; i++) {
    const piece = req.pieces[i];
    if (piece.weightKg > capKg) continue;
    if (piece.kind === 'pallet' && aircraft.palletPositions < 1) continue;
    // Orientations that cannot balance even alone are never worth trying.
    const options = floorOrientations(piece, aircraft).filter((o) => canBalanceAlone(o, aircraft));
    if (options.length > 0) candidates.push({ piece, options });
  }
  if (candidates.length === 0) return { pieces: [], loads: [], cargoKg: 0, cgM: null };

  let packed = pack(candidates, capKg, aircraft.palletPositions, aircraft.floorLengthM, aircraft.floorWidthM);
  let placed = arrange(packed.layout.rows, aircraft.floorLengthM, aircraft.cgRangeM);
  while (!placed.inside) {
    // Last resort: leave out the lowest-priority piece whose absence lets the rest balance;
    // failing that, the last piece, and try again. One piece alone always balances.
    const retry = dropOne(packed.chosen, capKg, aircraft.palletPositions, aircraft.floorLengthM, aircraft.floorWidthM, aircraft.cgRangeM);
    packed = retry.packed;
    placed = retry.placed;
  }
  return toLoad(packed, placed);
}

/** Greedy in priority order: a piece is skipped only when weight, positions or floor refuse it. */
function pack(candidates: readonly Candidate[], capKg: number, positions: number, lengthM: number, widthM: number): Packed {
  const layout = new FloorLayout(lengthM, widthM);
  const chosen: Candidate[] = [];
  let kg = 0;
  let pallets = 0;
  for (const c of candidates) {
    if (capKg - kg <= FULL_KG) break;
    if (kg + c.piece.weightKg > capKg) continue;
    const isPallet = c.piece.kind === 'pallet';
    if (isPallet && pallets >= positions) continue;
    if (!layout.place(chosen.length, c.piece.weightKg, c.options)) continue;
    chosen.push(c);
    kg += c.piece.weightKg;
    if (isPallet) pallets++;
  }
  return { chosen, layout };
}

function dropOne(
  chosen: readonly Candidate[],
  capKg: number,
  positions: number,
  lengthM: number,
  widthM: number,
  cgRangeM: [number, number],
): { packed: Packed; placed: Arrangement } {
  for (let k = chosen.length - 1; k >= 1; k--) {
    const packed = pack(without(chosen, k), capKg, positions, lengthM, widthM);
    const placed = arrange(packed.layout.rows, lengthM, cgRangeM);
    if (placed.inside) return { packed, placed };
  }
  const packed = pack(without(chosen, chosen.length - 1), capKg, positions, lengthM, widthM);
  return { packed, placed: arrange(packed.layout.rows, lengthM, cgRangeM) };
}

function without<T>(list: readonly T[], k: number): T[] {
  return list.filter((_, i) => i !== k);
}

function toLoad(packed: Packed, placed: Arrangement): AircraftLoad {
  const loads = new Array<Load>(packed.chosen.length);
  packed.layout.rows.forEach((row, r) => {
    for (const s of row.slots) {
      const dx = placed.flipped[r] ? row.len - s.dx - s.l : s.dx;
      loads[s.piece] = { ref: packed.chosen[s.piece].piece.ref, x: placed.rowX[r] + dx, y: s.y, l: s.l, w: s.w };
    }
  });
  const pieces = packed.chosen.map((c) => c.piece);
  let kg = 0;
  let moment = 0;
  pieces.forEach((p, i) => {
    kg += p.weightKg;
    moment += p.weightKg * (loads[i].x + loads[i].l / 2);
  });
  return { pieces, loads, cargoKg: kg, cgM: pieces.length === 0 ? null : kg > 0 ? moment / kg : placed.cgM };
}
