// Printable load plans: one self-contained HTML file (inline CSS and SVG, nothing fetched), one
// landscape page per sortie that fits A4 and US Letter alike. On each page: the sortie, the cargo
// floor to scale with its pallet stations and each load numbered (numbers on the drawing, names in
// the table, so no label can run into another), the centre of gravity against the allowed range,
// the load list with contents and NSNs, weights in kg and lb, the passengers, and the hazardous
// cargo list (UN number, class, units, net weight, position).

import type { FleetLine, Item, Load, Plan, Scenario, Sortie } from '../model/index.ts';
import { minuteText } from '../model/index.ts';
import { lookup, type Lookup } from './lookup.ts';

const LB_PER_KG = 2.2046226218;
const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
const int = (x: number) => Math.round(x).toLocaleString('en-US');
const kg = (x: number) => `${int(x)} kg`;
/** A weight in kilograms with pounds beside it, as loadmasters of either habit read it. */
const kgLb = (x: number) => `${int(x)} kg <span class="lb">(${int(x * LB_PER_KG)} lb)</span>`;
const m = (x: number) => `${x.toFixed(2)} m`;
const time = minuteText;

// The printable area both papers share, landscape with 10 mm margins: A4 is 297 x 210 mm, US
// Letter 279.4 x 215.9 mm, so 259 x 190 mm. `size: landscape` lets the printer's paper decide.
const CSS = `
@page { size: landscape; margin: 10mm; }
* { box-sizing: border-box; }
body { font-family: system-ui, -apple-system, "Segoe UI", sans-serif; color: #111; margin: 0; font-size: 7pt; }
.page { width: 259mm; margin: 0 auto; break-after: page; page-break-after: always; }
.page:last-child { break-after: auto; page-break-after: auto; }
.page.dense { font-size: 6.2pt; }
header { display: flex; justify-content: space-between; align-items: baseline; border-bottom: 1.5px solid #111; padding-bottom: 0.8mm; }
h1 { font-size: 11pt; margin: 0; }
.scenario { color: #555; font-size: 6.5pt; margin: 0; text-align: right; }
.route { font-size: 8.5pt; margin: 0.5mm 0 0; }
.top { display: flex; gap: 3mm; align-items: flex-start; }
.top .drawing { flex: 1 1 auto; min-width: 0; }
.top .facts { flex: 0 0 74mm; width: 74mm; }
table { border-collapse: collapse; width: 100%; margin: 1mm 0; }
th, td { border: 0.6px solid #999; padding: 0.25mm 0.9mm; text-align: left; vertical-align: top; }
td.pos, td.ref { white-space: nowrap; }
tr { break-inside: avoid; page-break-inside: avoid; }
th { background: #eee; font-weight: 600; }
td.n { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
.lb { color: #555; }
.facts th { width: 25mm; }
.ok { color: #1b5e20; font-weight: bold; }
.bad { color: #b71c1c; font-weight: bold; }
.haz th { background: #ffe0b2; }
.cao { color: #b71c1c; font-weight: bold; }
h2 { font-size: 8.5pt; margin: 1.5mm 0 0; }
.note { color: #555; font-size: 6.5pt; margin: 0.5mm 0; }
svg { width: 100%; height: auto; display: block; margin-top: 1mm; }
svg text { font-family: inherit; }
`;

export function loadPlansHtml(scenario: Scenario, plan: Plan): string {
  const find = lookup(scenario, plan);
  const pages = plan.sorties.map((s) => sortiePage(scenario, s, find));
  const empty = '<section class="page"><h1>No sorties</h1><p>The plan has no sorties to load.</p></section>';
  return [
    '<!doctype html>',
    '<html lang="en">',
    '<head>',
    '<meta charset="utf-8">',
    `<title>Load plans: ${esc(scenario.name)}</title>`,
    `<style>${CSS}</style>`,
    '</head>',
    '<body>',
    ...(pages.length ? pages : [empty]),
    '</body>',
    '</html>',
    '',
  ].join('\n');
}

/** Where a load sits, in a loadmaster's words: its station on the rails, or its span of floor. */
function position(l: Load, line: FleetLine, isPallet: boolean): string {
  const k = isPallet ? (line.palletStations ?? []).findIndex((s) => Math.abs(s.x - l.x) < 1e-3 && Math.abs(s.y - l.y) < 1e-3) : -1;
  const span = `x ${l.x.toFixed(2)}–${(l.x + l.l).toFixed(2)}, y ${l.y.toFixed(2)}–${(l.y + l.w).toFixed(2)}`;
  return k >= 0 ? `station ${k + 1}` : span;
}

/** The units of a load counted by item, in the order they first appear. */
function unitsOf(l: Load, find: Lookup): { item: Item; count: number }[] {
  const pallet = find.pallet(l.ref);
  if (!pallet) return [{ item: find.item(l.ref), count: 1 }];
  const counts = new Map<string, number>();
  for (const p of pallet.placements) counts.set(p.itemId, (counts.get(p.itemId) ?? 0) + 1);
  return [...counts].map(([id, count]) => ({ item: find.item(id), count }));
}

function hazardOf(item: Item): string {
  return [item.hazard ?? '', ...(item.subsidiaryHazards ?? []).map((h) => `(${h})`)].join(' ').trim();
}

function sortiePage(scenario: Scenario, s: Sortie, find: Lookup): string {
  const line = find.aircraft(s.aircraft);
  const from = find.site(s.from);
  const to = find.site(s.to);
  const [lo, hi] = line.cgRangeM;
  const within = s.cgM === null || (s.cgM >= lo - 1e-9 && s.cgM <= hi + 1e-9);
  const cg =
    s.cgM === null
      ? 'no cargo'
      : `${m(s.cgM)} from the front; allowed ${m(lo)} to ${m(hi)}: <span class="${within ? 'ok' : 'bad'}">${within ? 'within range' : 'OUTSIDE RANGE'}</span>`;
  const cargoKg = s.loads.reduce((t, l) => t + find.loadKg(l.ref), 0);
  const paxKg = s.passengers * scenario.policy.passengerKg;
  const pallets = s.loads.filter((l) => find.pallet(l.ref)).length;
  const units = s.loads.map((l) => unitsOf(l, find));
  const cargoOnly = units.some((us) => us.some((u) => u.item.cargoAircraftOnly));
  const facts: [string, string][] = [
    ['Departs', time(s.departs)],
    ['Arrives', time(s.arrives)],
    ['Passengers', `${s.passengers} (seats ${line.seats})${cargoOnly ? ' <span class="cao">cargo aircraft only: no passengers</span>' : ''}`],
    ['Cargo', `${kgLb(cargoKg)} in ${s.loads.length} load${s.loads.length === 1 ? '' : 's'}, ${pallets} on pallet positions (of ${line.palletPositions})`],
    ['Passengers\' weight', `${kgLb(paxKg)}, ${kg(scenario.policy.passengerKg)} each`],
    ['Payload', `${kgLb(s.payloadKg)} of ${kgLb(line.aclKg)} allowable cabin load`],
    ['Centre of gravity', cg],
  ];
  const rows = s.loads.map((l, i) => {
    const isPallet = !!find.pallet(l.ref);
    const what = units[i]
      .map(({ item, count }) => `${esc(item.name)}${isPallet ? ` × ${count}` : ''}${item.nsn ? ` <span class="lb">NSN ${esc(item.nsn)}</span>` : ''}${item.hazard ? ` <b>[${esc(hazardOf(item))}]</b>` : ''}`)
      .join('; ');
    return `<tr><td class="n">${i + 1}</td><td class="ref">${esc(l.ref)}</td><td>${what}</td><td class="n">${kgLb(find.loadKg(l.ref))}</td><td class="pos">${esc(position(l, line, isPallet))}</td></tr>`;
  });
  // The hazardous cargo list, one row per item: its units aboard and the loads they are in.
  const hazardous = new Map<Item, { units: number; where: string[] }>();
  s.loads.forEach((l, i) => {
    const isPallet = !!find.pallet(l.ref);
    for (const { item, count } of units[i]) {
      if (item.hazard === undefined) continue;
      let h = hazardous.get(item);
      if (!h) hazardous.set(item, (h = { units: 0, where: [] }));
      h.units += count;
      h.where.push(`${i + 1} (${isPallet ? position(l, line, true) : 'floor'}${units[i].length > 1 || count > 1 ? `, ${count}` : ''})`);
    }
  });
  const hazards = [...hazardous].map(
    ([item, h]) =>
      `<tr><td>${esc(item.unNumber ?? '—')}</td><td>${esc(item.name)}</td><td>${esc(hazardOf(item))}${item.cargoAircraftOnly ? ' <span class="cao">CAO</span>' : ''}</td>` +
      `<td class="n">${h.units}</td><td class="n">${kgLb(h.units * item.unitWeightKg)}</td><td>${esc(h.where.join('; '))}</td></tr>`,
  );
  // Long lists print smaller, so a sortie still takes one page.
  const lines = rows.length + hazards.length + units.reduce((t, us) => t + Math.max(0, us.length - 2) / 2, 0);
  return [
    `<section class="page${lines > 26 ? ' dense' : ''}" id="sortie-${esc(s.id)}">`,
    '<header>',
    `<div><h1>Sortie ${esc(s.id)}: ${esc(s.tail)} (${esc(line.name)})</h1>`,
    `<p class="route">${esc(from.name)} (${esc(from.id)}) → ${esc(to.name)} (${esc(to.id)})</p></div>`,
    `<p class="scenario">${esc(scenario.name)}<br>load plan</p>`,
    '</header>',
    '<div class="top">',
    `<div class="drawing">${floorSvg(s, line, find)}</div>`,
    '<table class="facts">',
    ...facts.map(([k, v]) => `<tr><th>${k}</th><td>${v}</td></tr>`),
    '</table>',
    '</div>',
    s.loads.length
      ? `<table class="loads"><tr><th>#</th><th>Load</th><th>Contents</th><th>Weight</th><th>Position</th></tr>\n${rows.join('\n')}\n</table>`
      : '<p>No cargo: passengers only.</p>',
    `<h2>Hazardous cargo${hazards.length ? '' : ': none aboard'}</h2>`,
    hazards.length
      ? `<table class="haz"><tr><th>UN</th><th>Name</th><th>Class</th><th>Units</th><th>Net weight</th><th>Loads (position, units)</th></tr>\n${hazards.join('\n')}\n</table>` +
        '<p class="note">Class in brackets: subsidiary risk. CAO: cargo aircraft only, no passengers. Net weight: units × unit weight as listed.</p>'
      : '',
    '</section>',
  ].join('\n');
}

/** The floor seen from above, front at the left, to scale; stations dashed, each load numbered. */
function floorSvg(s: Sortie, line: FleetLine, find: Lookup): string {
  const PX = 960 / line.floorLengthM;
  const left = 30;
  const top = 30;
  const L = line.floorLengthM * PX;
  const W = line.floorWidthM * PX;
  const height = top + W + 44;
  const X = (metres: number) => (left + metres * PX).toFixed(1);
  const Y = (metres: number) => (top + metres * PX).toFixed(1);
  const [lo, hi] = line.cgRangeM;
  const out: string[] = [
    `<svg viewBox="0 0 ${(L + 2 * left).toFixed(0)} ${height.toFixed(0)}" role="img" aria-label="cargo floor of sortie ${esc(s.id)}, ${line.floorLengthM} m by ${line.floorWidthM} m">`,
    `<rect x="${left}" y="${top}" width="${L.toFixed(1)}" height="${W.toFixed(1)}" fill="#fafafa" stroke="#333" stroke-width="2"/>`,
    `<rect x="${X(lo)}" y="${top}" width="${((hi - lo) * PX).toFixed(1)}" height="${W.toFixed(1)}" fill="#2e7d32" fill-opacity="0.10"/>`,
    `<line x1="${X(lo)}" y1="${top - 6}" x2="${X(lo)}" y2="${(top + W).toFixed(1)}" stroke="#2e7d32" stroke-dasharray="4 3"/>`,
    `<line x1="${X(hi)}" y1="${top - 6}" x2="${X(hi)}" y2="${(top + W).toFixed(1)}" stroke="#2e7d32" stroke-dasharray="4 3"/>`,
    `<text x="${((Number(X(lo)) + Number(X(hi))) / 2).toFixed(1)}" y="${top - 9}" font-size="12" text-anchor="middle" fill="#2e7d32">allowed CG ${m(lo)} to ${m(hi)}</text>`,
    `<text x="${left}" y="${top - 9}" font-size="12" fill="#555">FRONT</text>`,
    `<text x="${(left + L).toFixed(1)}" y="${top - 9}" font-size="12" fill="#555" text-anchor="end">RAMP</text>`,
  ];
  // Pallet stations dashed; the free ones numbered in their corner (a load covers the others, and
  // the table names a pallet's station), so no station number meets a load's.
  const covers = (st: { x: number; y: number; l: number; w: number }) =>
    s.loads.some((l) => Math.min(l.x + l.l, st.x + st.l) - Math.max(l.x, st.x) > 1e-6 && Math.min(l.y + l.w, st.y + st.w) - Math.max(l.y, st.y) > 1e-6);
  (line.palletStations ?? []).forEach((st, k) => {
    out.push(`<rect class="station" x="${X(st.x)}" y="${Y(st.y)}" width="${(st.l * PX).toFixed(1)}" height="${(st.w * PX).toFixed(1)}" fill="none" stroke="#90a4ae" stroke-dasharray="3 3"/>`);
    if (!covers(st)) out.push(`<text x="${(Number(X(st.x)) + 3).toFixed(1)}" y="${(Number(Y(st.y)) + 11).toFixed(1)}" font-size="10" fill="#78909c">st ${k + 1}</text>`);
  });
  // The centre of gravity behind the loads, so it never runs through a load's number; its marker below.
  const within = s.cgM === null || (s.cgM >= lo - 1e-9 && s.cgM <= hi + 1e-9);
  const colour = within ? '#1b5e20' : '#b71c1c';
  if (s.cgM !== null) out.push(`<line x1="${X(s.cgM)}" y1="${top}" x2="${X(s.cgM)}" y2="${(top + W).toFixed(1)}" stroke="${colour}" stroke-width="2.5"/>`);
  s.loads.forEach((l, i) => {
    const w = l.l * PX;
    const h = l.w * PX;
    // the number fits its own box, so two labels never meet
    const size = Math.max(8, Math.min(26, h * 0.55, w / (String(i + 1).length * 0.62 + 0.3)));
    const cx = Number(X(l.x + l.l / 2));
    const cy = Number(Y(l.y + l.w / 2));
    const fill = find.pallet(l.ref) ? '#cfe3f7' : '#f6dfbf';
    out.push(
      `<g><rect x="${X(l.x)}" y="${Y(l.y)}" width="${w.toFixed(1)}" height="${h.toFixed(1)}" fill="${fill}" stroke="#1d3f63" stroke-width="1.2"/>`,
      `<text x="${cx.toFixed(1)}" y="${(cy + size * 0.36).toFixed(1)}" font-size="${size.toFixed(1)}" text-anchor="middle" font-weight="bold">${i + 1}</text></g>`,
    );
  });
  if (s.cgM !== null) {
    out.push(
      `<line x1="${X(s.cgM)}" y1="${(top + W).toFixed(1)}" x2="${X(s.cgM)}" y2="${(top + W + 8).toFixed(1)}" stroke="${colour}" stroke-width="2.5"/>`,
      `<path d="M ${X(s.cgM)} ${(top + W + 8).toFixed(1)} l -6 10 l 12 0 z" fill="${colour}"/>`,
      `<text x="${(Number(X(s.cgM)) + 10).toFixed(1)}" y="${(top + W + 38).toFixed(1)}" font-size="12" font-weight="bold" fill="${colour}">CG ${m(s.cgM)}</text>`,
    );
  }
  // A ruler along the floor: a tick each metre, numbered every two.
  for (let i = 0; i <= Math.floor(line.floorLengthM); i++) {
    out.push(`<line x1="${X(i)}" y1="${(top + W).toFixed(1)}" x2="${X(i)}" y2="${(top + W + (i % 2 ? 4 : 7)).toFixed(1)}" stroke="#333"/>`);
    if (i % 2 === 0) out.push(`<text x="${X(i)}" y="${(top + W + 18).toFixed(1)}" font-size="10" text-anchor="middle" fill="#555">${i}</text>`);
  }
  out.push('</svg>');
  return out.join('\n');
}
