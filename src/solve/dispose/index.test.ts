import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { FleetLine, Item, Scenario, Site } from '../../model/index.ts';
import { greatCircleKm } from '../../model/index.ts';
import { dispose } from './index.ts';

function fleet(type: string, costPerFlyingHourUsd: number, n: number[]): FleetLine {
  const [aclKg, palletPositions, seats, cruiseKmh, turnHours, floorLengthM, floorWidthM, doorHeightM, lo, hi] = n;
  return {
    type, name: type, count: 2, base: 'ramstein', aclKg, palletPositions, seats, cruiseKmh, turnHours,
    costPerFlyingHourUsd, floorLengthM, floorWidthM, doorHeightM, cgRangeM: [lo, hi],
  };
}
const C17 = fleet('C-17A', 22000, [58967, 18, 54, 760, 2.25, 26.8, 5.49, 3.76, 10.7, 16.1]);
const C130 = fleet('C-130J-30', 12000, [16329, 8, 40, 530, 1.75, 17.0, 3.12, 2.74, 7.0, 10.0]);

const site = (id: string, role: Site['role'], lat: number, lon: number, accepts?: string[]): Site => ({
  id, name: id, country: role === 'destination' ? 'DE' : 'NE', lat, lon, role, ...(accepts ? { accepts } : {}),
});
const AB101 = site('ab101', 'origin', 13.48, 2.18);
const AB201 = site('ab201', 'origin', 16.96, 8.0, ['C-130J-30']);
const NIAMEY = site('niamey', 'hub', 13.5, 2.1);
const RAMSTEIN = site('ramstein', 'destination', 49.44, 7.6, ['C-17A']);

function item(id: string, over: Partial<Item>): Item {
  return {
    id, name: id, site: 'ab101', quantity: 1, unitWeightKg: 1000, lengthM: 1, widthM: 1, heightM: 1,
    unitValueUsd: 1000, kind: 'cargo', sensitive: [], hostTransfer: false, demilInPlace: false, tiltable: false, ...over,
    verticalDims: over.verticalDims ?? (over.tiltable ? ['length', 'width', 'height'] : ['height']), cargoAircraftOnly: over.cargoAircraftOnly ?? false,
  };
}

function scenario(items: Item[], sites: Site[] = [AB101, AB201, NIAMEY, RAMSTEIN]): Scenario {
  return {
    name: 't', asOf: '2024-06-01', sites, aircraft: [C17, C130],
    palletTypes: [{ id: '463L', usableLengthM: 2.64, usableWidthM: 2.13, maxHeightM: 2.44, maxGrossKg: 4536, tareKg: 161, footprintLengthM: 2.74, footprintWidthM: 2.24 }],
    personnel: [], items, infrastructure: [], agreements: [],
    policy: { transferWhenShipCostOverValue: 1, minSecurityPerSite: 0, passengerKg: 100 },
  };
}

/** Round trip cost of one sortie: out loaded, back empty. */
const sortieUsd = (a: Site, b: Site, line: FleetLine): number => (2 * greatCircleKm(a, b) / line.cruiseKmh) * line.costPerFlyingHourUsd;
const dollars = (v: number): string => `$${Math.round(v).toLocaleString('en-US')}`;
const threeSig = (v: number): string => dollars(Number(v.toPrecision(3)));

function row(result: ReturnType<typeof dispose>, id: string) {
  const rows = result.dispositions.filter((d) => d.itemId === id);
  assert.equal(rows.length, 1);
  return rows[0];
}

describe('dispose', () => {
  it('retrogrades a sensitive item even when it is cheap and marked transferable', () => {
    const gcs = item('gcs', { name: 'ground control station', sensitive: ['classified'], hostTransfer: true, unitValueUsd: 10 });
    const r = dispose(scenario([gcs]));
    assert.equal(row(r, 'gcs').action, 'retrograde');
    assert.equal(row(r, 'gcs').reason, 'Retrograde: classified (ground control station) - never given away.');
    assert.equal(r.retrograde.get('gcs'), 1);
  });

  it('transfers a cheap heavy item with the figures, and retrogrades an expensive one', () => {
    // 5,000 kg is over a 463L pallet's 4,375 kg net, so it rides on the floor; weight binds
    const base = { unitWeightKg: 5000, lengthM: 2, widthM: 1.5, heightM: 1.8, hostTransfer: true, quantity: 3 };
    const cheap = item('gen', { ...base, unitValueUsd: 1200 });
    const dear = item('radar', { ...base, unitValueUsd: 2_000_000 });
    const r = dispose(scenario([cheap, dear]));
    const share = 5000 / C17.aclKg;
    const sortie = sortieUsd(AB101, RAMSTEIN, C17);
    const cost = share * sortie;
    assert.ok(cost > 1200 && cost < 2_000_000);
    const t = row(r, 'gen');
    assert.equal(t.action, 'transfer');
    assert.equal(t.quantity, 3);
    assert.equal(
      t.reason,
      `Transfer: moving one unit costs about ${threeSig(cost)} (${share.toFixed(3)} of a C-17A round trip ab101->ramstein, back empty, at ${threeSig(sortie)}, bound by weight), more than 1 x its value of $1,200.`,
    );
    const k = row(r, 'radar');
    assert.equal(k.action, 'retrograde');
    assert.match(k.reason, /^Retrograde: moving one unit costs about \$[\d,]+ \(.*bound by weight\), less than 1 x its value of \$2,000,000\.$/);
    assert.equal(r.retrograde.get('radar'), 3);
    assert.equal(r.retrograde.has('gen'), false);
  });

  it('destroys in place what may not be given away when moving it costs more than it is worth', () => {
    const base = { unitWeightKg: 5000, lengthM: 2, widthM: 1.5, heightM: 1.8, demilInPlace: true, quantity: 2 };
    const ammo = item('ammo', { ...base, name: 'old ammunition', sensitive: ['lethal', 'dangerous'], unitValueUsd: 500 });
    const files = item('files', { ...base, name: 'old paper files', unitValueUsd: 500 });
    const radar = item('radar', { ...base, name: 'radar', sensitive: ['classified'], unitValueUsd: 2_000_000 });
    const r = dispose(scenario([ammo, files, radar]));
    assert.equal(row(r, 'ammo').action, 'demilitarize');
    assert.match(row(r, 'ammo').reason, /^Demilitarize: moving one unit costs about \$[\d,]+ .*more than 1 x its value of \$500; lethal and dangerous, so never given away, and destruction in place is allowed\.$/);
    assert.equal(row(r, 'files').action, 'demilitarize');
    assert.match(row(r, 'files').reason, /not cleared for transfer to the host/);
    assert.equal(row(r, 'radar').action, 'retrograde');
    assert.equal(r.retrograde.get('radar'), 2);
    assert.equal(r.retrograde.has('ammo'), false);
  });

  it('the policy ratio moves the line between transfer and retrograde', () => {
    const gen = item('gen', { unitWeightKg: 5000, lengthM: 2, widthM: 1.5, heightM: 1.8, hostTransfer: true, unitValueUsd: 1200 });
    const cost = (5000 / C17.aclKg) * sortieUsd(AB101, RAMSTEIN, C17);
    const s = scenario([gen]);
    const lenient = { ...s, policy: { ...s.policy, transferWhenShipCostOverValue: (cost / 1200) * 1.01 } };
    assert.equal(row(dispose(lenient), 'gen').action, 'retrograde');
  });

  it('names pallet positions when light, bulky cargo fills pallets before it fills the weight', () => {
    const boxes = item('boxes', { unitWeightKg: 100, hostTransfer: true, unitValueUsd: 1_000_000 });
    const r = dispose(scenario([boxes]));
    assert.match(row(r, 'boxes').reason, /C-17A round trip ab101->ramstein, back empty, at \$[\d,]+, bound by pallet positions/);
  });

  it('demilitarises, transfers or blocks an item taller than every door serving its site', () => {
    const tall = { site: 'ab201', kind: 'vehicle' as const, unitWeightKg: 8000, lengthM: 6, widthM: 2.5, heightM: 4.1, quantity: 2 };
    const r = dispose(scenario([
      item('demil', { ...tall, demilInPlace: true }),
      item('give', { ...tall, hostTransfer: true }),
      item('stuck', { ...tall, sensitive: ['lethal'], hostTransfer: true }),
    ]));
    const why = '4.1 m tall, higher than every door serving ab201 (C-130J-30 2.74 m)';
    assert.equal(row(r, 'demil').action, 'demilitarize');
    assert.equal(row(r, 'demil').reason, `Demilitarize: ${why}; destruction in place allowed.`);
    assert.equal(row(r, 'give').action, 'transfer');
    assert.equal(row(r, 'give').reason, `Transfer: ${why}; given to the host (destruction in place not allowed).`);
    assert.deepEqual(r.blocked.map((b) => b.itemId), ['stuck']);
    assert.ok(r.blocked[0].reason.includes(why) && r.blocked[0].reason.includes('lethal'));
    assert.equal(r.retrograde.size, 0, 'nothing here can be moved');
    // a 3.5 m vehicle is too tall for ab201's C-130J-30 but goes home from ab101 on a C-17A
    const home = dispose(scenario([item('stuck', { ...tall, heightM: 3.5, site: 'ab101', sensitive: ['lethal'] })]));
    assert.equal(home.blocked.length, 0);
    assert.equal(home.retrograde.get('stuck'), 2);
  });

  it('explains a mix of limits when the aircraft refuse an item for different reasons', () => {
    const r = dispose(scenario([item('big', { kind: 'vehicle', unitWeightKg: 60000, lengthM: 8, widthM: 3, heightM: 3, demilInPlace: true })]));
    assert.equal(row(r, 'big').action, 'demilitarize');
    assert.match(row(r, 'big').reason, /C-17A: 60,000 kg, ACL 58,967 kg; C-130J-30: 3 m tall, door 2.74 m/);
  });

  it('goes through a hub when the site takes only the smaller type and the destination only the larger', () => {
    const crate = item('crate', { site: 'ab201', unitWeightKg: 2000, lengthM: 1.5, widthM: 1.5, heightM: 1.5, hostTransfer: true, unitValueUsd: 5_000_000 });
    const r = dispose(scenario([crate]));
    const d = row(r, 'crate');
    assert.equal(d.action, 'retrograde');
    assert.match(d.reason, /of a C-130J-30 round trip ab201->niamey, back empty, .*; then .* of a C-17A round trip niamey->ramstein, back empty/);
    // without the hub there is no way out at all
    const noHub = dispose(scenario([crate], [AB101, AB201, RAMSTEIN]));
    assert.equal(noHub.blocked.length, 0, 'transferable, so given away instead');
    assert.equal(row(noHub, 'crate').action, 'transfer');
    assert.match(row(noHub, 'crate').reason, /no aircraft that can carry it links ab201 to a destination/);
  });

  it('gives one row per item adding up to its quantity, retrograde units matching', () => {
    const items = [
      item('a', { quantity: 7 }),
      item('b', { quantity: 2, hostTransfer: true, unitValueUsd: 1 }),
      item('c', { quantity: 4, sensitive: ['dangerous', 'lethal'] }),
      item('d', { quantity: 1, site: 'ab201', kind: 'vehicle', heightM: 3.5, lengthM: 5, widthM: 2 }),
    ];
    const r = dispose(scenario(items));
    for (const it of items) {
      const rows = r.dispositions.filter((d) => d.itemId === it.id);
      assert.equal(rows.reduce((s, d) => s + d.quantity, 0), it.quantity, it.id);
      const moving = rows.filter((d) => d.action === 'retrograde').reduce((s, d) => s + d.quantity, 0);
      const blocked = r.blocked.some((b) => b.itemId === it.id);
      assert.equal(r.retrograde.get(it.id) ?? 0, blocked ? 0 : moving, it.id);
    }
    assert.equal(row(r, 'c').reason, 'Retrograde: dangerous and lethal (c) - never given away.');
    assert.deepEqual(r.blocked.map((b) => b.itemId), ['d']);
  });
});
