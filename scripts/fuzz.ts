// `npm run fuzz`: the properties of test/fuzz/kit.ts run long, with a fresh seed each run (or the
// one given, to replay a failure). A failure prints fast-check's counterexample, shrunk, and the
// seed and path that reproduce it; the exit code is 1. `npm test` runs the same properties briefly.
// Usage: npm run fuzz -- [--runs N] [--seed S] [--only scenario,planner,plan,sheets,cli,server]

import { parseArgs } from 'node:util';
import { fuzzCli, fuzzPlanParser, fuzzPlanner, fuzzScenarioParser, fuzzServer, fuzzSheets, type FuzzRun } from '../test/fuzz/kit.ts';

const TARGETS: Record<string, { share: number; run: (r: FuzzRun) => void | Promise<void> }> = {
  scenario: { share: 1, run: (r) => fuzzScenarioParser(r) },
  planner: { share: 0.1, run: (r) => fuzzPlanner(r) },
  plan: { share: 0.5, run: (r) => fuzzPlanParser(r) },
  sheets: { share: 0.25, run: (r) => fuzzSheets(r) },
  cli: { share: 0.1, run: (r) => fuzzCli(r) },
  server: { share: 0.25, run: (r) => fuzzServer(r) },
};

const { values } = parseArgs({
  options: { runs: { type: 'string', default: '5000' }, seed: { type: 'string' }, only: { type: 'string' } },
});
const runs = Number(values.runs);
const seed = values.seed === undefined ? Math.floor(Math.random() * 2 ** 31) : Number(values.seed);
const only = values.only ? values.only.split(',') : Object.keys(TARGETS);
const unknown = only.filter((t) => !TARGETS[t]);
if (!Number.isInteger(runs) || runs < 1 || !Number.isInteger(seed) || unknown.length > 0) {
  console.error(`usage: npm run fuzz -- [--runs N] [--seed S] [--only ${Object.keys(TARGETS).join(',')}]${unknown.length ? ` (unknown: ${unknown.join(', ')})` : ''}`);
  process.exit(2);
}

console.log(`fuzz: seed ${seed}, ${runs} runs for the scenario parser and a share of that for the others`);
let failed = 0;
for (const name of only) {
  const t = TARGETS[name];
  const n = Math.max(10, Math.round(runs * t.share));
  const t0 = performance.now();
  try {
    await t.run({ numRuns: n, seed });
    console.log(`  ${name}: ${n} inputs, no failure (${((performance.now() - t0) / 1000).toFixed(1)} s)`);
  } catch (e) {
    failed++;
    console.log(`  ${name}: FAILED after ${((performance.now() - t0) / 1000).toFixed(1)} s`);
    // fast-check's report (seed, path, counterexample), then what the property found
    const text = e instanceof Error ? e.message : String(e);
    console.log(text.length > 4000 ? `${text.slice(0, 4000)}…` : text);
    const cause = e instanceof Error ? (e.cause as Error | undefined) : undefined;
    if (cause) console.log(`  cause: ${cause.message}`);
  }
}
process.exit(failed > 0 ? 1 : 0);
