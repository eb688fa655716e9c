// The printable load plans of the Niger plan in real headless Chromium (issue 11): printed to PDF
// on A4 and on US Letter landscape, every sortie is one page; on the drawing, no label meets
// another and each load's number sits inside its own load.

import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { planScenario } from '../../src/app/plan.ts';
import type { Plan } from '../../src/model/plan.ts';
import { loadScenarioFile } from '../../src/scenario/index.ts';
import { loadPlansHtml } from '../../src/sheets/loadplans.ts';
import { CHROMIUM, ROOT } from './harness.ts';

/** Pages of a PDF as Chromium writes it: one `/Type /Page` object each. */
const pagesOf = (pdf: Buffer) => (pdf.toString('latin1').match(/\/Type\s*\/Page(?![a-z])/g) ?? []).length;

describe('printed load plans', { timeout: 300_000 }, () => {
  let browser: Browser;
  let page: Page;
  let plan: Plan;

  before(async () => {
    const r = loadScenarioFile(join(ROOT, 'scenarios', 'niger-2024.yaml'));
    assert.ok(r.ok);
    plan = planScenario(r.scenario, { remedies: false });
    browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox', '--disable-gpu'], timeout: 30_000 });
    page = await browser.newPage();
    await page.setContent(loadPlansHtml(r.scenario, plan));
  });

  after(async () => {
    await browser?.close();
  });

  it('one landscape page per sortie on A4 and on US Letter', async () => {
    for (const format of ['A4', 'Letter'] as const) {
      const pdf = await page.pdf({ format, landscape: true, printBackground: true });
      assert.equal(pagesOf(pdf), plan.sorties.length, format);
    }
  });

  it('on every drawing, labels never meet and each number stands inside its load', async () => {
    const trouble = await page.evaluate(() => {
      const bad: string[] = [];
      for (const svg of document.querySelectorAll('section.page svg')) {
        const texts = [...svg.querySelectorAll('text')].map((t) => ({ t: t.textContent ?? '', r: t.getBoundingClientRect() }));
        for (let i = 0; i < texts.length; i++)
          for (let j = i + 1; j < texts.length; j++) {
            const a = texts[i].r;
            const b = texts[j].r;
            if (Math.min(a.right, b.right) - Math.max(a.left, b.left) > 0.5 && Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top) > 0.5)
              bad.push(`${svg.closest('section')!.id}: "${texts[i].t}" meets "${texts[j].t}"`);
          }
        for (const g of svg.querySelectorAll('g')) {
          const box = g.querySelector('rect')!.getBoundingClientRect();
          const label = g.querySelector('text')!.getBoundingClientRect();
          if (label.left < box.left - 0.5 || label.right > box.right + 0.5 || label.top < box.top - 0.5 || label.bottom > box.bottom + 0.5)
            bad.push(`${svg.closest('section')!.id}: label ${g.textContent} outside its load`);
        }
      }
      return bad;
    });
    assert.deepEqual(trouble, []);
  });
});
