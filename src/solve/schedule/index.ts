// The sortie scheduler stage (issue 3): tails, times, routes through hubs, passengers.
export { schedule } from './scheduler.ts';
export { scheduleRank, scheduleWithShuttles } from './shuttle.ts';
export type { ScheduleResult, StrandedCargo } from './finish.ts';
export type { ShuttleChoice } from './shuttle.ts';
