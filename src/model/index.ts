export * from './scenario.ts';
export * from './plan.ts';
export * from './geo.ts';
export * from './time.ts';
export * from './rules.ts';
export * from './hours.ts';
export * from './crews.ts';
export * from './issues.ts';
