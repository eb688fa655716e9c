// `drawdown check`, `plan`, `verify` and `schema`: argv in, one app call, text or JSON out.

import { readFileSync, writeFileSync } from 'node:fs';
import {
  checkScenarioFile, DrawdownError, EXIT, planJsonSchema, planScenario, readPlanText, readScenarioFile, scenarioJsonSchema, verifyPlanAgainst,
} from '../app/index.ts';
import { args } from './args.ts';
import { checkSummary } from './check-summary.ts';
import { helpText } from './help.ts';
import { printIssues, printWarnings, type Out } from './io.ts';
import { planSummary } from './plan-summary.ts';

export function check(rest: string[], io: Out): number {
  const { values, positionals } = args('check', rest, { json: { type: 'boolean' } }, 1);
  if (values.help) return io.out(helpText('check')), EXIT.ok;
  const r = checkScenarioFile(positionals[0]);
  if (!r.ok) return printIssues(io, r.issues, { json: Boolean(values.json), file: r.file }), EXIT.badInput;
  printWarnings(io, r.warnings);
  io.out(values.json ? JSON.stringify(r.scenario, null, 2) : checkSummary(r.summary));
  return EXIT.ok;
}

export function plan(rest: string[], io: Out): number {
  const { values, positionals } = args(
    'plan', rest,
    { json: { type: 'boolean' }, output: { type: 'string', short: 'o' }, seed: { type: 'string' }, 'no-remedies': { type: 'boolean' } },
    1,
  );
  if (values.help) return io.out(helpText('plan')), EXIT.ok;
  const seed = values.seed === undefined ? undefined : Number(values.seed);
  if (seed !== undefined && (!/^\d{1,9}$/.test(String(values.seed)) || !Number.isSafeInteger(seed)))
    throw new DrawdownError('usage', `--seed: must be a whole number from 0 to 999999999, got "${values.seed}"`);
  const r = readScenarioFile(positionals[0]);
  if (!r.ok) return printIssues(io, r.issues, { json: Boolean(values.json), file: r.file }), EXIT.badInput;
  printWarnings(io, r.warnings);
  const plan = planScenario(r.scenario, { seed, remedies: !values['no-remedies'] });
  const json = JSON.stringify(plan, null, 2);
  if (typeof values.output === 'string') {
    writeFileSync(values.output, json + '\n');
    io.err(`plan written to ${values.output}`);
  }
  io.out(values.json ? json : planSummary(r.scenario, plan));
  return plan.feasible ? EXIT.ok : EXIT.infeasible;
}

export function verify(rest: string[], io: Out): number {
  const { values, positionals } = args('verify', rest, { json: { type: 'boolean' } }, 2);
  if (values.help) return io.out(helpText('verify')), EXIT.ok;
  const json = Boolean(values.json);
  const s = readScenarioFile(positionals[0]);
  if (!s.ok) return printIssues(io, s.issues, { json, file: s.file }), EXIT.badInput;
  const planFile = positionals[1];
  let text: string;
  try {
    text = readFileSync(planFile, 'utf8');
  } catch (e) {
    const issue = { path: '', code: 'unreadable' as const, file: planFile, message: `cannot read ${planFile} (${(e as NodeJS.ErrnoException).code ?? 'error'})` };
    return printIssues(io, [issue], { json, file: planFile }), EXIT.badInput;
  }
  const p = readPlanText(text);
  if (!p.ok) {
    const issues = p.issues.map((i) => ({ ...i, file: planFile }));
    return printIssues(io, issues, { json, file: planFile, heading: `${planFile}: ${issues.length} problem(s) in the plan's shape` }), EXIT.badInput;
  }
  const v = verifyPlanAgainst(s.scenario, p.plan);
  if (!v.ok) return printIssues(io, v.issues, { json, file: planFile }), EXIT.badInput;
  if (json) io.out(JSON.stringify({ valid: v.valid, violations: v.violations }, null, 2));
  else if (v.valid) io.out(`valid: the plan obeys every rule (${v.checked.sorties} sorties, ${v.checked.pallets} pallets checked)`);
  else {
    io.out(`${v.violations.length} violation(s):`);
    for (const x of v.violations) io.out(`  [${x.rule}] ${x.message}`);
  }
  return v.valid ? EXIT.ok : EXIT.violations;
}

export function schema(rest: string[], io: Out): number {
  const { values } = args('schema', rest, { plan: { type: 'boolean' } }, 0);
  if (values.help) return io.out(helpText('schema')), EXIT.ok;
  io.out(JSON.stringify(values.plan ? planJsonSchema() : scenarioJsonSchema(), null, 2));
  return EXIT.ok;
}
