// argv to options with node:util's parseArgs; usage errors are DrawdownError('usage') naming
// the command's help.

import { parseArgs } from 'node:util';
import { DrawdownError } from '../app/index.ts';

export type OptionSpec = Record<string, { type: 'string' | 'boolean'; short?: string }>;
export type Parsed = { values: Record<string, string | boolean | undefined>; positionals: string[] };

/** Parses a command's arguments; `positionals` is the exact count, or [min, max]. */
export function args(command: string, rest: string[], options: OptionSpec, positionals: number | [number, number]): Parsed {
  let parsed: Parsed;
  try {
    parsed = parseArgs({ args: rest, options: { ...options, help: { type: 'boolean', short: 'h' } }, allowPositionals: true, strict: true }) as Parsed;
  } catch (e) {
    throw new DrawdownError('usage', `${(e as Error).message} (try drawdown ${command} --help)`);
  }
  const [min, max] = typeof positionals === 'number' ? [positionals, positionals] : positionals;
  const n = parsed.positionals.length;
  if (!parsed.values.help && (n < min || n > max)) {
    const want = min === max ? `${min}` : `${min} to ${max}`;
    throw new DrawdownError('usage', `${command}: expected ${want} argument(s), got ${n} (try drawdown ${command.split(' ')[0]} --help)`);
  }
  return parsed;
}

export const str = (v: string | boolean | undefined): string | undefined => (typeof v === 'string' ? v : undefined);
