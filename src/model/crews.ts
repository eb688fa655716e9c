// Crews: who flies each tail, and the duty and rest they must keep (docs/rules.md, crew.duty and
// crew.rest). The planner and the verifier number and place crews alike, so the rule lives once
// here, as fleetTails does for tails. A fleet line has `crewsPerTail` crews a tail: one starts
// aboard each tail at its base, the others start rested at the stage sites (`stage: true`) that
// take the type, spread over them in site order. Crews of one type are numbered from 1 across
// the type's lines in order, each line's tail crews first: `C-17A crew 5`.

import type { FleetLine, Scenario, Site } from './scenario.ts';
import { fleetTails } from './rules.ts';

export interface Crew {
  /** e.g. `C-17A crew 5` */
  id: string;
  line: FleetLine;
  /** index of the fleet line in scenario.aircraft */
  lineIndex: number;
  /** the tail it starts aboard (at the line's base), or null for a crew staged at a site */
  tail: string | null;
  /** the site it starts at: the line's base, or its stage site */
  site: string;
}

export const crewId = (type: string, n: number): string => `${type} crew ${n}`;

/** Crews of a line: at least one a tail; `crewsPerTail` may be fractional (a crew ratio of 1.5). */
export function crewCount(line: Pick<FleetLine, 'count' | 'crewsPerTail'>): number {
  return Math.max(line.count, Math.floor(line.count * (line.crewsPerTail ?? 1) + 1e-9));
}

/** The stage sites a line's crews may wait at: sites with `stage: true` whose runway takes the type. */
export function stagesFor(scenario: Pick<Scenario, 'sites'>, type: string): Site[] {
  // a runway without `accepts` takes every type (docs/rules.md, runway)
  return scenario.sites.filter((s) => s.stage === true && (!s.accepts || s.accepts.includes(type)));
}

export function fleetCrews(scenario: Pick<Scenario, 'aircraft' | 'sites'>): Crew[] {
  const tails = fleetTails(scenario);
  const next = new Map<string, number>();
  const out: Crew[] = [];
  scenario.aircraft.forEach((line, lineIndex) => {
    const own = tails.filter((t) => t.lineIndex === lineIndex);
    const stages = stagesFor(scenario, line.type);
    const total = crewCount(line);
    for (let i = 0; i < total; i++) {
      const n = (next.get(line.type) ?? 0) + 1;
      next.set(line.type, n);
      const aboard = i < own.length ? own[i].id : null;
      // Staged crews go round the stage sites; with none they wait at the base (and never fly
      // unless the base is a stage: scenario checks warn about that).
      const site = aboard !== null || stages.length === 0 ? line.base : stages[(i - own.length) % stages.length].id;
      out.push({ id: crewId(line.type, n), line, lineIndex, tail: aboard, site });
    }
  });
  return out;
}

/** The limits a crew keeps, in ms: no duty limit and no rest when the line sets none. */
export function crewLimits(line: Pick<FleetLine, 'crewDutyHours' | 'crewRestHours'>): { dutyMs: number; restMs: number } {
  return {
    dutyMs: line.crewDutyHours === undefined ? Infinity : line.crewDutyHours * 3_600_000,
    restMs: line.crewRestHours === undefined ? 0 : line.crewRestHours * 3_600_000,
  };
}
