import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Plan } from '../model/index.ts';
import { check, expectViolation, sortie, tinyCase } from './fixtures.ts';

test('unknown sites, aircraft types and load refs are references', () => {
  const { scenario, plan } = tinyCase();
  sortie(plan, 'S2').to = 'nowhere';
  sortie(plan, 'S1').aircraft = 'A400M';
  sortie(plan, 'S3').loads.push({ ref: 'P-ghost', x: 0, y: 0, l: 2.74, w: 2.24 });
  const v = check(scenario, plan);
  expectViolation(v, 'reference', /sortie S2 \(C-17A#1\): unknown arrival site "nowhere"/);
  expectViolation(v, 'reference', /sortie S1 \(C-130J-30#1\): aircraft type "A400M" is not in the fleet/);
  expectViolation(v, 'reference', /sortie S3 \(C-130J-30#1\): load "P-ghost" is neither a pallet nor an item/);
});

test('unreadable times are references, and the rest is still checked', () => {
  const { scenario, plan } = tinyCase();
  sortie(plan, 'S4').departs = 'tomorrow';
  sortie(plan, 'S1').passengers = 99;
  const v = check(scenario, plan);
  expectViolation(v, 'reference', /sortie S4 \(C-17A#1\): departs "tomorrow" is not a readable time/);
  expectViolation(v, 'load.seats', /sortie S1 \(C-130J-30#1\): 99 passengers exceed 40 seats/);
});

test('pallets: unknown type, unknown item, duplicate id, an id shared with an item', () => {
  const { scenario, plan } = tinyCase();
  plan.pallets[1].palletType = '88in';
  plan.pallets[0].placements[0].itemId = 'ghost';
  plan.pallets.push({ ...structuredClone(plan.pallets[2]) });
  plan.pallets.push({ ...structuredClone(plan.pallets[2]), id: 'truck' });
  const v = check(scenario, plan);
  expectViolation(v, 'reference', /pallet P-tents-1: unknown pallet type "88in"/);
  expectViolation(v, 'reference', /pallet P-ammo-1: unit 1 names unknown item "ghost"/);
  expectViolation(v, 'reference', /pallet id "P-gen-1" is used 2 times/);
  expectViolation(v, 'reference', /pallet truck has the id of an item: floor loads of truck are ambiguous/);
});

test('dispositions, handovers and closures naming nothing', () => {
  const { scenario, plan } = tinyCase();
  plan.dispositions.push({ itemId: 'ghost', quantity: 1, action: 'retrograde', reason: '' });
  plan.handovers.push({ infrastructureId: 'ghost-hangar', site: 'alpha', date: '2024-09-10' });
  plan.siteClosures.push({ site: 'ghost-base', lastDeparture: null });
  const v = check(scenario, plan);
  expectViolation(v, 'reference', /disposition row 8: unknown item "ghost"/);
  expectViolation(v, 'reference', /handover 3: unknown infrastructure "ghost-hangar"/);
  expectViolation(v, 'reference', /site closure 3: unknown site "ghost-base"/);
});

test('a malformed plan gives violations, never an exception', () => {
  const { scenario, plan } = tinyCase();
  const broken = [
    {} as Plan,
    { ...plan, sorties: null, pallets: undefined } as unknown as Plan,
    { ...plan, sorties: [null, { id: 'X' }], pallets: [{ id: 'P', placements: null }] } as unknown as Plan,
    { ...plan, sorties: [], pallets: [], dispositions: [], handovers: [], siteClosures: [] },
  ];
  for (const p of broken) {
    const v = check(scenario, p);
    assert.ok(Array.isArray(v) && v.length > 0);
    assert.ok(!v.some((x) => /could not finish/.test(x.message)), JSON.stringify(v, null, 1));
  }
  const s = sortie(plan, 'S2');
  s.cgM = null;
  (s as unknown as { arrives: number }).arrives = NaN;
  expectViolation(check(scenario, plan), 'reference', /sortie S2 \(C-17A#1\): arrives NaN is not a readable time/);
});
