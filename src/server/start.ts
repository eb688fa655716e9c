// `drawdown start`: a workspace ready to use. The database is created when missing, the built-in
// scenario is loaded once (found by name), planned when it has no finished plan, and served.

import { readFileSync } from 'node:fs';
import { extname } from 'node:path';
import { DrawdownError } from '../app/errors.ts';
import { BUILTIN_SCENARIO } from '../app/paths.ts';
import { formatIssue } from '../scenario/load.ts';
import type { ScenarioFormat, Store } from '../store/index.ts';
import { parseScenarioText } from './input.ts';
import { serve, type ServeOptions, type ServerHandle } from './serve.ts';

export interface StartOptions extends ServeOptions {
  /** default: the built-in Niger 2024 scenario */
  scenarioFile?: string;
  /** how the greeting names it; default 'Niger 2024' */
  label?: string;
  /** where the greeting goes; default standard output */
  print?: (line: string) => void;
}

export interface WorkspaceHandle extends ServerHandle {
  scenarioId: number;
  /** the done (or failed) plan the page opens on */
  planId: number;
}

export async function startWorkspace(options: StartOptions = {}): Promise<WorkspaceHandle> {
  const file = options.scenarioFile ?? BUILTIN_SCENARIO;
  const print = options.print ?? ((line: string) => process.stdout.write(line + '\n'));
  const handle = await serve(options);
  try {
    const scenarioId = ensureScenario(handle.store, file);
    const current = handle.store.getScenario(scenarioId)!.version;
    let plan = handle.store.listPlans(scenarioId).find((p) => p.status === 'done' && p.version === current);
    if (!plan) {
      const latest = handle.store.getScenario(scenarioId)!;
      const request = handle.planning.request({ id: scenarioId, version: latest.version });
      await request.done;
      plan = handle.store.getPlan(request.plan.id)!;
      if (plan.status === 'failed') print(`drawdown: planning ${latest.name} failed: ${plan.error}`);
    }
    print(`drawdown is serving the ${options.label ?? 'Niger 2024'} plan at ${handle.url}`);
    return { ...handle, scenarioId, planId: plan.id };
  } catch (e) {
    await handle.close();
    throw e;
  }
}

/** The id of the scenario named as in the file, saving the file as a new scenario when none is. */
function ensureScenario(store: Store, file: string): number {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (e) {
    throw new DrawdownError('unreadable', `cannot read ${file} (${(e as NodeJS.ErrnoException).code ?? 'error'})`);
  }
  const format: ScenarioFormat = extname(file).toLowerCase() === '.json' ? 'json' : 'yaml';
  const parsed = parseScenarioText(format, text);
  if (!parsed.ok) {
    throw new DrawdownError('bad_input', `${file} is not a valid scenario:\n${parsed.issues.map((i) => formatIssue(i, file)).join('\n')}`);
  }
  const existing = store.findScenarioByName(parsed.scenario.name);
  if (!existing) return store.createScenario({ format, text, scenario: parsed.scenario }).id;
  // A newer release of the built-in file becomes a new version; nothing stored is overwritten.
  if (store.getScenario(existing.id)?.text !== text) store.addVersion(existing.id, { format, text, scenario: parsed.scenario });
  return existing.id;
}
