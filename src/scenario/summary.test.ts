import { test } from 'node:test';
import assert from 'node:assert/strict';
import { stringify } from 'yaml';
import { parseScenario } from './load.ts';
import { summarizeScenario } from './summary.ts';

const item = (id: string, site: string, quantity: number, unitWeightKg: number, unitValueUsd: number, extra = {}) => ({
  id, name: id, site, quantity, unitWeightKg, unitValueUsd, lengthM: 1, widthM: 1, heightM: 1, kind: 'cargo', ...extra,
});

test('per-site and total figures for a check summary', () => {
  const r = parseScenario(
    stringify({
      name: 'two sites',
      asOf: '2024-06-01',
      sites: [
        { id: 'agadez', name: 'Agadez', country: 'NE', lat: 16.96, lon: 8.0, role: 'origin', handoverBy: '2024-08-05' },
        { id: 'niamey', name: 'Niamey', country: 'NE', lat: 13.48, lon: 2.18, role: 'origin' },
        { id: 'rota', name: 'Rota', country: 'ES', lat: 36.64, lon: -6.35, role: 'destination' },
      ],
      aircraft: [
        { type: 'C-17A', count: 3, base: 'rota', availableTo: '2024-09-15' },
        { type: 'C-130J-30', count: 2, base: 'niamey' },
      ],
      personnel: [
        { site: 'agadez', count: 500, role: 'security' },
        { site: 'agadez', count: 100, role: 'support' },
        { site: 'niamey', count: 250, role: 'operations' },
      ],
      items: [
        item('ammo', 'agadez', 10, 500, 2000, { sensitive: ['lethal', 'dangerous'] }),
        item('gen', 'agadez', 4, 1250, 30000),
        item('tent', 'niamey', 20, 100, 500),
      ],
      infrastructure: [{ id: 'runway', site: 'agadez', name: 'Runway', valueUsd: 100e6 }],
      agreements: [{ country: 'NE', deadline: '2024-09-15' }],
    }),
  );
  assert.ok(r.ok);
  const s = summarizeScenario(r.scenario);
  assert.deepEqual(s.sites[0], {
    site: 'agadez', name: 'Agadez', role: 'origin', country: 'NE', handoverBy: '2024-08-05', agreementDeadline: '2024-09-15',
    people: 600, itemLines: 2, units: 14, tonnes: 10, sensitiveUnits: 10, valueUsd: 140_000, infrastructureValueUsd: 100e6,
  });
  assert.deepEqual(s.sites[2], {
    site: 'rota', name: 'Rota', role: 'destination', country: 'ES',
    people: 0, itemLines: 0, units: 0, tonnes: 0, sensitiveUnits: 0, valueUsd: 0, infrastructureValueUsd: 0,
  });
  assert.deepEqual(s.totals, { people: 850, itemLines: 3, units: 34, tonnes: 12, sensitiveUnits: 10, valueUsd: 150_000, infrastructureValueUsd: 100e6 });
  assert.deepEqual(s.fleet, [
    { type: 'C-17A', name: 'Boeing C-17A Globemaster III', count: 3, base: 'rota', availableTo: '2024-09-15' },
    { type: 'C-130J-30', name: 'Lockheed Martin C-130J-30 Super Hercules', count: 2, base: 'niamey' },
  ]);
  assert.equal(s.tails, 5);
  assert.deepEqual(s.agreements, [{ country: 'NE', deadline: '2024-09-15' }]);
  assert.equal(s.infrastructureValueUsd, 100e6);
});
