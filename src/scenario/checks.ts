// Cross-checks that a schema cannot express: references between lists, duplicates, complete
// new types, runway limits. They read the raw parsed file defensively, so they still run (and
// report) when the schema has found problems elsewhere.

import { AIRCRAFT, PALLETS, catalogAircraft, catalogPallet } from '../catalog/index.ts';
import { SiteHours, deadlineEndMs, isIsoDate, isIsoDateTime, isTimeZone, parseUtcOffset, parseWindow, toMs } from '../model/index.ts';
import type { RawIssue } from './issues.ts';
import { show, unknownRef } from './issues.ts';
import { figure, LIMITS, type Limit } from './limits.ts';
import { AIRCRAFT_FIELDS, PALLET_FIELDS } from './schema.ts';

type Obj = Record<string, unknown>;

function obj(x: unknown): Obj | undefined {
  return x !== null && typeof x === 'object' && !Array.isArray(x) ? (x as Obj) : undefined;
}
function list(root: Obj | undefined, key: string): (Obj | undefined)[] {
  const v = root?.[key];
  return Array.isArray(v) ? v.map(obj) : [];
}
function str(o: Obj | undefined, key: string): string | undefined {
  const v = o?.[key];
  return typeof v === 'string' ? v : undefined;
}
function num(o: Obj | undefined, key: string): number | undefined {
  const v = o?.[key];
  return typeof v === 'number' && Number.isFinite(v) ? v : undefined;
}
function strings(o: Obj | undefined, key: string): string[] | undefined {
  const v = o?.[key];
  return Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : undefined;
}

interface SiteInfo {
  index: number;
  role?: string;
  country?: string;
  accepts?: string[];
}

export interface CheckResult {
  errors: RawIssue[];
  warnings: RawIssue[];
}

/**
 * `schemaOk`: every field has its type and range, so sums and the sortie estimate mean what they
 * say; with a number out of range they would only repeat that issue (a quantity of 1e9 is also a
 * billion units), so they wait until it is fixed.
 */
export function crossCheck(raw: unknown, opts: { schemaOk?: boolean } = {}): CheckResult {
  const errors: RawIssue[] = [];
  const warnings: RawIssue[] = [];
  const root = obj(raw);
  const sites = list(root, 'sites');
  const fleet = list(root, 'aircraft');
  const pallets = list(root, 'palletTypes');

  for (const section of ['sites', 'items', 'infrastructure', 'palletTypes']) duplicateIds(root, section, errors);

  const siteById = new Map<string, SiteInfo>();
  sites.forEach((s, index) => {
    const id = str(s, 'id');
    if (id !== undefined && !siteById.has(id))
      siteById.set(id, { index, role: str(s, 'role'), country: str(s, 'country'), accepts: strings(s, 'accepts') });
  });

  const fleetTypes = [...new Set(fleet.map((f) => str(f, 'type')).filter((t): t is string => t !== undefined))];
  const knownTypes = new Set([...Object.keys(AIRCRAFT), ...fleetTypes]);

  // Fleet lines: the type must be known or fully given, the base must exist and take the type.
  fleet.forEach((f, i) => {
    const type = str(f, 'type');
    if (type === undefined || !f) return;
    const spec = catalogAircraft(type);
    if (!spec) {
      const missing = AIRCRAFT_FIELDS.filter((k) => f[k] === undefined);
      if (missing.length > 0)
        errors.push(unknownRef(['aircraft', i, 'type'], 'aircraft type', type, Object.keys(AIRCRAFT),
          ` (catalog: ${Object.keys(AIRCRAFT).join(', ')}); a new type must give every field, missing: ${missing.join(', ')}`));
    }
    const base = str(f, 'base');
    if (base !== undefined) {
      const site = siteById.get(base);
      if (!site) errors.push(unknownRef(['aircraft', i, 'base'], 'site', base, siteById.keys()));
      else if (site.accepts && !site.accepts.includes(type))
        errors.push({
          path: ['aircraft', i, 'base'],
          code: 'conflict',
          value: base,
          message: `site "${base}" does not accept ${type} (accepts ${site.accepts.length ? site.accepts.join(', ') : 'no type'})`,
        });
    }
    const from = str(f, 'availableFrom');
    const to = str(f, 'availableTo');
    if (from && to && isIsoDateTime(from) && isIsoDate(to) && toMs(from) > deadlineEndMs(to))
      errors.push({ path: ['aircraft', i, 'availableTo'], code: 'conflict', value: to, message: `must not be before availableFrom (${from}), got ${show(to)}` });
    cgWithinFloor(f, spec, i, errors);
    stationsWithinFloor(f, spec, i, errors);
  });

  // Items and people start at an origin site; infrastructure sits at a known site.
  for (const [section, noun] of [
    ['items', 'items'],
    ['personnel', 'people'],
  ] as const) {
    list(root, section).forEach((x, i) => {
      const ref = str(x, 'site');
      if (ref === undefined) return;
      const site = siteById.get(ref);
      if (!site) errors.push(unknownRef([section, i, 'site'], 'site', ref, siteById.keys()));
      else if (site.role !== undefined && site.role !== 'origin')
        errors.push({
          path: [section, i, 'site'],
          code: 'value',
          value: ref,
          message: `site "${ref}" is ${site.role === 'hub' ? 'a hub' : 'a destination'}; ${noun} must start at an origin site`,
        });
    });
  }
  list(root, 'infrastructure').forEach((x, i) => {
    const ref = str(x, 'site');
    if (ref !== undefined && !siteById.has(ref))
      errors.push(unknownRef(['infrastructure', i, 'site'], 'site', ref, siteById.keys()));
  });

  sites.forEach((s, i) => {
    (strings(s, 'accepts') ?? []).forEach((t, j) => {
      if (!knownTypes.has(t)) errors.push(unknownRef(['sites', i, 'accepts', j], 'aircraft type', t, knownTypes));
    });
  });
  const roles = sites.map((s) => str(s, 'role'));
  if (sites.length > 0 && !roles.includes('destination'))
    errors.push({ path: ['sites'], code: 'required', message: 'no site has role destination; people and cargo need somewhere to go' });
  if (sites.length > 0 && !roles.includes('origin')) warnings.push({ path: ['sites'], code: 'required', message: 'no site has role origin; nothing will move' });

  pallets.forEach((p, i) => palletComplete(p, i, errors));

  // Agreements: one per country.
  const agreementAt = new Map<string, number>();
  list(root, 'agreements').forEach((a, i) => {
    const c = str(a, 'country');
    if (c === undefined) return;
    const first = agreementAt.get(c);
    if (first !== undefined)
      errors.push({ path: ['agreements', i, 'country'], code: 'duplicate', value: c, message: `second agreement for "${c}" (first is agreements[${first}])` });
    else agreementAt.set(c, i);
    if (![...siteById.values()].some((s) => s.country === c))
      warnings.push({ path: ['agreements', i, 'country'], code: 'value', value: c, message: `no site is in "${c}"` });
    const deadline = str(a, 'deadline');
    const asOf = str(root, 'asOf');
    if (deadline && asOf && isIsoDate(deadline) && isIsoDateTime(asOf) && deadlineEndMs(deadline) < toMs(asOf))
      warnings.push({ path: ['agreements', i, 'deadline'], code: 'conflict', value: deadline, message: `${deadline} is before asOf (${asOf}); no plan can meet it` });
  });

  // Warnings: a site with no deadline, a runway no fleet aircraft can use.
  sites.forEach((s, i) => {
    const country = str(s, 'country');
    if (str(s, 'role') === 'origin' && s?.handoverBy === undefined && country !== undefined && !agreementAt.has(country))
      warnings.push({
        path: ['sites', i],
        code: 'required',
        message: `origin site "${str(s, 'id') ?? i}" has no handoverBy and country "${country}" has no agreement, so it has no deadline`,
      });
    const accepts = strings(s, 'accepts');
    if (accepts && fleetTypes.length > 0 && !fleetTypes.some((t) => accepts.includes(t)))
      warnings.push({ path: ['sites', i, 'accepts'], code: 'conflict', message: `takes none of the fleet's types (${fleetTypes.join(', ')})` });
  });

  sites.forEach((s, i) => siteHours(s, i, errors, warnings));
  fleet.forEach((f, i) => {
    const type = str(f, 'type');
    const perTail = num(f, 'crewsPerTail');
    if (type === undefined || perTail === undefined || Math.floor(perTail * (num(f, 'count') ?? 1) + 1e-9) <= (num(f, 'count') ?? 1)) return;
    const stage = sites.some((s) => s?.stage === true && (strings(s, 'accepts')?.includes(type) ?? true));
    if (!stage)
      warnings.push({
        path: ['aircraft', i, 'crewsPerTail'],
        code: 'conflict',
        value: perTail,
        message: `${perTail} crews a tail, but no site with stage: true takes ${type}, so only the crew aboard each tail ever flies it (the others wait at the base)`,
      });
  });

  if (opts.schemaOk ?? true) {
    totals(root, errors);
    sortieEstimate(root, siteById, errors);
  }
  return { errors, warnings };
}

/**
 * The fewest sorties each origin site needs, by weight and by seats on the largest aircraft its
 * runway takes: a lower bound, computed in one pass, that keeps out of the planner a scenario
 * it could not plan within its time limit (LIMITS.sorties). A million tonnes on 100 kg of ACL
 * is ten million sorties, whatever else is in range.
 */
function sortieEstimate(root: Obj | undefined, siteById: Map<string, SiteInfo>, errors: RawIssue[]): void {
  const fleet = list(root, 'aircraft').flatMap((f) => {
    const type = str(f, 'type');
    const spec = type === undefined ? undefined : catalogAircraft(type);
    const acl = num(f, 'aclKg') ?? spec?.aclKg;
    const seats = num(f, 'seats') ?? spec?.seats ?? 0;
    return type !== undefined && acl !== undefined && acl > 0 ? [{ type, acl, seats }] : [];
  });
  if (fleet.length === 0) return;
  const passengerKg = num(obj(root?.policy), 'passengerKg') ?? 100;
  const kg = new Map<string, number>();
  const people = new Map<string, number>();
  for (const it of list(root, 'items')) {
    const site = str(it, 'site');
    if (site !== undefined) kg.set(site, (kg.get(site) ?? 0) + Math.max(0, num(it, 'quantity') ?? 0) * Math.max(0, num(it, 'unitWeightKg') ?? 0));
  }
  for (const p of list(root, 'personnel')) {
    const site = str(p, 'site');
    if (site !== undefined) people.set(site, (people.get(site) ?? 0) + Math.max(0, num(p, 'count') ?? 0));
  }
  let total = 0;
  const worst: { site: string; index: number; sorties: number }[] = [];
  for (const [site, info] of siteById) {
    if (info.role !== 'origin') continue;
    const usable = fleet.filter((f) => !info.accepts || info.accepts.includes(f.type));
    if (usable.length === 0) continue;
    const acl = Math.max(...usable.map((f) => f.acl));
    const seats = Math.max(...usable.map((f) => f.seats));
    const n = people.get(site) ?? 0;
    const sorties = Math.max(((kg.get(site) ?? 0) + n * passengerKg) / acl, seats > 0 ? n / seats : 0);
    total += sorties;
    worst.push({ site, index: info.index, sorties });
  }
  if (total <= LIMITS.sorties.value) return;
  const top = worst.sort((a, b) => b.sorties - a.sorties)[0];
  errors.push({
    path: ['sites', top.index],
    code: 'limit',
    message: `the cargo and people to move need at least ${Number.isFinite(total) ? figure(Math.ceil(total)) : 'endless'} sorties of the largest aircraft each runway takes (${figure(Math.ceil(top.sorties))} from "${top.site}"), more than the ${figure(LIMITS.sorties.value)} a plan may have (${LIMITS.sorties.reason})`,
  });
}

/**
 * Sums with a limit of their own (limits.ts): each line may be in range while the whole is more
 * than the planner can do (a million units in every one of ten lines).
 */
function totals(root: Obj | undefined, errors: RawIssue[]): void {
  const sum = (section: string, value: (x: Obj) => number | undefined) =>
    list(root, section).reduce((s, x) => s + (x ? Math.max(0, value(x) ?? 0) : 0), 0);
  const units = sum('items', (x) => num(x, 'quantity'));
  const value = sum('items', (x) => (num(x, 'quantity') ?? 0) * (num(x, 'unitValueUsd') ?? 0)) + sum('infrastructure', (x) => num(x, 'valueUsd'));
  const checks: [string, number, Limit, string][] = [
    ['items', units, LIMITS.units, 'units'],
    ['personnel', sum('personnel', (x) => num(x, 'count')), LIMITS.people, 'people'],
    ['aircraft', sum('aircraft', (x) => num(x, 'count')), LIMITS.tails, 'airframes'],
    ['items', value, LIMITS.valueUsd, 'USD of value with the infrastructure'],
  ];
  for (const [section, total, limit, what] of checks) {
    if (total > limit.value)
      errors.push({
        path: [section],
        code: 'limit',
        message: `add up to ${Number.isFinite(total) ? figure(total) : 'more than any number of'} ${what}, more than the ${figure(limit.value)} a scenario may hold (${limit.reason})`,
      });
  }
}

/** Hours need a clock to be read on, and must leave the site open at some time of day. */
function siteHours(s: Obj | undefined, i: number, errors: RawIssue[], warnings: RawIssue[]): void {
  const hours = str(s, 'hours');
  const quiet = str(s, 'quietHours');
  const offset = str(s, 'utcOffset');
  const zone = str(s, 'timeZone');
  if (offset !== undefined && zone !== undefined)
    errors.push({ path: ['sites', i, 'timeZone'], code: 'conflict', value: zone, message: `give utcOffset or timeZone, not both (utcOffset is ${show(offset)})` });
  if (hours === undefined && quiet === undefined) return;
  if (offset === undefined && zone === undefined)
    warnings.push({ path: ['sites', i, hours !== undefined ? 'hours' : 'quietHours'], code: 'required', message: 'read as UTC: give the site utcOffset or timeZone if these are local hours' });
  const readable = (t: string | undefined) => t === undefined || parseWindow(t) !== null;
  if (!readable(hours) || !readable(quiet) || (offset !== undefined && parseUtcOffset(offset) === null) || (zone !== undefined && !isTimeZone(zone))) return;
  const clock = new SiteHours({ hours, quietHours: quiet, utcOffset: offset, timeZone: zone });
  const from = Date.UTC(2024, 0, 1);
  if (clock.openWithin(from, from + 2 * 86_400_000).length === 0)
    errors.push({ path: ['sites', i, 'quietHours'], code: 'conflict', value: quiet, message: `${quiet} covers all the site's hours (${hours ?? '00:00-24:00'}): it would never be open` });
}

function duplicateIds(root: Obj | undefined, section: string, errors: RawIssue[]): void {
  const first = new Map<string, number>();
  list(root, section).forEach((x, i) => {
    const id = str(x, 'id');
    if (id === undefined) return;
    const at = first.get(id);
    if (at !== undefined) errors.push({ path: [section, i, 'id'], code: 'duplicate', value: id, message: `duplicate id "${id}" (first at ${section}[${at}])` });
    else first.set(id, i);
  });
}

function cgWithinFloor(f: Obj, spec: ReturnType<typeof catalogAircraft>, i: number, errors: RawIssue[]): void {
  const given = f.cgRangeM;
  const cg = Array.isArray(given) ? given : spec?.cgRangeM;
  const floor = num(f, 'floorLengthM') ?? spec?.floorLengthM;
  if (!cg || floor === undefined || cg.length !== 2 || !cg.every((x) => typeof x === 'number')) return;
  const [lo, hi] = cg as number[];
  if (lo > hi || hi > floor)
    errors.push({
      path: ['aircraft', i, 'cgRangeM'],
      code: 'range',
      message: `must run from min to max within the floor (0 to ${floor} m), got ${show(cg)}`,
    });
}

/** Pallet stations lie on the floor (the line's own or the catalog's) and do not overlap. */
function stationsWithinFloor(f: Obj, spec: ReturnType<typeof catalogAircraft>, i: number, errors: RawIssue[]): void {
  const own = Array.isArray(f.palletStations);
  const stations = (own ? (f.palletStations as unknown[]) : (spec?.palletStations ?? [])).map(obj);
  const L = num(f, 'floorLengthM') ?? spec?.floorLengthM;
  const W = num(f, 'floorWidthM') ?? spec?.floorWidthM;
  if (L === undefined || W === undefined) return;
  const eps = 1e-6;
  const rects: { x: number; y: number; l: number; w: number }[] = [];
  stations.forEach((st, k) => {
    const [x, y, l, w] = ['x', 'y', 'l', 'w'].map((key) => num(st, key));
    if (x === undefined || y === undefined || l === undefined || w === undefined) return;
    const path = own ? ['aircraft', i, 'palletStations', k] : ['aircraft', i, 'type'];
    if (x + l > L + eps || y + w > W + eps)
      errors.push({
        path,
        code: 'range',
        message: own
          ? `must lie on the ${L} × ${W} m floor, got x ${x}–${x + l}, y ${y}–${y + w} m`
          : `the catalog's pallet station ${k + 1} (x ${x}–${x + l} m) lies off the overridden ${L} × ${W} m floor; give palletStations for this line (or [] to let pallets sit anywhere)`,
      });
    for (const [j, r] of rects.entries()) {
      if (Math.min(x + l, r.x + r.l) - Math.max(x, r.x) > eps && Math.min(y + w, r.y + r.w) - Math.max(y, r.y) > eps)
        errors.push({ path, code: 'conflict', message: `overlaps pallet station ${j + 1}` });
    }
    rects.push({ x, y, l, w });
  });
}

function palletComplete(p: Obj | undefined, i: number, errors: RawIssue[]): void {
  const id = str(p, 'id');
  if (!p || id === undefined) return;
  const base = catalogPallet(id);
  if (!base) {
    const missing = PALLET_FIELDS.filter((k) => p[k] === undefined);
    if (missing.length > 0)
      errors.push({
        path: ['palletTypes', i, 'id'],
        code: 'required',
        value: id,
        message: `new pallet type "${id}" (catalog: ${Object.keys(PALLETS).join(', ')}) must give every field, missing: ${missing.join(', ')}`,
      });
  }
  for (const [usable, footprint] of [
    ['usableLengthM', 'footprintLengthM'],
    ['usableWidthM', 'footprintWidthM'],
  ] as const) {
    const u = num(p, usable) ?? base?.[usable];
    const fp = num(p, footprint) ?? base?.[footprint];
    if (u !== undefined && fp !== undefined && u > fp)
      errors.push({
        path: ['palletTypes', i, p[usable] !== undefined ? usable : footprint],
        code: 'conflict',
        message: p[usable] !== undefined ? `must not exceed ${footprint} (${fp}), got ${u}` : `must not be less than ${usable} (${u}), got ${fp}`,
      });
  }
}
