// The top of the page: does the withdrawal make its deadlines, by how much, and if not what
// would fix it. Green is slack, red is a miss, in days.

import type { DeadlineStatus, Plan } from '../../src/model/plan.ts';
import { DAY_MS, deadlineEndMs, toMs } from '../../common/time.ts';
import { h } from './dom.ts';
import type { Facts } from './facts.ts';
import { siteName } from './facts.ts';
import * as fmt from './format.ts';

/** The plan's own deadline statuses, or the same reading made here for older plans. */
export function deadlinesOf(f: Facts): DeadlineStatus[] {
  if (f.plan.deadlines) return f.plan.deadlines;
  const last = new Map<string, string>();
  for (const s of f.plan.sorties) if (!last.has(s.from) || s.departs > last.get(s.from)!) last.set(s.from, s.departs);
  const mk = (kind: DeadlineStatus['kind'], subject: string, deadline: string, closure: string | null): DeadlineStatus => {
    const slackDays = closure === null ? null : Math.floor(((deadlineEndMs(deadline) - toMs(closure)) / DAY_MS) * 10) / 10;
    return { kind, subject, deadline, closure, slackDays, met: slackDays === null || slackDays >= 0 };
  };
  const out: DeadlineStatus[] = [];
  for (const a of f.scenario.agreements) {
    let c: string | null = null;
    for (const [site, t] of last) if (f.sites.get(site)?.country === a.country && (!c || t > c)) c = t;
    out.push(mk('agreement', a.country, a.deadline, c));
  }
  for (const s of f.scenario.sites) if (s.handoverBy) out.push(mk('handover', s.id, s.handoverBy, last.get(s.id) ?? null));
  return out;
}

function deadlineCard(f: Facts, d: DeadlineStatus): HTMLElement {
  const title = d.kind === 'agreement' ? `${d.subject} agreement` : `${siteName(f, d.subject)} handover`;
  // A track from asOf to the later of deadline and closure, with both marked.
  const start = toMs(f.scenario.asOf);
  const end = deadlineEndMs(d.deadline);
  const close = d.closure ? toMs(d.closure) : null;
  const right = Math.max(end, close ?? end) + DAY_MS;
  const pct = (t: number) => `${(((t - start) / (right - start)) * 100).toFixed(2)}%`;
  return h(
    'div',
    { class: `deadline ${d.met ? 'met' : 'missed'}`, 'data-testid': `deadline-${d.kind}-${d.subject}` },
    h('div', { class: 'deadline-title' }, title),
    h('div', { class: 'deadline-slack', 'data-testid': 'deadline-slack' }, fmt.slack(d.slackDays)),
    h(
      'div',
      { class: 'track', 'aria-hidden': 'true' },
      h('span', { class: 'track-fill', style: `width:${close === null ? '0%' : pct(close)}` }),
      h('span', { class: 'track-deadline', style: `left:${pct(end)}` }),
    ),
    h('div', { class: 'deadline-dates' }, h('span', null, 'deadline ', h('b', null, fmt.date(d.deadline))), h('span', null, 'last out ', h('b', { 'data-testid': 'deadline-closure' }, fmt.dateTime(d.closure)))),
  );
}

function metric(label: string, value: string, testid?: string, note?: string): HTMLElement {
  return h('div', { class: 'metric', 'data-testid': testid }, h('div', { class: 'metric-label' }, label), h('div', { class: 'metric-value' }, value), note ? h('div', { class: 'metric-note' }, note) : null);
}

export function renderGlance(f: Facts): HTMLElement {
  const p: Plan = f.plan;
  const deadlines = deadlinesOf(f);
  const agreements = deadlines.filter((d) => d.kind === 'agreement');
  const handovers = deadlines.filter((d) => d.kind === 'handover');
  const missed = deadlines.filter((d) => !d.met).length;
  const verdict = p.feasible
    ? h('div', { class: 'verdict ok', 'data-testid': 'verdict' }, h('strong', null, 'Feasible'), ' — every deadline met, every rule holds')
    : h(
        'div',
        { class: 'verdict bad', 'data-testid': 'verdict' },
        h('strong', null, 'Not feasible'),
        ' — ',
        [missed ? fmt.plural(missed, 'deadline') + ' missed' : null, p.violations.length ? fmt.plural(p.violations.length, 'rule violation') : null].filter(Boolean).join(', ') || 'the planner could not move everything',
      );
  const m = p.metrics;
  return h(
    'section',
    { class: 'glance', 'data-testid': 'glance' },
    h(
      'div',
      { class: 'glance-head' },
      verdict,
      h(
        'div',
        { class: 'metrics' },
        metric('Closure', fmt.dateTime(p.closure), 'closure', p.bounds.closure.value ? `bound ${fmt.dateTime(String(p.bounds.closure.value))}` : undefined),
        metric('Sorties', fmt.int(m.sorties), 'sorties', p.bounds.sorties.value !== null ? `bound ${fmt.int(Number(p.bounds.sorties.value))}` : undefined),
        metric('Flying hours', fmt.int(m.flyingHours)),
        metric('Cost', fmt.usd(m.costUsd)),
        metric('Left to host', fmt.usd(m.transferValueUsd), undefined, `destroyed ${fmt.usd(m.demilitarizedValueUsd)}`),
      ),
    ),
    h('div', { class: 'deadlines', 'data-testid': 'deadlines' }, agreements.map((d) => deadlineCard(f, d)), handovers.map((d) => deadlineCard(f, d))),
    siteHandovers(f),
    !p.feasible && (p.remedies?.length ?? 0) > 0
      ? h(
          'div',
          { class: 'remedies', 'data-testid': 'remedies' },
          h('h3', null, 'What would make it feasible (each checked by replanning)'),
          h('ol', null, p.remedies!.map((r) => h('li', null, h('span', { class: `tag tag-${r.kind}` }, r.kind), ' ', r.summary, r.closure ? h('span', { class: 'muted' }, ` — closes ${fmt.dateTime(r.closure)}`) : null))),
        )
      : null,
    p.violations.length > 0
      ? h(
          'details',
          { class: 'violations', 'data-testid': 'violations' },
          h('summary', null, `${fmt.plural(p.violations.length, 'rule violation')} found by the verifier`),
          h('ul', null, p.violations.slice(0, 200).map((v) => h('li', null, h('code', null, v.rule), ' ', v.message))),
        )
      : null,
  );
}

/** One chip per site: the date its infrastructure is handed over in the plan. */
function siteHandovers(f: Facts): HTMLElement | null {
  const bySite = new Map<string, string>();
  for (const ho of f.plan.handovers) if (!bySite.has(ho.site) || ho.date > bySite.get(ho.site)!) bySite.set(ho.site, ho.date);
  if (bySite.size === 0) return null;
  const rows = [...bySite].sort((a, b) => a[1].localeCompare(b[1]) || a[0].localeCompare(b[0]));
  return h(
    'div',
    { class: 'handover-line', 'data-testid': 'site-handovers' },
    h('span', { class: 'muted' }, 'Site handovers'),
    rows.map(([site, d]) => h('span', { class: 'chip' }, h('span', { class: 'dot', style: `background:${f.colourOf(site)}` }), siteName(f, site), ' ', h('b', null, fmt.date(d)))),
  );
}
