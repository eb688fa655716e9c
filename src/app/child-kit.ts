// The test side of workspace-child.ts: start a workspace in a child process, send it commands,
// wait for its acknowledgements, and kill it with SIGKILL the way a crash or the OOM killer does.

import { spawn, type ChildProcess } from 'node:child_process';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import type { ChildAck, ChildCommand } from './workspace-child.ts';

export type { ChildAck, ChildCommand };

export interface ChildWorkspace {
  /** this child's lease owner */
  owner: string;
  /** every acknowledgement received so far, in order */
  acks: ChildAck[];
  send(command: ChildCommand): Promise<ChildAck>;
  /** sends without waiting; the acknowledgement, if any, lands in `acks` */
  post(command: ChildCommand): void;
  kill(): Promise<void>;
}

const SCRIPT = fileURLToPath(new URL('./workspace-child.ts', import.meta.url));

export async function startChild(db: string, leaseMs: number, planner: 'never' | 'real' = 'never'): Promise<ChildWorkspace> {
  const child: ChildProcess = spawn(process.execPath, ['--import', 'tsx', SCRIPT, db, String(leaseMs), planner], { stdio: ['pipe', 'pipe', 'inherit'] });
  // writes to a child that was just killed fail with EPIPE: that is the point, not an error
  child.stdin!.on('error', () => {});
  const acks: ChildAck[] = [];
  const waiting: ((a: ChildAck) => void)[] = [];
  const exited = new Promise<void>((r) => child.once('exit', () => r()));
  createInterface({ input: child.stdout! }).on('line', (line) => {
    const ack = JSON.parse(line) as ChildAck;
    acks.push(ack);
    waiting.shift()?.(ack);
  });
  const next = () => new Promise<ChildAck>((resolve, reject) => {
    waiting.push(resolve);
    void exited.then(() => reject(new Error('the child workspace exited')));
  });
  const ready = await next();
  if (ready.ack !== 'ready') throw new Error(`the child workspace did not start: ${JSON.stringify(ready)}`);
  return {
    owner: ready.owner,
    acks,
    send(command) {
      const ack = next();
      child.stdin!.write(`${JSON.stringify(command)}\n`);
      return ack;
    },
    post(command) {
      waiting.push(() => {});
      child.stdin!.write(`${JSON.stringify(command)}\n`);
    },
    async kill() {
      child.kill('SIGKILL');
      await exited;
    },
  };
}
