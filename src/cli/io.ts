// How the CLI prints: two streams, and issues as text lines (`file:line: path: message (hint)`)
// on standard error, or as JSON on standard output when --json was asked for. Passwords are read
// without echo from a terminal, or line by line from a pipe, never from the command line.

import { DrawdownError } from '../app/index.ts';
import { formatIssue, type Issue } from '../model/index.ts';

export type Out = {
  out: (s: string) => void;
  err: (s: string) => void;
  /** a secret typed without echo (a terminal) or the next line of standard input (a pipe) */
  readSecret?: (prompt: string) => Promise<string>;
  /** true when readSecret asks a person (so asking twice to confirm makes sense) */
  interactive?: boolean;
};

let piped: string[] | undefined;

async function nextPipedLine(): Promise<string> {
  if (!piped) {
    const chunks: Buffer[] = [];
    let size = 0;
    for await (const chunk of process.stdin) {
      chunks.push(chunk as Buffer);
      size += (chunk as Buffer).length;
      if (size > 64 * 1024) throw new DrawdownError('usage', 'standard input is over 64 kB: give one password per line');
    }
    piped = Buffer.concat(chunks).toString('utf8').split(/\r?\n/);
  }
  const line = piped.shift();
  if (line === undefined || (line === '' && piped.length === 0)) throw new DrawdownError('usage', 'no password on standard input: pipe it in, one per line, or run this in a terminal');
  return line;
}

function typedSecret(prompt: string): Promise<string> {
  const stdin = process.stdin;
  process.stderr.write(prompt);
  stdin.setRawMode(true);
  stdin.setEncoding('utf8');
  stdin.resume();
  return new Promise((resolve, reject) => {
    let value = '';
    const finish = () => {
      stdin.off('data', onData);
      stdin.setRawMode(false);
      stdin.pause();
      process.stderr.write('\n');
    };
    const onData = (chunk: string) => {
      for (const ch of chunk) {
        if (ch === '\r' || ch === '\n') return finish(), resolve(value);
        if (ch === '\u0003' || ch === '\u0004') return finish(), reject(new DrawdownError('usage', 'cancelled: nothing was changed'));
        if (ch === '\u007f' || ch === '\b') value = [...value].slice(0, -1).join('');
        else value += ch;
      }
    };
    stdin.on('data', onData);
  });
}

export const stdio: Out = {
  out: (s) => process.stdout.write(s + '\n'),
  err: (s) => process.stderr.write(s + '\n'),
  readSecret: (prompt) => (process.stdin.isTTY ? typedSecret(prompt) : nextPipedLine()),
  get interactive() {
    return Boolean(process.stdin.isTTY);
  },
};

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
