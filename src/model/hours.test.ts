import { test } from 'node:test';
import assert from 'node:assert/strict';
import { SiteHours, parseWindow } from './hours.ts';
import { crewCount, fleetCrews } from './crews.ts';
import type { FleetLine, Site } from './scenario.ts';

const at = (iso: string) => Date.parse(iso);
const iso = (ms: number) => new Date(ms).toISOString().replace('.000Z', 'Z');

test('a window takes its start and not its end, in local time', () => {
  const h = new SiteHours({ hours: '06:00-18:00', utcOffset: '+01:00' }); // 05:00Z-17:00Z
  assert.equal(h.isOpen(at('2024-06-03T05:00:00Z')), true);
  assert.equal(h.isOpen(at('2024-06-03T04:59:59Z')), false);
  assert.equal(h.isOpen(at('2024-06-03T17:00:00Z')), false);
  assert.equal(iso(h.nextOpen(at('2024-06-03T17:00:00Z'))), '2024-06-04T05:00:00Z');
  assert.equal(iso(h.nextOpen(at('2024-06-03T09:00:00Z'))), '2024-06-03T09:00:00Z');
  assert.equal(iso(h.prevOpen(at('2024-06-03T20:00:00Z'))), '2024-06-03T16:59:59Z');
});

test('overnight hours and a quiet period', () => {
  const night = new SiteHours({ hours: '22:00-06:00' }); // UTC
  assert.equal(night.isOpen(at('2024-06-03T23:30:00Z')), true);
  assert.equal(night.isOpen(at('2024-06-03T03:00:00Z')), true);
  assert.equal(iso(night.nextOpen(at('2024-06-03T12:00:00Z'))), '2024-06-03T22:00:00Z');
  const quiet = new SiteHours({ quietHours: '12:00-14:00', utcOffset: '-05:00' }); // 17:00Z-19:00Z
  assert.equal(quiet.isOpen(at('2024-06-03T18:00:00Z')), false);
  assert.equal(iso(quiet.nextOpen(at('2024-06-03T18:00:00Z'))), '2024-06-03T19:00:00Z');
  assert.deepEqual(quiet.openWithin(at('2024-06-03T00:00:00Z'), at('2024-06-04T00:00:00Z')).map(([a, b]) => [iso(a), iso(b)]),
    [['2024-06-03T00:00:00Z', '2024-06-03T17:00:00Z'], ['2024-06-03T19:00:00Z', '2024-06-04T00:00:00Z']]);
  assert.equal(parseWindow('06:00-06:00'), null);
  assert.deepEqual(parseWindow('00:00-24:00'), [0, 1440]);
});

test('a time zone follows daylight saving', () => {
  const h = new SiteHours({ hours: '06:00-22:00', timeZone: 'Europe/Berlin' });
  assert.equal(iso(h.nextOpen(at('2024-07-01T00:00:00Z'))), '2024-07-01T04:00:00Z'); // CEST, +02:00
  assert.equal(iso(h.nextOpen(at('2024-12-01T00:00:00Z'))), '2024-12-01T05:00:00Z'); // CET, +01:00
});

test('a site that never opens has no next opening', () => {
  const h = new SiteHours({ hours: '06:00-08:00', quietHours: '05:00-09:00' });
  assert.equal(h.nextOpen(at('2024-06-03T00:00:00Z')), Infinity);
});

const LINE = (over: Partial<FleetLine>): FleetLine => ({
  type: 'C-17A', name: 'C-17A', count: 2, base: 'home', aclKg: 1, palletPositions: 1, seats: 1, cruiseKmh: 1, turnHours: 1,
  costPerFlyingHourUsd: 1, floorLengthM: 1, floorWidthM: 1, doorHeightM: 1, cgRangeM: [0, 1], ...over,
});
const SITE = (id: string, over: Partial<Site> = {}): Site => ({ id, name: id, country: 'IT', lat: 0, lon: 0, role: 'destination', ...over });

test('crews: one aboard each tail, the others staged round the stages that take the type, numbered per type', () => {
  const sites = [SITE('home'), SITE('s1', { stage: true }), SITE('s2', { stage: true, accepts: ['C-130J-30'] }), SITE('s3', { stage: true })];
  const crews = fleetCrews({ sites, aircraft: [LINE({ crewsPerTail: 2.5 }), LINE({ count: 1, base: 's1' })] });
  assert.equal(crewCount(LINE({ crewsPerTail: 2.5 })), 5);
  assert.deepEqual(crews.map((c) => [c.id, c.tail, c.site]), [
    ['C-17A crew 1', 'C-17A#1', 'home'], ['C-17A crew 2', 'C-17A#2', 'home'],
    ['C-17A crew 3', null, 's1'], ['C-17A crew 4', null, 's3'], ['C-17A crew 5', null, 's1'],
    ['C-17A crew 6', 'C-17A#3', 's1'],
  ]);
});
