// Takes docs/screenshot-main.png: the real server plans the built-in Niger scenario and headless
// Chromium photographs the workspace at 1280 px. Run: node --import tsx web/screenshot.ts [OUT.png]
// (builds the page first when web/dist is missing).

import { join } from 'node:path';
import { openWorkspace, ROOT } from '../test/browser/harness.ts';

const out = process.argv[2] ?? join(ROOT, 'docs', 'screenshot-main.png');
const ws = await openWorkspace();
try {
  const page = await ws.browser.newPage({ viewport: { width: 1280, height: 1500 }, deviceScaleFactor: 1 });
  page.setDefaultTimeout(30_000);
  await page.goto(ws.url);
  await page.getByTestId('sortie-detail').waitFor();
  await page.screenshot({ path: out });
  console.log(`wrote ${out}`);
} finally {
  await ws.close();
}
