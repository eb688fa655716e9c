import { test } from 'node:test';
import { check, expectOnly, expectViolation, tinyCase } from './fixtures.ts';

test('the departure runway takes the aircraft type', () => {
  const { scenario, plan } = tinyCase();
  scenario.sites.find((s) => s.id === 'bravo')!.accepts = ['C-17A'];
  const v = check(scenario, plan);
  expectOnly(v, 'runway');
  expectViolation(v, 'runway', /sortie S1 \(C-130J-30#1\): the runway at bravo \(departure\) does not take C-130J-30; it takes C-17A/);
});

test('the arrival runway takes the aircraft type', () => {
  const { scenario, plan } = tinyCase();
  scenario.sites.find((s) => s.id === 'home')!.accepts = ['C-130J-30'];
  const v = check(scenario, plan);
  expectOnly(v, 'runway');
  expectViolation(v, 'runway', /sortie S2 \(C-17A#1\): the runway at home \(arrival\) does not take C-17A/);
  expectViolation(v, 'runway', /sortie S4 \(C-17A#1\): the runway at home \(arrival\) does not take C-17A/);
});
