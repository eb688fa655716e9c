import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Scenario } from '../model/index.ts';
import { check, expectOnly, expectViolation, figuresOf, sortie, tinyCase } from './fixtures.ts';

// The tiny plan's crews: C-130J-30#1 reports 00:03Z (positioning to bravo), flies S1 to the hub
// (lands 06:21Z), reports again at 07:52Z for S3 (positioning hub -> alpha) and lands 18:34Z.
// C-17A#1 reports 00:00Z for S2 (lands 11:43Z), reports 16:23Z for S4 and lands 21:50Z.
function crewed(duty: number, rest: number) {
  const { scenario, plan } = tinyCase();
  for (const l of scenario.aircraft) Object.assign(l, { crewDutyHours: duty, crewRestHours: rest });
  for (const s of plan.sorties) s.crew = `${s.aircraft} crew 1`;
  return { scenario, plan };
}
const line = (s: Scenario, type: string) => s.aircraft.find((l) => l.type === type)!;

test('crews within their duty period, named or implied by the tail, break nothing', () => {
  const { scenario, plan } = crewed(24, 12);
  assert.deepEqual(check(scenario, plan), []);
  for (const s of plan.sorties) delete s.crew; // the tail's own crew
  assert.deepEqual(check(scenario, plan), []);
});

test('crew.duty: one sortie whose positioning, loading and flight outlast the duty period', () => {
  const { scenario, plan } = crewed(24, 12);
  Object.assign(line(scenario, 'C-17A'), { crewDutyHours: 10, crewRestHours: 0 });
  const v = check(scenario, plan);
  expectOnly(v, 'crew.duty');
  expectViolation(v, 'crew.duty', /^crew C-17A crew 1: its duty for S2 runs 11\.\d+ h \(4\.\d+ h positioning from home, 2 h loading, 4\.\d+ h flight\), over its 10 h flight duty period$/);
  const f = figuresOf(v, 'crew.duty', /S2/);
  assert.equal(f.limit, 10);
  assert.equal(f.unit, 'h');
  assert.ok(f.amount! > 11.7 && f.amount! < 11.75, String(f.amount));
});

test('crew.rest: two sorties joined by a short break make a duty too long', () => {
  const { scenario, plan } = crewed(24, 12);
  line(scenario, 'C-130J-30').crewDutyHours = 16; // 00:03Z to 18:34Z is 18.5 h
  const v = check(scenario, plan);
  expectOnly(v, 'crew.rest');
  expectViolation(v, 'crew.rest', /^crew C-130J-30 crew 1 rests only 1\.5\d* h at hub between S1 \(lands 2024-09-10T06:21:21Z\) and S3 \(reports 2024-09-10T07:5\d:\d\dZ\), less than 12 h: without a rest its duty from .* runs 18\.\d+ h, over 16 h$/);
  const f = figuresOf(v, 'crew.rest', /C-130J-30 crew 1/);
  assert.deepEqual([f.limit, f.unit], [12, 'h']);
  assert.ok(f.amount! >= 1.5 && f.amount! < 1.52, String(f.amount));
});

test('a crew changes tails only at a stage site, where a staged crew waits', () => {
  const { scenario, plan } = crewed(24, 12);
  line(scenario, 'C-130J-30').crewsPerTail = 2;
  sortie(plan, 'S3').crew = 'C-130J-30 crew 2';
  const v = check(scenario, plan);
  expectOnly(v, 'crew.duty');
  // no stage: the second crew waits at the base, alpha; S3's crew reports at the hub
  expectViolation(v, 'crew.duty', /^crew C-130J-30 crew 2 reports for S3 at hub, but it is at alpha$/);
  expectViolation(v, 'crew.duty', /^sortie S3 \(C-130J-30#1\): C-130J-30#1 changes crews at hub \(C-130J-30 crew 1 to C-130J-30 crew 2\), which is not a stage site/);
  // a stage at the hub: the second crew starts there, rested, and takes over
  scenario.sites.find((s) => s.id === 'hub')!.stage = true;
  assert.deepEqual(check(scenario, plan), []);
});

test('a crew the fleet does not have, or of another line', () => {
  const { scenario, plan } = crewed(24, 12);
  sortie(plan, 'S2').crew = 'C-17A crew 7';
  sortie(plan, 'S3').crew = 'C-17A crew 1';
  const v = check(scenario, plan);
  expectOnly(v, 'crew.duty');
  expectViolation(v, 'crew.duty', /^sortie S2 \(C-17A#1\) names crew "C-17A crew 7", which is not a crew of the fleet \(C-17A has crews 1 to 1\)$/);
  expectViolation(v, 'crew.duty', /^sortie S3 \(C-130J-30#1\): crew C-17A crew 1 belongs to another fleet line \(C-17A based at home\)/);
});
