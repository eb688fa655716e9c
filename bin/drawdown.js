#!/usr/bin/env node
// The `drawdown` command. TypeScript sources run through tsx, so there is no build step
// between `npm ci` and `npx drawdown`.
import { register } from 'tsx/esm/api';

register();
const { main } = await import('../src/cli/main.ts');
process.exitCode = await main(process.argv.slice(2));
