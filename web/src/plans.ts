// The plans of a scenario, newest first, and two of them side by side: closure, sorties, cost,
// value left behind, feasibility, and each deadline's slack.

import type { Plan } from '../../src/model/plan.ts';
import type { PlanRow } from './api.ts';
import * as api from './api.ts';
import { h } from './dom.ts';
import * as fmt from './format.ts';
import { toMs, DAY_MS } from '../../common/time.ts';

export interface PlansHooks {
  open(planId: api.Id): void;
  replan(): Promise<void>;
}

export function renderPlans(rows: PlanRow[], currentPlanId: api.Id | null, hooks: PlansHooks): HTMLElement {
  const sorted = [...rows].sort((a, b) => b.createdAt.localeCompare(a.createdAt) || b.id - a.id);
  const done = sorted.filter((r) => r.status === 'done');
  let a = done[1]?.id ?? done[0]?.id ?? null;
  let b = done[0]?.id ?? null;
  const compareBox = h('div', { class: 'compare', 'data-testid': 'compare' });

  const radio = (name: 'a' | 'b', row: PlanRow) =>
    h('input', {
      type: 'radio',
      name: `cmp-${name}`,
      value: row.id,
      disabled: row.status !== 'done',
      checked: (name === 'a' ? a : b) === row.id,
      'data-testid': `pick-${name}-${row.id}`,
      'aria-label': `Compare as ${name.toUpperCase()}`,
      onchange: () => {
        if (name === 'a') a = row.id;
        else b = row.id;
        void drawCompare();
      },
    });

  const table = h(
    'table',
    { class: 'grid-table', 'data-testid': 'plans-table' },
    h('thead', null, h('tr', null, h('th', null, 'A'), h('th', null, 'B'), h('th', null, 'Plan'), h('th', { class: 'num' }, 'Version'), h('th', null, 'Status'), h('th', null, 'Closure'), h('th', { class: 'num' }, 'Sorties'), h('th', { class: 'num' }, 'Cost'), h('th', null, 'Made'), h('th', null, ''))),
    h(
      'tbody',
      null,
      sorted.map((r) =>
        h(
          'tr',
          { class: r.id === currentPlanId ? 'current' : null, 'data-testid': 'plan-row', 'data-plan': r.id },
          h('td', null, radio('a', r)),
          h('td', null, radio('b', r)),
          h('td', null, h('code', null, `#${r.id}`)),
          h('td', { class: 'num' }, r.version),
          h('td', null, statusTag(r)),
          h('td', null, fmt.dateTime(r.closure)),
          h('td', { class: 'num' }, r.sorties ?? '—'),
          h('td', { class: 'num' }, r.costUsd === null || r.costUsd === undefined ? '—' : fmt.usd(r.costUsd)),
          h('td', null, fmt.dateTime(r.createdAt)),
          h('td', null, r.status === 'done' && r.id !== currentPlanId ? h('button', { type: 'button', class: 'small', 'data-testid': 'open-plan', onclick: () => hooks.open(r.id) }, 'Open') : r.id === currentPlanId ? h('span', { class: 'muted' }, 'open') : null),
        ),
      ),
    ),
  );

  async function drawCompare(): Promise<void> {
    if (!a || !b) {
      compareBox.replaceChildren(h('div', { class: 'empty' }, 'Plan a changed scenario, then pick two plans to compare.'));
      return;
    }
    compareBox.replaceChildren(h('div', { class: 'muted' }, 'Loading…'));
    const [pa, pb] = await Promise.all([api.getPlan(a), api.getPlan(b)]);
    if (pa.status !== 'done' || pb.status !== 'done') {
      compareBox.replaceChildren(h('div', { class: 'empty' }, 'Both plans must be finished.'));
      return;
    }
    compareBox.replaceChildren(compareTable(a, pa.plan, b, pb.plan));
  }
  void drawCompare();

  return h(
    'div',
    { 'data-testid': 'plans' },
    h('div', { class: 'toolbar' }, h('button', { type: 'button', class: 'needs-planner', 'data-testid': 'replan', onclick: () => void hooks.replan() }, 'Plan this version again')),
    h('div', { class: 'table-scroll' }, table),
    h('h3', null, 'Side by side'),
    compareBox,
  );
}

function statusTag(r: PlanRow): HTMLElement {
  if (r.status !== 'done') return h('span', { class: `tag tag-${r.status}` }, r.status);
  return r.feasible ? h('span', { class: 'tag tag-ok' }, 'feasible') : h('span', { class: 'tag tag-bad' }, 'not feasible');
}

interface Row {
  label: string;
  a: string;
  b: string;
  diff: string;
  /** which side is better, for colouring: -1 A, 1 B, 0 neither */
  better: number;
}

function compareTable(idA: api.Id, a: Plan, idB: api.Id, b: Plan): HTMLElement {
  const num = (label: string, va: number, vb: number, show: (n: number) => string, lowerIsBetter = true): Row => {
    // A difference too small to show is no difference.
    const same = va === vb || /^\$?0(\.0)?$/.test(show(Math.abs(vb - va)));
    return {
      label,
      a: show(va),
      b: show(vb),
      diff: same ? '=' : `${vb > va ? '+' : '−'}${show(Math.abs(vb - va))}`,
      better: same ? 0 : (vb < va) === lowerIsBetter ? 1 : -1,
    };
  };
  const closureMs = (p: Plan) => (p.closure ? toMs(p.closure) : NaN);
  const dClose = closureMs(b) - closureMs(a);
  const left = (p: Plan) => p.metrics.transferValueUsd + p.metrics.demilitarizedValueUsd;
  const rows: Row[] = [
    { label: 'Feasible', a: a.feasible ? 'yes' : 'no', b: b.feasible ? 'yes' : 'no', diff: a.feasible === b.feasible ? '=' : b.feasible ? 'B feasible' : 'A feasible', better: a.feasible === b.feasible ? 0 : b.feasible ? 1 : -1 },
    {
      label: 'Closure',
      a: fmt.dateTime(a.closure),
      b: fmt.dateTime(b.closure),
      diff: Number.isFinite(dClose) ? (dClose === 0 ? '=' : `${dClose > 0 ? '+' : '−'}${fmt.one(Math.abs(dClose) / DAY_MS)} d`) : '—',
      better: !Number.isFinite(dClose) || dClose === 0 ? 0 : dClose < 0 ? 1 : -1,
    },
    num('Sorties', a.metrics.sorties, b.metrics.sorties, fmt.int),
    num('Flying hours', a.metrics.flyingHours, b.metrics.flyingHours, fmt.one),
    num('Cost', a.metrics.costUsd, b.metrics.costUsd, fmt.usd),
    num('Value left behind', left(a), left(b), fmt.usd),
    num('  given to the host', a.metrics.transferValueUsd, b.metrics.transferValueUsd, fmt.usd),
    num('  destroyed in place', a.metrics.demilitarizedValueUsd, b.metrics.demilitarizedValueUsd, fmt.usd),
    num('Value brought home', a.metrics.retrogradeValueUsd, b.metrics.retrogradeValueUsd, fmt.usd, false),
    num('Pallets built', a.metrics.palletsBuilt, b.metrics.palletsBuilt, fmt.int),
    num('Rule violations', a.violations.length, b.violations.length, fmt.int),
  ];
  // Deadline slack per agreement, matched by subject.
  for (const d of a.deadlines ?? []) {
    const e = (b.deadlines ?? []).find((x) => x.kind === d.kind && x.subject === d.subject);
    if (!e || d.slackDays === null || e.slackDays === null) continue;
    rows.push(num(d.kind === 'agreement' ? `${d.subject} agreement slack (days)` : `handover of ${d.subject}: slack (days)`, d.slackDays, e.slackDays, fmt.one, false));
  }
  return h(
    'table',
    { class: 'grid-table compare-table', 'data-testid': 'compare-table' },
    h('thead', null, h('tr', null, h('th', null, ''), h('th', { class: 'num' }, `A · plan #${idA}`), h('th', { class: 'num' }, `B · plan #${idB}`), h('th', { class: 'num' }, 'B − A'))),
    h(
      'tbody',
      null,
      rows.map((r) =>
        h(
          'tr',
          null,
          h('td', { class: r.label.startsWith('  ') ? 'indent' : null }, r.label.trim()),
          h('td', { class: `num${r.better < 0 ? ' better' : ''}` }, r.a),
          h('td', { class: `num${r.better > 0 ? ' better' : ''}` }, r.b),
          h('td', { class: 'num muted' }, r.diff),
        ),
      ),
    ),
  );
}
