// Rule constants and identities that the planner and the verifier must agree on. They are
// definitions from formats.md (or drawdown's documented reading of it in docs/rules.md),
// not solver logic, so sharing them keeps the verifier independent.

import type { Tail as SharedTail } from '../../common/fleet.ts';
import type { FleetLine } from './scenario.ts';

/** Each unit rests on the pallet or on units below with at least this share of its base. */
export const MIN_SUPPORT_SHARE = 0.75;

/** Geometric tolerance in metres when comparing positions and extents. */
export const GEOMETRY_EPS_M = 1e-6;

/**
 * Loads whose hazards must be segregated are "touching" on the floor when less than this much
 * floor lies between their footprints, side by side, end to end or corner to corner: pallets on
 * neighbouring rail stations, a few centimetres apart, touch (docs/rules.md, load.segregation).
 */
export const SEGREGATION_GAP_M = 0.5;

/** Tolerance on the centre of gravity a plan reports against the one recomputed, metres. */
export const CG_REPORT_EPS_M = 0.01;

/** Tolerance on times: plans are written to the second. */
export const TIME_EPS_MS = 1000;

/** The rule families a violation can name (Violation.rule starts with one of these). */
export const RULES = [
  'reference', // a plan names an unknown site, item, pallet, tail or aircraft type
  'conservation.item', // every unit of every item accounted for
  'conservation.people', // every person accounted for
  'disposition.permission', // sensitive or ineligible items given away; destruction not allowed
  'pallet.bounds', // inside the usable box and height
  'pallet.overlap',
  'pallet.support',
  'pallet.orientation', // upright unless tiltable
  'pallet.weight', // gross with tare within the limit; grossKg as claimed
  'pallet.content', // vehicles on pallets, sensitive cargo mixed with other cargo
  'load.floor', // inside the floor, no overlap, footprints as the pallet or unit
  'load.positions',
  'load.seats',
  'load.payload',
  'load.door',
  'load.cg',
  'runway',
  'tail.continuity', // positioning, turn times, never two places at once
  'tail.availability',
  'fleet.size',
  'airfield.mog',
  'airfield.departures',
  'deadline.agreement',
  'deadline.handover',
  'sensitive.order', // sensitive cargo leaves before or with the last people
  'sensitive.guard', // minSecurityPerSite stay while sensitive cargo remains
  'claims.closure',
  'claims.metrics',
  'claims.bounds',
  'claims.feasible',
  'flight.time', // arrives = departs + great-circle distance over cruise
  // Additions to version 1 (formats.md), planned for and checked from December 2026:
  'pallet.segregation', // hazards that must be segregated never share a pallet
  'pallet.stacking', // no unit on a lighter one (policy), weight on top within maxLoadOnTopKg
  'load.segregation', // segregated hazards never touch on the floor
  'load.station', // pallets sit on the rail stations, within each station's weight
  'load.vehicle', // vehicles face along the floor
  'load.cargoAircraftOnly', // no passengers with cargo-aircraft-only units
  'item.ready', // nothing departs before its readyFrom
  'crew.duty', // a crew's duty period within its limit
  'crew.rest', // rest between duty periods
  'airfield.hours', // departures and arrivals inside the airfield's hours
] as const;
export type RuleName = (typeof RULES)[number];

/** One airframe of a fleet line; the numbering rule lives in common/fleet.ts (the page runs it too). */
export type Tail = SharedTail<FleetLine>;
export { fleetTails } from '../../common/fleet.ts';
