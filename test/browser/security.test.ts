// The workspace as colleagues and attackers meet it, in real headless Chromium against the real
// server: the sign-in form, a viewer who cannot save, a page on another origin that tries to write
// (and fails), two planners editing the same scenario (the second gets the first's changes, not a
// silent overwrite), a file that names another scenario, and the audit trail in the page.

import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { cspViolations, openWorkspace, ROOT, signInWithForm, type Workspace } from './harness.ts';

const NIGER = readFileSync(join(ROOT, 'scenarios', 'niger-2024.yaml'), 'utf8');
const TINY = readFileSync(join(ROOT, 'scenarios', 'tiny.yaml'), 'utf8');
const PASSWORD = 'correct horse battery staple';
const CLI = { user: 'cli:test', role: 'admin' as const, via: 'cli' as const, from: 'local' };

/** Replace the editor's text as a paste does. */
async function paste(page: Page, text: string): Promise<void> {
  await page.getByTestId('editor-text').evaluate((el, value) => {
    (el as HTMLTextAreaElement).value = value;
    el.dispatchEvent(new Event('input', { bubbles: true }));
  }, text);
  await page.getByTestId('editor-status').getByText('Valid').waitFor();
}

describe('browser security and collaboration', { timeout: 300_000 }, () => {
  let ws: Workspace;
  const contexts: BrowserContext[] = [];
  const pageErrors: string[] = [];
  let alice: Page;
  let bob: Page;

  const newPage = async (options: Parameters<Workspace['context']>[0] = {}) => {
    const context = await ws.context({ viewport: { width: 1280, height: 900 }, ...options });
    contexts.push(context);
    const page = await context.newPage();
    page.setDefaultTimeout(20_000);
    page.on('pageerror', (e) => pageErrors.push(e.message));
    return page;
  };
  const json = async <T>(path: string): Promise<T> => (await (await ws.api(path)).json()) as T;

  before(async () => {
    ws = await openWorkspace();
    for (const [name, role] of [['alice', 'planner'], ['bob', 'planner'], ['vic', 'viewer']] as const) {
      assert.ok((await ws.server.workspace.access.addUser(name, role, PASSWORD, CLI)).ok);
    }
  });

  after(async () => {
    for (const c of contexts) await c.close().catch(() => {});
    await ws?.close();
  });

  it('without a session the page is a sign-in form; a wrong password says so; the right one opens the workspace', async () => {
    alice = await newPage();
    // a used or made-up login link says so and offers the form
    await alice.goto(`${ws.url}/#token=ddl_made-up`);
    await alice.getByTestId('login-error').getByText(/not valid \(a login link works once\)/).waitFor();
    assert.equal(new URL(alice.url()).hash, '', 'the token is wiped from the address');
    await alice.getByTestId('login-form').waitFor();
    assert.equal(await alice.getByTestId('glance').count(), 0, 'nothing of the workspace before signing in');
    assert.equal(await alice.getByTestId('login-password').getAttribute('type'), 'password');
    await alice.getByTestId('login-show').check();
    assert.equal(await alice.getByTestId('login-password').getAttribute('type'), 'text', 'the password can be shown (ASVS 2.1.12)');
    await alice.getByTestId('login-name').fill('alice');
    await alice.getByTestId('login-password').fill('not her password');
    await alice.getByTestId('login-submit').click();
    await alice.getByTestId('login-error').getByText('wrong user name or password').waitFor();
    await alice.getByTestId('login-password').fill(PASSWORD);
    await alice.getByTestId('login-submit').click();
    await alice.getByTestId('glance').waitFor();
    assert.match(await alice.getByTestId('signed-in-as').innerText(), /alice\s+planner/i);
    assert.equal(await alice.getByTestId('tab-audit').count(), 1, 'a planner reads the audit trail');
    const cookies = await alice.context().cookies();
    assert.deepEqual(cookies.map((c) => [c.name, c.httpOnly, c.sameSite, c.secure]), [['__Host-drawdown', true, 'Strict', true]]);
    assert.equal(await alice.evaluate(() => document.cookie), '', 'no script can read the session');

    // the recorder of policy violations works: a style attribute is refused by style-src 'self'
    await alice.evaluate(() => document.body.insertAdjacentHTML('beforeend', '<div id="probe" style="color: red"></div>'));
    await alice.waitForFunction(() => ((window as unknown as { __csp?: string[] }).__csp ?? []).length > 0);
    assert.match((await cspViolations(alice))[0], /^style-src-attr/);
    await alice.evaluate(() => ((window as unknown as { __csp?: string[] }).__csp = []));
  });

  it('a viewer reads the plan but has no save, plan or import buttons, and no audit tab', async () => {
    const vic = await newPage();
    await signInWithForm(vic, ws.url, 'vic', PASSWORD);
    await vic.getByTestId('glance').waitFor();
    assert.match(await vic.getByTestId('signed-in-as').innerText(), /vic\s+viewer/i);
    assert.equal(await vic.getByTestId('tab-audit').count(), 0);
    await vic.getByTestId('tab-scenario').click();
    for (const id of ['save-version', 'save-and-plan', 'save-new']) assert.equal(await vic.getByTestId(id).isDisabled(), true, id);
    assert.equal(await vic.getByTestId('editor-readonly').isVisible(), true);
    assert.equal(await vic.getByTestId('import-run').isVisible(), false);
    await vic.getByTestId('tab-plans').click();
    assert.equal(await vic.getByTestId('replan').isVisible(), false);
    await vic.getByTestId('sign-out').click();
    await vic.getByTestId('login-note').getByText('Signed out.').waitFor();
    assert.equal(await vic.getByTestId('glance').count(), 0, 'the page dropped the workspace');
    assert.equal(new URL(vic.url()).hash, '');
    await vic.reload();
    await vic.getByTestId('login-form').waitFor();
    assert.equal(await vic.getByTestId('login-note').isVisible(), false);
  });

  it('a page on another origin, opened by a signed-in planner, tries to write and read the workspace and fails', async () => {
    // the attacker's site: another origin (127.0.0.1 is another site than localhost), its own page and scripts
    const target = ws.url;
    const attack = `<!doctype html><html><body>
<iframe name="sink" id="sink"></iframe>
<iframe id="frame" src="${target}/"></iframe>
<form id="f" method="POST" target="sink" enctype="text/plain" action="${target}/api/scenarios/1/versions?baseVersion=1">
<input name='name: pwned
x' value='y'></form>
<form id="g" method="POST" target="sink" enctype="multipart/form-data" action="${target}/api/import">
<input name="base" value="name: pwned"></form>
<script>
const results = {};
const yaml = ${JSON.stringify(TINY)};
async function attempt(key, fn) { try { const r = await fn(); results[key] = 'status ' + (r.type === 'opaque' ? 'opaque' : r.status); } catch (e) { results[key] = 'blocked: ' + e.name; } }
(async () => {
  await attempt('simple', () => fetch('${target}/api/scenarios', { method: 'POST', mode: 'no-cors', credentials: 'include', headers: { 'content-type': 'text/plain' }, body: yaml }));
  await attempt('yaml', () => fetch('${target}/api/scenarios', { method: 'POST', credentials: 'include', headers: { 'content-type': 'application/yaml' }, body: yaml }));
  await attempt('read', () => fetch('${target}/api/scenarios', { credentials: 'include' }).then((r) => r.text().then(() => r)));
  await attempt('plan', () => fetch('${target}/api/scenarios/1/plans', { method: 'POST', mode: 'no-cors', credentials: 'include' }));
  document.getElementById('f').submit();
  setTimeout(() => { document.getElementById('g').submit(); setTimeout(() => { window.__done = results; }, 1500); }, 1000);
})();
</script></body></html>`;
    const evil: Server = createServer((_, res) => res.writeHead(200, { 'content-type': 'text/html' }).end(attack));
    await new Promise<void>((r) => evil.listen(0, '127.0.0.1', r));
    try {
      const before = await json<{ versions: number; latestPlan: { id: number } }[]>('/api/scenarios');
      const trail = (await json<unknown[]>('/api/audit?limit=1000')).length;
      const page = await alice.context().newPage();
      // what reached the server, and what it answered: the browser sees it even when the page cannot
      const answered: string[] = [];
      const sent: string[] = [];
      page.on('request', (r) => {
        if (r.url().startsWith(`${target}/api/`)) sent.push(`${r.method()} ${new URL(r.url()).pathname}`);
      });
      page.on('response', (r) => {
        if (r.url().startsWith(`${target}/api/`)) answered.push(`${r.request().method()} ${new URL(r.url()).pathname} ${r.status()}`);
      });
      await page.goto(`http://127.0.0.1:${(evil.address() as AddressInfo).port}/`);
      const done = await page.waitForFunction(() => (window as unknown as { __done?: Record<string, string> }).__done, null, { timeout: 20_000 });
      const results = (await done.jsonValue()) as Record<string, string>;
      assert.equal(results.yaml, 'blocked: TypeError', 'a write that needs a preflight fails');
      assert.equal(results.read, 'blocked: TypeError', 'nothing is read back across origins');
      assert.ok(/opaque|blocked/.test(results.simple) && /opaque|blocked/.test(results.plan), JSON.stringify(results));
      // the framed workspace, and the answers to the forms, are refused by frame-ancestors 'none'
      for (const f of page.frames()) if (f !== page.mainFrame()) assert.ok(!f.url().startsWith(target), `framed: ${f.url()}`);
      // the attempts reached the server, and what the browser let us see of its answers is a refusal (the
      // cookie stays home, SameSite=Strict, so the server saw strangers; a no-cors answer is withheld by CORP)
      for (const want of ['POST /api/scenarios', 'POST /api/scenarios/1/plans', 'POST /api/scenarios/1/versions', 'POST /api/import']) assert.ok(sent.includes(want), `${want} not sent: ${sent.join(', ')}`);
      assert.deepEqual(answered, ['POST /api/scenarios/1/versions 415', 'POST /api/import 403']);
      await page.close();

      const afterList = await json<{ versions: number; latestPlan: { id: number } }[]>('/api/scenarios');
      assert.deepEqual(afterList.map((s) => [s.versions, s.latestPlan.id]), before.map((s) => [s.versions, s.latestPlan.id]), 'no scenario, version or plan was made');
      const rows = await json<{ action: string; user: string }[]>(`/api/audit?limit=1000`);
      assert.deepEqual(rows.slice(0, rows.length - trail).filter((r) => /^(scenario|plan|import)/.test(r.action)), [], 'and the trail shows no change');
      assert.equal(afterList.length, 1);
    } finally {
      await new Promise((r) => evil.close(r));
    }
  });

  it('two planners edit the same version: the second save answers with the first one\'s change, not an overwrite', async () => {
    bob = await newPage();
    await signInWithForm(bob, ws.url, 'bob', PASSWORD);
    await bob.getByTestId('glance').waitFor();
    for (const p of [alice, bob]) {
      await p.getByTestId('tab-scenario').click();
      assert.match(await p.getByTestId('editor-title').innerText(), /version 1/);
    }
    await paste(alice, NIGER.replace('deadline: 2024-09-15', 'deadline: 2024-08-31'));
    await alice.getByTestId('save-version').click();
    await alice.getByTestId('editor-status').getByText('Saved as version 2').waitFor();

    const costlier = NIGER.replace('unitValueUsd: 12000000', 'unitValueUsd: 13000000');
    await paste(bob, costlier);
    await bob.getByTestId('save-version').click();
    const conflict = bob.getByTestId('conflict');
    await conflict.waitFor();
    assert.match(await conflict.locator('h3').innerText(), /^Not saved: version 2 was saved by alice at .* after you opened version 1\.$/);
    const changes = await bob.getByTestId('conflict-change').allInnerTexts();
    assert.deepEqual(changes.map((c) => c.split('\t')), [['agreements[NE].deadline', '"2024-09-15"', '"2024-08-31"']]);
    assert.equal((await json<{ versions: unknown[] }>('/api/scenarios/1')).versions.length, 2, 'bob\'s text did not land');
    assert.equal(await bob.getByTestId('editor-text').inputValue(), costlier, 'and bob keeps his edit');

    // bob has seen alice's change and decides: his text becomes version 3
    await bob.getByTestId('conflict-overwrite').click();
    await bob.getByTestId('editor-status').getByText('Saved as version 3').waitFor();
    assert.equal(await conflict.isVisible(), false);
    const v = await json<{ versions: { version: number; createdBy: string }[] }>('/api/scenarios/1');
    assert.deepEqual(v.versions.map((x) => [x.version, x.createdBy]), [[1, 'drawdown'], [2, 'alice'], [3, 'bob']]);
  });

  it('a file that names another scenario asks: new scenario, or a new version of the selected one', async () => {
    const before = (await json<{ versions: number }[]>('/api/scenarios'))[0].versions;
    await bob.getByTestId('editor-file').setInputFiles({ name: 'tiny.yaml', mimeType: 'application/yaml', buffer: Buffer.from(TINY) });
    await bob.getByTestId('editor-status').getByText('Valid').waitFor();
    assert.match(await bob.getByTestId('editor-title').innerText(), /tiny\.yaml · opened over “US forces leave Niger/);
    await bob.getByTestId('save-version').click();
    const dialog = bob.getByTestId('save-as-dialog');
    await dialog.waitFor();
    assert.equal(await bob.getByTestId('save-as-name').innerText(), '“Tiny: a small team leaves Gao and Timbuktu”');
    assert.match(await bob.getByTestId('save-as-version').innerText(), /^Version 4 of “US forces leave Niger/);
    await bob.getByTestId('save-as-cancel').click();
    await bob.getByTestId('editor-status').getByText('Not saved.').waitFor();
    assert.equal((await json<unknown[]>('/api/scenarios')).length, 1, 'cancel saves nothing');

    await bob.getByTestId('save-version').click();
    await bob.getByTestId('save-as-new').click();
    await bob.getByTestId('editor-status').getByText(/Saved as new scenario #2/).waitFor();
    const list = await json<{ id: number; name: string; versions: number }[]>('/api/scenarios');
    assert.deepEqual(list.map((s) => [s.id, s.versions]), [[1, before], [2, 1]], 'the Niger scenario is untouched');
    assert.match(list[1].name, /^Tiny/);
  });

  it('the audit tab lists who changed what, filters by person, verifies the chain and downloads the CSV', async () => {
    await alice.getByTestId('tab-audit').click();
    await alice.getByTestId('audit-row').first().waitFor();
    await alice.getByTestId('audit-chain').getByText(/chain intact/).waitFor();
    const rows = await alice.getByTestId('audit-row').allInnerTexts();
    const lines = rows.map((r) => r.split('\t').slice(1, 4).join(' | '));
    assert.equal(lines[0], 'bob planner | created scenario | scenario 2 version 1');
    assert.ok(lines.includes('bob planner | saved version | scenario 1 version 3'), lines.join('\n'));
    assert.ok(lines.includes('alice planner | saved version | scenario 1 version 2'));
    assert.ok(lines.includes('anonymous | failed sign-in | user alice'));
    assert.ok(lines.some((l) => l.startsWith('drawdown | asked for a plan')), lines.join('\n'));
    assert.ok(rows.every((r) => /^\d{4}-\d\d-\d\d \d\d:\d\d:\d\dZ\t/.test(r)), 'every row says when, in UTC');
    await alice.getByTestId('audit-user').fill('alice');
    await alice.getByTestId('audit-user').press('Enter');
    await alice.waitForFunction(() => {
      const who = [...document.querySelectorAll('[data-testid="audit-row"] td:nth-child(2) b')];
      return who.length > 0 && who.every((b) => b.textContent === 'alice');
    });
    assert.ok((await alice.getByTestId('audit-row').count()) >= 2);

    const [download] = await Promise.all([alice.waitForEvent('download'), alice.getByTestId('audit-csv').click()]);
    assert.match(download.suggestedFilename(), /^drawdown-audit-\d{4}-\d\d-\d\d\.csv$/);
    const csv = readFileSync(await download.path(), 'utf8');
    assert.match(csv, /^id,at,user,role,via,action,target,from,detail,hash\r\n/);
    assert.match(csv, /,alice,planner,password,audit\.export,audit trail,/);
    assert.deepEqual(pageErrors, []);
    for (const p of [alice, bob]) assert.deepEqual(await cspViolations(p), []);
  });

  it('the built page has no inline script and no inline event handler', () => {
    const html = readFileSync(join(ROOT, 'web', 'dist', 'index.html'), 'utf8');
    const scripts = [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/gi)];
    assert.ok(scripts.length >= 1);
    for (const [, attrs, body] of scripts) {
      assert.match(attrs, /\bsrc="\.\/assets\/[\w.-]+\.js"/);
      assert.equal(body.trim(), '');
    }
    assert.doesNotMatch(html, /\son[a-z]+\s*=|javascript:/i);
  });
});
