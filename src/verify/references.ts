// reference: every id in the plan names something in the scenario (or in the plan itself),
// each sortie and pallet id is used once, and every time can be read. The other families
// skip what does not resolve, so each broken reference is reported here exactly once.

import type { Violation } from '../model/index.ts';
import type { VerifyContext } from './context.ts';
import { list } from './context.ts';
import { quote, violation } from './format.ts';

export function checkReferences(ctx: VerifyContext): Violation[] {
  const out: Violation[] = [];
  const { plan, scenario, sites, items, palletTypes, lineByType } = ctx;
  const bad = (message: string, refs: string[]) => out.push(violation('reference', message, refs));

  if (plan.scenario !== scenario.name) {
    bad(`the plan is for scenario ${quote(plan.scenario)}, not ${quote(scenario.name)}`, []);
  }

  for (const [what, ids] of [
    ['sortie', list(plan.sorties).map((s) => s?.id)],
    ['pallet', list(plan.pallets).map((p) => p?.id)],
  ] as const) {
    const seen = new Map<unknown, number>();
    for (const id of ids) seen.set(id, (seen.get(id) ?? 0) + 1);
    for (const [id, n] of seen) if (n > 1) bad(`${what} id ${quote(id)} is used ${n} times`, [String(id)]);
  }

  for (const id of ctx.pallets.keys()) {
    if (items.has(id)) bad(`pallet ${id} has the id of an item: floor loads of ${id} are ambiguous`, [id]);
  }

  for (const p of list(plan.pallets)) {
    if (!p) continue;
    if (!palletTypes.has(p.palletType)) bad(`pallet ${p.id}: unknown pallet type ${quote(p.palletType)}`, [p.id]);
    if (!sites.has(p.site)) bad(`pallet ${p.id}: unknown site ${quote(p.site)}`, [p.id]);
    list(p.placements).forEach((u, k) => {
      if (!u || !items.has(u.itemId)) bad(`pallet ${p.id}: unit ${k + 1} names unknown item ${quote(u?.itemId)}`, [p.id]);
    });
  }

  for (const s of ctx.sorties) {
    const id = String(s.sortie.id);
    if (!s.from) bad(`${s.label}: unknown departure site ${quote(s.sortie.from)}`, [id]);
    if (!s.to) bad(`${s.label}: unknown arrival site ${quote(s.sortie.to)}`, [id]);
    if (!lineByType.has(s.sortie.aircraft)) bad(`${s.label}: aircraft type ${quote(s.sortie.aircraft)} is not in the fleet`, [id]);
    if (!Number.isFinite(s.dep)) bad(`${s.label}: departs ${quote(s.sortie.departs)} is not a readable time`, [id]);
    if (!Number.isFinite(s.arr)) bad(`${s.label}: arrives ${quote(s.sortie.arrives)} is not a readable time`, [id]);
    for (const load of s.loads) {
      if (!ctx.target(load.ref)) bad(`${s.label}: load ${quote(load.ref)} is neither a pallet nor an item`, [id]);
    }
  }

  list(plan.dispositions).forEach((d, k) => {
    if (!d || !items.has(d.itemId)) bad(`disposition row ${k + 1}: unknown item ${quote(d?.itemId)}`, []);
  });

  const infra = new Set(scenario.infrastructure.map((i) => i.id));
  list(plan.handovers).forEach((hnd, k) => {
    if (!hnd || !infra.has(hnd.infrastructureId)) {
      bad(`handover ${k + 1}: unknown infrastructure ${quote(hnd?.infrastructureId)}`, []);
    }
    if (!hnd || !sites.has(hnd.site)) bad(`handover ${k + 1}: unknown site ${quote(hnd?.site)}`, []);
  });

  list(plan.siteClosures).forEach((c, k) => {
    if (!c || !sites.has(c.site)) bad(`site closure ${k + 1}: unknown site ${quote(c?.site)}`, []);
  });
  return out;
}
