// Sites and flows over bundled Natural Earth borders (world-atlas 50m), projected with d3-geo
// and fitted to the scenario's sites: no tiles, no network.

import { geoContains, geoMercator, geoPath, geoDistance } from 'd3-geo';
import type { Feature, FeatureCollection, Geometry, LineString, MultiPoint } from 'geojson';
import { feature } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';
import world from 'world-atlas/countries-50m.json';
import { s, tip } from './dom.ts';
import type { Facts } from './facts.ts';
import { cargoKg, ROLE_COLOURS, siteName } from './facts.ts';
import * as fmt from './format.ts';

type Country = Feature<Geometry, { name: string }>;
let countries: Country[] | null = null;

function countryShapes(): Country[] {
  if (!countries) {
    const topo = world as unknown as Topology<{ countries: GeometryCollection<{ name: string }> }>;
    countries = (feature(topo, topo.objects.countries) as FeatureCollection<Geometry, { name: string }>).features;
  }
  return countries;
}

interface Flow {
  from: string;
  to: string;
  sorties: number;
  kg: number;
  passengers: number;
}

function flows(f: Facts): Flow[] {
  const byLeg = new Map<string, Flow>();
  for (const so of f.plan.sorties) {
    const key = `${so.from}>${so.to}`;
    const fl = byLeg.get(key) ?? { from: so.from, to: so.to, sorties: 0, kg: 0, passengers: 0 };
    fl.sorties++;
    fl.kg += cargoKg(f, so);
    fl.passengers += so.passengers;
    byLeg.set(key, fl);
  }
  return [...byLeg.values()].sort((a, b) => b.kg - a.kg || a.from.localeCompare(b.from));
}

export function renderMap(f: Facts, width = 620, height = 440): SVGSVGElement {
  const sites = f.scenario.sites;
  const points: MultiPoint = { type: 'MultiPoint', coordinates: sites.map((x) => [x.lon, x.lat]) };
  const projection = geoMercator().fitExtent([[40, 30], [width - 40, height - 30]], points);
  // One site alone (or all at one place) would zoom in to nothing: keep a regional view.
  const spread = sites.length > 1 ? Math.max(...sites.map((a) => Math.max(...sites.map((b) => geoDistance([a.lon, a.lat], [b.lon, b.lat]))))) : 0;
  if (spread < 0.05) projection.scale(1200).center([sites[0]?.lon ?? 0, sites[0]?.lat ?? 0]).translate([width / 2, height / 2]);
  const path = geoPath(projection);

  // Countries holding a site of a country with an agreement are the host nations: tint them.
  const hostSites = sites.filter((x) => f.scenario.agreements.some((a) => a.country === x.country));
  const shapes = countryShapes();
  const hostShapes = new Set(shapes.filter((c) => hostSites.some((x) => geoContains(c, [x.lon, x.lat]))));

  const fl = flows(f);
  const maxKg = Math.max(1, ...fl.map((x) => x.kg));
  const maxSorties = Math.max(1, ...fl.map((x) => x.sorties));
  // Width by tonnes (area-like, square root); legs with only people get width by sorties.
  const widthOf = (x: Flow) => (x.kg > 0 ? 1.5 + 9 * Math.sqrt(x.kg / maxKg) : 1 + 3 * Math.sqrt(x.sorties / maxSorties));

  const svg = s('svg', { viewBox: `0 0 ${width} ${height}`, class: 'map', role: 'img', 'aria-label': 'Map of sites and flows', 'data-testid': 'map' });
  svg.append(s('rect', { x: 0, y: 0, width, height, class: 'sea' }));
  const land = s('g', { class: 'land' });
  for (const c of shapes) {
    const d = path(c);
    if (d) land.append(s('path', { d, class: hostShapes.has(c) ? 'country host' : 'country' }, tip(c.properties.name)));
  }
  svg.append(land);

  const flowG = s('g', { class: 'flows' });
  for (const x of fl) {
    const a = f.sites.get(x.from);
    const b = f.sites.get(x.to);
    if (!a || !b) continue;
    const line: LineString = { type: 'LineString', coordinates: [[a.lon, a.lat], [b.lon, b.lat]] };
    const d = path(line);
    if (!d) continue;
    flowG.append(
      s(
        'path',
        { d, class: 'flow', 'stroke-width': widthOf(x).toFixed(1), stroke: f.colourOf(x.from), 'data-testid': 'flow' },
        tip(`${siteName(f, x.from)} → ${siteName(f, x.to)}: ${fmt.plural(x.sorties, 'sortie')}, ${fmt.tonnes(x.kg)}, ${fmt.plural(x.passengers, 'passenger')}`),
      ),
    );
  }
  svg.append(flowG);

  const siteG = s('g', { class: 'sites' });
  for (const x of sites) {
    const p = projection([x.lon, x.lat]);
    if (!p) continue;
    const [px, py] = p;
    const anchorEnd = px > width - 120;
    siteG.append(
      s(
        'g',
        { class: `site role-${x.role}`, transform: `translate(${px.toFixed(1)},${py.toFixed(1)})`, 'data-testid': `map-site-${x.id}` },
        s('circle', { r: x.role === 'origin' ? 6 : 5, fill: ROLE_COLOURS[x.role] }),
        s('text', { x: anchorEnd ? -9 : 9, y: 4, 'text-anchor': anchorEnd ? 'end' : 'start', class: 'site-label' }, x.name),
        tip(`${x.name} (${x.id}, ${x.country}) — ${x.role}${x.handoverBy ? `, handover by ${x.handoverBy}` : ''}`),
      ),
    );
  }
  svg.append(siteG);

  // Legend: roles and what the line width means.
  const legend = s('g', { class: 'legend', transform: `translate(12,${height - 64})` });
  legend.append(s('rect', { x: -6, y: -14, width: 170, height: 70, rx: 4, class: 'legend-bg' }));
  (['origin', 'hub', 'destination'] as const).forEach((role, i) => {
    legend.append(s('circle', { cx: 4, cy: i * 16, r: 5, fill: ROLE_COLOURS[role] }), s('text', { x: 14, y: i * 16 + 4 }, role));
  });
  legend.append(s('line', { x1: 90, x2: 120, y1: 0, y2: 0, class: 'flow', stroke: '#888', 'stroke-width': 8 }), s('text', { x: 90, y: 20 }, 'width: tonnes'));
  svg.append(legend);
  return svg;
}
