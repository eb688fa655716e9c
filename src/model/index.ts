export * from './scenario.ts';
export * from './hazards.ts';
export * from './plan.ts';
export * from './geo.ts';
export * from './time.ts';
export * from './rules.ts';
export * from './issues.ts';
