// Figures the adapters show beside a plan: how each aircraft type was used.
export { useByType as fleetUse, type TypeUse } from '../solve/metrics.ts';
