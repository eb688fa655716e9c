// Printable load plans: one self-contained HTML file (inline CSS and SVG, nothing fetched), a page
// per sortie with the cargo floor drawn to scale, each load labelled with its weight and
// position, and the centre of gravity against the aircraft's allowed range.

import type { FleetLine, Load, Plan, Scenario, Sortie } from '../model/index.ts';
import { lookup, type Lookup } from './lookup.ts';

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
const kg = (x: number) => `${Math.round(x).toLocaleString('en-US')} kg`;
const m = (x: number) => `${x.toFixed(2)} m`;
const time = (iso: string) => iso.replace('T', ' ').replace(/:\d{2}Z$/, 'Z');

const CSS = `
@page { size: A4 landscape; margin: 12mm; }
body { font-family: system-ui, -apple-system, "Segoe UI", sans-serif; color: #111; margin: 0; }
.page { break-after: page; page-break-after: always; padding: 8mm 0; }
.page:last-child { break-after: auto; page-break-after: auto; }
h1 { font-size: 18pt; margin: 0 0 2mm; }
.scenario { color: #555; font-size: 9pt; margin: 0; }
.route { font-size: 13pt; margin: 1mm 0 3mm; }
table { border-collapse: collapse; font-size: 9.5pt; margin: 3mm 0; }
th, td { border: 1px solid #999; padding: 1mm 2.5mm; text-align: left; }
td.n { text-align: right; font-variant-numeric: tabular-nums; }
.facts th { background: #eee; }
.ok { color: #1b5e20; font-weight: bold; }
.bad { color: #b71c1c; font-weight: bold; }
svg { width: 100%; height: auto; }
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
  const facts: [string, string][] = [
    ['Departs', time(s.departs)],
    ['Arrives', time(s.arrives)],
    ['Passengers', `${s.passengers} (seats ${line.seats})`],
    ['Cargo', `${kg(cargoKg)} in ${s.loads.length} load${s.loads.length === 1 ? '' : 's'}`],
    ['Payload', `${kg(s.payloadKg)} of ${kg(line.aclKg)} allowable cabin load`],
    ['Centre of gravity', cg],
  ];
  const rows = s.loads.map(
    (l, i) =>
      `<tr><td class="n">${i + 1}</td><td>${esc(l.ref)}</td><td>${esc(contents(l, find))}</td><td class="n">${kg(find.loadKg(l.ref))}</td>` +
      `<td class="n">${m(l.x)}</td><td class="n">${m(l.y)}</td><td class="n">${l.l.toFixed(2)} × ${l.w.toFixed(2)}</td></tr>`,
  );
  return [
    `<section class="page" id="sortie-${esc(s.id)}">`,
    `<p class="scenario">${esc(scenario.name)}: load plan</p>`,
    `<h1>Sortie ${esc(s.id)}: ${esc(s.tail)} (${esc(line.name)})</h1>`,
    `<p class="route">${esc(from.name)} (${esc(from.id)}) → ${esc(to.name)} (${esc(to.id)})</p>`,
    '<table class="facts">',
    ...facts.map(([k, v]) => `<tr><th>${k}</th><td>${v}</td></tr>`),
    '</table>',
    floorSvg(s, line, find),
    s.loads.length
      ? `<table class="loads"><tr><th>#</th><th>Load</th><th>Contents</th><th>Weight</th><th>x (from front)</th><th>y (from left)</th><th>l × w (m)</th></tr>\n${rows.join('\n')}\n</table>`
      : '<p>No cargo: passengers only.</p>',
    '</section>',
  ].join('\n');
}

/** What is in a load: a pallet's units counted by item, or the one floor unit's name. */
function contents(l: Load, find: Lookup): string {
  const pallet = find.pallet(l.ref);
  if (!pallet) return find.item(l.ref).name;
  const counts = new Map<string, number>();
  for (const p of pallet.placements) counts.set(p.itemId, (counts.get(p.itemId) ?? 0) + 1);
  return [...counts].map(([id, n]) => `${find.item(id).name} × ${n}`).join(', ');
}

/** The floor seen from above, front at the left, to scale: PX pixels per metre of floor. */
function floorSvg(s: Sortie, line: FleetLine, find: Lookup): string {
  const PX = 960 / line.floorLengthM;
  const left = 30;
  const top = 34;
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
    `<text x="${((Number(X(lo)) + Number(X(hi))) / 2).toFixed(1)}" y="${top - 9}" font-size="11" text-anchor="middle" fill="#2e7d32">allowed CG ${m(lo)} to ${m(hi)}</text>`,
    `<text x="${left}" y="${top - 9}" font-size="11" fill="#555">FRONT</text>`,
  ];
  s.loads.forEach((l, i) => {
    const w = l.w * PX;
    const h = l.l * PX;
    const size = Math.max(7, Math.min(12, w / 4.2, h / 7));
    const cx = Number(X(l.x + l.l / 2));
    const cy = Number(Y(l.y + l.w / 2));
    const fill = find.pallet(l.ref) ? '#cfe3f7' : '#f6dfbf';
    out.push(
      `<g><rect x="${X(l.x)}" y="${Y(l.y)}" width="${h.toFixed(1)}" height="${w.toFixed(1)}" fill="${fill}" stroke="#1d3f63" stroke-width="1.2"/>`,
      `<text x="${cx.toFixed(1)}" y="${(cy - size * 0.7).toFixed(1)}" font-size="${size.toFixed(1)}" text-anchor="middle" font-weight="bold">${i + 1}. ${esc(l.ref)}</text>`,
      `<text x="${cx.toFixed(1)}" y="${(cy + size * 0.5).toFixed(1)}" font-size="${size.toFixed(1)}" text-anchor="middle">${kg(find.loadKg(l.ref))}</text>`,
      `<text x="${cx.toFixed(1)}" y="${(cy + size * 1.7).toFixed(1)}" font-size="${(size * 0.9).toFixed(1)}" text-anchor="middle" fill="#333">x ${l.x.toFixed(2)}, y ${l.y.toFixed(2)}</text></g>`,
    );
  });
  if (s.cgM !== null) {
    const within = s.cgM >= lo - 1e-9 && s.cgM <= hi + 1e-9;
    const colour = within ? '#1b5e20' : '#b71c1c';
    out.push(
      `<line x1="${X(s.cgM)}" y1="${top}" x2="${X(s.cgM)}" y2="${(top + W + 8).toFixed(1)}" stroke="${colour}" stroke-width="2.5"/>`,
      `<path d="M ${X(s.cgM)} ${(top + W + 8).toFixed(1)} l -6 10 l 12 0 z" fill="${colour}"/>`,
      `<text x="${X(s.cgM)}" y="${(top + W + 32).toFixed(1)}" font-size="12" font-weight="bold" text-anchor="middle" fill="${colour}">CG ${m(s.cgM)}</text>`,
    );
  }
  // A ruler along the floor: a tick each metre, numbered every two.
  for (let i = 0; i <= Math.floor(line.floorLengthM); i++) {
    out.push(`<line x1="${X(i)}" y1="${(top + W).toFixed(1)}" x2="${X(i)}" y2="${(top + W + (i % 2 ? 4 : 7)).toFixed(1)}" stroke="#333"/>`);
    if (i % 2 === 0) out.push(`<text x="${X(i)}" y="${(top + W + 18).toFixed(1)}" font-size="9" text-anchor="middle" fill="#555">${i}</text>`);
  }
  out.push('</svg>');
  return out.join('\n');
}
