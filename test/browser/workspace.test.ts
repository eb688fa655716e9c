// The workspace in real headless Chromium against the real server and planner: the Niger plan
// opens with its closure, a sortie shows its cargo floor, a broken scenario shows its errors
// beside their lines, and a saved deadline change is planned and opened.

import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import type { Plan } from '../../src/model/plan.ts';
import { cspViolations, openWorkspace, ROOT, type Workspace } from './harness.ts';

const NIGER_TEXT = readFileSync(join(ROOT, 'scenarios', 'niger-2024.yaml'), 'utf8');

async function api<T>(ws: Workspace, path: string): Promise<T> {
  const res = await ws.api(path);
  assert.equal(res.status, 200, `${path}: HTTP ${res.status}`);
  return (await res.json()) as T;
}

/** Replace the editor's text as a paste does (Playwright's fill types 100 kB far too slowly). */
async function paste(page: Page, text: string): Promise<void> {
  await page.getByTestId('editor-text').evaluate((el, value) => {
    (el as HTMLTextAreaElement).value = value;
    el.dispatchEvent(new Event('input', { bubbles: true }));
  }, text);
}

/** `2024-07-01T00:00:00Z` as the page writes it: `2024-07-01 00:00Z`. */
function shown(iso: string): string {
  return new Date(iso).toISOString().slice(0, 16).replace('T', ' ') + 'Z';
}

describe('browser workspace', { timeout: 300_000 }, () => {
  let ws: Workspace;
  let page: Page;
  let plan: Plan;
  const pageErrors: string[] = [];

  before(async () => {
    ws = await openWorkspace();
    plan = await api<Plan>(ws, `/api/plans/${ws.server.planId}`);
    page = await (await ws.context({ viewport: { width: 1280, height: 900 } })).newPage();
    page.setDefaultTimeout(20_000);
    page.on('pageerror', (e) => pageErrors.push(e.message));
    // the link drawdown start prints: the page trades its token for a session, then drops it from the address
    await page.goto(ws.loginUrl);
  });

  after(async () => {
    await ws?.close();
  });

  it('opens on the Niger plan with its closure and deadlines', async () => {
    await page.getByTestId('glance').waitFor();
    assert.equal(new URL(page.url()).hash, '', 'the login token is gone from the address');
    assert.match(await page.getByTestId('signed-in-as').innerText(), /local\s+admin/i);
    assert.match(await page.getByTestId('scenario-select').locator('option:checked').innerText(), /Niger/);
    assert.ok(plan.closure, 'the built-in plan closes');
    assert.match(await page.getByTestId('closure').innerText(), new RegExp(shown(plan.closure!)));
    // One card per agreement, with the slack or miss the plan reports.
    for (const d of plan.deadlines ?? []) {
      if (d.kind !== 'agreement' || d.slackDays === null) continue;
      const card = page.getByTestId(`deadline-agreement-${d.subject}`);
      const want = d.slackDays >= 0 ? `${d.slackDays.toFixed(1)} days to spare` : `${(-d.slackDays).toFixed(1)} days late`;
      assert.equal(await card.getByTestId('deadline-slack').innerText(), want);
      assert.match((await card.getAttribute('class'))!, d.met ? /\bmet\b/ : /\bmissed\b/);
    }
    // The map draws every site, and the timeline one bar per sortie.
    const sites = (await api<{ scenario: { sites: unknown[] } }>(ws, '/api/scenarios/1')).scenario.sites;
    assert.equal(await page.locator('[data-testid^="map-site-"]').count(), sites.length);
    assert.equal(await page.getByTestId('sortie-bar').count(), plan.sorties.length);
    // Fleet use: every tail with its sorties, and a reason for each idle or little-used type or tail.
    const flown = (tail: string) => plan.sorties.filter((s) => s.tail === tail).length;
    for (const el of await page.getByTestId('tail-count').all()) {
      const tail = (await el.getAttribute('data-tail'))!;
      assert.match(await el.innerText(), new RegExp(` ${flown(tail)}$`), tail);
    }
    const reasons = (plan.notes ?? []).filter((n) => n.kind === 'fleet.use' && n.cause !== 'spread');
    assert.equal(await page.getByTestId('fleet-reason').count(), reasons.length);
    assert.deepEqual(pageErrors, []);
  });

  it('shows the cargo floor of a clicked sortie and the build of a clicked pallet', async () => {
    // The last sortie that carries a pallet: not the one the page opens on.
    const palletIds = new Set(plan.pallets.map((p) => p.id));
    const withPallet = plan.sorties.filter((s) => s.loads.some((l) => palletIds.has(l.ref)));
    const target = withPallet[withPallet.length - 1];
    assert.ok(target, 'the Niger plan flies at least one pallet');
    await page.locator(`[data-testid="sortie-bar"][data-sortie="${target.id}"]`).click();
    const floor = page.getByTestId('floor');
    await page.locator(`[data-testid="floor"][data-sortie="${target.id}"]`).waitFor();
    assert.equal(await floor.locator('[data-testid="floor-pallet"], [data-testid="floor-vehicle"]').count(), target.loads.length);
    assert.match(await page.getByTestId('sortie-title').innerText(), new RegExp(`${target.id} · ${target.tail.replace(/[#-]/g, '\\$&')}`));
    if (target.cgM !== null) assert.equal(await page.getByTestId('cg-marker').count(), 1);

    const palletRef = target.loads.find((l) => palletIds.has(l.ref))!.ref;
    await floor.locator(`[data-testid="floor-pallet"][data-ref="${palletRef}"]`).click();
    const detail = page.getByTestId('pallet-detail');
    await detail.waitFor();
    assert.match(await detail.locator('h3').innerText(), new RegExp(`Pallet ${palletRef}`));
    const placements = plan.pallets.find((p) => p.id === palletRef)!.placements.length;
    assert.equal(await page.getByTestId('pallet-units').locator('tbody tr').count(), placements);
  });

  it('writes each error of a broken scenario beside its line', async () => {
    await page.getByTestId('tab-scenario').click();
    const lines = NIGER_TEXT.split('\n');
    const at = lines.findIndex((l) => /^\s*- \{.*unitWeightKg: *\d/.test(l));
    assert.ok(at >= 0, 'the Niger scenario has an item line to break');
    lines[at] = lines[at].replace(/unitWeightKg: *[\d.]+/, 'unitWeightKg: -4');
    // Through the page's file picker, as a planner uploads a file (it is checked on arrival).
    await page.getByTestId('editor-file').setInputFiles({ name: 'broken.yaml', mimeType: 'application/yaml', buffer: Buffer.from(lines.join('\n')) });
    const note = page.locator(`[data-testid="line-issue"][data-line="${at + 1}"]`);
    await note.waitFor();
    assert.match(await note.innerText(), /unitWeightKg/);
    assert.match((await page.locator(`[data-testid="editor-gutter"] [data-line="${at + 1}"]`).getAttribute('class'))!, /\bbad\b/);
    assert.ok((await page.getByTestId('issue').count()) >= 1);
    assert.match(await page.getByTestId('editor-status').innerText(), /problem/);
  });

  it('saves a deadline change as a new version, plans it and opens the new plan', { timeout: 240_000 }, async () => {
    const before = await api<{ id: number }[]>(ws, '/api/scenarios/1/plans');
    assert.ok(/deadline: 2024-09-15/.test(NIGER_TEXT), 'the Niger agreement deadline is 2024-09-15');
    await paste(page, NIGER_TEXT.replace('deadline: 2024-09-15', 'deadline: 2024-08-31'));
    await page.getByTestId('editor-status').getByText('Valid').waitFor();
    await page.getByTestId('save-and-plan').click();
    // Planning the Niger scenario takes seconds; bounded so a stuck planner fails the test.
    await page.waitForFunction(
      (n) => document.querySelectorAll('[data-testid="plan-select"] option').length > n && !document.querySelector('.message.busy'),
      before.length,
      { timeout: 200_000, polling: 250 },
    );
    const after = await api<{ id: number; version: number; status: string }[]>(ws, '/api/scenarios/1/plans');
    const fresh = after.find((p) => !before.some((b) => b.id === p.id))!;
    assert.equal(fresh.version, 2);
    assert.equal(fresh.status, 'done');
    assert.equal(await page.getByTestId('plan-select').inputValue(), String(fresh.id));
    const newPlan = await api<Plan>(ws, `/api/plans/${fresh.id}`);
    const ne = newPlan.deadlines!.find((d) => d.kind === 'agreement' && d.subject === 'NE')!;
    assert.equal(ne.deadline, '2024-08-31');
    const card = page.getByTestId('deadline-agreement-NE');
    assert.match(await card.innerText(), /2024-08-31/);
    assert.equal(await card.getByTestId('deadline-slack').innerText(), ne.slackDays! >= 0 ? `${ne.slackDays!.toFixed(1)} days to spare` : `${(-ne.slackDays!).toFixed(1)} days late`);

    // Both plans side by side: the new one as B against the original as A.
    await page.getByTestId('tab-plans').click();
    const table = page.getByTestId('compare-table');
    await table.waitFor();
    const head = await table.locator('thead').innerText();
    assert.match(head, new RegExp(`A · plan #${ws.server.planId}`));
    assert.match(head, new RegExp(`B · plan #${fresh.id}`));
    assert.match(await table.innerText(), /NE agreement slack/);
    assert.deepEqual(pageErrors, []);
    assert.deepEqual(await cspViolations(page), [], 'nothing on the page breaks its Content-Security-Policy');
  });
});
