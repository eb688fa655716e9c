// The selected sortie's cargo floor, drawn to scale from its aircraft line: pallets and vehicles
// where the plan puts them, their weights, and the centre of gravity against the allowed band.

import type { Load, Sortie } from '../../src/model/plan.ts';
import { h, s, tip } from './dom.ts';
import type { Facts } from './facts.ts';
import { cargoKg, siteName } from './facts.ts';
import * as fmt from './format.ts';

function gauge(label: string, used: number, limit: number, show: (n: number) => string, testid: string): HTMLElement {
  const share = limit > 0 ? used / limit : 0;
  return h(
    'div',
    { class: `gauge${share > 1 + 1e-9 ? ' over' : ''}`, 'data-testid': testid },
    h('div', { class: 'gauge-label' }, h('span', null, label), h('span', null, `${show(used)} of ${show(limit)}`)),
    h('div', { class: 'gauge-track' }, h('span', { class: 'gauge-fill', style: `width:${Math.min(100, share * 100).toFixed(1)}%` })),
  );
}

export function renderSortie(f: Facts, sortieId: string | null, selectedPallet: string | null, onPallet: (palletId: string) => void): HTMLElement {
  const so: Sortie | undefined = sortieId ? f.sortieById.get(sortieId) : undefined;
  if (!so) return h('div', { class: 'empty', 'data-testid': 'sortie-empty' }, 'Select a sortie in the timeline to see its cargo floor.');
  const line = f.lineOfTail.get(so.tail);
  if (!line) return h('div', { class: 'empty' }, `No fleet line for ${so.tail} in this scenario version.`);

  const L = line.floorLengthM;
  const W = line.floorWidthM;
  const width = 1180;
  const k = Math.min((width - 80) / L, 210 / W);
  const ox = 36;
  const oy = 34;
  const floorH = W * k;
  const height = oy + floorH + 58;
  const svg = s('svg', { viewBox: `0 0 ${width} ${height}`, class: 'floor', 'data-testid': 'floor', 'data-sortie': so.id });
  svg.append(s('text', { x: ox, y: 14, class: 'tick' }, `front of floor ← ${fmt.one(L)} m × ${fmt.one(W)} m (${line.type}) → ramp`));
  // The allowed centre-of-gravity band, under everything else.
  const [cg0, cg1] = line.cgRangeM;
  svg.append(s('rect', { x: ox + cg0 * k, y: oy - 8, width: Math.max(1, (cg1 - cg0) * k), height: floorH + 16, class: 'cg-band' }, tip(`allowed centre of gravity ${fmt.one(cg0)}–${fmt.one(cg1)} m from the front`)));
  svg.append(s('rect', { x: ox, y: oy, width: L * k, height: floorH, class: 'floor-deck' }));
  // Metre ticks along the floor.
  for (let m = 0; m <= L + 1e-9; m += L > 30 ? 5 : 2) {
    svg.append(s('line', { x1: ox + m * k, x2: ox + m * k, y1: oy + floorH, y2: oy + floorH + 5, class: 'axis' }), s('text', { x: ox + m * k, y: oy + floorH + 16, 'text-anchor': 'middle', class: 'tick' }, `${m}`));
  }
  svg.append(s('text', { x: ox + L * k, y: oy + floorH + 30, 'text-anchor': 'end', class: 'tick' }, 'metres from the front'));

  for (const ld of so.loads) svg.append(loadShape(f, ld, ox, oy, k, ld.ref === selectedPallet, onPallet));

  if (so.cgM !== null) {
    const cx = ox + so.cgM * k;
    const inside = so.cgM >= cg0 - 1e-6 && so.cgM <= cg1 + 1e-6;
    svg.append(
      s(
        'g',
        { class: `cg-marker${inside ? '' : ' out'}`, 'data-testid': 'cg-marker' },
        s('line', { x1: cx, x2: cx, y1: oy - 12, y2: oy + floorH + 12 }),
        s('path', { d: `M${cx - 6},${oy - 20}L${cx + 6},${oy - 20}L${cx},${oy - 11}Z` }),
        s('text', { x: cx + 8, y: oy - 13 }, `CG ${fmt.one(so.cgM)} m`),
        tip(`centre of gravity ${so.cgM.toFixed(2)} m; allowed ${cg0}–${cg1} m`),
      ),
    );
  }

  const cargo = cargoKg(f, so);
  const palletCount = so.loads.filter((l) => f.pallets.has(l.ref)).length;
  return h(
    'div',
    { class: 'sortie-detail', 'data-testid': 'sortie-detail' },
    h(
      'div',
      { class: 'sortie-head' },
      h('h3', { 'data-testid': 'sortie-title' }, `${so.id} · ${so.tail}`),
      h('div', { class: 'muted' }, `${siteName(f, so.from)} → ${siteName(f, so.to)} · departs ${fmt.dateTime(so.departs)} · arrives ${fmt.dateTime(so.arrives)}`),
    ),
    h(
      'div',
      { class: 'gauges' },
      gauge('Payload vs ACL', so.payloadKg, line.aclKg, fmt.kg, 'gauge-payload'),
      gauge('Passengers vs seats', so.passengers, line.seats, fmt.int, 'gauge-seats'),
      gauge('Pallet positions', palletCount, line.palletPositions, fmt.int, 'gauge-positions'),
      h('div', { class: 'gauge-note muted' }, `cargo ${fmt.kg(cargo)} + ${so.passengers} × ${f.scenario.policy.passengerKg} kg passengers`),
    ),
    svg,
    so.loads.length ? h('div', { class: 'muted small' }, 'Click a pallet to see how it is built.') : h('div', { class: 'muted small' }, 'No cargo on this sortie: passengers only.'),
  );
}

function loadShape(f: Facts, ld: Load, ox: number, oy: number, k: number, selected: boolean, onPallet: (id: string) => void): SVGGElement {
  const isPallet = f.pallets.has(ld.ref);
  const kgValue = f.loadKg(ld.ref);
  const sens = f.loadSensitive(ld.ref);
  const x = ox + ld.x * k;
  const y = oy + ld.y * k;
  const w = ld.l * k;
  const hgt = ld.w * k;
  const g = s('g', {
    class: `load ${isPallet ? 'pallet' : 'vehicle'}${sens ? ' sensitive' : ''}${selected ? ' selected' : ''}`,
    'data-testid': isPallet ? 'floor-pallet' : 'floor-vehicle',
    'data-ref': ld.ref,
    onclick: isPallet ? () => onPallet(ld.ref) : undefined,
  });
  g.append(s('rect', { x, y, width: w, height: hgt, rx: 1.5 }));
  const name = isPallet ? ld.ref : (f.items.get(ld.ref)?.name ?? ld.ref);
  // Labels turn sideways when the load is narrow along the floor.
  const vertical = w < 46 && hgt > w;
  const cx = x + w / 2;
  const cy = y + hgt / 2;
  g.append(s('text', { x: cx, y: cy - 2, 'text-anchor': 'middle', class: 'load-name', transform: vertical ? `rotate(-90 ${cx} ${cy})` : null }, truncate(name, Math.floor(((vertical ? hgt : w) - 6) / 6.6))));
  g.append(s('text', { x: cx, y: cy + 10, 'text-anchor': 'middle', class: 'load-kg', transform: vertical ? `rotate(-90 ${cx} ${cy})` : null }, fmt.kg(kgValue)));
  g.append(tip(`${f.loadName(ld.ref)}: ${fmt.kg(kgValue)}${sens ? ', sensitive' : ''}\nx ${ld.x.toFixed(2)} m, y ${ld.y.toFixed(2)} m, ${ld.l.toFixed(2)} × ${ld.w.toFixed(2)} m`));
  return g;
}

function truncate(text: string, max: number): string {
  if (max < 3) return '';
  return text.length <= max ? text : text.slice(0, Math.max(1, max - 1)) + '…';
}
