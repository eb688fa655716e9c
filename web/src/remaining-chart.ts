// Three small charts sharing one time axis: people, tonnes and sensitive loads still at each
// origin site, as step lines coloured by site, with the agreement deadlines drawn across.

import { deadlineEndMs } from '../../common/time.ts';
import { h, s, tip } from './dom.ts';
import type { Facts } from './facts.ts';
import { siteName } from './facts.ts';
import * as fmt from './format.ts';
import { remainingBySite, type Remaining, type SiteSeries } from './remaining.ts';
import { dayLabel, dayTicks, linear, niceMax, niceTicks } from './scale.ts';

const MEASURES: { key: keyof Omit<Remaining, 't'>; label: string; show: (v: number) => string; scale: number }[] = [
  { key: 'people', label: 'People', show: fmt.int, scale: 1 },
  { key: 'kg', label: 'Tonnes', show: (v) => fmt.one(v), scale: 1000 },
  { key: 'sensitive', label: 'Sensitive loads', show: fmt.int, scale: 1 },
];

function panel(f: Facts, series: SiteSeries[], m: (typeof MEASURES)[number], width: number, height: number, axis: boolean, labels: boolean): SVGSVGElement {
  const pad = { l: 52, r: 14, t: labels ? 32 : 20, b: axis ? 24 : 8 };
  const x = linear([f.t0, f.t1], [pad.l, width - pad.r]);
  const max = niceMax(Math.max(0, ...series.flatMap((sr) => sr.points.map((p) => p[m.key] / m.scale))));
  const y = linear([0, max], [height - pad.b, pad.t]);
  const svg = s('svg', { viewBox: `0 0 ${width} ${height}`, class: 'chart', 'data-testid': `remaining-${m.key}` });
  svg.append(s('text', { x: pad.l, y: 13, class: 'chart-title' }, m.label));
  for (const v of niceTicks(0, max, 3)) {
    svg.append(s('line', { x1: pad.l, x2: width - pad.r, y1: y(v), y2: y(v), class: 'grid' }), s('text', { x: pad.l - 6, y: y(v) + 4, 'text-anchor': 'end', class: 'tick' }, Number.isInteger(v) ? fmt.int(v) : fmt.one(v)));
  }
  for (const t of dayTicks(f.t0, f.t1, 9)) {
    svg.append(s('line', { x1: x(t), x2: x(t), y1: pad.t, y2: height - pad.b, class: 'grid faint' }));
    if (axis) svg.append(s('text', { x: x(t), y: height - 6, 'text-anchor': 'middle', class: 'tick' }, dayLabel(t)));
  }
  for (const a of f.scenario.agreements) {
    const t = deadlineEndMs(a.deadline);
    svg.append(s('line', { x1: x(t), x2: x(t), y1: pad.t - 6, y2: height - pad.b, class: 'deadline-line' }, tip(`${a.country} deadline ${a.deadline}`)));
    if (labels) svg.append(s('text', { x: x(t) - 4, y: pad.t - 4, 'text-anchor': 'end', class: 'deadline-text' }, `${a.country} deadline`));
  }
  for (const sr of series) {
    let d = '';
    let prev: number | null = null;
    for (const p of sr.points) {
      const px = x(p.t).toFixed(1);
      const py = y(p[m.key] / m.scale).toFixed(1);
      d += prev === null ? `M${px},${py}` : `H${px}V${py}`;
      prev = p[m.key];
    }
    const last = sr.points[sr.points.length - 1];
    d += `H${x(f.t1).toFixed(1)}`;
    svg.append(
      s('path', { d, class: 'series', stroke: f.colourOf(sr.site) }, tip(`${siteName(f, sr.site)}: ${m.show(sr.points[0][m.key] / m.scale)} at start, ${m.show(last[m.key] / m.scale)} left at the end`)),
    );
  }
  return svg;
}

export function renderRemaining(f: Facts, width = 620): HTMLElement {
  const series = remainingBySite(f);
  const legend = h(
    'div',
    { class: 'legend-row' },
    series.map((sr) => h('span', { class: 'chip' }, h('span', { class: 'dot', style: `background:${f.colourOf(sr.site)}` }), siteName(f, sr.site))),
    h('span', { class: 'chip' }, h('span', { class: 'dash' }), 'agreement deadline'),
  );
  return h(
    'div',
    { class: 'remaining', 'data-testid': 'remaining' },
    legend,
    MEASURES.map((m, i) => panel(f, series, m, width, (i === 0 ? 12 : 0) + (i === MEASURES.length - 1 ? 138 : 116), i === MEASURES.length - 1, i === 0)),
  );
}
