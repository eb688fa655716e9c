// Bounded fuzzing in `npm test`: each reader of input meets a few hundred hostile inputs with a
// fixed seed (the same inputs every run, so a failure is reproducible). `npm run fuzz` runs the
// same properties long, with fresh seeds (scripts/fuzz.ts).

import { test } from 'node:test';
import { fuzzCli, fuzzPlanParser, fuzzPlanner, fuzzScenarioParser, fuzzServer, fuzzSheets } from './kit.ts';

const SEED = 14;

test('fuzz: the scenario parser (YAML and JSON) never throws and names every problem', () => {
  fuzzScenarioParser({ numRuns: 300, seed: SEED });
});

test('fuzz: what the scenario parser accepts, the planner plans without an exception', () => {
  fuzzScenarioParser({ numRuns: 15, seed: SEED }, { plan: true });
  fuzzPlanner({ numRuns: 25, seed: SEED });
});

test('fuzz: the plan parser never throws, and the verifier checks what it accepts', () => {
  fuzzPlanParser({ numRuns: 150, seed: SEED });
});

test('fuzz: the spreadsheet reader and importer never throw, whatever the bytes', async () => {
  await fuzzSheets({ numRuns: 60, seed: SEED });
});

test('fuzz: drawdown check and verify exit 0, 1 or 2, never 70', async () => {
  await fuzzCli({ numRuns: 40, seed: SEED });
});

test('fuzz: the API never answers 500', async () => {
  await fuzzServer({ numRuns: 60, seed: SEED });
});
