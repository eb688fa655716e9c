// The workspace: signs in (a password, or the one-time link `drawdown start` printed), opens the
// built-in Niger plan (or the first scenario's latest plan), shows whether it makes its deadlines
// and why, and lets a planner edit, replan and compare, and read who changed what.

import './styles.css';
import * as api from './api.ts';
import type { PlanRow, ScenarioBrief, ScenarioRecord } from './api.ts';
import { h, mount } from './dom.ts';
import { createEditor } from './editor.ts';
import { createExportMenu, downloadLink } from './exports.ts';
import { buildFacts, type Facts } from './facts.ts';
import { renderSortie } from './floor.ts';
import { renderGlance } from './glance.ts';
import { createAuditView } from './audit-view.ts';
import { createImportPanel } from './import-panel.ts';
import { leave, renderLogin, takeFromAddress } from './login.ts';
import { renderMap } from './map.ts';
import { renderPallet } from './pallet-view.ts';
import { renderPlans } from './plans.ts';
import { renderBounds, renderDispositions, renderHandovers } from './registers.ts';
import { renderRemaining } from './remaining-chart.ts';
import { renderTimeline } from './timeline.ts';
import { renderFleetUse } from './fleet.ts';

type Tab = 'overview' | 'registers' | 'scenario' | 'plans' | 'audit';
const TABS: [Tab, string][] = [
  ['overview', 'Overview'],
  ['registers', 'Registers'],
  ['scenario', 'Scenario'],
  ['plans', 'Plans & compare'],
  ['audit', 'Audit'],
];

const state = {
  scenarios: [] as ScenarioBrief[],
  scenarioId: null as api.Id | null,
  record: null as ScenarioRecord | null,
  plans: [] as PlanRow[],
  planId: null as api.Id | null,
  facts: null as Facts | null,
  sortie: null as string | null,
  pallet: null as string | null,
  tab: 'overview' as Tab,
  me: null as api.Me | null,
};

const root = document.getElementById('app')!;
const message = h('div', { class: 'message', 'data-testid': 'message', role: 'status' });
const scenarioSelect = h('select', { 'data-testid': 'scenario-select', 'aria-label': 'Scenario', onchange: () => void guard(openScenario(Number(scenarioSelect.value))) });
const planSelect = h('select', { 'data-testid': 'plan-select', 'aria-label': 'Plan', onchange: () => void guard(openPlan(Number(planSelect.value))) });
const tabBar = h('nav', { class: 'tabs', role: 'tablist' });
const glanceBox = h('div', { 'data-testid': 'glance-box' });
const panes: Record<Tab, HTMLElement> = {
  overview: h('div', { class: 'pane', 'data-testid': 'pane-overview' }),
  registers: h('div', { class: 'pane', 'data-testid': 'pane-registers' }),
  scenario: h('div', { class: 'pane', 'data-testid': 'pane-scenario' }),
  plans: h('div', { class: 'pane', 'data-testid': 'pane-plans' }),
  audit: h('div', { class: 'pane', 'data-testid': 'pane-audit' }),
};
const auditView = createAuditView();
const userBox = h('div', { class: 'user-box', 'data-testid': 'user-box' });
const timelineBox = h('div');
const sortieBox = h('div');
const palletBox = h('div');
const plansBox = h('div');

const exportMenu = createExportMenu();
const inventoryLinks = h('span', { class: 'card-actions' });

const editor = createEditor({
  async onSaved(saved, plan) {
    await refreshScenarios();
    state.scenarioId = saved.id;
    scenarioSelect.value = String(saved.id);
    if (plan) await planVersion(saved.id, saved.version);
    else await loadPlans();
  },
  async openLatest(id) {
    const rec = await api.getScenario(id);
    state.record = rec;
    editor.setText(rec.text, { id: rec.id, version: rec.version, name: rec.name }, `${rec.name} · version ${rec.version}`);
    await refreshScenarios();
  },
});

const importPanel = createImportPanel({
  baseText: () => editor.getText(),
  loaded(text, from) {
    editor.loadUnsaved(text, `${state.record?.name ?? 'New scenario'} · imported from ${from}`, `Imported from ${from}, not saved`);
  },
});

/** Any failed action ends in a message on the page, never a silent console error. */
function guard(p: Promise<unknown>): Promise<unknown> {
  return p.catch((e: unknown) => say(`${(e as Error).message}`, 'bad'));
}

function say(text: string, kind: 'info' | 'bad' | 'busy' = 'info'): void {
  message.textContent = text;
  message.className = `message ${kind}`;
  message.hidden = !text;
}

function card(title: string, body: Node, extra: Record<string, string> = {}, actions: Node | null = null): HTMLElement {
  const head = actions ? h('div', { class: 'card-head' }, h('h2', null, title), actions) : h('h2', null, title);
  return h('section', { class: 'card', ...extra }, head, body);
}

/** The download links follow the open plan and the scenario version on show. */
function drawDownloads(): void {
  const shown = state.scenarioId !== null && state.record ? { id: state.scenarioId, version: state.record.version } : null;
  exportMenu.update(state.facts ? state.planId : null, shown);
  mount(inventoryLinks, shown ? downloadLink(api.inventoryExportUrl(shown.id, shown.version, 'xlsx'), 'Download inventory (XLSX)', 'download-inventory') : null);
}

/** The Audit tab is for planners and admins; a viewer reads plans. */
const visibleTabs = () => TABS.filter(([id]) => id !== 'audit' || (state.me && state.me.role !== 'viewer'));

function drawTabs(): void {
  mount(
    tabBar,
    visibleTabs().map(([id, label]) =>
      h('button', { type: 'button', role: 'tab', class: state.tab === id ? 'active' : null, 'aria-selected': String(state.tab === id), 'data-testid': `tab-${id}`, onclick: () => showTab(id) }, label),
    ),
  );
  for (const [id] of TABS) panes[id].hidden = state.tab !== id;
  // the trail is about the workspace, not the open plan: no plan summary above it
  glanceBox.hidden = state.tab === 'audit';
}

function showTab(tab: Tab): void {
  state.tab = tab;
  drawTabs();
  window.scrollTo(0, 0);
  if (tab === 'audit') void guard(auditView.refresh());
}

function drawSelection(): void {
  const f = state.facts;
  if (!f) return;
  mount(timelineBox, renderTimeline(f, state.sortie, selectSortie));
  mount(sortieBox, renderSortie(f, state.sortie, state.pallet, selectPallet));
  mount(palletBox, renderPallet(f, state.pallet));
}

function selectSortie(id: string): void {
  state.sortie = id;
  state.pallet = null;
  drawSelection();
}

function selectPallet(id: string): void {
  state.pallet = id;
  drawSelection();
  palletBox.scrollIntoView({ block: 'nearest', behavior: 'smooth' });
}

function drawPlan(): void {
  const f = state.facts;
  drawDownloads();
  if (!f) {
    mount(glanceBox);
    mount(panes.overview, h('div', { class: 'empty' }, 'No finished plan for this scenario yet.'));
    mount(panes.registers);
    return;
  }
  mount(glanceBox, renderGlance(f));
  drawSelection();
  mount(
    panes.overview,
    h('div', { class: 'grid two' }, card('Sites and flows', renderMap(f)), card('Still at each origin site', renderRemaining(f))),
    card('Sorties by airframe', timelineBox),
    card('Fleet use', renderFleetUse(f)),
    card('Cargo floor of the selected sortie', sortieBox),
    card('Pallet build', palletBox),
  );
  mount(
    panes.registers,
    card('Disposition register', renderDispositions(f), {}, h(
      'span',
      { class: 'card-actions' },
      downloadLink(api.planExportUrl(state.planId!, 'transfers', 'xlsx'), 'Download transfer register (XLSX)', 'download-transfers'),
      downloadLink(api.planExportUrl(state.planId!, 'dispositions', 'xlsx'), 'Disposition register (XLSX)', 'download-dispositions'),
    )),
    card('Plan against its proven bounds', renderBounds(f)),
    card('Handover register', renderHandovers(f), {}, downloadLink(api.planExportUrl(state.planId!, 'handovers', 'xlsx'), 'Download (XLSX)', 'download-handovers')),
  );
}

function drawPlans(): void {
  mount(
    plansBox,
    renderPlans(state.plans, state.planId, {
      open: (id) => void guard(openPlan(id).then(() => showTab('overview'))),
      replan: async () => {
        if (state.scenarioId && state.record) await guard(planVersion(state.scenarioId, state.record.version));
      },
    }),
  );
  mount(
    planSelect,
    [...state.plans]
      .sort((a, b) => b.createdAt.localeCompare(a.createdAt) || b.id - a.id)
      .map((p) => h('option', { value: p.id, selected: p.id === state.planId, disabled: p.status !== 'done' }, `#${p.id} · v${p.version} · ${p.status === 'done' ? (p.feasible ? 'feasible' : 'not feasible') : p.status}`)),
  );
}

async function refreshScenarios(): Promise<void> {
  state.scenarios = await api.listScenarios();
  mount(scenarioSelect, state.scenarios.map((x) => h('option', { value: x.id, selected: x.id === state.scenarioId }, `${x.name} (v${x.version})`)));
}

async function loadPlans(): Promise<void> {
  if (!state.scenarioId) return;
  state.plans = await api.listPlans(state.scenarioId);
  drawPlans();
}

async function openScenario(id: api.Id): Promise<void> {
  state.scenarioId = id;
  state.planId = null;
  state.facts = null;
  await loadPlans();
  const latest = [...state.plans].filter((p) => p.status === 'done').sort((a, b) => b.createdAt.localeCompare(a.createdAt) || b.id - a.id)[0];
  const running = state.plans.find((p) => p.status === 'running' || p.status === 'queued');
  if (latest) await openPlan(latest.id);
  else if (running) await waitAndOpen(running.id);
  else {
    const rec = await api.getScenario(id);
    state.record = rec;
    editor.setText(rec.text, { id: rec.id, version: rec.version, name: rec.name }, `${rec.name} · version ${rec.version}`);
    drawPlan();
    say('This scenario has no plan yet: open Plans & compare and plan it.');
  }
}

async function openPlan(planId: api.Id): Promise<void> {
  say(`Opening plan #${planId}…`, 'busy');
  const r = await api.getPlan(planId);
  if (r.status === 'running') return waitAndOpen(planId);
  if (r.status === 'failed') {
    say(`Plan #${planId} failed: ${r.error}`, 'bad');
    return;
  }
  const row = state.plans.find((p) => p.id === planId);
  const rec = await api.getScenario(state.scenarioId!, row?.version);
  state.record = rec;
  state.planId = planId;
  state.facts = buildFacts(rec.scenario, r.plan);
  // Start on the first sortie with a pallet (else with any cargo), so the views are never empty.
  const byTime = [...r.plan.sorties].sort((a, b) => a.departs.localeCompare(b.departs) || a.id.localeCompare(b.id));
  const first = byTime.find((x) => x.loads.some((l) => state.facts!.pallets.has(l.ref))) ?? byTime.find((x) => x.loads.length > 0) ?? byTime[0];
  state.sortie = first?.id ?? null;
  state.pallet = first?.loads.find((l) => state.facts!.pallets.has(l.ref))?.ref ?? null;
  editor.setText(rec.text, { id: rec.id, version: rec.version, name: rec.name }, `${rec.name} · version ${rec.version}`);
  drawPlan();
  drawPlans();
  say('');
}

async function waitAndOpen(planId: api.Id): Promise<void> {
  say(`Planning #${planId}…`, 'busy');
  const r = await api.waitForPlan(planId, (ms) => say(`Planning #${planId}… ${Math.round(ms / 1000)} s`, 'busy'));
  await loadPlans();
  if (r.status === 'failed') {
    say(`Planning failed: ${r.error}`, 'bad');
    return;
  }
  await openPlan(planId);
}

async function planVersion(scenarioId: api.Id, version: number): Promise<void> {
  const started = await api.startPlan(scenarioId, version);
  state.scenarioId = scenarioId;
  await loadPlans();
  await waitAndOpen(started.id);
  showTab('overview');
}

function drawUser(): void {
  const me = state.me;
  if (!me) return mount(userBox);
  mount(
    userBox,
    h('span', { class: 'user-name', 'data-testid': 'signed-in-as', title: `signed in by ${me.via}` }, h('b', null, me.user), ' ', h('span', { class: `tag role-${me.role}` }, me.role)),
    me.hasPassword ? h('button', { type: 'button', class: 'small dark', 'data-testid': 'change-password', onclick: () => void changePassword() }, 'Change password') : null,
    h('button', { type: 'button', class: 'small dark', 'data-testid': 'sign-out', onclick: () => void guard(api.signOut().then(() => leave('signed-out'))) }, 'Sign out'),
  );
}

/** Your own password: the current one, then the new one twice (ASVS 2.1.5, 2.1.6). */
async function changePassword(): Promise<void> {
  const current = h('input', { type: 'password', autocomplete: 'current-password', 'data-testid': 'pw-current' });
  const next = h('input', { type: 'password', autocomplete: 'new-password', 'data-testid': 'pw-new', minlength: 12 });
  const again = h('input', { type: 'password', autocomplete: 'new-password', 'data-testid': 'pw-again' });
  const meter = h('span', { class: 'muted small', 'data-testid': 'pw-strength' });
  next.addEventListener('input', () => (meter.textContent = next.value ? `strength: ${strength(next.value)}` : ''));
  const error = h('p', { class: 'login-error', role: 'alert', hidden: true });
  const dialog = h('dialog', { class: 'save-as' });
  const close = () => (dialog.close(), dialog.remove());
  dialog.append(
    h('h3', null, 'Change your password'),
    h('form', {
      class: 'login-form',
      onsubmit: async (e: Event) => {
        e.preventDefault();
        error.hidden = true;
        if (next.value !== again.value) return void ((error.textContent = 'The two new passwords differ.'), (error.hidden = false));
        const r = await api.changePassword(current.value, next.value);
        if (r.ok) return void (close(), say('Password changed; your other sessions have ended.'));
        error.textContent = r.issues.map((i) => i.message).join('; ');
        error.hidden = false;
      },
    },
    h('label', null, 'Current password'), current,
    h('label', null, 'New password (12 characters or more; a phrase of four words works)'), next, meter,
    h('label', null, 'New password again'), again,
    error,
    h('div', { class: 'toolbar' }, h('button', { type: 'submit', class: 'primary' }, 'Change password'), h('button', { type: 'button', onclick: close }, 'Cancel'))),
  );
  document.body.append(dialog);
  dialog.showModal();
}

/** As the server estimates it: about 4 to 6 bits per character of variety. */
function strength(p: string): string {
  const bits = [...p].length * Math.min(6, Math.log2(Math.max(2, new Set(p).size)));
  return p.length < 12 ? 'too short' : bits < 50 ? 'weak' : bits < 80 ? 'fair' : 'strong';
}

function showLogin(note: { text: string; kind: 'error' | 'info' } | null): void {
  state.me = null;
  mount(root, renderLogin(note, () => void boot()));
}

let workspaceShown = false; // built once per page load: leaving reloads the page

function showWorkspace(): void {
  const me = state.me!;
  root.className = `role-${me.role}`;
  editor.setWritable(me.role !== 'viewer');
  drawUser();
  if (workspaceShown) return;
  workspaceShown = true;
  mount(
    root,
    h(
      'header',
      { class: 'top' },
      h('div', { class: 'brand' }, h('span', { class: 'logo', 'aria-hidden': 'true' }, '▼'), 'drawdown'),
      h('label', { class: 'pick' }, h('span', null, 'Scenario'), scenarioSelect),
      h('label', { class: 'pick' }, h('span', null, 'Plan'), planSelect),
      exportMenu.element,
      userBox,
      tabBar,
    ),
    message,
    h('main', null, glanceBox, panes.overview, panes.registers, panes.scenario, panes.plans, panes.audit),
  );
  mount(panes.scenario, card('Import spreadsheet', importPanel, { 'data-testid': 'import-card' }), card('Scenario text', editor.element, {}, inventoryLinks));
  drawDownloads();
  mount(panes.plans, card('Plans of this scenario', plansBox));
  mount(panes.audit, card('Audit trail', auditView.element));
  drawTabs();
}

async function boot(): Promise<void> {
  const address = takeFromAddress();
  let note: { text: string; kind: 'error' | 'info' } | null = address.note ? { text: address.note, kind: 'info' } : null;
  try {
    if (address.token) {
      const r = await api.signIn({ token: address.token });
      if (!r.ok) note = { text: r.error, kind: 'error' };
    }
    state.me = await api.whoAmI();
  } catch (e) {
    mount(root, h('div', { class: 'message bad' }, `Cannot reach the drawdown server: ${(e as Error).message}`));
    return;
  }
  if (!state.me) return showLogin(note);
  showWorkspace();
  say('Loading…', 'busy');
  try {
    await refreshScenarios();
    if (state.scenarios.length === 0) {
      say('No scenarios stored yet. Open the Scenario tab to write or upload one.');
      showTab('scenario');
      return;
    }
    const niger = state.scenarios.find((x) => /niger/i.test(x.name)) ?? state.scenarios[0];
    scenarioSelect.value = String(niger.id);
    await openScenario(niger.id);
  } catch (e) {
    say(`Cannot reach the drawdown server: ${(e as Error).message}`, 'bad');
  }
}

// a session that ends (sign-out elsewhere, expiry, a disabled user) brings back the sign-in form
window.addEventListener(api.SIGNED_OUT, () => {
  if (state.me) leave('session-ended');
});

void boot();
