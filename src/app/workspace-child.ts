// A workspace in a child process, for the tests that kill it: it reads one JSON command a line
// on standard input, does it, and prints one JSON acknowledgement a line on standard output
// only after the write has returned from the store. A test that kills the process with
// SIGKILL then knows exactly which writes were acknowledged.
// Usage: node --import tsx src/app/workspace-child.ts DB_FILE LEASE_MS never|real

import { createInterface } from 'node:readline';
import { Workspace, type Planner } from './workspace.ts';

export type ChildCommand =
  | { op: 'create'; format: 'yaml' | 'json'; text: string }
  | { op: 'version'; id: number; format: 'yaml' | 'json'; text: string }
  | { op: 'plan'; id: number; version: number };

export type ChildAck =
  | { ack: 'ready'; owner: string }
  | { ack: 'create' | 'version'; id: number; version: number }
  | { ack: 'plan'; planId: number }
  | { ack: 'error'; message: string };

const [db, leaseMs, plannerKind] = process.argv.slice(2);
// `never`: a plan that stays running until the process dies, as a long plan does
const never: Planner = () => new Promise(() => {});
const workspace = Workspace.open({
  db,
  log: () => {},
  planLimits: { leaseMs: Number(leaseMs) },
  ...(plannerKind === 'never' ? { planner: never } : {}),
});
const say = (a: ChildAck) => process.stdout.write(`${JSON.stringify(a)}\n`);
say({ ack: 'ready', owner: workspace.planOwner });

for await (const line of createInterface({ input: process.stdin })) {
  if (!line.trim()) continue;
  const c = JSON.parse(line) as ChildCommand;
  if (c.op === 'create' || c.op === 'version') {
    const saved = c.op === 'create' ? workspace.createScenario(c.format, c.text) : workspace.addVersion(c.id, c.format, c.text);
    if (!saved?.ok) say({ ack: 'error', message: JSON.stringify(saved) });
    else say({ ack: c.op, id: saved.ref.id, version: saved.ref.version });
  } else if (c.op === 'plan') {
    const r = workspace.requestPlan({ id: c.id, version: c.version });
    if (!r.ok) say({ ack: 'error', message: r.message });
    else say({ ack: 'plan', planId: r.plan.id });
  }
}
await workspace.close();
