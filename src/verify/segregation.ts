// pallet.segregation and load.segregation: units whose hazards must be kept apart (the
// scenario's segregation table, src/model/hazards.ts) never share a pallet and are never loaded
// touching each other on the floor. Touching: less than SEGREGATION_GAP_M of floor between the
// footprints, side by side, end to end or corner to corner.

import type { Item, Load, SegregationEntry, Violation } from '../model/index.ts';
import { GEOMETRY_EPS_M, NO_SEGREGATION, SEGREGATION_GAP_M, itemHazards, segregationRule } from '../model/index.ts';
import type { LoadTarget, VerifyContext } from './context.ts';
import { finite } from './context.ts';
import { violation } from './format.ts';

const EPS = GEOMETRY_EPS_M;
const GAP = SEGREGATION_GAP_M;

/** The first pair of labels the table keeps apart, with the entry's source; null when none. */
function clash(xs: readonly string[], ys: readonly string[], table: readonly SegregationEntry[]): { x: string; y: string; source: string } | null {
  for (const x of xs)
    for (const y of ys) {
      const r = segregationRule(x, y, table);
      if (r.segregate) return { x, y, source: r.reason };
    }
  return null;
}

export function checkSegregation(ctx: VerifyContext): Violation[] {
  const table = ctx.scenario.segregation ?? NO_SEGREGATION;
  const out: Violation[] = [];
  for (const info of ctx.pallets.values()) {
    // distinct hazardous items on the pallet, in the order they first appear
    const items: Item[] = [];
    for (const p of info.placements) {
      const item = ctx.items.get(p.itemId);
      if (item && item.hazard !== undefined && !items.includes(item)) items.push(item);
    }
    for (let i = 0; i < items.length; i++)
      for (let j = i + 1; j < items.length; j++) {
        const c = clash(itemHazards(items[i]), itemHazards(items[j]), table);
        if (!c) continue;
        const id = info.pallet.id;
        out.push(violation('pallet.segregation',
          `pallet ${id}: ${items[i].id} (${c.x}) and ${items[j].id} (${c.y}) share the pallet but must be segregated (${c.source})`,
          [id, items[i].id, items[j].id]));
      }
  }

  for (const s of ctx.sorties) {
    const hazardous: { load: Load; labels: string[] }[] = [];
    for (const load of s.loads) {
      if (![load.x, load.y, load.l, load.w].every(finite)) continue; // reported under load.floor
      const labels = loadHazards(ctx, ctx.target(load.ref));
      if (labels.length > 0) hazardous.push({ load, labels });
    }
    for (let i = 0; i < hazardous.length; i++)
      for (let j = i + 1; j < hazardous.length; j++) {
        const a = hazardous[i];
        const b = hazardous[j];
        if (!touch(a.load, b.load)) continue;
        const c = clash(a.labels, b.labels, table);
        if (!c) continue;
        out.push(violation('load.segregation',
          `${s.label}: loads ${a.load.ref} (${c.x}) and ${b.load.ref} (${c.y}) touch on the floor but must be segregated (${c.source})`,
          [s.sortie.id, a.load.ref, b.load.ref]));
      }
  }
  return out;
}

/** Every hazard label a load bears: its pallet's units', or the floor unit's own. */
function loadHazards(ctx: VerifyContext, t: LoadTarget | undefined): string[] {
  if (!t) return [];
  if (t.kind === 'floor') return itemHazards(t.item);
  const labels = new Set<string>();
  for (const p of t.pallet.placements) {
    const item = ctx.items.get(p.itemId);
    if (item) for (const h of itemHazards(item)) labels.add(h);
  }
  return [...labels];
}

/** Footprints less than GAP apart on both axes: overlapping, side by side, end to end or corner to corner. */
function touch(a: Load, b: Load): boolean {
  return a.x < b.x + b.l + GAP - EPS && b.x < a.x + a.l + GAP - EPS && a.y < b.y + b.w + GAP - EPS && b.y < a.y + a.w + GAP - EPS;
}
