// One pallet as a loadmaster reads it: top and side views to scale, every unit numbered the same
// in both views and in the table, with weights and sensitivity.

import type { Pallet, Placement } from '../../src/model/plan.ts';
import { h, s, tip } from './dom.ts';
import type { Facts } from './facts.ts';
import * as fmt from './format.ts';

const UNIT_FILLS = ['#dbe6f3', '#f6e3c9', '#dcebd6', '#e7ddf0', '#d7ecec', '#f3eccb', '#eadfd8', '#f2dbe4'];

export function renderPallet(f: Facts, palletId: string | null): HTMLElement {
  const p: Pallet | undefined = palletId ? f.pallets.get(palletId) : undefined;
  if (!p) return h('div', { class: 'empty', 'data-testid': 'pallet-empty' }, 'Click a pallet on the floor to see its units.');
  const type = f.palletTypes.get(p.palletType);
  const L = type?.usableLengthM ?? Math.max(0.1, ...p.placements.map((u) => u.x + u.l));
  const W = type?.usableWidthM ?? Math.max(0.1, ...p.placements.map((u) => u.y + u.w));
  const H = type?.maxHeightM ?? Math.max(0.1, ...p.placements.map((u) => u.z + u.h));
  // Colour by item so identical units read as one group.
  const itemIds = [...new Set(p.placements.map((u) => u.itemId))];
  const fillOf = (id: string) => UNIT_FILLS[itemIds.indexOf(id) % UNIT_FILLS.length];
  const numbered = p.placements.map((u, i) => ({ u, n: i + 1 }));

  const k = Math.min(500 / L, 300 / Math.max(W, H));
  const view = (title: string, depth: 'top' | 'side') => {
    const across = depth === 'top' ? W : H;
    const width = L * k + 40;
    const height = across * k + 40;
    const svg = s('svg', { viewBox: `0 0 ${width} ${height}`, width, height, class: 'pallet-svg', 'data-testid': `pallet-${depth}` });
    svg.append(s('text', { x: 20, y: 13, class: 'tick' }, `${title} · ${fmt.one(L)} × ${fmt.one(across)} m`));
    const ox = 20;
    const oy = 22;
    svg.append(s('rect', { x: ox, y: oy, width: L * k, height: across * k, class: depth === 'top' ? 'pallet-deck' : 'pallet-envelope' }));
    // Top view: draw lower units first so the top of the stack shows. Side view: far units first.
    const order = [...numbered].sort((a, b) => (depth === 'top' ? a.u.z - b.u.z : b.u.y - a.u.y) || a.n - b.n);
    for (const { u, n } of order) {
      const x = ox + u.x * k;
      const y = depth === 'top' ? oy + u.y * k : oy + (H - u.z - u.h) * k;
      const w = u.l * k;
      const hh = (depth === 'top' ? u.w : u.h) * k;
      const sens = (f.items.get(u.itemId)?.sensitive.length ?? 0) > 0;
      svg.append(
        s(
          'g',
          { class: `unit${sens ? ' sensitive' : ''}` },
          s('rect', { x, y, width: w, height: hh, fill: fillOf(u.itemId) }),
          w > 12 && hh > 10 ? s('text', { x: x + w / 2, y: y + hh / 2 + 4, 'text-anchor': 'middle', class: 'unit-no' }, String(n)) : null,
          tip(`#${n} ${u.itemId} — ${f.items.get(u.itemId)?.name ?? ''}\n${unitBox(u)}`),
        ),
      );
    }
    if (depth === 'side') svg.append(s('line', { x1: ox, x2: ox + L * k, y1: oy + H * k, y2: oy + H * k, class: 'pallet-base' }));
    return svg;
  };

  const rows = numbered.map(({ u, n }) => {
    const item = f.items.get(u.itemId);
    return h(
      'tr',
      null,
      h('td', { class: 'num' }, n),
      h('td', null, h('span', { class: 'swatch', style: `background:${fillOf(u.itemId)}` }), u.itemId),
      h('td', null, item?.name ?? ''),
      h('td', { class: 'num' }, fmt.kg(item?.unitWeightKg ?? 0)),
      h('td', { class: 'num' }, `${u.x.toFixed(2)}, ${u.y.toFixed(2)}, ${u.z.toFixed(2)}`),
      h('td', { class: 'num' }, `${u.l.toFixed(2)} × ${u.w.toFixed(2)} × ${u.h.toFixed(2)}`),
      h('td', null, item?.sensitive.join(', ') ?? ''),
    );
  });
  return h(
    'div',
    { class: 'pallet-detail', 'data-testid': 'pallet-detail' },
    h('h3', null, `Pallet ${p.id}`, h('span', { class: 'muted' }, ` · ${p.palletType} built at ${f.sites.get(p.site)?.name ?? p.site} · ${fmt.kg(p.grossKg)} gross · ${fmt.one(p.heightM)} m high · ${fmt.plural(p.placements.length, 'unit')}`)),
    h('div', { class: 'pallet-views' }, view('Top view', 'top'), view('Side view (from the left)', 'side')),
    h(
      'table',
      { class: 'grid-table compact', 'data-testid': 'pallet-units' },
      h('thead', null, h('tr', null, h('th', { class: 'num' }, '#'), h('th', null, 'Item'), h('th', null, 'Name'), h('th', { class: 'num' }, 'Weight'), h('th', { class: 'num' }, 'x, y, z (m)'), h('th', { class: 'num' }, 'l × w × h (m)'), h('th', null, 'Sensitive'))),
      h('tbody', null, rows),
    ),
  );
}

function unitBox(u: Placement): string {
  return `at ${u.x.toFixed(2)}, ${u.y.toFixed(2)}, ${u.z.toFixed(2)} m; ${u.l.toFixed(2)} × ${u.w.toFixed(2)} × ${u.h.toFixed(2)} m`;
}
