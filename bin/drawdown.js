#!/usr/bin/env node
// The `drawdown` command, and the composition root: the CLI adapter gets the HTTP adapter
// handed in, so neither imports the other. TypeScript sources run through tsx, so there is no
// build step between `npm ci` and `npx drawdown`.
import { register } from 'tsx/esm/api';

register();
const { main } = await import('../src/cli/main.ts');
process.exitCode = await main(process.argv.slice(2), undefined, { server: () => import('../src/server/index.ts') });
