// The `drawdown` command: argv in, an app call, text or JSON out, an exit code.

import { parseArgs } from 'node:util';
import { readFileSync, writeFileSync } from 'node:fs';
import { DrawdownError, EXIT, exitCodeFor } from '../app/errors.ts';
import { BUILTIN_SCENARIO } from '../app/paths.ts';
import { planScenario } from '../app/plan.ts';
import { loadScenarioFile, formatIssue } from '../scenario/load.ts';
import { scenarioJsonSchema } from '../scenario/json-schema.ts';
import type { Scenario } from '../model/index.ts';
import { formatPlanIssues, parsePlan } from '../verify/plan-shape.ts';
import { verifyPlan } from '../verify/index.ts';
import { checkSummary } from './check-summary.ts';
import { planSummary } from './plan-summary.ts';

const HELP = `drawdown — plan the withdrawal of a force or mission before a negotiated deadline

Usage:
  drawdown check SCENARIO [--json]          validate a scenario; summary, or the normalised scenario as JSON
  drawdown plan SCENARIO [--json] [-o FILE] [--seed N] [--no-remedies]
                                            plan it: summary, or the full plan as JSON (formats.md)
  drawdown verify SCENARIO PLAN [--json]    check a plan against its scenario, trusting nothing in it
  drawdown schema                           print the scenario JSON Schema (for editors)
  drawdown import --items FILE [--personnel FILE] [--base SCENARIO] [--mapping FILE] -o OUT.yaml|json
                                            a CSV/XLSX inventory (and roster) into a scenario; every bad cell named
  drawdown export SCENARIO [PLAN] --what W [--format csv|xlsx] -o FILE
                                            W: dispositions, transfers, handovers, sorties (CSV/XLSX),
                                            loadplans (printable HTML), geojson, ics, items (the inventory)
  drawdown serve [--port N] [--db FILE]     serve the workspace (web page and HTTP API); PORT is respected
  drawdown start [--port N] [--db FILE]     load and plan the built-in Niger 2024 scenario, then serve it
                                            (default port 8080, database ./data/drawdown.db)
  drawdown help                             this text

SCENARIO is a YAML or JSON file (formats.md, version 1); "niger-2024" names the built-in one.

Exit codes:
  0  success (check: valid; plan: feasible; verify: no violations)
  1  verify: the plan breaks at least one rule
  2  bad input: unreadable file, invalid scenario or plan (every problem is listed), bad usage
  3  plan: a plan was made but it is not feasible (it says why and what would fix it)
  70 internal error (a bug: please report it with the input)
`;

type Out = { out: (s: string) => void; err: (s: string) => void };
const stdio: Out = { out: (s) => process.stdout.write(s + '\n'), err: (s) => process.stderr.write(s + '\n') };

export async function main(argv: string[], io: Out = stdio): Promise<number> {
  try {
    return await run(argv, io);
  } catch (err) {
    const code = exitCodeFor(err);
    if (err instanceof DrawdownError) io.err(`drawdown: ${err.message}`);
    else io.err(`drawdown: internal error: ${err instanceof Error ? err.message : String(err)} (please report this)`);
    return code;
  }
}

async function run(argv: string[], io: Out): Promise<number> {
  const [command, ...rest] = argv;
  switch (command) {
    case undefined:
    case 'help':
    case '--help':
    case '-h':
      io.out(HELP);
      return command === undefined ? EXIT.badInput : EXIT.ok;
    case 'check':
      return check(rest, io);
    case 'plan':
      return plan(rest, io);
    case 'verify':
      return verify(rest, io);
    case 'schema':
      io.out(JSON.stringify(scenarioJsonSchema(), null, 2));
      return EXIT.ok;
    case 'start':
      return start(rest, io);
    case 'import':
      return importCommand(rest, io);
    case 'export':
      return exportCommand(rest, io);
    case 'serve':
      return serveCommand(rest, io);
    default:
      throw new DrawdownError('usage', `unknown command "${command}" (try drawdown --help)`);
  }
}

type OptionSpec = Record<string, { type: 'string' | 'boolean'; short?: string }>;
type Parsed = { values: Record<string, string | boolean | undefined>; positionals: string[] };

function args(rest: string[], options: OptionSpec, positionals: number): Parsed {
  let parsed: Parsed;
  try {
    parsed = parseArgs({ args: rest, options: { ...options, help: { type: 'boolean', short: 'h' } }, allowPositionals: true, strict: true }) as Parsed;
  } catch (e) {
    throw new DrawdownError('usage', `${(e as Error).message} (try drawdown --help)`);
  }
  if (!parsed.values.help && parsed.positionals.length !== positionals) {
    throw new DrawdownError('usage', `expected ${positionals} file argument(s), got ${parsed.positionals.length} (try drawdown --help)`);
  }
  return parsed;
}

/** Loads a scenario or prints every problem in it; null means "exit 2". */
function readScenario(path: string, io: Out): Scenario | null {
  const file = path === 'niger-2024' ? BUILTIN_SCENARIO : path;
  const result = loadScenarioFile(file);
  if (!result.ok) {
    io.err(`${file}: ${result.issues.length} problem${result.issues.length === 1 ? '' : 's'}`);
    for (const issue of result.issues) io.err(`  ${formatIssue(issue)}`);
    return null;
  }
  for (const w of result.warnings) io.err(`warning: ${formatIssue(w)}`);
  return result.scenario;
}

function check(rest: string[], io: Out): number {
  const { values, positionals } = args(rest, { json: { type: 'boolean' } }, 1);
  if (values.help) return io.out(HELP), EXIT.ok;
  const scenario = readScenario(positionals[0], io);
  if (!scenario) return EXIT.badInput;
  io.out(values.json ? JSON.stringify(scenario, null, 2) : checkSummary(scenario));
  return EXIT.ok;
}

function plan(rest: string[], io: Out): number {
  const { values, positionals } = args(
    rest,
    { json: { type: 'boolean' }, output: { type: 'string', short: 'o' }, seed: { type: 'string' }, 'no-remedies': { type: 'boolean' } },
    1,
  );
  if (values.help) return io.out(HELP), EXIT.ok;
  const seed = values.seed === undefined ? 1 : Number(values.seed);
  if (!Number.isInteger(seed) || seed < 0) throw new DrawdownError('usage', `--seed: must be a non-negative integer, got "${values.seed}"`);
  const scenario = readScenario(positionals[0], io);
  if (!scenario) return EXIT.badInput;
  const plan = planScenario(scenario, { seed, remedies: !values['no-remedies'] });
  const json = JSON.stringify(plan, null, 2);
  if (values.output) {
    writeFileSync(values.output as string, json + '\n');
    io.err(`plan written to ${values.output}`);
  }
  io.out(values.json ? json : planSummary(scenario, plan));
  return plan.feasible ? EXIT.ok : EXIT.infeasible;
}

function verify(rest: string[], io: Out): number {
  const { values, positionals } = args(rest, { json: { type: 'boolean' } }, 2);
  if (values.help) return io.out(HELP), EXIT.ok;
  const scenario = readScenario(positionals[0], io);
  if (!scenario) return EXIT.badInput;
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(positionals[1], 'utf8'));
  } catch (e) {
    throw new DrawdownError('unreadable', `${positionals[1]}: cannot read the plan as JSON: ${(e as Error).message}`);
  }
  const parsed = parsePlan(raw);
  if (!parsed.ok) {
    io.err(`${positionals[1]}: ${parsed.issues.length} problem(s) in the plan's shape`);
    for (const line of formatPlanIssues(parsed.issues)) io.err(`  ${line}`);
    return EXIT.badInput;
  }
  const violations = verifyPlan(scenario, parsed.plan);
  if (values.json) io.out(JSON.stringify({ valid: violations.length === 0, violations }, null, 2));
  else if (violations.length === 0) io.out(`valid: the plan obeys every rule (${parsed.plan.sorties.length} sorties, ${parsed.plan.pallets.length} pallets checked)`);
  else {
    io.out(`${violations.length} violation(s):`);
    for (const v of violations) io.out(`  [${v.rule}] ${v.message}`);
  }
  return violations.length === 0 ? EXIT.ok : EXIT.violations;
}

async function importCommand(rest: string[], io: Out): Promise<number> {
  const { values } = args(
    rest,
    { items: { type: 'string' }, personnel: { type: 'string' }, base: { type: 'string' }, mapping: { type: 'string' }, output: { type: 'string', short: 'o' } },
    0,
  );
  if (values.help) return io.out(HELP), EXIT.ok;
  if (typeof values.items !== 'string') throw new DrawdownError('usage', 'import needs --items FILE (try drawdown --help)');
  const { runImportCommand } = await import('../sheets/cli.ts');
  return emit(
    await runImportCommand({
      items: values.items,
      personnel: values.personnel as string | undefined,
      base: values.base as string | undefined,
      mapping: values.mapping as string | undefined,
      output: values.output as string | undefined,
    }),
    io,
  );
}

async function exportCommand(rest: string[], io: Out): Promise<number> {
  let parsed: Parsed;
  try {
    parsed = parseArgs({
      args: rest,
      options: { what: { type: 'string' }, format: { type: 'string' }, output: { type: 'string', short: 'o' }, help: { type: 'boolean', short: 'h' } },
      allowPositionals: true,
      strict: true,
    }) as Parsed;
  } catch (e) {
    throw new DrawdownError('usage', `${(e as Error).message} (try drawdown --help)`);
  }
  const { values, positionals } = parsed;
  if (values.help) return io.out(HELP), EXIT.ok;
  if (positionals.length < 1 || positionals.length > 2) throw new DrawdownError('usage', 'export takes SCENARIO [PLAN] (try drawdown --help)');
  if (typeof values.what !== 'string') throw new DrawdownError('usage', 'export needs --what (try drawdown --help)');
  const { runExportCommand } = await import('../sheets/cli.ts');
  return emit(
    await runExportCommand({
      scenario: positionals[0],
      plan: positionals[1],
      what: values.what,
      format: values.format as string | undefined,
      output: values.output as string | undefined,
    }),
    io,
  );
}

/** Writes what a sheets command produced; it returns files rather than writing them itself. */
function emit(r: { exitCode: number; stdout: string; stderr: string; files: { path: string; data: Buffer | string }[] }, io: Out): number {
  for (const f of r.files) writeFileSync(f.path, f.data);
  if (r.stdout) io.out(r.stdout.replace(/\n$/, ''));
  if (r.stderr) io.err(r.stderr.replace(/\n$/, ''));
  return r.exitCode;
}

function serverOptions(rest: string[]) {
  const { values } = args(rest, { port: { type: 'string', short: 'p' }, db: { type: 'string' } }, 0);
  const port = values.port === undefined ? undefined : Number(values.port);
  if (port !== undefined && (!Number.isInteger(port) || port < 0 || port > 65535)) {
    throw new DrawdownError('usage', `--port: must be a port number, got "${values.port}"`);
  }
  return { help: Boolean(values.help), port, db: values.db as string | undefined };
}

/** Runs until the process is interrupted; closes the database cleanly on SIGINT/SIGTERM. */
function untilStopped(handle: { close(): Promise<void> }): Promise<number> {
  return new Promise((resolve) => {
    const stop = () => void handle.close().then(() => resolve(EXIT.ok));
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
}

async function serveCommand(rest: string[], io: Out): Promise<number> {
  const o = serverOptions(rest);
  if (o.help) return io.out(HELP), EXIT.ok;
  const { serve } = await import('../server/serve.ts');
  const handle = await serve({ port: o.port, db: o.db });
  io.out(`drawdown is serving at ${handle.url}`);
  return untilStopped(handle);
}

async function start(rest: string[], io: Out): Promise<number> {
  const o = serverOptions(rest);
  if (o.help) return io.out(HELP), EXIT.ok;
  const scenario = readScenario(BUILTIN_SCENARIO, io);
  if (!scenario) return EXIT.badInput;
  io.out(checkSummary(scenario));
  io.out('');
  const { startWorkspace } = await import('../server/start.ts');
  const handle = await startWorkspace({ port: o.port, db: o.db, print: () => {} });
  const stored = handle.store.planText(handle.planId);
  if (stored) io.out(planSummary(scenario, JSON.parse(stored)));
  io.out('');
  io.out(`drawdown is serving the Niger 2024 plan at ${handle.url}  (Ctrl-C stops it)`);
  return untilStopped(handle);
}
