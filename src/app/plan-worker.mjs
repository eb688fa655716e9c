// The worker thread's entry: a worker starts without the main thread's TypeScript loader, so
// it registers tsx before loading the planner (the same way bin/drawdown.js does).
import { register } from 'tsx/esm/api';

register();
await import('./plan-worker.ts');
