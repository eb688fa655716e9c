// Takes the screenshots of docs/: the real server plans the built-in Niger scenario and headless
// Chromium photographs the page at 1280 px. Run: node --import tsx web/screenshot.ts [VIEW] [OUT.png]
// with VIEW main (docs/screenshot-main.png, the default), login (the sign-in page) or audit (the
// audit trail after a few changes). Builds the page first when web/dist is missing.

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { openWorkspace, ROOT, signInWithForm } from '../test/browser/harness.ts';

const view = process.argv[2] ?? 'main';
if (!['main', 'login', 'audit'].includes(view)) throw new Error(`view must be main, login or audit, got "${view}"`);
const out = process.argv[3] ?? join(ROOT, 'docs', view === 'main' ? 'screenshot-main.png' : `screenshot-${view}.png`);
const ws = await openWorkspace();
try {
  const page = await (await ws.context({ viewport: { width: 1280, height: view === 'main' ? 1500 : 800 }, deviceScaleFactor: 1 })).newPage();
  page.setDefaultTimeout(30_000);
  if (view === 'main') {
    await page.goto(ws.loginUrl);
    await page.getByTestId('sortie-detail').waitFor();
  } else if (view === 'login') {
    await page.goto(ws.url);
    await page.getByTestId('login-form').waitFor();
  } else {
    const cli = { user: 'cli:admin', role: 'admin' as const, via: 'cli' as const, from: 'local' };
    for (const [name, role] of [['a.moreau', 'planner'], ['j.okafor', 'planner'], ['liaison', 'viewer']] as const) {
      await ws.server.workspace.access.addUser(name, role, 'correct horse battery staple', cli);
    }
    // a wrong password from another machine, then two planners at work
    await ws.api('/api/session', { method: 'POST', body: JSON.stringify({ name: 'a.moreau', password: 'guessing wrong' }), headers: { 'content-type': 'application/json' } });
    await signInWithForm(page, ws.url, 'a.moreau', 'correct horse battery staple');
    await page.getByTestId('glance').waitFor();
    await page.getByTestId('tab-scenario').click();
    const niger = readFileSync(join(ROOT, 'scenarios', 'niger-2024.yaml'), 'utf8');
    await page.getByTestId('editor-text').evaluate((el, value) => {
      (el as HTMLTextAreaElement).value = value;
      el.dispatchEvent(new Event('input', { bubbles: true }));
    }, niger.replace('deadline: 2024-09-15', 'deadline: 2024-08-31'));
    await page.getByTestId('editor-status').getByText('Valid').waitFor();
    await page.getByTestId('save-and-plan').click();
    await page.waitForFunction(() => document.querySelectorAll('[data-testid="plan-select"] option').length > 1 && !document.querySelector('.message.busy'), null, { timeout: 200_000 });
    await page.getByTestId('tab-registers').click();
    await page.getByTestId('download-transfers').evaluate((a) => fetch((a as HTMLAnchorElement).href));
    await page.getByTestId('tab-audit').click();
    await page.getByTestId('audit-chain').getByText(/chain intact/).waitFor();
  }
  await page.screenshot({ path: out });
  console.log(`wrote ${out}`);
} finally {
  await ws.close();
}
