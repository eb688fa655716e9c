// What happens to each item: brought back (retrograde), given to the host (transfer) or
// destroyed in place (demilitarize), each with the figures behind it. Rules first, then what
// can be carried at all, then the cost of moving one unit against its value.
// Formulation: docs/dispositions.md.

import type { Disposition, FleetLine, Item, Scenario, Site } from '../../model/index.ts';
import { isSensitive } from '../../model/index.ts';
import type { DispositionResult } from '../types.ts';
import { serving, type CarryProblem } from '../shared/capability.ts';
import { carriersOn, unitCarriers } from './carry.ts';
import { cheapestRoute, type RouteCost } from './route.ts';
import { aboutUsd, cannotCarryText, num, routeText, sensitivityText, usd } from './text.ts';

export { cheapestRoute, legCost, unitShare } from './route.ts';
export type { Binding, LegCost, RouteCost } from './route.ts';
export { unitCarriers } from './carry.ts';
export type { UnitCarrier } from './carry.ts';

export function dispose(scenario: Scenario): DispositionResult {
  const sites = new Map(scenario.sites.map((s) => [s.id, s]));
  const dispositions: Disposition[] = [];
  const retrograde = new Map<string, number>();
  const blocked: DispositionResult['blocked'] = [];
  for (const item of scenario.items) {
    const d = decide(item, sites.get(item.site), scenario);
    dispositions.push({ itemId: item.id, quantity: item.quantity, action: d.action, reason: d.reason });
    if (d.blocked) blocked.push({ itemId: item.id, reason: d.blocked });
    else if (d.action === 'retrograde' && item.quantity > 0) retrograde.set(item.id, item.quantity);
  }
  return { dispositions, retrograde, blocked };
}

interface Decision {
  action: Disposition['action'];
  reason: string;
  /** set when nothing the rules allow can be done with the item */
  blocked?: string;
}

function decide(item: Item, site: Site | undefined, scenario: Scenario): Decision {
  if (!site) return cannotMove(item, `its site ${item.site} is not in the scenario`);
  const carriers = unitCarriers(item, scenario.palletTypes);
  const refused: { line: FleetLine; problem: CarryProblem }[] = [];
  let carried = false;
  for (const line of serving(site, scenario.aircraft)) {
    const { usable, problem } = carriersOn(carriers, line);
    if (usable.length > 0) carried = true;
    else if (problem) refused.push({ line, problem });
  }
  if (!carried) return cannotMove(item, cannotCarryText(item, site.id, refused));
  const route = cheapestRoute(site, scenario.sites, carriers, scenario.aircraft);
  if (!route) {
    return cannotMove(item, `no aircraft that can carry it links ${site.id} to a destination, directly or through a hub`);
  }

  const transferable = item.hostTransfer && !isSensitive(item);
  if (!transferable && item.demilInPlace) return destroyOrMove(item, route, scenario.policy.transferWhenShipCostOverValue);
  if (isSensitive(item)) {
    return { action: 'retrograde', reason: `Retrograde: ${sensitivityText(item)} (${item.name}) - never given away.` };
  }
  if (!item.hostTransfer) {
    return {
      action: 'retrograde',
      reason: `Retrograde: not cleared for transfer to the host; moving one unit costs about ${aboutUsd(route.unitUsd)} (${routeText(route)}).`,
    };
  }
  return economics(item, route, scenario.policy.transferWhenShipCostOverValue);
}

/** Transfer when moving one unit costs more than the policy ratio times its value. */
function economics(item: Item, route: RouteCost, ratio: number): Decision {
  const threshold = ratio * item.unitValueUsd;
  const cost = route.unitUsd;
  // An estimate that rounds onto the threshold would read as a tie: give whole dollars then.
  const costText = aboutUsd(cost) === usd(threshold) && cost !== threshold ? usd(cost) : `about ${aboutUsd(cost)}`;
  const against = `${num(ratio)} x its value of ${usd(item.unitValueUsd)}`;
  const moving = `moving one unit costs ${costText} (${routeText(route)})`;
  if (cost > threshold) return { action: 'transfer', reason: `Transfer: ${moving}, more than ${against}.` };
  const compare = cost < threshold ? 'less than' : 'no more than';
  return { action: 'retrograde', reason: `Retrograde: ${moving}, ${compare} ${against}.` };
}

/**
 * An item that may not be given away but may be destroyed in place: the same cost test as a
 * transfer, with destruction (under control) as the way to leave it.
 */
function destroyOrMove(item: Item, route: RouteCost, ratio: number): Decision {
  const threshold = ratio * item.unitValueUsd;
  const cost = route.unitUsd;
  const why = isSensitive(item) ? `${sensitivityText(item)}, so never given away` : 'not cleared for transfer to the host';
  const moving = `moving one unit costs about ${aboutUsd(cost)} (${routeText(route)})`;
  const against = `${num(ratio)} x its value of ${usd(item.unitValueUsd)}`;
  if (cost > threshold) {
    return { action: 'demilitarize', reason: `Demilitarize: ${moving}, more than ${against}; ${why}, and destruction in place is allowed.` };
  }
  return { action: 'retrograde', reason: `Retrograde: ${moving}, no more than ${against} (${why}; destruction in place allowed but not worth it).` };
}

/** No aircraft can take it out: destroy it if allowed, else give it away if allowed, else blocked. */
function cannotMove(item: Item, why: string): Decision {
  if (item.demilInPlace) return { action: 'demilitarize', reason: `Demilitarize: ${why}; destruction in place allowed.` };
  if (item.hostTransfer && !isSensitive(item)) {
    return { action: 'transfer', reason: `Transfer: ${why}; given to the host (destruction in place not allowed).` };
  }
  const rule = isSensitive(item)
    ? `${sensitivityText(item)}, so never given away, and destruction in place is not allowed`
    : 'not cleared for transfer to the host, and destruction in place is not allowed';
  const blocked = `${item.name}: ${why}; ${rule}.`;
  // The row stays retrograde (it has to leave) but is kept out of the units to move.
  return { action: 'retrograde', reason: `Blocked: ${blocked} The plan cannot be feasible.`, blocked };
}
