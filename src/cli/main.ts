// The `drawdown` command: argv in, an app call, text or JSON out, an exit code. Each command
// lives in a small file beside this one; this file only dispatches and maps errors once.

import { DrawdownError, EXIT, exitCodeFor, VERSION } from '../app/index.ts';
import { COMMANDS, helpText } from './help.ts';
import { stdio, type Out } from './io.ts';
import { check, plan, schema, verify } from './plan-commands.ts';
import { exportCommand, importCommand } from './sheet-commands.ts';
import { serveCommand, startCommand, type ServerAdapter } from './serve-commands.ts';
import { tokensCommand, usersCommand } from './user-commands.ts';
import { didYouMean } from '../model/index.ts';

export type { Out } from './io.ts';
export type { ServerAdapter } from './serve-commands.ts';

export interface Adapters {
  /** the HTTP server, loaded only when a command serves */
  server?: () => Promise<ServerAdapter>;
}

export async function main(argv: string[], io: Out = stdio, adapters: Adapters = {}): Promise<number> {
  try {
    return await run(argv, io, adapters);
  } catch (err) {
    const code = exitCodeFor(err);
    if (err instanceof DrawdownError) io.err(`drawdown: ${err.message}`);
    else io.err(`drawdown: internal error: ${err instanceof Error ? err.message : String(err)} (please report this)`);
    return code;
  }
}

async function run(argv: string[], io: Out, adapters: Adapters): Promise<number> {
  const [command, ...rest] = argv;
  switch (command) {
    case undefined:
      io.err(helpText());
      return EXIT.badInput;
    case 'help':
    case '--help':
    case '-h':
      io.out(helpText(rest[0]));
      return EXIT.ok;
    case '--version':
    case '-V':
      io.out(VERSION);
      return EXIT.ok;
    case 'check':
      return check(rest, io);
    case 'plan':
      return plan(rest, io);
    case 'verify':
      return verify(rest, io);
    case 'schema':
      return schema(rest, io);
    case 'import':
      return importCommand(rest, io);
    case 'export':
      return exportCommand(rest, io);
    case 'serve':
      return serveCommand(rest, io, adapters.server);
    case 'start':
      return startCommand(rest, io, adapters.server);
    case 'users':
      return usersCommand(rest, io);
    case 'tokens':
      return tokensCommand(rest, io);
    default: {
      const hint = didYouMean(command, COMMANDS);
      throw new DrawdownError('usage', `unknown command "${command}"${hint ? ` (${hint})` : ''} (try drawdown --help)`);
    }
  }
}
