// Fleet use: per type, the sorties each tail flew and, from the plan's fleet.use notes, why a
// type or a tail flies nothing or little; then the what-ifs the planner checked.

import { h } from './dom.ts';
import type { Facts } from './facts.ts';

export function renderFleetUse(f: Facts): HTMLElement {
  const perTail = new Map<string, number>();
  for (const s of f.plan.sorties) perTail.set(s.tail, (perTail.get(s.tail) ?? 0) + 1);
  const types = [...new Set(f.tails.map((t) => f.lineOfTail.get(t)?.type ?? t.split('#')[0]))];
  const notes = (f.plan.notes ?? []).filter((n) => n.kind === 'fleet.use' && n.cause !== 'spread');
  const rows = types.map((type) => {
    const tails = f.tails.filter((t) => (f.lineOfTail.get(t)?.type ?? t.split('#')[0]) === type);
    const counts = tails.map((t) => perTail.get(t) ?? 0);
    const why = notes.filter((n) => n.subject === type || tails.includes(n.subject));
    return h(
      'tr',
      { 'data-testid': `fleet-${type}` },
      h('th', null, type),
      h('td', { class: 'num' }, String(counts.reduce((a, b) => a + b, 0))),
      h('td', null, tails.map((t, i) => h('span', { class: counts[i] === 0 ? 'tail-count idle' : 'tail-count', 'data-testid': 'tail-count', 'data-tail': t }, `${t.slice(type.length)} ${counts[i]}`))),
      h('td', { class: 'fleet-why' }, why.length ? why.map((n) => h('div', { 'data-testid': 'fleet-reason', 'data-cause': n.cause }, n.message)) : h('span', { class: 'muted' }, '—')),
    );
  });
  const whatIfs = f.plan.whatIfs ?? [];
  return h(
    'div',
    { 'data-testid': 'fleet-use' },
    h('table', { class: 'grid-table' },
      h('thead', null, h('tr', null, h('th', null, 'type'), h('th', { class: 'num' }, 'sorties'), h('th', null, 'sorties per tail'), h('th', null, 'why a type or tail flies little'))),
      h('tbody', null, rows)),
    whatIfs.length
      ? h('div', { class: 'what-ifs', 'data-testid': 'what-ifs' }, h('h3', null, 'What if (planned and verified)'), h('ul', null, whatIfs.map((w) => h('li', null, w.summary))))
      : null,
  );
}
