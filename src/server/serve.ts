// The Node adapter: opens the workspace, starts @hono/node-server on a port, and hands back a
// handle whose close() stops the server, planning (the running plan is stopped and marked
// interrupted), the reading worker and the database, in that order, within a few seconds:
// what SIGTERM needs. It decides which Host names the server answers for, refuses to serve a
// network without users, and makes the one-time login link. Limits come from the options,
// else from DRAWDOWN_* variables.

import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import { hostname as machineName, networkInterfaces } from 'node:os';
import { serve as nodeServe } from '@hono/node-server';
import { getConnInfo } from '@hono/node-server/conninfo';
import type { Hono } from 'hono';
import { DrawdownError, Reader, Workspace, type Log, type Planner, type PlanLimits, type ReaderLimits } from '../app/index.ts';
import { createApp, LOOPBACK_HOSTS, type AppDeps } from './app.ts';
import { isLoopback, type AppEnv } from './guard.ts';

export interface ServeOptions extends Omit<AppDeps, 'workspace' | 'hosts' | 'clientAddress'> {
  /** default: the PORT environment variable, else 8080; 0 picks a free port */
  port?: number;
  /** default 127.0.0.1 (this machine only); 0.0.0.0 serves a network and needs at least one user */
  hostname?: string;
  /** more host names to answer for (a DNS name of this machine, a proxy's name) */
  allowHosts?: string[];
  /** a database file, ':memory:', or an open workspace; default ./data/drawdown.db */
  db?: string | Workspace;
  /** the planner for a workspace opened here (default: the real one) */
  planner?: Planner;
  /** DRAWDOWN_TOKEN: an admin bearer token for automation, for a workspace opened here */
  adminToken?: string;
  /** the plan queue's limits for a workspace opened here; default from the environment (planLimitsFromEnv) */
  planLimits?: Partial<PlanLimits>;
  /** the body reader's limits; default DEFAULT_READER_LIMITS */
  readerLimits?: Partial<ReaderLimits>;
}

/** The longest close() waits for open connections before it lets go of them. */
const CLOSE_GRACE_MS = 5000;

const ENV_LIMITS: [string, keyof PlanLimits, number][] = [
  ['DRAWDOWN_PLAN_TIME_LIMIT', 'timeLimitMs', 1000],
  ['DRAWDOWN_PLAN_QUEUE', 'maxQueued', 1],
  ['DRAWDOWN_PLAN_MEMORY_MB', 'memoryMb', 1],
];

/**
 * Plan limits from the environment: DRAWDOWN_PLAN_TIME_LIMIT (seconds a plan may run),
 * DRAWDOWN_PLAN_QUEUE (plans queued at once), DRAWDOWN_PLAN_MEMORY_MB (heap of a plan).
 */
export function planLimitsFromEnv(env: NodeJS.ProcessEnv = process.env): Partial<PlanLimits> {
  const out: Partial<PlanLimits> = {};
  for (const [name, key, scale] of ENV_LIMITS) {
    const text = env[name];
    if (text === undefined || text === '') continue;
    const n = Number(text);
    if (!Number.isFinite(n) || n <= 0) throw new DrawdownError('usage', `${name} must be a positive number, got "${text}"`);
    out[key] = Math.round(n * scale);
  }
  return out;
}

export interface ServerHandle {
  app: Hono<AppEnv>;
  workspace: Workspace;
  port: number;
  hostname: string;
  /** http://localhost:PORT */
  url: string;
  /** the address with a one-time login token (http://localhost:PORT/#token=…): opened once, it signs the browser in as `local` (admin) */
  loginUrl: string;
  /** the host names the server answers for */
  hosts: string[];
  close(): Promise<void>;
}

export function defaultPort(): number {
  const env = Number(process.env.PORT);
  return Number.isInteger(env) && env > 0 && env < 65536 ? env : 8080;
}

const WILDCARD = new Set(['0.0.0.0', '::', '[::]', '']);

/** The Host names to answer for: loopback always; the bound address; on a wildcard, this machine's name and addresses. */
export function answeringHosts(hostname: string, extra: readonly string[] = []): string[] {
  const hosts = new Set(LOOPBACK_HOSTS);
  const add = (h: string) => hosts.add(h.includes(':') && !h.startsWith('[') ? `[${h}]` : h.toLowerCase());
  if (WILDCARD.has(hostname)) {
    add(machineName());
    for (const list of Object.values(networkInterfaces())) for (const a of list ?? []) add(a.address);
  } else {
    add(hostname);
  }
  for (const h of extra) for (const part of h.split(',')) if (part.trim()) add(part.trim());
  return [...hosts];
}

export async function serve(options: ServeOptions = {}): Promise<ServerHandle> {
  const log: Log = options.log ?? ((m, e) => console.error(m, e ?? ''));
  const own = !(options.db instanceof Workspace);
  const planLimits = options.planLimits ?? planLimitsFromEnv();
  const workspace = options.db instanceof Workspace
    ? options.db
    : Workspace.open({ db: options.db, planner: options.planner, log, adminToken: options.adminToken, planLimits });
  // a reader of its own: closing this server stops its reads, not another's in the same process
  const reader = options.reader ?? new Reader(options.readerLimits);
  const hostname = options.hostname ?? '127.0.0.1';
  if (!isLoopback(hostname) && !workspace.access.hasUsers()) {
    if (!options.reader) await reader.close();
    if (own) await workspace.close();
    throw new DrawdownError('usage', `serving ${hostname} opens the workspace to the network, so it needs users first: drawdown users add NAME --role admin${typeof options.db === 'string' ? ` --db ${options.db}` : ''}`);
  }
  const hosts = answeringHosts(hostname, options.allowHosts);
  const app = createApp({ ...options, workspace, log, reader, hosts, clientAddress: (c) => getConnInfo(c).remote.address });
  let server: Server;
  try {
    server = await new Promise<Server>((resolve, reject) => {
      const s = nodeServe({ fetch: app.fetch, port: options.port ?? defaultPort(), hostname }) as Server;
      s.once('listening', () => resolve(s));
      s.once('error', reject);
    });
  } catch (e) {
    if (!options.reader) await reader.close();
    if (own) await workspace.close();
    const err = e as NodeJS.ErrnoException;
    if (err.code === 'EADDRINUSE') throw new DrawdownError('usage', `port ${options.port ?? defaultPort()} is in use: choose another with --port N`);
    if (err.code === 'EACCES') throw new DrawdownError('usage', `no permission to listen on port ${options.port ?? defaultPort()}: choose one above 1024`);
    throw e;
  }
  const port = (server.address() as AddressInfo).port;
  const url = `http://localhost:${port}`;
  let closed: Promise<void> | undefined;
  return {
    // the token rides in the fragment: browsers never send it to a server, a proxy log or a Referer
    app, workspace, port, hostname, url, hosts, loginUrl: `${url}/#token=${workspace.access.issueLink()}`,
    close() {
      closed ??= (async () => {
        await new Promise<void>((resolve) => {
          const grace = setTimeout(resolve, CLOSE_GRACE_MS);
          server.close(() => (clearTimeout(grace), resolve()));
          server.closeAllConnections(); // keep-alive sockets would hold close() open
        });
        if (own) await workspace.close();
        if (!options.reader) await reader.close();
      })();
      return closed;
    },
  };
}
