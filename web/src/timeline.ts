// Sorties per airframe: one row per tail, bars from departure to arrival, coloured by the site
// they leave from; a click selects the sortie for the cargo-floor view.

import { deadlineEndMs, toMs } from '../../common/time.ts';
import { h, s, tip } from './dom.ts';
import type { Facts } from './facts.ts';
import { cargoKg, siteName } from './facts.ts';
import * as fmt from './format.ts';
import { dayLabel, dayTicks, linear } from './scale.ts';

const ROW = 18;

/** 'sorties' zooms the axis to the flying; 'window' shows asOf to the deadlines. Null: decide by span. */
let zoom: 'sorties' | 'window' | null = null;

export function renderTimeline(f: Facts, selected: string | null, onSelect: (sortieId: string) => void, width = 1220): HTMLElement {
  const pad = { l: 96, r: 16, t: 22, b: 26 };
  const tails = f.tails;
  const height = pad.t + pad.b + Math.max(1, tails.length) * ROW;
  const [first, last] = sortieSpan(f);
  // Sorties bunched in a small part of the window are hard to click: zoom to them by default.
  const mode = zoom ?? (last - first < 0.4 * (f.t1 - f.t0) ? 'sorties' : 'window');
  const t0 = mode === 'sorties' ? Math.max(f.t0, first - (last - first) * 0.03 - 3_600_000) : f.t0;
  const t1 = mode === 'sorties' ? last + (last - first) * 0.03 + 3_600_000 : f.t1;
  const x = linear([t0, t1], [pad.l, width - pad.r]);
  const rowOf = new Map(tails.map((t, i) => [t, i]));
  const svg = s('svg', { viewBox: `0 0 ${width} ${height}`, class: 'chart timeline', 'data-testid': 'timeline' });

  tails.forEach((t, i) => {
    const y = pad.t + i * ROW;
    if (i % 2 === 0) svg.append(s('rect', { x: pad.l, y, width: width - pad.l - pad.r, height: ROW, class: 'row-band' }));
    svg.append(s('text', { x: pad.l - 8, y: y + ROW / 2 + 4, 'text-anchor': 'end', class: 'tick tail-label' }, t));
  });
  for (const t of dayTicks(t0, t1, 14)) {
    svg.append(s('line', { x1: x(t), x2: x(t), y1: pad.t, y2: height - pad.b, class: 'grid faint' }), s('text', { x: x(t), y: height - 8, 'text-anchor': 'middle', class: 'tick' }, dayLabel(t)));
  }
  for (const a of f.scenario.agreements) {
    const t = deadlineEndMs(a.deadline);
    if (t > t1) continue; // named in the legend instead
    svg.append(s('line', { x1: x(t), x2: x(t), y1: pad.t - 8, y2: height - pad.b, class: 'deadline-line' }), s('text', { x: x(t) - 4, y: pad.t - 9, 'text-anchor': 'end', class: 'deadline-text' }, `${a.country} deadline ${a.deadline}`));
  }

  const bars = s('g', { class: 'bars' });
  for (const so of f.plan.sorties) {
    const row = rowOf.get(so.tail);
    if (row === undefined) continue;
    const x0 = x(toMs(so.departs));
    const w = Math.max(3, x(toMs(so.arrives)) - x0);
    const origin = f.sites.get(so.from)?.role === 'origin';
    const bar = s(
      'rect',
      {
        x: x0.toFixed(1),
        y: pad.t + row * ROW + 3,
        width: w.toFixed(1),
        height: ROW - 6,
        rx: 2,
        fill: f.colourOf(so.from),
        class: `bar${origin ? '' : ' from-hub'}${so.id === selected ? ' selected' : ''}`,
        'data-testid': 'sortie-bar',
        'data-sortie': so.id,
        tabindex: 0,
        onclick: () => onSelect(so.id),
        onkeydown: ((e: KeyboardEvent) => (e.key === 'Enter' || e.key === ' ') && onSelect(so.id)) as EventListener,
      },
      tip(`${so.id} · ${so.tail}\n${siteName(f, so.from)} → ${siteName(f, so.to)}\n${fmt.dateTime(so.departs)} → ${fmt.dateTime(so.arrives)}\n${fmt.tonnes(cargoKg(f, so))} cargo, ${fmt.plural(so.passengers, 'passenger')}`),
    );
    bars.append(bar);
  }
  svg.append(bars);

  const used = [...new Set(f.plan.sorties.map((so) => so.from))];
  const legend = h(
    'div',
    { class: 'legend-row' },
    h('span', { class: 'muted' }, 'leaving from'),
    used.map((id) => h('span', { class: 'chip' }, h('span', { class: 'dot', style: `background:${f.colourOf(id)}` }), siteName(f, id))),
    h('span', { class: 'muted' }, '· click a bar for its load'),
    f.scenario.agreements
      .filter((a) => deadlineEndMs(a.deadline) > t1)
      .map((a) => h('span', { class: 'chip offscale', 'data-testid': 'deadline-offscale' }, `${a.country} deadline ${a.deadline} →`)),
    h(
      'button',
      {
        type: 'button',
        class: 'small push-right',
        'data-testid': 'timeline-zoom',
        onclick: () => {
          zoom = mode === 'sorties' ? 'window' : 'sorties';
          wrap.replaceWith(renderTimeline(f, selected, onSelect, width));
        },
      },
      mode === 'sorties' ? 'Show the whole window to the deadlines' : 'Zoom to the sorties',
    ),
  );
  const wrap = h('div', { class: 'timeline-wrap' }, legend, h('div', { class: 'scroll-y' }, svg));
  return wrap;
}

function sortieSpan(f: Facts): [number, number] {
  if (f.plan.sorties.length === 0) return [f.t0, f.t1];
  let lo = Infinity;
  let hi = -Infinity;
  for (const so of f.plan.sorties) {
    lo = Math.min(lo, toMs(so.departs));
    hi = Math.max(hi, toMs(so.arrives));
  }
  return [lo, hi];
}
