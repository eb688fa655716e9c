// Crew planning factors the planner uses when a fleet line sets none, each with its source.
// The figures are second-hand: AFMAN 11-202 Volume 3 itself was not read, only summaries of it
// (domain.md marks them "secondary"), so a scenario should override them with its own orders.

import { freezeEntry, type CatalogEntry } from './sources.ts';

export interface CrewFactors {
  id: string;
  /** flight duty period of a basic crew, hours */
  basicDutyHours: number;
  /** flight duty period of an augmented crew (extra pilots who rest in flight), hours */
  augmentedDutyHours: number;
  /** least rest before a flight duty period, hours */
  restHours: number;
  /** crews a tail */
  crewsPerTail: number;
}

const SECOND_HAND =
  'AFMAN 11-202v3 (secondary: domain.md and summaries of the manual; the manual itself was not read)';

const FACTORS: CatalogEntry<CrewFactors> = {
  spec: { id: 'crew', basicDutyHours: 16, augmentedDutyHours: 24, restHours: 12, crewsPerTail: 1 },
  sources: {
    basicDutyHours: `16 h basic aircrew flight duty period, from report time to the final engine shutdown; ${SECOND_HAND}`,
    augmentedDutyHours: `24 h augmented aircrew flight duty period; ${SECOND_HAND}`,
    restHours: `12 h crew rest before a flight duty period begins; ${SECOND_HAND}`,
    crewsPerTail:
      'assumption: one crew a tail, flying with it; real crew ratios are a unit matter (not public), so give crewsPerTail and stage sites per scenario',
  },
};

export const CREW_FACTORS: CatalogEntry<CrewFactors> = freezeEntry(FACTORS);
