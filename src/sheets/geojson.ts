// Sites and flows for GIS tools (RFC 7946: WGS 84, [longitude, latitude]): a Point per site and a
// LineString per route flown, with its sortie count, passengers and cargo tonnes.

import type { Plan, Scenario } from '../model/index.ts';
import { lookup } from './lookup.ts';

export interface Feature {
  type: 'Feature';
  id: string;
  geometry: { type: 'Point'; coordinates: [number, number] } | { type: 'LineString'; coordinates: [number, number][] };
  properties: Record<string, string | number | null>;
}

export interface FeatureCollection {
  type: 'FeatureCollection';
  name: string;
  features: Feature[];
}

export function planGeoJson(scenario: Scenario, plan: Plan): FeatureCollection {
  const find = lookup(scenario, plan);
  const sites: Feature[] = scenario.sites.map((s) => ({
    type: 'Feature',
    id: `site:${s.id}`,
    geometry: { type: 'Point', coordinates: [s.lon, s.lat] },
    properties: { kind: 'site', id: s.id, name: s.name, role: s.role, country: s.country, handoverBy: s.handoverBy ?? null },
  }));
  const flows = new Map<string, { from: string; to: string; sorties: number; passengers: number; cargoKg: number }>();
  for (const s of plan.sorties) {
    const key = `${s.from}>${s.to}`;
    const f = flows.get(key) ?? { from: s.from, to: s.to, sorties: 0, passengers: 0, cargoKg: 0 };
    f.sorties += 1;
    f.passengers += s.passengers;
    f.cargoKg += s.loads.reduce((t, l) => t + find.loadKg(l.ref), 0);
    flows.set(key, f);
  }
  // Sorted by route so the file does not depend on the order sorties were listed in.
  const lines: Feature[] = [...flows.values()]
    .sort((a, b) => (a.from === b.from ? (a.to < b.to ? -1 : 1) : a.from < b.from ? -1 : 1))
    .map((f) => {
      const a = find.site(f.from);
      const b = find.site(f.to);
      return {
        type: 'Feature',
        id: `flow:${f.from}>${f.to}`,
        geometry: { type: 'LineString', coordinates: [[a.lon, a.lat], [b.lon, b.lat]] },
        properties: {
          kind: 'flow',
          from: f.from,
          to: f.to,
          sorties: f.sorties,
          passengers: f.passengers,
          tonnes: Math.round(f.cargoKg) / 1000,
        },
      };
    });
  return { type: 'FeatureCollection', name: scenario.name, features: [...sites, ...lines] };
}
