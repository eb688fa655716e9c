// The loader's reading of airfield hours and crews: defaults from the public planning factors,
// and every mistake reported with its path and value (never a stack trace).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { formatIssue, parseScenario } from './load.ts';

function file(site: Record<string, unknown> = {}, line: Record<string, unknown> = {}, more: Record<string, unknown>[] = []) {
  return JSON.stringify({
    name: 'hours', asOf: '2024-06-01',
    sites: [
      { id: 'a', name: 'A', country: 'NE', lat: 16.9, lon: 8, role: 'origin', ...site },
      { id: 'home', name: 'Home', country: 'DE', lat: 49.4, lon: 7.6, role: 'destination' },
      ...more,
    ],
    aircraft: [{ type: 'C-17A', count: 2, base: 'home', ...line }],
    agreements: [{ country: 'NE', deadline: '2024-09-15' }],
  });
}
const issues = (text: string) => {
  const r = parseScenario(text, { format: 'json' });
  return r.ok ? r.warnings.map((i) => `warning ${formatIssue(i)}`) : r.issues.map((i) => formatIssue(i));
};

test('hours, quiet hours, a time zone and crews load as written, crew defaults from the catalog', () => {
  const r = parseScenario(file({ hours: '05:30-17:30', quietHours: '12:00-13:00', timeZone: 'Africa/Niamey', stage: true }, { crewsPerTail: 1.5, crewComplement: 'augmented' }), { format: 'json' });
  assert.ok(r.ok);
  assert.deepEqual(r.warnings, []);
  const site = r.scenario.sites[0];
  assert.deepEqual([site.hours, site.quietHours, site.timeZone, site.stage], ['05:30-17:30', '12:00-13:00', 'Africa/Niamey', true]);
  const line = r.scenario.aircraft[0];
  // augmented: a 24 h flight duty period; the rest and its 12 h from the catalog (AFMAN 11-202v3, second-hand)
  assert.deepEqual([line.crewsPerTail, line.crewComplement, line.crewDutyHours, line.crewRestHours], [1.5, 'augmented', 24, 12]);
});

test('unreadable hours, offsets, zones and crews are refused with their path and value', () => {
  assert.deepEqual(issues(file({ hours: '25:00-06:00', utcOffset: '+1' }, { crewsPerTail: 0.5, crewComplement: 'tripled' })), [
    'sites[0].hours: must be local times HH:MM-HH:MM, e.g. 06:00-22:00 (00:00-24:00 is all day), got "25:00-06:00"',
    'sites[0].utcOffset: must be an offset from UTC such as +01:00 or -05:00, got "+1"',
    'aircraft[0].crewsPerTail: must be at least 1 (one crew flies with each tail), got 0.5',
    'aircraft[0].crewComplement: must be basic or augmented, got "tripled"',
  ]);
  assert.deepEqual(issues(file({ hours: '06:00-06:00', timeZone: 'Mars/Olympus' })), [
    'sites[0].hours: must not start and end at the same time, got "06:00-06:00"',
    'sites[0].timeZone: must be an IANA time zone such as Africa/Niamey or Europe/Berlin, got "Mars/Olympus"',
  ]);
  assert.deepEqual(issues(file({ hours: '06:00-18:00', utcOffset: '+01:00', timeZone: 'Africa/Niamey' })), [
    'sites[0].timeZone: give utcOffset or timeZone, not both (utcOffset is "+01:00")',
  ]);
  assert.deepEqual(issues(file({ hours: '06:00-18:00', quietHours: '05:00-19:00', utcOffset: '+01:00' })), [
    'sites[0].quietHours: 05:00-19:00 covers all the site\'s hours (06:00-18:00): it would never be open',
  ]);
});

test('hours without a clock, and crews with no stage to wait at, are warned about', () => {
  assert.deepEqual(issues(file({ hours: '06:00-18:00' }, { crewsPerTail: 2 })), [
    'warning sites[0].hours: read as UTC: give the site utcOffset or timeZone if these are local hours',
    'warning aircraft[0].crewsPerTail: 2 crews a tail, but no site with stage: true takes C-17A, so only the crew aboard each tail ever flies it (the others wait at the base)',
  ]);
  // a stage that takes the type: no warning
  assert.deepEqual(issues(file({}, { crewsPerTail: 2 }, [{ id: 'stage', name: 'S', country: 'IT', lat: 37.4, lon: 14.9, role: 'destination', stage: true }])), []);
});
