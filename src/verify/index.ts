// The independent plan verifier: every rule of docs/rules.md checked against the scenario,
// trusting nothing the planner claims. Imports src/model only, never the planner.

import type { Plan, RuleName, Scenario, Violation } from '../model/index.ts';
import { buildContext, cmp, list } from './context.ts';
import type { VerifyContext } from './context.ts';
import { violation } from './format.ts';
import { checkReferences } from './references.ts';
import { checkConservation } from './conservation.ts';
import { checkDisposition } from './disposition.ts';
import { checkPallets } from './pallets.ts';
import { checkLoads } from './loads.ts';
import { checkRunways } from './runway.ts';
import { checkFlights } from './flights.ts';
import { checkTails } from './tails.ts';
import { checkAirfields } from './airfields.ts';
import { checkDeadlines } from './deadlines.ts';
import { checkSensitive } from './sensitive.ts';
import { checkClaims } from './claims.ts';
import { checkSegregation } from './segregation.ts';
import { checkStacking } from './stacking.ts';
import { checkStations } from './stations.ts';
import { checkVehicles } from './vehicles.ts';
import { checkCargoAircraftOnly } from './cargo-aircraft-only.ts';
import { checkCrews } from './crews.ts';
import { checkHours } from './hours.ts';
import { checkPositioning } from './positioning.ts';
import { checkReady } from './ready.ts';

export type { Violation } from '../model/index.ts';
export { formatPlanIssues, parsePlan } from './plan-shape.ts';
export type { ParsePlanResult } from './plan-shape.ts';

const FAMILIES: [string, RuleName, (ctx: VerifyContext) => Violation[]][] = [
  ['references', 'reference', checkReferences],
  ['conservation', 'conservation.item', checkConservation],
  ['disposition', 'disposition.permission', checkDisposition],
  ['pallets', 'pallet.bounds', checkPallets],
  ['stacking', 'pallet.stacking', checkStacking],
  ['segregation', 'pallet.segregation', checkSegregation],
  ['loads', 'load.floor', checkLoads],
  ['stations', 'load.station', checkStations],
  ['vehicles', 'load.vehicle', checkVehicles],
  ['cargo-aircraft-only', 'load.cargoAircraftOnly', checkCargoAircraftOnly],
  ['runways', 'runway', checkRunways],
  ['flights', 'flight.time', checkFlights],
  ['tails', 'tail.continuity', checkTails],
  ['positioning', 'tail.continuity', checkPositioning],
  ['airfields', 'airfield.mog', checkAirfields],
  ['hours', 'airfield.hours', checkHours],
  ['crews', 'crew.duty', checkCrews],
  ['ready', 'item.ready', checkReady],
  ['deadlines', 'deadline.agreement', checkDeadlines],
  ['sensitive', 'sensitive.order', checkSensitive],
  ['claims', 'claims.closure', checkClaims],
];

/** Every violation of the plan against the scenario, sorted by rule, then message. Never throws. */
export function verifyPlan(scenario: Scenario, plan: Plan): Violation[] {
  const found: Violation[] = [];
  let ctx: VerifyContext | undefined;
  try {
    ctx = buildContext(scenario, plan ?? ({} as Plan));
  } catch (e) {
    found.push(violation('reference', `the plan cannot be read: ${(e as Error)?.message ?? String(e)}`, []));
  }
  if (ctx) {
    for (const [name, rule, check] of FAMILIES) {
      // A plan malformed in a way no check foresaw must still give a report, not a crash.
      try {
        found.push(...check(ctx));
      } catch (e) {
        found.push(violation(rule, `the ${name} checks could not finish on this plan: ${(e as Error)?.message ?? String(e)}`, []));
      }
    }
  }
  if (plan?.feasible === true && (found.length > 0 || list(plan.violations).length > 0)) {
    const n = found.length;
    const own = list(plan.violations).length;
    found.push(violation('claims.feasible',
      `the plan claims to be feasible, but the verifier finds ${n} violation${n === 1 ? '' : 's'} and the plan lists ${own}`, []));
  }
  return found.sort(compareViolations);
}

export function compareViolations(a: Violation, b: Violation): number {
  return cmp(a.rule, b.rule) || cmp(a.message, b.message) || cmp(a.refs.join(' '), b.refs.join(' '));
}
