// Test-only: a tiny scenario in the model's normalised shape and a valid plan for it, built in
// a few lines so each rule test can break one thing. Two origins in NE (bravo takes only the
// C-130J-30), a hub in IT taking both types, a destination; a vehicle, a sensitive item, a
// transferable one, a demilitarisable one and floor cargo too big for any pallet.

import assert from 'node:assert/strict';
import type { FleetLine, Plan, Scenario, Site, Sortie, Violation } from '../model/index.ts';
import { HOUR_MS, flightHours, toIso, toDate, toMs } from '../model/index.ts';
import { verifyPlan } from './index.ts';

const C17: FleetLine = {
  type: 'C-17A', name: 'C-17A-like', count: 1, base: 'home',
  aclKg: 45000, palletPositions: 18, seats: 54, cruiseKmh: 830, turnHours: 2, costPerFlyingHourUsd: 24000,
  floorLengthM: 20.78, floorWidthM: 5.49, doorHeightM: 3.76, cgRangeM: [8, 12],
};
const C130: FleetLine = {
  type: 'C-130J-30', name: 'C-130J-30-like', count: 1, base: 'alpha',
  aclKg: 15400, palletPositions: 8, seats: 40, cruiseKmh: 640, turnHours: 1.5, costPerFlyingHourUsd: 8000,
  floorLengthM: 16.9, floorWidthM: 3.12, doorHeightM: 2.74, cgRangeM: [6, 10.5],
};

const item = (id: string, site: string, quantity: number, dims: [number, number, number], kg: number, usd: number,
  more: Partial<Scenario['items'][number]> = {}): Scenario['items'][number] => ({
  id, name: id, site, quantity, lengthM: dims[0], widthM: dims[1], heightM: dims[2], unitWeightKg: kg, unitValueUsd: usd,
  kind: 'cargo', sensitive: [], hostTransfer: false, demilInPlace: false, tiltable: false, ...more,
  verticalDims: more.verticalDims ?? (more.tiltable ? ['length', 'width', 'height'] : ['height']), cargoAircraftOnly: more.cargoAircraftOnly ?? false,
});

export function tinyScenario(): Scenario {
  return {
    name: 'tiny drawdown',
    asOf: '2024-09-10T00:00:00Z',
    sites: [
      { id: 'alpha', name: 'Alpha air base', country: 'NE', lat: 13.48, lon: 2.18, role: 'origin' },
      { id: 'bravo', name: 'Bravo strip', country: 'NE', lat: 16.96, lon: 8.0, role: 'origin', accepts: ['C-130J-30'], handoverBy: '2024-09-12' },
      { id: 'hub', name: 'Hub', country: 'IT', lat: 37.4, lon: 14.92, role: 'hub', accepts: ['C-17A', 'C-130J-30'], mog: 2, maxDeparturesPerDay: 4 },
      { id: 'home', name: 'Home', country: 'DE', lat: 49.44, lon: 7.6, role: 'destination' },
    ],
    aircraft: [structuredClone(C17), structuredClone(C130)],
    palletTypes: [{ id: '463L', usableLengthM: 2.74, usableWidthM: 2.13, maxHeightM: 2.44, maxGrossKg: 4536, tareKg: 130, footprintLengthM: 2.74, footprintWidthM: 2.24 }],
    personnel: [
      { site: 'alpha', count: 4, role: 'security' },
      { site: 'alpha', count: 6, role: 'operations' },
      { site: 'bravo', count: 3, role: 'security' },
    ],
    items: [
      item('ammo', 'alpha', 4, [1, 0.5, 0.5], 200, 5000, { sensitive: ['lethal'] }),
      item('tents', 'alpha', 3, [1.2, 1, 0.8], 100, 2000, { hostTransfer: true, tiltable: true }),
      item('truck', 'alpha', 1, [6, 2.4, 2.6], 7000, 150000, { kind: 'vehicle' }),
      item('shelter', 'alpha', 1, [3.2, 2, 1.6], 1200, 40000),
      item('gen', 'bravo', 2, [1.5, 1.2, 1], 800, 30000, { demilInPlace: true }),
    ],
    infrastructure: [
      { id: 'alpha-runway', site: 'alpha', name: 'Runway and apron', valueUsd: 2_000_000 },
      { id: 'bravo-camp', site: 'bravo', name: 'Camp', valueUsd: 500_000 },
    ],
    agreements: [{ country: 'NE', deadline: '2024-09-15' }],
    policy: { transferWhenShipCostOverValue: 1, minSecurityPerSite: 2, passengerKg: 100 },
  };
}

const site = (s: Scenario, id: string): Site => s.sites.find((x) => x.id === id)!;
const hours = (s: Scenario, a: string, b: string, line: FleetLine) => flightHours(site(s, a), site(s, b), line.cruiseKmh);
/** Round up to the next whole minute so every departure is at or after its earliest time. */
const ceilMinute = (ms: number) => Math.ceil(ms / 60_000) * 60_000;

/** A sortie with its arrival from the great-circle time; payload and cg from the fixture's weights. */
function leg(s: Scenario, id: string, line: FleetLine, from: string, to: string, dep: number, passengers: number,
  loads: Sortie['loads'], cargo: number[]): Sortie {
  const arr = dep + hours(s, from, to, line) * HOUR_MS;
  const total = cargo.reduce((a, b) => a + b, 0);
  const cg = cargo.length ? cargo.reduce((t, w, i) => t + w * (loads[i].x + loads[i].l / 2), 0) / total : null;
  return {
    id, aircraft: line.type, tail: `${line.type}#1`, from, to, departs: toIso(dep), arrives: toIso(arr),
    passengers, payloadKg: total + passengers * 100, cgM: cg === null ? null : Math.round(cg * 1000) / 1000, loads,
  };
}

const arrMs = (x: Sortie) => toMs(x.arrives);

export function tinyPlan(s: Scenario = tinyScenario()): Plan {
  const asOf = toMs(s.asOf);
  const pallet = (id: string, siteId: string, units: [string, number, number, number, number, number, number][], kg: number) => ({
    id, palletType: '463L', site: siteId, grossKg: 130 + kg, heightM: Math.max(...units.map((u) => u[3] + u[6])),
    placements: units.map(([itemId, x, y, z, l, w, h]) => ({ itemId, x, y, z, l, w, h })),
  });
  const pallets = [
    pallet('P-ammo-1', 'alpha', [['ammo', 0, 0, 0, 1, 0.5, 0.5], ['ammo', 0, 0.5, 0, 1, 0.5, 0.5], ['ammo', 0, 0, 0.5, 1, 0.5, 0.5], ['ammo', 0, 0.5, 0.5, 1, 0.5, 0.5]], 800),
    pallet('P-tents-1', 'alpha', [['tents', 0, 0, 0, 1.2, 1, 0.8], ['tents', 1.2, 0, 0, 1.2, 1, 0.8]], 200),
    pallet('P-gen-1', 'bravo', [['gen', 0, 0, 0, 1.5, 1.2, 1]], 800),
  ];
  const pl = (ref: string, x: number, y: number) => ({ ref, x, y, l: 2.74, w: 2.24 });

  // C-130J-30#1 (base alpha): positions to bravo, bravo -> hub, positions back, alpha -> hub.
  const s1 = leg(s, 'S1', C130, 'bravo', 'hub', ceilMinute(asOf + (hours(s, 'alpha', 'bravo', C130) + 1.5) * HOUR_MS), 3, [pl('P-gen-1', 7, 0)], [930]);
  const s3 = leg(s, 'S3', C130, 'alpha', 'hub',
    ceilMinute(arrMs(s1) + (1.5 + hours(s, 'hub', 'alpha', C130) + 1.5) * HOUR_MS), 2, [pl('P-ammo-1', 7, 0)], [930]);
  // C-17A#1 (base home): positions to alpha, alpha -> home, positions to hub, hub -> home.
  const s2 = leg(s, 'S2', C17, 'alpha', 'home', ceilMinute(asOf + (hours(s, 'home', 'alpha', C17) + 2) * HOUR_MS), 8,
    [{ ref: 'truck', x: 7, y: 0, l: 6, w: 2.4 }, { ref: 'shelter', x: 7, y: 2.4, l: 3.2, w: 2 }, pl('P-tents-1', 10.2, 2.4)], [7000, 1200, 330]);
  const s4dep = ceilMinute(Math.max(arrMs(s2) + (2 + hours(s, 'home', 'hub', C17) + 2) * HOUR_MS, arrMs(s1) + 1.5 * HOUR_MS, arrMs(s3) + 1.5 * HOUR_MS));
  const s4 = leg(s, 'S4', C17, 'hub', 'home', s4dep, 5, [pl('P-gen-1', 8, 0), pl('P-ammo-1', 8, 2.24)], [930, 930]);

  const c130h = hours(s, 'alpha', 'bravo', C130) + hours(s, 'bravo', 'hub', C130) + hours(s, 'hub', 'alpha', C130) + hours(s, 'alpha', 'hub', C130);
  const c17h = hours(s, 'home', 'alpha', C17) + hours(s, 'alpha', 'home', C17) + hours(s, 'home', 'hub', C17) + hours(s, 'hub', 'home', C17);
  const disp = (itemId: string, quantity: number, action: Plan['dispositions'][number]['action']) => ({ itemId, quantity, action, reason: `${action} ${quantity}` });

  return {
    formatVersion: 1,
    scenario: s.name,
    feasible: true,
    closure: s3.departs,
    siteClosures: [{ site: 'alpha', lastDeparture: s3.departs }, { site: 'bravo', lastDeparture: s1.departs }],
    dispositions: [
      disp('ammo', 4, 'retrograde'), disp('tents', 2, 'retrograde'), disp('tents', 1, 'transfer'),
      disp('truck', 1, 'retrograde'), disp('shelter', 1, 'retrograde'), disp('gen', 1, 'retrograde'), disp('gen', 1, 'demilitarize'),
    ],
    handovers: [
      { infrastructureId: 'alpha-runway', site: 'alpha', date: toDate(toMs(s3.departs)) },
      { infrastructureId: 'bravo-camp', site: 'bravo', date: toDate(toMs(s1.departs)) },
    ],
    pallets,
    sorties: [s1, s2, s3, s4],
    metrics: {
      sorties: 4, palletsBuilt: 3, flyingHours: c130h + c17h, costUsd: c130h * 8000 + c17h * 24000,
      transferValueUsd: 2000, retrogradeValueUsd: 4 * 5000 + 2 * 2000 + 150000 + 40000 + 30000, demilitarizedValueUsd: 30000,
    },
    bounds: { sorties: { value: 2, basis: 'two origin sites' }, closure: { value: toIso(asOf + 6 * HOUR_MS), basis: 'earliest arrival' } },
    violations: [],
    problems: [],
    notes: [],
  };
}

/** A fresh scenario and valid plan; tests mutate their own copy. */
export function tinyCase(): { scenario: Scenario; plan: Plan } {
  const scenario = tinyScenario();
  return { scenario, plan: tinyPlan(scenario) };
}

export function sortie(plan: Plan, id: string): Sortie {
  const s = plan.sorties.find((x) => x.id === id);
  assert.ok(s, `no sortie ${id}`);
  return s;
}

/** Moves a sortie in time, keeping its flight duration. */
export function shift(plan: Plan, id: string, hoursLater: number): Sortie {
  const s = sortie(plan, id);
  s.departs = toIso(toMs(s.departs) + hoursLater * HOUR_MS);
  s.arrives = toIso(toMs(s.arrives) + hoursLater * HOUR_MS);
  return s;
}

/** The violations of one rule, after checking the message names what broke. */
export function expectViolation(found: Violation[], rule: string, message: RegExp): Violation[] {
  const mine = found.filter((v) => v.rule === rule);
  assert.ok(mine.length > 0, `expected a ${rule} violation, got: ${JSON.stringify(found, null, 1)}`);
  assert.ok(mine.some((v) => message.test(v.message)), `no ${rule} message matches ${message}: ${JSON.stringify(mine, null, 1)}`);
  return mine;
}

/** The figures of the one violation of `rule` whose message matches: what tests compare exactly. */
export function figuresOf(found: Violation[], rule: string, message: RegExp): Pick<Violation, 'amount' | 'limit' | 'unit'> {
  const mine = expectViolation(found, rule, message).filter((v) => message.test(v.message));
  assert.equal(mine.length, 1, `one ${rule} message matches ${message}: ${JSON.stringify(mine, null, 1)}`);
  const { rule: _r, message: _m, refs: _refs, ...measured } = mine[0];
  return measured; // {} for a violation without figures
}

/** The plan breaks exactly the given rules (claims.feasible aside: a broken plan claiming feasibility). */
export function expectOnly(found: Violation[], ...rules: string[]): void {
  const got = [...new Set(found.map((v) => v.rule))].filter((r) => r !== 'claims.feasible').sort();
  assert.deepEqual(got, [...new Set(rules)].sort(), JSON.stringify(found, null, 1));
}

/**
 * After a test moves units or loads: each pallet's gross and height from its units, and each
 * sortie's payload and centre of gravity from its loads, written out for this fixture's data.
 */
export function reweigh(scenario: Scenario, plan: Plan): Plan {
  const kg = new Map(scenario.items.map((i) => [i.id, i.unitWeightKg]));
  const gross = new Map<string, number>();
  for (const p of plan.pallets) {
    p.grossKg = 130 + p.placements.reduce((t, u) => t + (kg.get(u.itemId) ?? 0), 0);
    p.heightM = Math.max(0, ...p.placements.map((u) => u.z + u.h));
    gross.set(p.id, p.grossKg);
  }
  for (const s of plan.sorties) {
    const w = s.loads.map((l) => gross.get(l.ref) ?? kg.get(l.ref) ?? 0);
    const total = w.reduce((a, b) => a + b, 0);
    s.payloadKg = total + s.passengers * scenario.policy.passengerKg;
    s.cgM = s.loads.length ? w.reduce((t, x, i) => t + x * (s.loads[i].x + s.loads[i].l / 2), 0) / total : null;
  }
  return plan;
}

export function check(scenario: Scenario, plan: Plan): Violation[] {
  return verifyPlan(scenario, plan);
}
