import { test } from 'node:test';
import assert from 'node:assert/strict';
import { fixtureScenario } from './fixtures/index.ts';
import { fixturePlan } from './fixtures/plan.ts';
import { loadPlansHtml } from './loadplans.ts';

async function hazardCase() {
  const scenario = await fixtureScenario();
  const ammo = scenario.items.find((i) => i.id === 'ammo-556')!;
  Object.assign(ammo, { hazard: '1.4S', unNumber: 'UN0012', nsn: '1305-01-155-5459' });
  const hmmwv = scenario.items.find((i) => i.id === 'hmmwv')!;
  Object.assign(hmmwv, { nsn: '2320-01-540-2917' });
  return { scenario, plan: fixturePlan(scenario) };
}

const pages = (html: string) => html.split('<section class="page').slice(1);

test('landscape pages for A4 and Letter alike, one a sortie, rows never split', async () => {
  const { scenario, plan } = await hazardCase();
  const html = loadPlansHtml(scenario, plan);
  assert.match(html, /@page \{ size: landscape; margin: 10mm; \}/);
  assert.match(html, /\.page \{ width: 259mm;/, 'the width A4 and Letter share inside 10 mm margins');
  assert.match(html, /tr \{ break-inside: avoid; page-break-inside: avoid; \}/);
  assert.equal(pages(html).length, plan.sorties.length);
});

test('numbers on the drawing, names in the table; weights in kg and lb; NSNs; passengers', async () => {
  const { scenario, plan } = await hazardCase();
  const [s1] = pages(loadPlansHtml(scenario, plan));
  const svg = s1.slice(s1.indexOf('<svg'), s1.indexOf('</svg>'));
  for (const l of plan.sorties[0].loads) assert.ok(!svg.includes(`>${l.ref}<`), `${l.ref} named on the drawing`);
  const labels = [...svg.matchAll(/font-weight="bold">(\d+)<\/text><\/g>/g)].map((m) => Number(m[1]));
  assert.deepEqual(labels, plan.sorties[0].loads.map((_, i) => i + 1));
  assert.match(s1, /<td class="ref">hmmwv<\/td><td>HMMWV M1151 <span class="lb">NSN 2320-01-540-2917<\/span><\/td><td class="n">6,804 kg <span class="lb">\(15,000 lb\)<\/span>/);
  assert.match(s1, /<th>Passengers<\/th><td>50 \(seats 54\)<\/td>/);
  assert.match(s1, /<th>Payload<\/th><td>26,397 kg <span class="lb">\(58,196 lb\)<\/span> of 58,967 kg/);
});

test('the hazardous cargo list: UN number, class, units, net weight, loads and positions', async () => {
  const { scenario, plan } = await hazardCase();
  const p = pages(loadPlansHtml(scenario, plan));
  assert.match(p[0], /Hazardous cargo: none aboard/);
  // S2 carries three pallets of 5.56 mm, two boxes of 1,134 kg on each
  assert.match(p[1], /<tr><td>UN0012<\/td><td>Small arms ammunition<\/td><td>1\.4S<\/td><td class="n">6<\/td><td class="n">6,804 kg <span class="lb">\(15,000 lb\)<\/span><\/td><td>1 \(x 11\.00–13\.74, y 0\.00–2\.24, 2\); 2 \(x 11\.00–13\.74, y 2\.24–4\.48, 2\); 3 \(x 13\.80–16\.54, y 0\.00–2\.24, 2\)<\/td><\/tr>/);
  // cargo aircraft only is flagged, and so is a sortie that therefore flies without passengers
  scenario.items.find((i) => i.id === 'ammo-556')!.cargoAircraftOnly = true;
  const q = pages(loadPlansHtml(scenario, plan));
  assert.match(q[1], /1\.4S <span class="cao">CAO<\/span>/);
  assert.match(q[1], /cargo aircraft only: no passengers/);
});
