// Building the pallets of one load group (one site, sensitive or not) on one pallet type.
// Two ways, keeping the one with fewer pallets: weight first (units binned by weight, then
// each bin stacked in 3D, what does not fit carried over) and volume first (fill a pallet as
// full as the 3D packer can, then take the next).

import type { PalletType } from '../../model/index.ts';
import { fillOne, type Block, type ContainerBox } from './container.ts';
import { TypePool, type BoxType } from './pool.ts';
import { binByWeight } from './weight.ts';

export interface PalletBox extends ContainerBox {}

export function palletBox(pt: PalletType): PalletBox {
  return { l: pt.usableLengthM, w: pt.usableWidthM, h: pt.maxHeightM, maxKg: pt.maxGrossKg - pt.tareKg };
}

/** restarts per pallet: many for a handful of pallets, one for a million units */
function restartsFor(units: number): number {
  if (units <= 1_000) return 8;
  if (units <= 5_000) return 4;
  if (units <= 100_000) return 2;
  return 1;
}

/** heavier types first: they go low, and the packer meets them first */
function heavyFirst(types: readonly BoxType[]): number[] {
  return types.map((_, i) => i).sort((a, b) => types[b].kg - types[a].kg || types[b].volume - types[a].volume || a - b);
}

/** Fill pallet after pallet from the pool until it is empty; returns each pallet's blocks. */
function fillInTurn(box: PalletBox, pool: TypePool, restarts: number, out: Block[][]): void {
  while (pool.totalLeft > 0) {
    const c = fillOne(box, pool, { restarts, seed: out.length + 1 });
    if (c.blocks.length === 0) throw new Error('pallets: a unit that fits an empty pallet was not placed');
    for (const [t, n] of c.used) pool.take(t, n);
    out.push(c.blocks);
  }
}

/**
 * Pallets (as blocks of type indices) for the given units; every unit must fit the pallet
 * type in some orientation and by weight.
 */
export function buildPallets(box: PalletBox, types: readonly BoxType[], counts: readonly number[]): Block[][] {
  let units = 0;
  let kg = 0;
  let volume = 0;
  types.forEach((t, i) => {
    units += counts[i];
    kg += counts[i] * t.kg;
    volume += counts[i] * t.volume;
  });
  if (units === 0) return [];
  const boxVolume = box.l * box.w * box.h;
  const bound = Math.max(1, Math.ceil(kg / box.maxKg - 1e-9), Math.ceil(volume / boxVolume - 1e-9));
  const restarts = restartsFor(units);
  const order = heavyFirst(types);

  let weightFirst: Block[][] | null = null;
  // when volume clearly binds, binning by weight only produces bins that overflow
  if (kg / box.maxKg >= 0.8 * (volume / boxVolume)) {
    weightFirst = [];
    const bins = binByWeight(
      types.map((t, i) => ({ kg: t.kg, volume: t.volume, count: counts[i] })),
      box.maxKg,
      boxVolume,
      // a long search only where weight alone binds (the 1D benchmarks); else short or none
      { work: kg / box.maxKg >= 2 * (volume / boxVolume) ? 10_000_000 : kg / box.maxKg >= volume / boxVolume ? 300_000 : 0 },
    );
    const overflow = new Array<number>(types.length).fill(0);
    for (const bin of bins) {
      const binCounts = new Array<number>(types.length).fill(0);
      for (const [t, n] of bin) binCounts[t] += n;
      const pool = new TypePool(
        types,
        binCounts,
        order.filter((t) => binCounts[t] > 0),
      );
      const c = fillOne(box, pool, { restarts, seed: weightFirst.length + 1 });
      for (const [t, n] of bin) overflow[t] += n;
      for (const [t, n] of c.used) overflow[t] -= n;
      if (c.blocks.length > 0) weightFirst.push(c.blocks);
    }
    fillInTurn(box, new TypePool(types, overflow, order), restarts, weightFirst);
    if (weightFirst.length <= bound) return weightFirst;
  }
  const volumeFirst: Block[][] = [];
  fillInTurn(box, new TypePool(types, counts, order), restarts, volumeFirst);
  return weightFirst && weightFirst.length <= volumeFirst.length ? weightFirst : volumeFirst;
}
