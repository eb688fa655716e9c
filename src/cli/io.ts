// How the CLI prints: two streams, and issues as text lines (`file:line: path: message (hint)`)
// on standard error, or as JSON on standard output when --json was asked for.

import { formatIssue, type Issue } from '../model/index.ts';

export type Out = { out: (s: string) => void; err: (s: string) => void };

export const stdio: Out = { out: (s) => process.stdout.write(s + '\n'), err: (s) => process.stderr.write(s + '\n') };

/** Prints every problem of an input; the caller exits 2. */
export function printIssues(io: Out, issues: readonly Issue[], opts: { json?: boolean; file?: string; heading?: string }): void {
  if (opts.json) {
    io.out(JSON.stringify({ ok: false, issues }, null, 2));
    return;
  }
  const n = issues.length;
  io.err(opts.heading ?? `${opts.file ? `${opts.file}: ` : ''}${n} problem${n === 1 ? '' : 's'}`);
  for (const i of issues) io.err(`  ${formatIssue(i, i.file ?? opts.file)}`);
}

export function printWarnings(io: Out, warnings: readonly Issue[], file?: string): void {
  for (const w of warnings) io.err(`warning: ${formatIssue(w, w.file ?? file)}`);
}
