// The Node adapter: opens the workspace, starts @hono/node-server on a port, and hands back a
// handle whose close() stops planning, the server and the database in that order.

import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import { serve as nodeServe } from '@hono/node-server';
import type { Hono } from 'hono';
import { DrawdownError, Workspace, type Log, type Planner } from '../app/index.ts';
import { createApp, type AppDeps } from './app.ts';

export interface ServeOptions extends Omit<AppDeps, 'workspace'> {
  /** default: the PORT environment variable, else 8080; 0 picks a free port */
  port?: number;
  /** default 127.0.0.1 (this machine only); 0.0.0.0 to serve a network */
  hostname?: string;
  /** a database file, ':memory:', or an open workspace; default ./data/drawdown.db */
  db?: string | Workspace;
  /** the planner for a workspace opened here (default: the real one) */
  planner?: Planner;
}

export interface ServerHandle {
  app: Hono;
  workspace: Workspace;
  port: number;
  hostname: string;
  /** http://localhost:PORT */
  url: string;
  close(): Promise<void>;
}

export function defaultPort(): number {
  const env = Number(process.env.PORT);
  return Number.isInteger(env) && env > 0 && env < 65536 ? env : 8080;
}

export async function serve(options: ServeOptions = {}): Promise<ServerHandle> {
  const log: Log = options.log ?? ((m, e) => console.error(m, e ?? ''));
  const own = !(options.db instanceof Workspace);
  const workspace = options.db instanceof Workspace ? options.db : Workspace.open({ db: options.db, planner: options.planner, log });
  const app = createApp({ ...options, workspace, log });
  const hostname = options.hostname ?? '127.0.0.1';
  let server: Server;
  try {
    server = await new Promise<Server>((resolve, reject) => {
      const s = nodeServe({ fetch: app.fetch, port: options.port ?? defaultPort(), hostname }) as Server;
      s.once('listening', () => resolve(s));
      s.once('error', reject);
    });
  } catch (e) {
    if (own) await workspace.close();
    const err = e as NodeJS.ErrnoException;
    if (err.code === 'EADDRINUSE') throw new DrawdownError('usage', `port ${options.port ?? defaultPort()} is in use: choose another with --port N`);
    if (err.code === 'EACCES') throw new DrawdownError('usage', `no permission to listen on port ${options.port ?? defaultPort()}: choose one above 1024`);
    throw e;
  }
  const port = (server.address() as AddressInfo).port;
  let closed: Promise<void> | undefined;
  return {
    app, workspace, port, hostname, url: `http://localhost:${port}`,
    close() {
      closed ??= (async () => {
        await new Promise<void>((resolve) => {
          server.close(() => resolve());
          server.closeAllConnections(); // keep-alive sockets would hold close() open
        });
        if (own) await workspace.close();
      })();
      return closed;
    },
  };
}
