// A seeded generator of withdrawal scenarios nobody wrote by hand, for tests and benchmarks:
// 1 to 5 origin sites in up to 3 host countries, one site whose runway takes only the C-130J-30
// (so its cargo goes through a hub), mixed vehicles and cargo, sensitive items, and tight or
// loose deadlines. It writes the scenario file shape, so the output goes through the loader.

import { rng, type Rng } from './random.ts';

export interface GenerateOptions {
  seed: number;
  /** item lines, 1 to 1,000,000 */
  lines: number;
  /** origin sites, 1 to 5 (default: drawn) */
  origins?: number;
  /** host countries, 1 to 3 (default: drawn, at most origins) */
  countries?: number;
  /** tight: about 1.3 x the time the fleet needs; loose: about 4 x */
  deadline?: 'tight' | 'loose';
  /** make one origin site accept only the C-130J-30 (default true when there are 2+ origins) */
  smallRunwaySite?: boolean;
  /** mean units per line (default 4) */
  unitsPerLine?: number;
  /**
   * share (0 to 1) of lines drawn as dangerous goods instead (ammunition 1.4S and 1.2C, fuel 3,
   * lithium batteries 9, gases 2.1 and 2.2, corrosives 8), some cargo-aircraft-only, some with a
   * stacking limit; fragile boxes get stacking limits too. Default 0: the scenario of earlier
   * versions, line for line (the hazards come from a random stream of their own).
   */
  hazardous?: number;
}

/** Dangerous goods a drawdown moves, each with its UN entry (UN Dangerous Goods List). */
const HAZARD_KINDS = [
  { name: 'Small-arms ammunition, palletised', hazard: '1.4S', un: 'UN0012', w: [400, 1100], l: [0.8, 1.2], h: [0.5, 0.9], top: 0.3 },
  { name: 'Cartridges, inert projectile', hazard: '1.2C', un: 'UN0328', w: [300, 900], l: [0.8, 1.2], h: [0.5, 0.9], cao: true },
  { name: 'Diesel fuel, cans, palletised', hazard: '3', un: 'UN1202', w: [500, 900], l: [1.0, 1.2], h: [0.8, 1.1] },
  { name: 'Aviation turbine fuel, drums', hazard: '3', un: 'UN1863', w: [700, 1000], l: [1.1, 1.2], h: [0.9, 1.0] },
  { name: 'Lithium-ion batteries', hazard: '9', un: 'UN3480', w: [20, 60], l: [0.4, 0.7], h: [0.3, 0.5], cao: true, top: 1 },
  { name: 'Lithium-ion batteries in equipment', hazard: '9', un: 'UN3481', w: [40, 200], l: [0.6, 1.2], h: [0.4, 0.9], top: 0.5 },
  { name: 'Aerosols, flammable, cased', hazard: '2.1', un: 'UN1950', w: [50, 250], l: [0.6, 1.2], h: [0.4, 0.9], cao: true },
  { name: 'Nitrogen cylinders, racked', hazard: '2.2', un: 'UN1066', w: [200, 600], l: [1.0, 1.2], h: [1.2, 1.6], top: 1 },
  { name: 'Batteries, wet, filled with acid', hazard: '8', un: 'UN2794', w: [100, 800], l: [0.6, 1.2], h: [0.5, 1.8], top: 1 },
] as const;

const HOSTS = [
  { code: 'NE', lat: [13, 19], lon: [1, 12] },
  { code: 'TD', lat: [10, 16], lon: [14, 22] },
  { code: 'ML', lat: [12, 18], lon: [-8, 2] },
] as const;

const ITEM_KINDS = [
  { name: 'Box of spares', w: [15, 120], l: [0.4, 1.0], h: [0.3, 0.8], v: [200, 8000], q: [1, 40], tilt: 0.6, share: 0.3 },
  { name: 'Equipment crate', w: [150, 1500], l: [0.8, 2.2], h: [0.6, 1.6], v: [5000, 250000], q: [1, 12], tilt: 0.1, share: 0.3 },
  { name: 'Generator', w: [900, 4000], l: [1.6, 2.5], h: [1.1, 1.9], v: [20000, 90000], q: [1, 8], tilt: 0, share: 0.1 },
  { name: 'Oversize cargo', w: [2000, 9000], l: [3.0, 6.1], h: [1.5, 2.6], v: [10000, 400000], q: [1, 4], tilt: 0, share: 0.1 },
  { name: 'Light vehicle', w: [2000, 4500], l: [4.2, 5.5], h: [1.7, 2.3], v: [40000, 250000], q: [1, 10], tilt: 0, share: 0.12, vehicle: true },
  { name: 'Heavy vehicle', w: [9000, 16000], l: [6.0, 8.5], h: [2.4, 2.7], v: [300000, 1200000], q: [1, 5], tilt: 0, share: 0.08, vehicle: true },
] as const;

export function generateScenario(options: GenerateOptions): Record<string, unknown> {
  const r = rng(options.seed);
  const nOrigins = clamp(options.origins ?? r.int(1, 5), 1, 5);
  const nCountries = clamp(options.countries ?? r.int(1, Math.min(3, nOrigins)), 1, Math.min(3, nOrigins));
  const smallSite = options.smallRunwaySite ?? nOrigins >= 2;
  const perLine = options.unitsPerLine ?? 4;
  const asOf = '2030-03-01';

  const origins = Array.from({ length: nOrigins }, (_, i) => {
    const host = HOSTS[i % nCountries];
    return {
      id: `o${i + 1}`,
      name: `Origin ${i + 1}`,
      country: host.code,
      lat: round(r.real(host.lat[0], host.lat[1]), 4),
      lon: round(r.real(host.lon[0], host.lon[1]), 4),
      role: 'origin',
      mog: r.int(2, 4),
      maxDeparturesPerDay: r.int(6, 16),
      ...(smallSite && i === nOrigins - 1 ? { accepts: ['C-130J-30'] } : {}),
    };
  });
  const sites = [
    ...origins,
    { id: 'dest', name: 'Home base', country: 'DE', lat: 49.4369, lon: 7.6003, role: 'destination' },
    { id: 'hub', name: 'Regional hub', country: 'SN', lat: 14.7397, lon: -17.4902, role: 'hub', mog: 6 },
  ];

  const items: Record<string, unknown>[] = [];
  let kg = 0;
  const viaHubKg = { v: 0 };
  // a stream of its own, so the other lines stay as they were without hazards
  const h = rng((options.seed * 2654435761 + 0x68617a) >>> 0);
  const hazardShare = clamp(options.hazardous ?? 0, 0, 1);
  for (let n = 0; n < options.lines; n++) {
    const site = origins[n % nOrigins];
    const small = 'accepts' in site;
    const drawn = makeItem(r, n, site.id, small, perLine);
    const item = hazardShare > 0 ? withHazard(h, drawn, hazardShare) : drawn;
    kg += (item.quantity as number) * (item.unitWeightKg as number);
    if (small) viaHubKg.v += (item.quantity as number) * (item.unitWeightKg as number);
    items.push(item);
  }
  const people = origins.map((o) => ({ site: o.id, count: r.int(20, 400), role: 'operations' }));
  const security = origins.map((o) => ({ site: o.id, count: r.int(10, 40), role: 'security' }));
  const totalPeople = [...people, ...security].reduce((a, p) => a + p.count, 0);

  // Size the fleet to the work: about a C-17 load (~45 t real) per 1,500 t, at least 2.
  const c17 = clamp(Math.round(kg / 1_500_000), 2, 400);
  const c130 = clamp(Math.round(viaHubKg.v / 600_000) + 1, smallSite ? 2 : 1, 200);
  // Days the fleet needs, roughly: each C-17 moves ~45 t a day on a ~10-hour cycle with turns.
  const daysNeeded = Math.max(2, (kg + totalPeople * 100) / (c17 * 45_000) + 1);
  const factor = (options.deadline ?? r.pick(['tight', 'loose'] as const)) === 'tight' ? 1.3 : 4;
  const deadline = addDays(asOf, Math.ceil(daysNeeded * factor) + 2);
  const countries = [...new Set(origins.map((o) => o.country))];

  return {
    name: `Generated withdrawal (seed ${options.seed}, ${options.lines} lines)`,
    asOf,
    sites,
    aircraft: [
      { type: 'C-17A', count: c17, base: 'dest' },
      { type: 'C-130J-30', count: c130, base: 'hub' },
    ],
    personnel: [...security, ...people],
    items,
    infrastructure: origins.map((o) => ({ id: `${o.id}-camp`, site: o.id, name: `Camp at ${o.name}`, valueUsd: r.int(1, 50) * 1_000_000 })),
    agreements: countries.map((c) => ({ country: c, deadline })),
    policy: { transferWhenShipCostOverValue: 1, minSecurityPerSite: 10, passengerKg: 100 },
  };
}

function makeItem(r: Rng, n: number, site: string, smallRunway: boolean, perLine: number): Record<string, unknown> {
  let pick = r.next();
  let kind: (typeof ITEM_KINDS)[number] = ITEM_KINDS[0];
  for (const k of ITEM_KINDS) {
    if (pick < k.share) {
      kind = k;
      break;
    }
    pick -= k.share;
  }
  // A C-130J-30 site cannot take what only a C-17 carries: keep heavy vehicles elsewhere.
  if (smallRunway && kind.name === 'Heavy vehicle') kind = ITEM_KINDS[4];
  const l = round(r.real(kind.l[0], kind.l[1]), 2);
  const w = round(Math.min(l, r.real(kind.l[0] * 0.5, Math.min(2.4, kind.l[1]))), 2);
  const sensitive = r.chance(0.12) ? [r.pick(['lethal', 'dangerous', 'classified'] as const)] : [];
  const meanQ = Math.max(1, Math.round(((kind.q[0] + kind.q[1]) / 2) * (perLine / 4)));
  return {
    id: `${site}-i${n + 1}`,
    name: `${kind.name} ${n + 1}`,
    site,
    quantity: r.int(1, meanQ * 2 - 1),
    unitWeightKg: round(r.real(kind.w[0], kind.w[1]), 1),
    lengthM: l,
    widthM: w,
    heightM: round(r.real(kind.h[0], kind.h[1]), 2),
    unitValueUsd: Math.round(r.real(kind.v[0], kind.v[1])),
    kind: 'vehicle' in kind ? 'vehicle' : 'cargo',
    ...(sensitive.length ? { sensitive } : {}),
    ...(sensitive.length === 0 && r.chance(0.5) ? { hostTransfer: true } : {}),
    ...(r.chance(0.1) ? { demilInPlace: true } : {}),
    ...(kind.tilt > 0 && r.chance(kind.tilt) ? { tiltable: true } : {}),
  };
}

/**
 * The line as dangerous goods (with the given chance; vehicles stay vehicles), or a fragile box
 * with a stacking limit (a tenth of the boxes of spares), or as it was.
 */
function withHazard(h: Rng, item: Record<string, unknown>, share: number): Record<string, unknown> {
  const dangerous = h.chance(share);
  const kind = h.pick(HAZARD_KINDS);
  const fragile = h.chance(0.1);
  const roll = [h.next(), h.next(), h.next(), h.next(), h.next()];
  if (item.kind === 'vehicle') return item;
  if (!dangerous) {
    if (!fragile || !String(item.name).startsWith('Box of spares')) return item;
    return { ...item, maxLoadOnTopKg: Math.round((item.unitWeightKg as number) * (1 + 2 * roll[0])) };
  }
  const at = (range: readonly [number, number], u: number, d: number) => round(range[0] + u * (range[1] - range[0]), d);
  const l = at(kind.l, roll[0], 2);
  const w = round(Math.min(l, l * (0.6 + 0.4 * roll[1])), 2);
  const unitWeightKg = at(kind.w, roll[2], 1);
  const out: Record<string, unknown> = {
    id: item.id,
    name: `${kind.name} ${String(item.name).replace(/^.* (\d+)$/, '$1')}`,
    site: item.site,
    quantity: item.quantity,
    unitWeightKg,
    lengthM: l,
    widthM: w,
    heightM: at(kind.h, roll[3], 2),
    unitValueUsd: Math.round(unitWeightKg * (5 + 40 * roll[4])),
    kind: 'cargo',
    sensitive: kind.hazard.startsWith('1.') ? ['lethal', 'dangerous'] : ['dangerous'],
    hazard: kind.hazard,
    unNumber: kind.un,
  };
  if ('cao' in kind && kind.cao) out.cargoAircraftOnly = true;
  if ('top' in kind) out.maxLoadOnTopKg = Math.round(unitWeightKg * kind.top * (1 + roll[4]));
  return out;
}

function clamp(x: number, lo: number, hi: number): number {
  return Math.max(lo, Math.min(hi, x));
}

function round(x: number, d: number): number {
  const f = 10 ** d;
  return Math.round(x * f) / f;
}

function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}
