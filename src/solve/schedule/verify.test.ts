// One end-to-end check: a scheduled tiny plan, through a hub, passes the independent verifier.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Item, Plan } from '../../model/index.ts';
import { verifyPlan } from '../../verify/index.ts';
import { planMetrics } from '../metrics.ts';
import type { CargoPiece } from '../types.ts';
import { schedule } from './index.ts';
import { BIG, SMALL, line, rowLoad, scenario, site } from './testkit.ts';

test('a scheduled plan through a hub passes verifyPlan', () => {
  const truck = (id: string, at: string, sensitive: boolean): Item => ({
    id, name: id, site: at, quantity: 3, unitWeightKg: 4000, lengthM: 4.5, widthM: 2.2, heightM: 2.2,
    unitValueUsd: 1, kind: 'vehicle', sensitive: sensitive ? ['lethal'] : [], hostTransfer: false, demilInPlace: false, tiltable: false, verticalDims: ['height'], cargoAircraftOnly: false,
  });
  const items = [truck('T1', 'NIM', false), truck('T2', 'NIM', true), truck('T3', 'AGZ', false)];
  const sc = scenario({
    sites: [
      site('NIM', 'origin', 13.48, 2.18, { accepts: ['SMALL'], mog: 1, maxDeparturesPerDay: 3 }),
      site('AGZ', 'origin', 16.96, 7.99),
      site('DKR', 'hub', 14.74, -17.49, { country: 'SN', mog: 2 }),
      site('DST', 'destination', 49.44, 7.6, { accepts: ['BIG'] }),
    ],
    aircraft: [line(SMALL, 'DKR', 2), line(BIG, 'DST', 1)],
    personnel: [{ site: 'NIM', count: 30, role: 'security' }, { site: 'AGZ', count: 12, role: 'support' }],
    items,
    agreements: [{ country: 'NE', deadline: '2024-06-20' }],
    policy: { transferWhenShipCostOverValue: 1, minSecurityPerSite: 4, passengerKg: 100 },
  });
  const pieces: CargoPiece[] = items.flatMap((it) => Array.from({ length: it.quantity }, () => ({
    ref: it.id, kind: 'floor' as const, site: it.site, lengthM: it.lengthM, widthM: it.widthM, heightM: it.heightM,
    weightKg: it.unitWeightKg, sensitive: it.sensitive.length > 0, tiltable: false, itemIds: [it.id],
  })));
  const { sorties, stranded } = schedule({ scenario: sc, pieces, buildLoad: rowLoad, seed: 1 });
  assert.deepEqual(stranded, []);
  const dispositions = items.map((it) => ({ itemId: it.id, quantity: it.quantity, action: 'retrograde' as const, reason: 'test' }));
  const last = (site: string) => sorties.filter((s) => s.from === site).map((s) => s.departs).sort().pop() ?? null;
  const plan: Plan = {
    formatVersion: 1, scenario: sc.name, feasible: false,
    closure: [last('NIM'), last('AGZ')].sort().pop() ?? null,
    siteClosures: [{ site: 'NIM', lastDeparture: last('NIM') }, { site: 'AGZ', lastDeparture: last('AGZ') }],
    dispositions, handovers: [], pallets: [], sorties,
    metrics: planMetrics(sc, sorties, [], dispositions),
    bounds: { sorties: { value: 1, basis: 'test' }, closure: { value: sc.asOf, basis: 'test' } },
    violations: [],
    problems: [],
    notes: [],
  };
  assert.deepEqual(verifyPlan(sc, plan), []);
  assert.ok(sorties.some((s) => s.from === 'DKR' && s.aircraft === 'BIG'));
});
