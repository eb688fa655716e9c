// The disposition register (what happens to every equipment line and why), the handover register,
// and the plan against its proven bounds.

import type { Disposition } from '../../src/model/plan.ts';
import { DAY_MS, toMs } from '../../common/time.ts';
import { h } from './dom.ts';
import type { Facts } from './facts.ts';
import { siteName } from './facts.ts';
import * as fmt from './format.ts';
import { sortableTable, type Column } from './table.ts';

export function renderDispositions(f: Facts): HTMLElement {
  const rows = f.plan.dispositions;
  const sites = [...new Set(rows.map((d) => f.items.get(d.itemId)?.site ?? ''))].filter(Boolean).sort();
  const action = h('select', { 'data-testid': 'filter-action', 'aria-label': 'Action' }, h('option', { value: '' }, 'all actions'), ['retrograde', 'transfer', 'demilitarize'].map((a) => h('option', { value: a }, a)));
  const site = h('select', { 'data-testid': 'filter-site', 'aria-label': 'Site' }, h('option', { value: '' }, 'all sites'), sites.map((x) => h('option', { value: x }, siteName(f, x))));
  const text = h('input', { type: 'search', placeholder: 'Filter by item, name or reason', 'data-testid': 'filter-text', 'aria-label': 'Filter text' });
  const count = h('span', { class: 'muted' });
  const holder = h('div', { class: 'table-scroll' });

  const columns: Column<Disposition>[] = [
    { key: 'item', label: 'Item', value: (d) => d.itemId, cell: (d) => h('code', { class: 'nowrap' }, d.itemId) },
    { key: 'name', label: 'Name', value: (d) => f.items.get(d.itemId)?.name ?? '' },
    { key: 'site', label: 'Site', value: (d) => siteName(f, f.items.get(d.itemId)?.site ?? '') },
    { key: 'qty', label: 'Qty', num: true, value: (d) => d.quantity },
    { key: 'action', label: 'Action', value: (d) => d.action, cell: (d) => h('span', { class: `tag tag-${d.action}` }, d.action) },
    { key: 'kg', label: 'Weight', num: true, value: (d) => d.quantity * f.itemKg(d.itemId), cell: (d) => fmt.kg(d.quantity * f.itemKg(d.itemId)) },
    { key: 'value', label: 'Value', num: true, value: (d) => d.quantity * (f.items.get(d.itemId)?.unitValueUsd ?? 0), cell: (d) => fmt.usdExact(d.quantity * (f.items.get(d.itemId)?.unitValueUsd ?? 0)) },
    { key: 'reason', label: 'Reason', value: (d) => d.reason, cell: (d) => h('span', { class: 'reason' }, d.reason) },
  ];
  const draw = () => {
    const q = text.value.trim().toLowerCase();
    const shown = rows.filter((d) => {
      const it = f.items.get(d.itemId);
      if (action.value && d.action !== action.value) return false;
      if (site.value && it?.site !== site.value) return false;
      if (q && !`${d.itemId} ${it?.name ?? ''} ${d.reason}`.toLowerCase().includes(q)) return false;
      return true;
    });
    count.textContent = `${fmt.int(shown.length)} of ${fmt.plural(rows.length, 'line')}`;
    holder.replaceChildren(sortableTable(columns, shown, 'dispositions-table', { key: 'value', desc: true }));
  };
  for (const el of [action, site]) el.addEventListener('change', draw);
  text.addEventListener('input', draw);
  draw();

  const totals = (a: Disposition['action']) => rows.filter((d) => d.action === a).reduce((n, d) => n + d.quantity * (f.items.get(d.itemId)?.unitValueUsd ?? 0), 0);
  return h(
    'div',
    { 'data-testid': 'dispositions' },
    h('div', { class: 'summary-line' }, ['retrograde', 'transfer', 'demilitarize'].map((a) => h('span', { class: 'chip' }, h('span', { class: `tag tag-${a}` }, a), ' ', fmt.usd(totals(a as Disposition['action']))))),
    h('div', { class: 'filters' }, action, site, text, count),
    holder,
  );
}

export function renderHandovers(f: Facts): HTMLElement {
  const infra = new Map(f.scenario.infrastructure.map((i) => [i.id, i]));
  const lastDeparture = new Map(f.plan.siteClosures.map((c) => [c.site, c.lastDeparture]));
  type Row = { id: string; name: string; site: string; value: number; date: string; due?: string };
  const rows: Row[] = f.plan.handovers.map((ho) => ({
    id: ho.infrastructureId,
    name: infra.get(ho.infrastructureId)?.name ?? '',
    site: ho.site,
    value: infra.get(ho.infrastructureId)?.valueUsd ?? 0,
    date: ho.date,
    due: f.sites.get(ho.site)?.handoverBy,
  }));
  return h(
    'div',
    { 'data-testid': 'handovers' },
    rows.length === 0
      ? h('div', { class: 'empty' }, 'No infrastructure to hand over.')
      : h('div', { class: 'table-scroll' }, sortableTable<Row>(
          [
            { key: 'date', label: 'Handed over', value: (r) => r.date, cell: (r) => h('span', { class: 'nowrap' }, r.date) },
            { key: 'id', label: 'Infrastructure', value: (r) => r.id },
            { key: 'name', label: 'Name', value: (r) => r.name },
            { key: 'site', label: 'Site', value: (r) => siteName(f, r.site) },
            { key: 'last', label: 'Last departure', value: (r) => lastDeparture.get(r.site) ?? '', cell: (r) => h('span', { class: 'nowrap' }, fmt.dateTime(lastDeparture.get(r.site))) },
            { key: 'due', label: 'Due by', value: (r) => r.due ?? '', cell: (r) => h('span', { class: 'nowrap' }, r.due ?? '—') },
            { key: 'value', label: 'Value', num: true, value: (r) => r.value, cell: (r) => fmt.usdExact(r.value) },
          ],
          rows,
          'handovers-table',
        )),
  );
}

export function renderBounds(f: Facts): HTMLElement {
  const p = f.plan;
  const bs = p.bounds.sorties;
  const bc = p.bounds.closure;
  const sortieBound = typeof bs.value === 'number' ? bs.value : bs.value === null ? null : Number(bs.value);
  const sortieGap = sortieBound ? `${fmt.int(p.metrics.sorties - sortieBound)} more (${fmt.one(((p.metrics.sorties - sortieBound) / sortieBound) * 100)} %)` : '—';
  const closureGap = p.closure && bc.value !== null ? fmt.days(toMs(p.closure) - toMs(String(bc.value))) + ' later' : '—';
  const start = toMs(f.scenario.asOf);
  const closureDays = p.closure ? (toMs(p.closure) - start) / DAY_MS : null;
  const boundDays = bc.value !== null ? (toMs(String(bc.value)) - start) / DAY_MS : null;
  return h('div', { class: 'table-scroll' }, h(
    'table',
    { class: 'grid-table bounds-table', 'data-testid': 'bounds' },
    h('thead', null, h('tr', null, h('th', null, ''), h('th', { class: 'num' }, 'Plan'), h('th', { class: 'num' }, 'Lower bound'), h('th', { class: 'num' }, 'Gap'), h('th', null, 'How the bound is proven'))),
    h(
      'tbody',
      null,
      h('tr', null, h('td', null, 'Sorties'), h('td', { class: 'num' }, fmt.int(p.metrics.sorties)), h('td', { class: 'num' }, sortieBound === null ? '—' : fmt.int(sortieBound)), h('td', { class: 'num', 'data-testid': 'gap-sorties' }, sortieGap), h('td', { class: 'reason' }, bs.basis)),
      h(
        'tr',
        null,
        h('td', null, 'Closure'),
        h('td', { class: 'num' }, fmt.dateTime(p.closure), closureDays !== null ? h('div', { class: 'muted small' }, `day ${fmt.one(closureDays)}`) : null),
        h('td', { class: 'num' }, bc.value === null ? '—' : fmt.dateTime(String(bc.value)), boundDays !== null ? h('div', { class: 'muted small' }, `day ${fmt.one(boundDays)}`) : null),
        h('td', { class: 'num', 'data-testid': 'gap-closure' }, closureGap),
        h('td', { class: 'reason' }, bc.basis),
      ),
    ),
  ));
}
