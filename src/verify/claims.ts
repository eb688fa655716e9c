// claims.closure, claims.metrics and claims.bounds: what the plan says about itself, recomputed
// from its sorties, pallets and dispositions. claims.feasible needs every other finding, so
// verifyPlan (index.ts) makes it from the rest.

import type { Violation } from '../model/index.ts';
import { HOUR_MS, TIME_EPS_MS, toMs } from '../model/index.ts';
import type { VerifyContext } from './context.ts';
import { finite, flightMs, list } from './context.ts';
import type { Unit } from './format.ts';
import { at, figures, num, quote, violation } from './format.ts';
import { sortiesByTail } from './tails.ts';
import { checkConservation } from './conservation.ts';

const HOURS_EPS = 0.01;
const USD_EPS = 1;

export function checkClaims(ctx: VerifyContext): Violation[] {
  // A bound holds for every plan that moves the same cargo and people (formats.md): a plan that
  // leaves some behind is not one of them, and conservation already names what it left.
  const movesAll = checkConservation(ctx).length === 0;
  return [...closure(ctx), ...metrics(ctx), ...(movesAll ? bounds(ctx) : [])];
}

/** Last departure from each site (sorties with a known site and a readable time). */
function lastDepartures(ctx: VerifyContext): Map<string, number> {
  const last = new Map<string, number>();
  for (const s of ctx.sorties) {
    if (s.from && Number.isFinite(s.dep)) last.set(s.from.id, Math.max(last.get(s.from.id) ?? -Infinity, s.dep));
  }
  return last;
}

/** The last departure from an origin site, or null when nothing leaves one. */
export function actualClosure(ctx: VerifyContext): number | null {
  let closure: number | null = null;
  for (const [site, t] of lastDepartures(ctx)) {
    if (ctx.sites.get(site)?.role === 'origin') closure = Math.max(closure ?? -Infinity, t);
  }
  return closure;
}

function sameTime(claim: unknown, actual: number | null): boolean {
  if (actual === null) return claim === null;
  return typeof claim === 'string' && Math.abs(toMs(claim) - actual) < TIME_EPS_MS;
}

function closure(ctx: VerifyContext): Violation[] {
  const out: Violation[] = [];
  const last = lastDepartures(ctx);
  const actual = actualClosure(ctx);
  const shown = (t: number | null | undefined) => (t === null || t === undefined ? 'none' : at(t));
  if (!sameTime(ctx.plan.closure, actual)) {
    out.push(violation('claims.closure', `closure ${quote(ctx.plan.closure)} but the last departure from an origin site is ${shown(actual)}`, []));
  }
  const claims = list(ctx.plan.siteClosures).filter((c) => c && typeof c === 'object');
  for (const c of claims) {
    if (!ctx.sites.has(c.site)) continue; // reported as a reference
    const t = last.get(c.site) ?? null;
    if (!sameTime(c.lastDeparture, t)) {
      out.push(violation('claims.closure', `site ${c.site}: lastDeparture ${quote(c.lastDeparture)} but its last departure is ${shown(t)}`, [c.site]));
    }
  }
  for (const site of ctx.scenario.sites) {
    if (site.role !== 'origin') continue;
    const n = claims.filter((c) => c.site === site.id).length;
    if (n !== 1) out.push(violation('claims.closure', `origin site ${site.id} has ${n} siteClosures entries, not one`, [site.id], figures(n, 1, 'entries')));
  }
  return out;
}

/** Flying hours and cost: each tail's loaded legs, plus its empty legs from base and between sites. */
export function flyingHoursAndCost(ctx: VerifyContext): { hours: number; costUsd: number } {
  let hours = 0;
  let costUsd = 0;
  for (const [tailId, legs] of sortiesByTail(ctx)) {
    const line = ctx.tails.get(tailId)?.line ?? legs[0].line!;
    const base = ctx.sites.get(line.base);
    let ms = base ? flightMs(base, legs[0].from!, line) : 0;
    legs.forEach((s, i) => {
      if (i > 0) ms += flightMs(legs[i - 1].to!, s.from!, line);
      ms += flightMs(s.from!, s.to!, line);
    });
    hours += ms / HOUR_MS;
    costUsd += (ms / HOUR_MS) * line.costPerFlyingHourUsd;
  }
  return { hours, costUsd };
}

function metrics(ctx: VerifyContext): Violation[] {
  const out: Violation[] = [];
  const claimed = (ctx.plan.metrics ?? {}) as unknown as Record<string, unknown>;
  const check = (field: string, actual: number, eps: number, unit: Unit) => {
    const c = claimed[field];
    if (!finite(c) || Math.abs(c - actual) > eps) {
      const shown = unit === 'h' || unit === 'USD' ? ` ${unit}` : '';
      out.push(violation('claims.metrics', `metrics.${field} is ${quote(c)} but the plan gives ${num(actual, 2)}${shown}`, [],
        finite(c) ? figures(c, actual, unit) : undefined));
    }
  };
  check('sorties', list(ctx.plan.sorties).length, 0, 'sorties');
  check('palletsBuilt', list(ctx.plan.pallets).length, 0, 'pallets');
  const { hours, costUsd } = flyingHoursAndCost(ctx);
  check('flyingHours', hours, HOURS_EPS, 'h');
  check('costUsd', costUsd, USD_EPS, 'USD');
  const value = { transfer: 0, retrograde: 0, demilitarize: 0 };
  for (const d of list(ctx.plan.dispositions)) {
    const item = d && ctx.items.get(d.itemId);
    if (item && finite(d.quantity) && d.action in value) value[d.action] += d.quantity * item.unitValueUsd;
  }
  check('transferValueUsd', value.transfer, USD_EPS, 'USD');
  check('retrogradeValueUsd', value.retrograde, USD_EPS, 'USD');
  check('demilitarizedValueUsd', value.demilitarize, USD_EPS, 'USD');
  return out;
}

function bounds(ctx: VerifyContext): Violation[] {
  const out: Violation[] = [];
  const b = ctx.plan.bounds ?? ({} as VerifyContext['plan']['bounds']);
  const sorties = b.sorties?.value;
  const n = list(ctx.plan.sorties).length;
  if (sorties !== null && (!finite(sorties) || sorties > n)) {
    out.push(violation('claims.bounds', `bounds.sorties ${quote(sorties)} is not a lower bound: the plan flies ${n} sorties`, [],
      finite(sorties) ? figures(sorties, n, 'sorties') : undefined));
  }
  const closure = b.closure?.value;
  if (closure !== null) {
    const t = typeof closure === 'string' ? toMs(closure) : NaN;
    const actual = actualClosure(ctx);
    if (!Number.isFinite(t) || actual === null || t > actual + TIME_EPS_MS) {
      out.push(violation('claims.bounds',
        `bounds.closure ${quote(closure)} is not a lower bound: the plan closes at ${actual === null ? 'no time' : at(actual)}`, []));
    }
  }
  return out;
}
