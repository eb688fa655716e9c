// `drawdown start`: a workspace ready to use. The database is created when missing, the built-in
// scenario is loaded once (found by name), planned when it has no finished plan, and served.

import { BUILTIN_SCENARIO } from '../app/index.ts';
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
  const print = options.print ?? ((line: string) => process.stdout.write(line + '\n'));
  const handle = await serve(options);
  try {
    const ready = await handle.workspace.prepare(options.scenarioFile ?? BUILTIN_SCENARIO);
    if (ready.failed) print(`drawdown: planning failed: ${ready.failed}`);
    print(`drawdown is serving the ${options.label ?? 'Niger 2024'} plan at ${handle.loginUrl}`);
    return { ...handle, scenarioId: ready.scenarioId, planId: ready.planId };
  } catch (e) {
    await handle.close();
    throw e;
  }
}
