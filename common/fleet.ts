// How a fleet's lines become airframes (tails) and what each tail is called. The planner, the
// verifier and the page must number tails alike, so the rule lives once, outside src/, where
// web/ may run it. Generic over the fleet line so this module needs no types from src/.

export interface Tail<L> {
  /** e.g. `C-17A#3` */
  id: string;
  line: L;
  /** index of the fleet line in scenario.aircraft */
  lineIndex: number;
}

/**
 * The airframes of a fleet. Tails of one type are numbered from 1 across the fleet lines of
 * that type, in the order the lines appear in the scenario.
 */
export function fleetTails<L extends { type: string; count: number }>(scenario: { aircraft: readonly L[] }): Tail<L>[] {
  const next = new Map<string, number>();
  const tails: Tail<L>[] = [];
  scenario.aircraft.forEach((line, lineIndex) => {
    for (let i = 0; i < line.count; i++) {
      const n = (next.get(line.type) ?? 0) + 1;
      next.set(line.type, n);
      tails.push({ id: `${line.type}#${n}`, line, lineIndex });
    }
  });
  return tails;
}
