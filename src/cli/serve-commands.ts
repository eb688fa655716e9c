// `drawdown serve` and `drawdown start`: the workspace served until the process is stopped.

import { BUILTIN_SCENARIO, checkScenarioFile, DrawdownError, EXIT, type Workspace } from '../app/index.ts';
import { args, str } from './args.ts';
import { checkSummary } from './check-summary.ts';
import { helpText } from './help.ts';
import { printIssues, type Out } from './io.ts';
import { planSummary } from './plan-summary.ts';

/**
 * The HTTP adapter, handed in by the composition root (bin/drawdown.js), so the CLI adapter
 * never imports the server adapter: both stand on app/ alone.
 */
interface Served {
  url: string;
  /** the address with a one-time login token */
  loginUrl: string;
  hostname: string;
  hosts: string[];
  close(): Promise<void>;
}

type ServeFlags = { port?: number; db?: string; hostname?: string; allowHosts?: string[]; adminToken?: string };

export interface ServerAdapter {
  serve(o: ServeFlags): Promise<Served>;
  startWorkspace(o: ServeFlags & { print: (line: string) => void }): Promise<Served & { planId: number; workspace: Workspace }>;
}

function serverOptions(command: 'serve' | 'start', rest: string[]) {
  const { values } = args(command, rest, {
    port: { type: 'string', short: 'p' }, db: { type: 'string' }, host: { type: 'string' }, 'allow-host': { type: 'string' },
  }, 0);
  const port = values.port === undefined ? undefined : Number(values.port);
  if (port !== undefined && (!/^\d{1,5}$/.test(String(values.port)) || port > 65535)) {
    throw new DrawdownError('usage', `--port: must be a port number, got "${values.port}"`);
  }
  const allow = str(values['allow-host']);
  // DRAWDOWN_TOKEN: an admin token for automation (scripts, CI), never written anywhere
  const adminToken = process.env.DRAWDOWN_TOKEN || undefined;
  return {
    help: Boolean(values.help), port, db: str(values.db), hostname: str(values.host),
    ...(allow ? { allowHosts: allow.split(',') } : {}), ...(adminToken ? { adminToken } : {}),
  };
}

function signInLines(io: Out, handle: Served): void {
  io.out('  the link signs in one browser once; others sign in with a user (drawdown users add NAME --role R)');
  if (!['127.0.0.1', 'localhost', '::1'].includes(handle.hostname)) io.out(`  listening on ${handle.hostname}, answering for ${handle.hosts.join(', ')}`);
}

/** Runs until the process is interrupted; closes the database cleanly on SIGINT/SIGTERM. */
function untilStopped(handle: { close(): Promise<void> }): Promise<number> {
  return new Promise((resolve) => {
    const stop = () => void handle.close().then(() => resolve(EXIT.ok));
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
}

function needServer(server: (() => Promise<ServerAdapter>) | undefined): () => Promise<ServerAdapter> {
  if (!server) throw new DrawdownError('usage', 'this build of drawdown has no HTTP server (run it through bin/drawdown.js)');
  return server;
}

export async function serveCommand(rest: string[], io: Out, server?: () => Promise<ServerAdapter>): Promise<number> {
  const o = serverOptions('serve', rest);
  if (o.help) return io.out(helpText('serve')), EXIT.ok;
  const { serve } = await needServer(server)();
  const { help: _h, ...flags } = o;
  const handle = await serve(flags);
  io.out(`drawdown is serving at ${handle.loginUrl}`);
  signInLines(io, handle);
  return untilStopped(handle);
}

export async function startCommand(rest: string[], io: Out, server?: () => Promise<ServerAdapter>): Promise<number> {
  const o = serverOptions('start', rest);
  if (o.help) return io.out(helpText('start')), EXIT.ok;
  const checked = checkScenarioFile(BUILTIN_SCENARIO);
  if (!checked.ok) return printIssues(io, checked.issues, { file: checked.file }), EXIT.badInput;
  io.out(checkSummary(checked.summary));
  io.out('');
  const { startWorkspace } = await needServer(server)();
  const { help: _h, ...flags } = o;
  const handle = await startWorkspace({ ...flags, print: () => {} });
  const plan = handle.workspace.planDocument(handle.planId);
  if (plan) io.out(planSummary(checked.scenario, plan));
  io.out('');
  io.out(`drawdown is serving the Niger 2024 plan at ${handle.loginUrl}  (Ctrl-C stops it)`);
  signInLines(io, handle);
  return untilStopped(handle);
}
