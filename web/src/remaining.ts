// What is still at each origin site over time: people, tonnes and sensitive loads, falling at
// every departure. Starting figures come from the scenario and the plan's dispositions, so a
// plan that leaves something behind shows a line that never reaches zero.

import type { Facts } from './facts.ts';
import { toMs } from '../../common/time.ts';

export interface Remaining {
  t: number;
  people: number;
  kg: number;
  sensitive: number;
}

export interface SiteSeries {
  site: string;
  points: Remaining[];
}

export function remainingBySite(f: Facts): SiteSeries[] {
  const retrograde = new Map<string, number>();
  for (const d of f.plan.dispositions) if (d.action === 'retrograde') retrograde.set(d.itemId, (retrograde.get(d.itemId) ?? 0) + d.quantity);
  const onPallets = new Map<string, number>();
  for (const p of f.plan.pallets) for (const u of p.placements) onPallets.set(u.itemId, (onPallets.get(u.itemId) ?? 0) + 1);

  return f.origins.map((site) => {
    let people = f.scenario.personnel.filter((p) => p.site === site.id).reduce((n, p) => n + p.count, 0);
    let kg = 0;
    let sensitive = 0;
    for (const p of f.plan.pallets) {
      if (p.site !== site.id) continue;
      kg += p.grossKg;
      if (f.loadSensitive(p.id)) sensitive++;
    }
    for (const item of f.scenario.items) {
      if (item.site !== site.id) continue;
      const floorUnits = Math.max(0, (retrograde.get(item.id) ?? 0) - (onPallets.get(item.id) ?? 0));
      kg += floorUnits * item.unitWeightKg;
      if (item.sensitive.length > 0) sensitive += floorUnits;
    }
    const leaving = f.plan.sorties.filter((s) => s.from === site.id).sort((a, b) => toMs(a.departs) - toMs(b.departs));
    // Never start below what the plan actually flies out.
    let outPeople = 0;
    let outKg = 0;
    let outSensitive = 0;
    for (const s of leaving) {
      outPeople += s.passengers;
      for (const l of s.loads) {
        outKg += f.loadKg(l.ref);
        if (f.loadSensitive(l.ref)) outSensitive++;
      }
    }
    people = Math.max(people, outPeople);
    kg = Math.max(kg, outKg);
    sensitive = Math.max(sensitive, outSensitive);

    const points: Remaining[] = [{ t: f.t0, people, kg, sensitive }];
    for (const s of leaving) {
      people -= s.passengers;
      for (const l of s.loads) {
        kg -= f.loadKg(l.ref);
        if (f.loadSensitive(l.ref)) sensitive--;
      }
      points.push({ t: toMs(s.departs), people, kg: Math.max(0, kg), sensitive });
    }
    return { site: site.id, points };
  });
}
