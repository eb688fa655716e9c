// The reading worker's entry: a worker starts without the main thread's TypeScript loader, so
// it registers tsx before loading the readers (as plan-worker.mjs does).
import { register } from 'tsx/esm/api';

register();
await import('./read-worker.ts');
