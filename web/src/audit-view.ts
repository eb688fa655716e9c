// The audit trail as a planner reads it: who did what, when and from where, newest first, with a
// filter by person and by kind of change, the chain's check, and the whole trail as CSV.

import * as api from './api.ts';
import type { AuditRow } from './api.ts';
import { h, mount } from './dom.ts';

const ACTIONS: [string, string][] = [
  ['', 'every change'],
  ['scenario', 'scenario versions'],
  ['plan', 'plans and replans'],
  ['import', 'imports'],
  ['export', 'exports'],
  ['login', 'sign-ins (and failures)'],
  ['user', 'users'],
  ['token', 'tokens'],
  ['denied', 'refused requests'],
];

const LABEL: Record<string, string> = {
  'scenario.create': 'created scenario',
  'scenario.version': 'saved version',
  'plan.request': 'asked for a plan',
  import: 'imported a sheet',
  export: 'exported',
  'audit.export': 'exported the audit trail',
  login: 'signed in',
  'login.failed': 'failed sign-in',
  logout: 'signed out',
  'user.add': 'added user',
  'user.role': 'changed role',
  'user.password': 'changed password',
  'user.disable': 'disabled user',
  'token.create': 'created token',
  'token.revoke': 'revoked token',
  denied: 'was refused',
};

/** `2024-06-01T08:12:03.120Z` as `2024-06-01 08:12:03Z`: the trail is in UTC like the plans. */
function when(iso: string): string {
  return iso.slice(0, 19).replace('T', ' ') + 'Z';
}

function details(r: AuditRow): string {
  const d = r.detail;
  if (r.action === 'plan.request') return `scenario ${d.scenario} v${d.version}${d.replan ? ' · replan' : ''}${d.seed !== undefined ? ` · seed ${d.seed}` : ''}`;
  if (r.action === 'scenario.version' || r.action === 'scenario.create') return `${d.name ?? ''}${d.baseVersion !== undefined ? ` · from v${d.baseVersion}` : ''}`;
  if (r.action === 'export') return `${d.what}${d.format ? ` (${d.format})` : ''}`;
  if (r.action === 'user.role') return `${d.was} → ${d.now}`;
  return Object.entries(d).map(([k, v]) => `${k}: ${typeof v === 'string' ? v : JSON.stringify(v)}`).join(' · ');
}

export function createAuditView(): { element: HTMLElement; refresh(): Promise<void> } {
  const userFilter = h('input', { type: 'search', placeholder: 'person (exact name)', 'aria-label': 'Filter by person', 'data-testid': 'audit-user', onchange: () => void refresh() });
  const actionFilter = h('select', { 'aria-label': 'Filter by change', 'data-testid': 'audit-action', onchange: () => void refresh() }, ACTIONS.map(([v, l]) => h('option', { value: v }, l)));
  const chain = h('span', { class: 'chain', 'data-testid': 'audit-chain', role: 'status' });
  const body = h('tbody');
  const more = h('button', { type: 'button', class: 'small', 'data-testid': 'audit-more', hidden: true, onclick: () => void loadMore() }, 'Older changes');
  const PAGE = 100;
  let oldest: number | undefined;

  const row = (r: AuditRow) =>
    h(
      'tr',
      { 'data-testid': 'audit-row', 'data-action': r.action, class: r.action === 'login.failed' || r.action === 'denied' ? 'alert' : null },
      h('td', { class: 'nowrap num' }, when(r.at)),
      h('td', null, h('b', null, r.user), r.role !== 'anonymous' && r.role !== 'system' ? h('span', { class: 'muted small' }, ` ${r.role}`) : null),
      h('td', null, LABEL[r.action] ?? r.action),
      h('td', null, r.target),
      h('td', { class: 'reason' }, details(r)),
      h('td', { class: 'nowrap muted small' }, r.from),
    );

  async function loadMore(): Promise<void> {
    const rows = await api.listAudit({ before: oldest, user: userFilter.value.trim(), action: actionFilter.value, limit: PAGE });
    body.append(...rows.map(row));
    oldest = rows.at(-1)?.id ?? oldest;
    more.hidden = rows.length < PAGE;
  }

  async function refresh(): Promise<void> {
    oldest = undefined;
    body.replaceChildren();
    await loadMore();
    if (body.children.length === 0) body.append(h('tr', null, h('td', { colspan: 6, class: 'muted' }, 'No changes match.')));
    const check = await api.verifyAudit();
    mount(
      chain,
      check.ok
        ? h('span', { class: 'tag tag-ok' }, `chain intact · ${check.rows} rows`)
        : h('span', { class: 'tag tag-bad' }, `chain broken at row ${check.broken?.id}: ${check.broken?.reason}`),
      ' ',
      h('code', { class: 'muted', title: 'the hash of the newest row: note it elsewhere to notice rows cut off the end' }, `head ${check.head.slice(0, 12)}…`),
    );
  }

  const element = h(
    'div',
    { class: 'audit', 'data-testid': 'audit' },
    h('p', { class: 'muted small audit-intro' }, 'Every change to this workspace, newest first: scenario versions, plans, imports, exports, users, tokens and sign-ins. Rows are never edited or removed; each one carries the hash of the one before, so a change made to the file behind drawdown’s back breaks the chain.'),
    h(
      'div',
      { class: 'filters' },
      userFilter,
      actionFilter,
      h('button', { type: 'button', class: 'small', onclick: () => void refresh() }, 'Refresh'),
      chain,
      h('a', { class: 'button small push-right', href: api.AUDIT_CSV, download: '', 'data-testid': 'audit-csv' }, 'Download CSV'),
    ),
    h(
      'div',
      { class: 'table-scroll' },
      h(
        'table',
        { class: 'grid-table compact audit-table', 'data-testid': 'audit-table' },
        h('thead', null, h('tr', null, ['When (UTC)', 'Who', 'Did', 'What', 'Details', 'From'].map((t) => h('th', null, t)))),
        body,
      ),
    ),
    more,
  );
  return { element, refresh };
}
