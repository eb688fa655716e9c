// The 24-hour what-if: asked only where the closing origin keeps hours, answered by a real plan.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { SiteHours, minuteText, toMs, type Scenario } from '../model/index.ts';
import { BUILTIN_SCENARIO } from './paths.ts';
import { planScenario } from './plan.ts';
import { parseScenarioText } from './scenario.ts';
import { verifyPlanAgainst } from './verify.ts';

const tinyText = readFileSync(join(BUILTIN_SCENARIO, '..', 'tiny.yaml'), 'utf8');

function tiny(): Scenario {
  const r = parseScenarioText('yaml', tinyText);
  assert.ok(r.ok);
  return r.scenario;
}

test('where the closing origin keeps short hours, the plan says what 24-hour operations there would give, planned and verified', () => {
  const plain = planScenario(tiny());
  assert.ok(plain.closure);
  const closing = plain.siteClosures.find((c) => c.lastDeparture === plain.closure)!.site;
  // open three hours a day at the origin that closes last
  const s = tiny();
  s.sites = s.sites.map((site) => (site.id === closing ? { ...site, hours: '08:00-11:00' } : site));
  const plan = planScenario(s);
  assert.equal(plan.whatIfs?.length, 1);
  const w = plan.whatIfs![0];
  assert.equal(w.kind, 'hours');
  assert.equal(w.subject, closing);
  // the answer is a plan: as feasible as it says, earlier than with the hours, in the sorties it names
  const open = tiny();
  const after = planScenario(open, { whatIfs: false });
  assert.equal(w.closure, after.closure);
  assert.equal(w.sorties, after.metrics.sorties);
  assert.equal(w.feasible, after.feasible);
  const checked = verifyPlanAgainst(open, after);
  assert.ok(checked.ok && checked.valid, JSON.stringify(checked));
  assert.ok(toMs(w.closure!) < toMs(plan.closure!), 'open around the clock, it closes earlier');
  assert.ok(w.figures.daysEarlier > 0);
  // the departures it counts outside today's hours are the ones the 24-hour plan really has there
  const clock = new SiteHours(s.sites.find((x) => x.id === closing)!);
  const outside = after.sorties.filter((x) => x.from === closing && !clock.isOpen(toMs(x.departs))).length;
  assert.equal(w.figures.departuresOutsideHours, outside);
  // times in the words a planner reads elsewhere (`2024-06-10 09:28Z`)
  assert.ok(w.summary.includes(minuteText(plan.closure!)), w.summary);
  assert.ok(w.summary.includes(minuteText(w.closure!)), w.summary);
});

test('no what-if where the closing origin is open around the clock', () => {
  const plan = planScenario(tiny());
  assert.deepEqual(plan.whatIfs ?? [], []);
});
